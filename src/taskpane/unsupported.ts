/**
 * When the task pane cannot start (outside Office, or in an Office application that is not
 * Excel) it shows taskpane.html's plain "Budget Monitor needs Excel" message instead of a blank
 * pane. The page's own inline script shows the same message where the bundle cannot run at all.
 */

/** What Office.onReady reports, or undefined when Office.js did not load. */
export interface ReadyInfo {
  readonly host: Office.HostType | string | null | undefined;
}

/** Why the pane cannot start here, or undefined when it can (Excel). */
export function unsupportedReason(info: ReadyInfo | undefined): string | undefined {
  if (!info) return 'Office.js did not load, so this page cannot reach Excel.';
  if (info.host === 'Excel') return undefined;
  if (!info.host) return 'This page was opened outside Office.';
  return `This page was opened in ${info.host}, not Excel.`;
}

/** Shows the page's message with `reason`. */
export function showUnsupported(doc: Document, reason: string): void {
  const why = doc.getElementById('unsupported-reason');
  if (why) why.textContent = reason;
  doc.getElementById('unsupported')?.removeAttribute('hidden');
}

/** Removes the message for good, once the pane mounts. */
export function removeUnsupported(doc: Document): void {
  doc.getElementById('unsupported')?.remove();
}
