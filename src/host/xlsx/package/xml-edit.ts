/** Small, careful edits of a package's XML text: everything not edited stays byte for byte. */

export function escapeXml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'));
}

/** Text for an element's content: XML escapes, plus OOXML's `_xHHHH_` for characters XML cannot hold. */
export function escapeText(text: string): string {
  return text
    .replace(/_x[0-9A-Fa-f]{4}_/g, (m) => `_x005F${m}`)
    .replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'))
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`);
}

/** The namespace prefix (`x:` or '') the document's root element uses. */
export function rootPrefix(xml: string, root: string): string {
  return new RegExp(`<(\\w+:)?${root}[\\s>]`).exec(xml)?.[1] ?? '';
}

/** Sets (or adds) an attribute in a start tag's text. */
export function setAttr(tag: string, name: string, value: string): string {
  const re = new RegExp(`(\\s${name}\\s*=\\s*)("[^"]*"|'[^']*')`);
  if (re.test(tag)) return tag.replace(re, `$1"${escapeXml(value)}"`);
  return tag.replace(/(\s*\/?>)$/, ` ${name}="${escapeXml(value)}"$1`);
}

export function removeAttr(tag: string, name: string): string {
  return tag.replace(new RegExp(`\\s${name}\\s*=\\s*("[^"]*"|'[^']*')`), '');
}

export interface Found {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** Every element `<name …/>` or `<name …>…</name>` (any prefix) in the text, whole. Not for nested same-name elements. */
export function findElements(xml: string, name: string, from = 0, to = xml.length): Found[] {
  const re = new RegExp(`<(\\w+:)?${name}(?=[\\s/>])(?:[^>]*?/>|[^>]*>[\\s\\S]*?</\\1${name}>)`, 'g');
  re.lastIndex = from;
  const out: Found[] = [];
  let m: RegExpExecArray | null;
  while ((m = re.exec(xml)) !== null && m.index < to) out.push({ start: m.index, end: m.index + m[0].length, text: m[0] });
  return out;
}

export function findElement(xml: string, name: string): Found | undefined {
  return findElements(xml, name)[0];
}

/** The element's content between its start and end tags ('' for a self-closing one), and where it starts. */
export function inner(element: Found): { start: number; end: number; text: string } {
  const open = element.text.indexOf('>') + 1;
  if (element.text[open - 2] === '/') return { start: element.start + open - 1, end: element.start + open - 1, text: '' };
  const close = element.text.lastIndexOf('</');
  return { start: element.start + open, end: element.start + close, text: element.text.slice(open, close) };
}

export function splice(xml: string, start: number, end: number, text: string): string {
  return xml.slice(0, start) + text + xml.slice(end);
}

/**
 * Inserts `text` as a new child of the root, before the first of the `following` siblings
 * present (the schema's order), else before the root's end tag.
 */
export function insertBefore(xml: string, text: string, following: readonly string[], root: string): string {
  let at = -1;
  for (const name of following) {
    const m = new RegExp(`<(\\w+:)?${name}(?=[\\s/>])`).exec(xml);
    if (m && (at < 0 || m.index < at)) at = m.index;
  }
  if (at < 0) at = xml.lastIndexOf(`</${rootPrefix(xml, root)}${root}>`);
  if (at < 0) throw new Error(`no </${root}>`);
  return splice(xml, at, at, text);
}

/** Appends children to a list element (`<fonts count="3">`), creating it where the schema wants it, and updates its count. */
export function appendToList(xml: string, list: string, item: string, items: readonly string[], following: readonly string[], root: string): string {
  if (items.length === 0) return xml;
  const prefix = rootPrefix(xml, root);
  const found = findElement(xml, list);
  if (!found) return insertBefore(xml, `<${prefix}${list} count="${items.length}">${items.join('')}</${prefix}${list}>`, following, root);
  const body = inner(found);
  const openTag = found.text.slice(0, found.text.indexOf('>') + 1);
  const count = findElements(body.text, item).length + items.length;
  const newOpen = setAttr(openTag.replace(/\s*\/>$/, '>'), 'count', String(count));
  const text = `${newOpen}${body.text}${items.join('')}</${prefix}${list}>`;
  return splice(xml, found.start, found.end, text);
}
