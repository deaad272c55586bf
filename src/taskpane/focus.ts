/**
 * Where keyboard focus goes after the pane's work, so an officer using the keyboard never
 * loses their place: into a preview when it opens (its heading), to Revert after Apply, to
 * the tab's first action after Revert, to the message bar on an error, and back to the
 * control that started the work when it was disabled or replaced meanwhile.
 */
import { useEffect, useRef, type RefObject } from 'react';
import type { PaneState } from './state/reducer';

export type FocusTarget = 'preview' | 'revert' | 'action' | 'error' | 'restore';

/** What focus should do after the state went from `before` to `after`; null leaves it where it is. */
export function focusAfter(before: PaneState, after: PaneState): FocusTarget | null {
  if (after.error !== null && before.error === null) return 'error';
  if (before.pending === null && after.pending !== null) return 'preview';
  const applied = after.applied.length > before.applied.length || (after.applied[0] !== undefined && after.applied[0] !== before.applied[0] && after.applied.length >= before.applied.length);
  if (before.pending !== null && after.pending === null && applied) return 'revert';
  if (after.applied.length < before.applied.length && after.notice !== before.notice) return 'action';
  if ((before.busy !== null && after.busy === null) || (before.pending !== null && after.pending === null)) return 'restore';
  return null;
}

const FOCUSABLE = 'button:not(:disabled), [href], input:not(:disabled), [tabindex]:not([tabindex="-1"]), [role="combobox"]';

function focusable(el: Element | null | undefined): el is HTMLElement {
  return el instanceof HTMLElement && el.isConnected && !el.matches(':disabled') && el.getAttribute('aria-disabled') !== 'true';
}

/** Focus lost: on the page itself, or on an element no longer there or disabled. */
function focusLost(root: HTMLElement): boolean {
  const active = document.activeElement;
  return !active || active === document.body || !active.isConnected || (root.contains(active) && !focusable(active));
}

/** Moves focus to an element that is not normally focusable (a heading, a message bar), for screen readers to read from. */
function focusStatic(el: HTMLElement | null): boolean {
  if (!el) return false;
  if (!el.hasAttribute('tabindex')) el.setAttribute('tabindex', '-1');
  el.focus();
  return true;
}

/** What identifies a control across re-renders: its text, and the finding it belongs to. */
interface ControlDescription {
  readonly text: string;
  readonly finding: string | null;
}

function describe(el: HTMLElement | null): ControlDescription | null {
  if (!el) return null;
  const card = el.closest<HTMLElement>('[data-testid="finding"]');
  return { text: el.textContent ?? '', finding: card ? `${card.dataset.cell ?? ''}|${card.dataset.rule ?? ''}` : null };
}

/** The control described, as rendered now (the one that opened a preview, after it closes). */
function find(root: HTMLElement, description: ControlDescription | null): HTMLElement | null {
  if (!description) return null;
  const scope = description.finding === null ? root.querySelector('main') : [...root.querySelectorAll<HTMLElement>('[data-testid="finding"]')].find((c) => `${c.dataset.cell ?? ''}|${c.dataset.rule ?? ''}` === description.finding);
  return [...(scope?.querySelectorAll<HTMLElement>(FOCUSABLE) ?? [])].find((c) => c.textContent === description.text && focusable(c)) ?? null;
}

/**
 * Keeps focus sensible in the pane. `root` is the pane; the elements it looks for are its
 * own: `[data-focus="revert"]`, the preview's heading, `[data-testid="error-bar"]`, the
 * panel (`main`) and the selected tab.
 */
export function usePaneFocus(state: PaneState, root: RefObject<HTMLElement>): void {
  const previous = useRef(state);
  // The control the officer last used in the pane: restored when the work it started ends.
  const lastUsed = useRef<HTMLElement | null>(null);
  // The control that opened the preview showing now, to return to when it is cancelled.
  const opener = useRef<ControlDescription | null>(null);
  // While work runs its buttons are disabled and the browser or Fluent's focus manager may put
  // focus elsewhere: such a move, with no key or pointer behind it, is not the officer's.
  const busy = useRef(state.busy);
  busy.current = state.busy;
  const displaced = useRef(false);
  useEffect(() => {
    const el = root.current;
    if (!el) return undefined;
    let lastInput = 0;
    // Keys that move focus (Enter and Space press the button whose work then runs), and the pointer.
    const onInput = (e: Event) => {
      if (e instanceof KeyboardEvent && !/^(Tab|F6|Arrow|Home|End|Escape)/.test(e.key)) return;
      lastInput = performance.now();
    };
    const onFocus = (e: FocusEvent) => {
      if (!(e.target instanceof HTMLElement) || !e.target.matches(FOCUSABLE)) return;
      if (busy.current !== null && performance.now() - lastInput > 300) {
        displaced.current = true;
        return;
      }
      displaced.current = false;
      lastUsed.current = e.target;
    };
    el.addEventListener('focusin', onFocus);
    document.addEventListener('keydown', onInput, true);
    document.addEventListener('pointerdown', onInput, true);
    return () => {
      el.removeEventListener('focusin', onFocus);
      document.removeEventListener('keydown', onInput, true);
      document.removeEventListener('pointerdown', onInput, true);
    };
  }, [root]);

  useEffect(() => {
    const before = previous.current;
    previous.current = state;
    const el = root.current;
    if (!el || before === state) return;
    const target = focusAfter(before, state);
    if (target === null) return;
    // Only while the officer is working in the pane (or focus has just been lost from it): never taken from the sheet.
    const active = document.activeElement;
    // A dialog the pane opened (Revert's question) sits outside it, in a portal: still the pane's.
    if (active && active !== document.body && active.isConnected && !el.contains(active) && !active.closest('[role="dialog"], [role="alertdialog"]')) return;
    // Nor at the start, before the officer has used the pane.
    if (lastUsed.current === null) return;
    const firstAction = () => el.querySelector<HTMLElement>(`main :is(${FOCUSABLE})`) ?? el.querySelector<HTMLElement>('[role="tab"][aria-selected="true"]');
    switch (target) {
      case 'error':
        focusStatic(el.querySelector<HTMLElement>('[data-testid="error-bar"]'));
        return;
      case 'preview':
        opener.current = describe(lastUsed.current);
        focusStatic(el.querySelector<HTMLElement>('[data-testid="plan-preview"] h2'));
        return;
      case 'revert': {
        const revert = el.querySelector<HTMLElement>('[data-focus="revert"]');
        if (focusable(revert)) revert.focus();
        else firstAction()?.focus();
        return;
      }
      case 'action':
        firstAction()?.focus();
        return;
      case 'restore':
        if (!focusLost(el) && !displaced.current) return;
        displaced.current = false;
        if (focusable(lastUsed.current) && el.contains(lastUsed.current)) lastUsed.current.focus();
        else (find(el, opener.current) ?? firstAction())?.focus();
    }
  });
}
