/**
 * Guards for settings read back from the workbook: a colleague's older version, or a hand
 * edit, may have stored something else, and the pane falls back to defaults rather than crash.
 */
import { type ColumnOverride, DEFAULT_RAG_POLICY, parseRagPolicy, type RagPolicy } from '../engine';
import { ROLE_NAMES } from './messages';

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The saved policy, or the default when a colleague's older version or a hand edit stored something else. */
export function ragPolicyFromSetting(v: unknown): RagPolicy {
  const parsed = parseRagPolicy(v);
  return parsed.ok ? parsed.policy : DEFAULT_RAG_POLICY;
}

export function isOverrideList(v: unknown): v is ColumnOverride[] {
  return Array.isArray(v) && v.every((o) => isRecord(o) && typeof o.sheet === 'string' && typeof o.column === 'string' && /^[A-Z]{1,3}$/.test(o.column) && typeof o.role === 'string' && Object.hasOwn(ROLE_NAMES, o.role));
}

/** The ignored kinds of finding; anything else stored there is ignored itself. */
export function ignoredKindsFromSetting(v: unknown): string[] {
  return Array.isArray(v) ? [...new Set(v.filter((k): k is string => typeof k === 'string' && k.length > 0))] : [];
}
