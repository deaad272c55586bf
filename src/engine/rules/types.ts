/**
 * The shape of a rule, after ESLint's rule modules: metadata (id, default severity,
 * description, whether it offers fixes, message templates) and a check that returns
 * findings for one table.
 */
import type { Finding, Severity } from '../findings';
import type { RuleContext } from './context';

export interface RuleMeta {
  readonly id: string;
  /** A short name for the kind of finding, for lists and the validation report ("Typed totals"). */
  readonly title: string;
  /** One line on why a finding of this kind matters to the report. */
  readonly why: string;
  /** Many findings of this kind at once, with `{count}` ("{count} totals are typed numbers, not formulas"). */
  readonly many: string;
  /** Default severity; a rule may report a lower one (e.g. rounding differences as info). */
  readonly severity: Severity;
  readonly description: string;
  readonly fixable: boolean;
  /** Message templates with `{placeholders}`, keyed by message id. */
  readonly messages: Readonly<Record<string, string>>;
}

export interface Rule {
  readonly meta: RuleMeta;
  check(context: RuleContext): Finding[];
}
