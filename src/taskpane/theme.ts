/** Which Fluent theme follows the Office theme. */
export type PaneTheme = 'light' | 'dark';

/** Dark when Office's body background is dark (Office has no explicit "is dark" flag). */
export function officeThemeKind(background: string | undefined): PaneTheme {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(background ?? '');
  if (!m) return 'light';
  const [r, g, b] = [m[1]!, m[2]!, m[3]!].map((h) => parseInt(h, 16)) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 128 ? 'dark' : 'light';
}
