/** Money units of a table: stated in a header, a title above it, or a number format. */
import { decimalsOfFormat } from './numbers';

export type Unit = 'millions' | 'thousands' | 'pounds';

export const UNIT_LABEL: Record<Unit, string> = { millions: '£m', thousands: '£000', pounds: '£' };

/** Decimals a unit is usually shown to when no number format says otherwise. */
export const UNIT_DECIMALS: Record<Unit, number> = { millions: 3, thousands: 0, pounds: 0 };

/** Finds a unit stated in free text ("Current Budget £m", "£'000", "(£ thousand)", "£k"). */
export function unitInText(text: string): Unit | undefined {
  const t = text.toLowerCase().replace(/[’‘`]/g, "'");
  if (/£\s*m\b|£\s*millions?\b|\(\s*m\s*\)|£\s*mn\b|\bmillions?\b|£\s*million/.test(t)) return 'millions';
  if (/£\s*'?\s*0{3}s?\b|£\s*k\b|£\s*thousands?\b|\bthousands?\b|\b000s\b|'000/.test(t)) return 'thousands';
  if (/£\s*(?:$|[^0-9mk'a-z])|\bpounds\b|\bgbp\b/.test(t)) return 'pounds';
  return undefined;
}

/** A unit implied by a number format, e.g. `#,##0.0,,"m"` or `£#,##0`. */
export function unitInFormat(format: string | undefined): Unit | undefined {
  if (!format) return undefined;
  const section = format.split(';')[0] ?? '';
  if (/0,,|"m"|"£m"|\\m/i.test(section)) return 'millions';
  if (/0,(?!\d)|"k"|"£k"|\\k/i.test(section)) return 'thousands';
  if (/£|\[\$£/.test(section)) return 'pounds';
  return undefined;
}

/** Decimals that a figure is shown to: the number format first, else the unit's custom. */
export function shownDecimals(format: string | undefined, unit: Unit | undefined): number {
  return decimalsOfFormat(format) ?? (unit ? UNIT_DECIMALS[unit] : 2);
}

/** Half a unit of the last shown decimal: differences within it are rounding, not errors. */
export function toleranceFor(decimals: number): number {
  return 0.5 * 10 ** -decimals + 1e-9;
}
