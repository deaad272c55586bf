/**
 * Guards for settings read back from the workbook: a colleague's older version, or a hand
 * edit, may have stored something else, and the pane falls back to defaults rather than crash.
 */
import type { ColumnOverride } from '../engine/model';
import type { RagPolicy, RagThreshold } from '../engine/policy';
import { ROLE_NAMES } from '../engine/messages/ui';

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isThreshold(v: unknown): v is RagThreshold {
  return isRecord(v) && typeof v.money === 'number' && v.money >= 0 && typeof v.percent === 'number' && v.percent >= 0 && (v.combine === 'lower' || v.combine === 'higher');
}

export function isRagPolicy(v: unknown): v is RagPolicy {
  if (!isRecord(v) || (v.basis !== 'net' && v.basis !== 'gross') || typeof v.amberFromPercent !== 'number') return false;
  const red = v.red;
  const words = v.words;
  return (
    isRecord(red) && isThreshold(red.line) && isThreshold(red.section) && isThreshold(red.table) &&
    isRecord(words) && ['Red', 'Amber', 'Green'].every((k) => Array.isArray(words[k]) && (words[k] as unknown[]).every((w) => typeof w === 'string'))
  );
}

export function isOverrideList(v: unknown): v is ColumnOverride[] {
  return Array.isArray(v) && v.every((o) => isRecord(o) && typeof o.sheet === 'string' && typeof o.column === 'string' && /^[A-Z]{1,3}$/.test(o.column) && typeof o.role === 'string' && Object.hasOwn(ROLE_NAMES, o.role));
}
