/**
 * `--policy policy.json`: a RAG policy as JSON. Fields left out keep DEFAULT_RAG_POLICY's,
 * so a council can state only what differs ({"amberFromPercent": 0.02}).
 */
import { promises as fs } from 'node:fs';
import { cliMessages } from '../engine/messages/cli';
import { DEFAULT_RAG_POLICY, type RagLevel, type RagPolicy, type RagStatus, type RagThreshold } from '../engine/policy';
import { UsageError } from './args';

const LEVELS: readonly RagLevel[] = ['line', 'section', 'table'];
const STATUSES: readonly RagStatus[] = ['Red', 'Amber', 'Green'];

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function checkKeys(obj: Record<string, unknown>, allowed: readonly string[], where: string): string | undefined {
  const unknown = Object.keys(obj).find((k) => !allowed.includes(k));
  return unknown === undefined ? undefined : cliMessages.policy.unknownField(where + unknown);
}

/** The policy, or a problem in plain words. */
export function policyFromJson(json: unknown): RagPolicy | string {
  if (!isRecord(json)) return cliMessages.policy.notObject;
  const bad = checkKeys(json, ['basis', 'red', 'amberFromPercent', 'words'], '');
  if (bad) return bad;
  const basis = json.basis ?? DEFAULT_RAG_POLICY.basis;
  if (basis !== 'net' && basis !== 'gross') return cliMessages.policy.badBasis;
  const amber = json.amberFromPercent ?? DEFAULT_RAG_POLICY.amberFromPercent;
  if (typeof amber !== 'number' || !(amber >= 0)) return cliMessages.policy.badNumber('amberFromPercent');

  const redIn = json.red ?? {};
  if (!isRecord(redIn)) return cliMessages.policy.badNumber('red');
  const badLevel = checkKeys(redIn, LEVELS, 'red.');
  if (badLevel) return badLevel;
  const red = {} as Record<RagLevel, RagThreshold>;
  for (const level of LEVELS) {
    const given = redIn[level] ?? {};
    if (!isRecord(given)) return cliMessages.policy.badNumber(`red.${level}`);
    const badField = checkKeys(given, ['money', 'percent', 'combine'], `red.${level}.`);
    if (badField) return badField;
    const merged = { ...DEFAULT_RAG_POLICY.red[level], ...given };
    for (const field of ['money', 'percent'] as const) {
      const v = merged[field];
      if (typeof v !== 'number' || !(v >= 0)) return cliMessages.policy.badNumber(`red.${level}.${field}`);
    }
    if (merged.combine !== 'lower' && merged.combine !== 'higher') return cliMessages.policy.badCombine(`red.${level}.combine`);
    red[level] = merged as RagThreshold;
  }

  const wordsIn = json.words ?? {};
  if (!isRecord(wordsIn)) return cliMessages.policy.badWords('words');
  const badStatus = checkKeys(wordsIn, STATUSES, 'words.');
  if (badStatus) return badStatus;
  const words = {} as Record<RagStatus, readonly string[]>;
  for (const status of STATUSES) {
    const list = wordsIn[status] ?? DEFAULT_RAG_POLICY.words[status];
    if (!Array.isArray(list) || list.length === 0 || !list.every((w) => typeof w === 'string' && w.trim() !== '')) {
      return cliMessages.policy.badWords(`words.${status}`);
    }
    words[status] = list as string[];
  }
  return { basis, red, amberFromPercent: amber, words };
}

export async function loadPolicyFile(file: string | undefined): Promise<RagPolicy> {
  if (file === undefined) return DEFAULT_RAG_POLICY;
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch {
    throw new UsageError(cliMessages.policy.unreadable(file));
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new UsageError(cliMessages.policy.notJson(file, err instanceof Error ? err.message.split('\n')[0]! : 'parse error'));
  }
  const policy = policyFromJson(json);
  if (typeof policy === 'string') throw new UsageError(cliMessages.policy.invalid(file, policy));
  return policy;
}
