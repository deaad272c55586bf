/**
 * Leading spaces are how many officers indent lines: two spaces a level, one space still counts.
 * Apart from cells.ts (which imports exceljs) so the fast reader can run in the task pane.
 */
export function indentOfLeadingSpaces(text: string): number {
  let n = 0;
  while (n < text.length && text.charCodeAt(n) === 32) n++;
  return n === text.length ? 0 : Math.ceil(n / 2);
}
