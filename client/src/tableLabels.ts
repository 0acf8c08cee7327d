/**
 * Tables on a phone are stacked one cell under the other (styles.css); each cell then carries its column's header
 * as a visible label (`data-label`), so "Coach", "Bedrijfsarts" and "Arbeidsdeskundige" stay told apart. Done once
 * for every list table, as the page changes, rather than in each screen.
 */
import { useEffect } from 'react';

function label(table: HTMLTableElement) {
  const headers = [...table.querySelectorAll('thead th')].map((th) => th.textContent?.trim() ?? '');
  for (const row of table.querySelectorAll('tbody tr')) {
    [...row.children].forEach((cell, index) => {
      const text = headers[index];
      if (text && cell.getAttribute('data-label') !== text) cell.setAttribute('data-label', text);
    });
  }
}

export function useTableLabels(): void {
  useEffect(() => {
    const run = () => document.querySelectorAll<HTMLTableElement>('table.list').forEach(label);
    run();
    const observer = new MutationObserver(run);
    observer.observe(document.body, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, []);
}
