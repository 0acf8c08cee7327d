/**
 * Where keyboard and screen-reader users are after something changes (WCAG 2.4.3 focus order, 2.4.2 page titled):
 * a new screen announces itself by its main heading, which also names the browser tab ("Cliënten — Spoorboek");
 * when a button opens an editor, focus goes into it; and when the element that had focus disappears (the save or
 * send button of a form that closed), focus goes to the main heading — never to <body>.
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
      if (!heading) return;
      // A screen may show a heading while it loads and its own once loaded: the tab follows the one now shown.
      const title = `${heading.textContent?.trim() || t.app} — ${t.app}`;
      if (document.title !== title) document.title = title;
      if (done) return;
      done = true;
      const active = document.activeElement;
      const fieldHasFocus =
        active instanceof HTMLElement &&
        active !== document.body &&
        active.closest('main') &&
        active.matches('input, select, textarea');
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
    let wasInForm = false; // asked when `last` is already gone from the page
    const remember = (event: FocusEvent) => {
      last = event.target as Element;
      wasInForm = Boolean(last.closest('form'));
    };
    const rescue = (mutations: MutationRecord[]) => {
      const added = mutations
        .flatMap((mutation) => [...mutation.addedNodes])
        .filter((node): node is HTMLElement => node instanceof HTMLElement);
      const editor = added
        .map((node) => (node.matches('form.editor') ? node : node.querySelector<HTMLElement>('form.editor')))
        .find((form) => form?.isConnected);
      const active = document.activeElement;
      const lost = Boolean(last && !last.isConnected) && (!active || active === document.body);
      // A button outside any form that has just opened an editor (still there, or gone in its place): the editor is
      // where the person goes next. A button inside a form that closed (save, send) leads back to the heading.
      const opener = lost ? last : active;
      const opened =
        Boolean(editor) && opener instanceof HTMLButtonElement && !(lost ? wasInForm : opener.closest('form'));
      if (!lost && !opened) return;
      last = null;
      const field = opened ? editor?.querySelector<HTMLElement>('input:not([type=hidden]), select, textarea') : null;
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
