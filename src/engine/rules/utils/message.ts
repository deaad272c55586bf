/** Fills a rule's message template: `{name}` is replaced by data.name; unknown names stay visible. */
export type MessageData = Readonly<Record<string, string | number>>;

/** A template split once into literal text (even places) and placeholder names (odd places). */
const COMPILED = new Map<string, readonly string[]>();

function compiled(template: string): readonly string[] {
  let parts = COMPILED.get(template);
  if (!parts) {
    // split with a capture group alternates literal text and the captured names.
    parts = template.split(/\{(\w+)\}/);
    if (COMPILED.size >= 1000) COMPILED.clear(); // templates are rule metadata: a bound only against misuse
    COMPILED.set(template, parts);
  }
  return parts;
}

export function fillTemplate(template: string, data: MessageData): string {
  const parts = compiled(template);
  let out = parts[0]!;
  for (let i = 1; i < parts.length; i += 2) {
    const name = parts[i]!;
    const value = data[name];
    out += (value === undefined ? `{${name}}` : String(value)) + parts[i + 1]!;
  }
  return out;
}
