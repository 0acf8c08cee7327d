/**
 * Where keyboard and screen-reader users are after something changes (WCAG 2.4.3 focus order, 2.4.2 page titled):
 * a new screen announces itself by its main heading, which also names the browser tab ("Cliënten — Spoorboek");
 * and when the element that had focus disappears (the "new" button that opened an editor, the save or send button
 * of a form that closed), focus goes to the editor that opened or else to the main heading — never to <body>.
 */
import { useEffect } from 'react';
import { t } from './text';

const mainHeading = () => document.querySelector<HTMLElement>('main h1');

function focusHeading(heading: HTMLElement) {
  if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
  heading.focus();
}

/** On every new screen (`key` changes): the tab title from the main heading, and focus on it unless a field has it. */
export function usePageFocus(key: string): void {
  useEffect(() => {
    let done = false;
    const settle = () => {
      const heading = mainHeading();
      if (!heading || done) return;
      done = true;
      document.title = `${heading.textContent?.trim() || t.app} — ${t.app}`;
      const active = document.activeElement;
      const fieldHasFocus = active instanceof HTMLElement && active !== document.body && active.closest('main') && active.matches('input, select, textarea');
      if (!fieldHasFocus) focusHeading(heading);
    };
    settle();
    // The heading of a screen that loads its data first appears a little later.
    const observer = new MutationObserver(settle);
    observer.observe(document.body, { childList: true, subtree: true });
    const stop = window.setTimeout(() => observer.disconnect(), 5_000);
    return () => {
      observer.disconnect();
      window.clearTimeout(stop);
    };
  }, [key]);
}

/** Once for the app: rescue focus when the focused element is removed from the page. */
export function useFocusRescue(): void {
  useEffect(() => {
    let last: Element | null = null;
    const remember = (event: FocusEvent) => { last = event.target as Element; };
    const rescue = () => {
      if (!last || last.isConnected || (document.activeElement && document.activeElement !== document.body)) return;
      last = null;
      const editor = [...document.querySelectorAll<HTMLElement>('form.editor')].at(-1);
      const field = editor?.querySelector<HTMLElement>('input:not([type=hidden]), select, textarea');
      if (field) field.focus();
      else {
        const heading = mainHeading();
        if (heading) focusHeading(heading);
      }
    };
    document.addEventListener('focusin', remember);
    const observer = new MutationObserver(rescue);
    observer.observe(document.body, { childList: true, subtree: true });
    return () => {
      document.removeEventListener('focusin', remember);
      observer.disconnect();
    };
  }, []);
}
