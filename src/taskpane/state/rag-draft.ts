/** The RAG policy editor's form: text as typed, turned into a policy only when every field is valid. */
import type { RagLevel, RagPolicy } from '../../engine';
import { formatPounds, fractionToPercentText, percentTextToFraction, poundsTextToNumber } from '../format';

export const LEVELS: readonly RagLevel[] = ['line', 'section', 'table'];

export interface RagDraft {
  basis: RagPolicy['basis'];
  money: Record<RagLevel, string>;
  percent: Record<RagLevel, string>;
  combine: Record<RagLevel, 'lower' | 'higher'>;
  amberFrom: string;
}

export function toDraft(p: RagPolicy): RagDraft {
  const by = <T,>(f: (level: RagLevel) => T) => ({ line: f('line'), section: f('section'), table: f('table') });
  return {
    basis: p.basis,
    money: by((l) => formatPounds(p.red[l].money)),
    percent: by((l) => fractionToPercentText(p.red[l].percent)),
    combine: by((l) => p.red[l].combine),
    amberFrom: fractionToPercentText(p.amberFromPercent),
  };
}

/** The policy the draft describes, or undefined while any field is not a valid number. */
export function fromDraft(draft: RagDraft, base: RagPolicy): RagPolicy | undefined {
  const red = {} as Record<RagLevel, RagPolicy['red'][RagLevel]>;
  for (const level of LEVELS) {
    const money = poundsTextToNumber(draft.money[level]);
    const percent = percentTextToFraction(draft.percent[level]);
    if (money === undefined || percent === undefined) return undefined;
    red[level] = { money, percent, combine: draft.combine[level] };
  }
  const amberFromPercent = percentTextToFraction(draft.amberFrom);
  if (amberFromPercent === undefined) return undefined;
  return { ...base, basis: draft.basis, red, amberFromPercent };
}

