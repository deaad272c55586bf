/**
 * Edit plans: the only way the engine asks a host to change a workbook. A closed union,
 * so every host applies and reverts exactly the same set of edits.
 */
import type { ChartSpec } from './chart';
import type { CellValue } from './grid';

/** Formatting applied when a conditional format's rule is met. */
export interface ConditionalStyle {
  /** Fill colour `#RRGGBB`. */
  readonly fill?: string;
  /** Font colour `#RRGGBB`. */
  readonly fontColor?: string;
  readonly bold?: boolean;
}

export type ConditionalRule =
  /** A formula relative to the top-left cell of the range, e.g. `=$F5>=MIN(0.1,5%*ABS($D5))`. */
  | { readonly type: 'formula'; readonly formula: string }
  /** Cell text equals / contains the text (case-insensitive, as in Excel). */
  | { readonly type: 'text'; readonly operator: 'equals' | 'contains' | 'beginsWith'; readonly text: string };

export interface ConditionalFormatSpec {
  readonly rule: ConditionalRule;
  readonly style: ConditionalStyle;
  /** Stop lower-priority rules when this one applies. */
  readonly stopIfTrue?: boolean;
}

export type Edit =
  | { readonly kind: 'addSheet'; readonly sheet: string; readonly after?: string }
  /** Values, row-major over the range (text, numbers, booleans, or null to clear). */
  | { readonly kind: 'setValues'; readonly sheet: string; readonly range: string; readonly values: readonly (readonly CellValue[])[] }
  /** Formulas with leading `=`; a plain value may stand in a cell that needs no formula. */
  | {
      readonly kind: 'setFormulas'; readonly sheet: string; readonly range: string; readonly formulas: readonly (readonly (string | number | null)[])[];
      /** What the formulas will show once calculated, where the operation knows: the preview shows figures, not formula text. */
      readonly results?: readonly (readonly (number | null)[])[];
    }
  | { readonly kind: 'setNumberFormat'; readonly sheet: string; readonly range: string; readonly format: string }
  | { readonly kind: 'setFill'; readonly sheet: string; readonly range: string; readonly color: string | null }
  | { readonly kind: 'setBold'; readonly sheet: string; readonly range: string; readonly bold: boolean }
  | { readonly kind: 'setColumnWidth'; readonly sheet: string; readonly column: string; readonly width: number }
  /** Replaces any of the add-in's own conditional formats on the range that carry the same tag. */
  | { readonly kind: 'addConditionalFormat'; readonly sheet: string; readonly range: string; readonly tag: string; readonly format: ConditionalFormatSpec }
  /** Removes the add-in's own conditional formats with this tag from the sheet. */
  | { readonly kind: 'removeConditionalFormats'; readonly sheet: string; readonly tag: string }
  /** An in-cell dropdown: a fixed list, or a source range formula such as `='Month 7'!$A$5:$A$30`. */
  | { readonly kind: 'setDataValidation'; readonly sheet: string; readonly range: string; readonly list: readonly string[] | { readonly source: string } }
  /** A native chart linked to the workbook's ranges; replaces the add-in's own chart of the same name on the sheet. */
  | { readonly kind: 'addChart'; readonly sheet: string; readonly chart: ChartSpec }
  /** Removes the add-in's own charts whose names start with `prefix` (always CHART_NAME_PREFIX…) from the sheet; never the officer's. */
  | { readonly kind: 'removeCharts'; readonly sheet: string; readonly prefix: string };

export type EditKind = Edit['kind'];

export interface EditPlan {
  /** Short name shown to the officer: "Fix sub total D16". */
  readonly title: string;
  /** What the plan does, for the preview. */
  readonly description?: string;
  readonly edits: readonly Edit[];
}

export function sheetsTouched(plan: EditPlan): string[] {
  return [...new Set(plan.edits.map((e) => e.sheet))];
}

export function mergePlans(title: string, plans: readonly EditPlan[]): EditPlan {
  return { title, edits: plans.flatMap((p) => p.edits) };
}
