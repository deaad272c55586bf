/**
 * The shape of a rule, after ESLint's rule modules: metadata (see meta.ts) and a check that
 * returns findings for one table.
 */
import type { Finding } from '../findings';
import type { RuleContext } from './context';
import type { RuleMeta } from './meta';

export type { RuleMeta } from './meta';

export interface Rule {
  readonly meta: RuleMeta;
  check(context: RuleContext): Finding[];
}
