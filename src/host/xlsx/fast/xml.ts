/** Tiny helpers for the regular, machine-written XML of an .xlsx package. */

const ENTITY_RE = /&(?:#x([0-9a-fA-F]+)|#(\d+)|(amp|lt|gt|quot|apos));/g;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
/** OOXML's escape for characters XML cannot hold, e.g. `_x000D_`. */
const OOXML_ESCAPE_RE = /_x([0-9A-Fa-f]{4})_/g;

export function decodeXml(raw: string): string {
  // XML normalises line ends to \n before anything else; `&#13;` survives as a real CR.
  const text = raw.indexOf('\r') < 0 ? raw : raw.replace(/\r\n?/g, '\n');
  let out = text.indexOf('&') < 0 ? text : text.replace(ENTITY_RE, (_m, hex: string | undefined, dec: string | undefined, name: string | undefined) =>
    hex ? String.fromCodePoint(parseInt(hex, 16)) : dec ? String.fromCodePoint(parseInt(dec, 10)) : NAMED[name!]!,
  );
  if (out.indexOf('_x') >= 0) out = out.replace(OOXML_ESCAPE_RE, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return out;
}

/** The value of an attribute in a tag's text (`<c r="A1" s="2">`), decoded; namespace prefixes ignored. */
const ATTR_RES = new Map<string, RegExp>();

export function attr(tag: string, name: string): string | undefined {
  let re = ATTR_RES.get(name);
  if (!re) ATTR_RES.set(name, (re = new RegExp(`\\s(?:[A-Za-z0-9_]+:)?${name}\\s*=\\s*("([^"]*)"|'([^']*)')`)));
  const m = re.exec(tag);
  if (!m) return undefined;
  return decodeXml(m[2] ?? m[3] ?? '');
}

export function isTrue(value: string | undefined): boolean {
  return value === '1' || value === 'true';
}

/** Every `<name ...>` or `<name .../>` start tag (with any namespace prefix) in the text. */
export function startTags(text: string, name: string): string[] {
  const re = new RegExp(`<(?:[A-Za-z0-9_]+:)?${name}(?=[\\s/>])[^>]*>`, 'g');
  return text.match(re) ?? [];
}

/** The concatenated text of every `<t>` inside a string item, leaving out phonetic runs. */
export function stringItemText(xml: string): string {
  const body = xml.indexOf('<rPh') >= 0 ? xml.replace(/<(?:\w+:)?rPh\b[\s\S]*?<\/(?:\w+:)?rPh>/g, '') : xml;
  let out = '';
  const re = /<(?:\w+:)?t(?:\s[^>]*)?>([\s\S]*?)<\/(?:\w+:)?t>|<(?:\w+:)?t(?:\s[^>]*)?\/>/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(body)) !== null) out += m[1] ?? '';
  return decodeXml(out);
}
