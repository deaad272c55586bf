/**
 * A rule's metadata, after ESLint's rule meta: id, default severity, description, whether it
 * offers fixes, and its message templates. Apart from the Rule type because the context that
 * fills the templates needs it, and the Rule type needs the context.
 */
import type { Severity } from '../findings';

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
