/** Text helpers for the reader: a cell's text and a label's indent (normal forms are in domain/labels). */

/** The text of a cell value when it is a non-empty string, else ''. */
export function textOf(value: unknown): string {
  return typeof value === 'string' ? value.trim() : '';
}

/** Indent level of a label: the cell's explicit indent, else two leading spaces a level. */
export function indentOf(raw: string, explicit: number | undefined): number {
  if (explicit !== undefined && explicit > 0) return explicit;
  let n = 0;
  while (n < raw.length && (raw.charCodeAt(n) === 32 || raw.charCodeAt(n) === 160)) n++;
  return n === raw.length ? 0 : Math.ceil(n / 2);
}
