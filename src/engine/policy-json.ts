/** Reading a RAG policy from JSON: one validator for the CLI's --policy file and the pane's saved setting. */
import { policyMessages } from './messages/policy';
import { DEFAULT_EXPLANATIONS, DEFAULT_RAG_POLICY, type ExplanationPolicy, type RagLevel, type RagPolicy, type RagStatus, type RagThreshold, explanationPolicyOf } from './policy';

const LEVELS: readonly RagLevel[] = ['line', 'section', 'table'];
const STATUSES: readonly RagStatus[] = ['Red', 'Amber', 'Green'];

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function checkKeys(obj: Record<string, unknown>, allowed: readonly string[], where: string): string | undefined {
  const unknown = Object.keys(obj).find((k) => !allowed.includes(k));
  return unknown === undefined ? undefined : policyMessages.unknownField(where + unknown);
}

/** A parsed policy, or what is wrong with the JSON in plain words. */
export type PolicyParse = { readonly ok: true; readonly policy: RagPolicy } | { readonly ok: false; readonly problems: readonly string[] };

/** The first problem found ends the parse: one sentence is enough to correct a policy file. */
const problem = (text: string): PolicyParse => ({ ok: false, problems: [text] });

/**
 * A RAG policy from JSON (a --policy file, or the workbook's saved setting), or the problem
 * in plain words. Fields left out keep DEFAULT_RAG_POLICY's, so a council can state only
 * what differs ({"amberFromPercent": 0.02}).
 */
export function parseRagPolicy(json: unknown): PolicyParse {
  if (!isRecord(json)) return problem(policyMessages.notObject);
  const bad = checkKeys(json, ['basis', 'red', 'amberFromPercent', 'words', 'explanations'], '');
  if (bad) return problem(bad);
  const basis = json.basis ?? DEFAULT_RAG_POLICY.basis;
  if (basis !== 'net' && basis !== 'gross') return problem(policyMessages.badBasis);
  const amber = json.amberFromPercent ?? DEFAULT_RAG_POLICY.amberFromPercent;
  if (typeof amber !== 'number' || !(amber >= 0)) return problem(policyMessages.badNumber('amberFromPercent'));

  const redIn = json.red ?? {};
  if (!isRecord(redIn)) return problem(policyMessages.badNumber('red'));
  const badLevel = checkKeys(redIn, LEVELS, 'red.');
  if (badLevel) return problem(badLevel);
  const red = {} as Record<RagLevel, RagThreshold>;
  for (const level of LEVELS) {
    const given = redIn[level] ?? {};
    if (!isRecord(given)) return problem(policyMessages.badNumber(`red.${level}`));
    const badField = checkKeys(given, ['money', 'percent', 'combine'], `red.${level}.`);
    if (badField) return problem(badField);
    const merged = { ...DEFAULT_RAG_POLICY.red[level], ...given };
    for (const field of ['money', 'percent'] as const) {
      const v = merged[field];
      if (typeof v !== 'number' || !(v >= 0)) return problem(policyMessages.badNumber(`red.${level}.${field}`));
    }
    if (merged.combine !== 'lower' && merged.combine !== 'higher') return problem(policyMessages.badCombine(`red.${level}.combine`));
    red[level] = merged as RagThreshold;
  }

  const wordsIn = json.words ?? {};
  if (!isRecord(wordsIn)) return problem(policyMessages.badWords('words'));
  const badStatus = checkKeys(wordsIn, STATUSES, 'words.');
  if (badStatus) return problem(badStatus);
  const words = {} as Record<RagStatus, readonly string[]>;
  for (const status of STATUSES) {
    const list = wordsIn[status] ?? DEFAULT_RAG_POLICY.words[status];
    if (!Array.isArray(list) || list.length === 0 || !list.every((w) => typeof w === 'string' && w.trim() !== '')) {
      return problem(policyMessages.badWords(`words.${status}`));
    }
    words[status] = list as string[];
  }
  const explanations = parseExplanations(json.explanations);
  if (typeof explanations === 'string') return problem(explanations);
  return { ok: true, policy: { basis, red, amberFromPercent: amber, words, explanations } };
}

/** `"explanations": {"red": true, "money": 100000}`; fields left out keep the default. */
function parseExplanations(json: unknown): ExplanationPolicy | string {
  if (json === undefined) return DEFAULT_EXPLANATIONS;
  if (!isRecord(json)) return policyMessages.badExplanations;
  const bad = checkKeys(json, ['red', 'money'], 'explanations.');
  if (bad) return bad;
  const red = json.red ?? DEFAULT_EXPLANATIONS.red;
  if (typeof red !== 'boolean') return policyMessages.badBoolean('explanations.red');
  const money = json.money === undefined ? DEFAULT_EXPLANATIONS.money : json.money;
  if (money !== null && (typeof money !== 'number' || !(money >= 0) || !Number.isFinite(money))) return policyMessages.badMoneyOrNull('explanations.money');
  return { red, money };
}

/** The policy as JSON for a --policy file or the workbook's saved setting: parseRagPolicy reads it back unchanged. */
export function ragPolicyToJson(policy: RagPolicy): Record<string, unknown> {
  const explanations = explanationPolicyOf(policy);
  return {
    basis: policy.basis,
    red: policy.red,
    amberFromPercent: policy.amberFromPercent,
    words: policy.words,
    explanations: { red: explanations.red, money: explanations.money },
  };
}
