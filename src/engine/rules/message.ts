/** Fills a rule's message template: `{name}` is replaced by data.name; unknown names stay visible. */
export type MessageData = Readonly<Record<string, string | number>>;

export function fillTemplate(template: string, data: MessageData): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = data[name];
    return value === undefined ? whole : String(value);
  });
}
