/** en-GB display of money and percentages. */
const POUNDS = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP', maximumFractionDigits: 0 });

/** £100,000 */
export function formatPounds(amount: number): string {
  return POUNDS.format(amount);
}

/** 0.05 → "5" (for an input that is labelled in percent). */
export function fractionToPercentText(fraction: number): string {
  return String(Math.round(fraction * 10_000) / 100);
}

/** "5" → 0.05; undefined when it is not a number of zero or more. */
export function percentTextToFraction(text: string): number | undefined {
  const n = Number(text.trim().replace(/%$/, ''));
  return text.trim() !== '' && Number.isFinite(n) && n >= 0 ? n / 100 : undefined;
}

/** "£100,000" or "100000" → 100000; undefined when it is not an amount of zero or more. */
export function poundsTextToNumber(text: string): number | undefined {
  const cleaned = text.trim().replace(/[£,\s]/g, '');
  const n = Number(cleaned);
  return cleaned !== '' && Number.isFinite(n) && n >= 0 ? n : undefined;
}

/** A finding's expected / actual figure as text. */
export function formatFigure(value: string | number | null): string {
  if (value === null) return '(blank)';
  if (typeof value === 'number') return value.toLocaleString('en-GB', { maximumFractionDigits: 3 });
  return value;
}
