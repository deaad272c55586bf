/**
 * The words that say which way a variance goes, and whether it is spending or income: on an
 * income line an underachievement is the overspend (the council is worse off), an
 * overachievement the underspend. Read by the variance-label check and in the narrative.
 */
export type VarianceDirection = 'over' | 'under';
export type VarianceFamily = 'spend' | 'income';

export interface DirectionWord {
  readonly direction: VarianceDirection;
  readonly family: VarianceFamily;
}

export const DIRECTION_WORDS: Readonly<Record<string, DirectionWord>> = {
  overspend: { direction: 'over', family: 'spend' },
  overspent: { direction: 'over', family: 'spend' },
  overspending: { direction: 'over', family: 'spend' },
  underspend: { direction: 'under', family: 'spend' },
  underspent: { direction: 'under', family: 'spend' },
  underspending: { direction: 'under', family: 'spend' },
  underachievement: { direction: 'over', family: 'income' },
  underachieved: { direction: 'over', family: 'income' },
  underrecovery: { direction: 'over', family: 'income' },
  overachievement: { direction: 'under', family: 'income' },
  overachieved: { direction: 'under', family: 'income' },
  overrecovery: { direction: 'under', family: 'income' },
};
