/**
 * The task pane's state and every transition, as a pure reducer: the components only
 * dispatch, and async work (reading, applying) happens outside and reports back here.
 */
import type { Finding, Severity } from '../../engine/findings';
import type { ColumnOverride, ColumnRole, MonitoringTable } from '../../engine/model';
import type { EditPlan } from '../../engine/plan';
import { DEFAULT_RAG_POLICY, type RagPolicy } from '../../engine/policy';
import type { AppliedPlanSummary, QualifiedRange } from '../../host/host';
import type { CellChange } from './cell-changes';
import type { CellFormats } from '../finding-figures';

export type PaneTab = 'tables' | 'validate' | 'rag' | 'movement' | 'trackers';

export type PreviousSource = { readonly kind: 'sheet'; readonly sheet: string } | { readonly kind: 'file'; readonly fileName: string; readonly sheet: string };

export interface PendingPlan {
  readonly plan: EditPlan;
  /** Findings this plan fixes, cleared from the list once it is applied. */
  readonly fixes: readonly Finding[];
  /** Cells holding the officer's figures that this plan, once previewed and accepted, may overwrite. */
  readonly allowOverwrite: readonly QualifiedRange[];
  /** Each cell the plan writes, old → new, as the workbook was when the plan was made. */
  readonly changes: readonly CellChange[];
}

export interface PaneState {
  readonly tab: PaneTab;
  /** What is running now, if anything (the progress bar shows after half a second). */
  readonly busy: string | null;
  /** The one error shown in the message bar, in plain English. */
  readonly error: string | null;
  /** A short confirmation of the last thing done. */
  readonly notice: string | null;
  readonly tables: readonly MonitoringTable[];
  readonly overrides: readonly ColumnOverride[];
  /** null until the workbook has been validated. */
  readonly findings: readonly Finding[] | null;
  /** Number formats of the findings' cells, as the workbook was when it was validated. */
  readonly findingFormats: CellFormats;
  readonly pending: PendingPlan | null;
  readonly policy: RagPolicy;
  readonly previous: PreviousSource | null;
  /** Plans that can still be reverted, newest first (as the host reports them). */
  readonly applied: readonly AppliedPlanSummary[];
}

export const initialPaneState: PaneState = {
  tab: 'validate',
  busy: null,
  error: null,
  notice: null,
  tables: [],
  overrides: [],
  findings: null,
  findingFormats: {},
  pending: null,
  policy: DEFAULT_RAG_POLICY,
  previous: null,
  applied: [],
};

export type PaneAction =
  | { type: 'tabChosen'; tab: PaneTab }
  | { type: 'workStarted'; label: string }
  | { type: 'workFailed'; message: string }
  | { type: 'errorDismissed' }
  | { type: 'settingsLoaded'; overrides: readonly ColumnOverride[]; policy: RagPolicy }
  | { type: 'tablesRead'; tables: readonly MonitoringTable[]; applied: readonly AppliedPlanSummary[] }
  | { type: 'roleChosen'; sheet: string; column: string; role: ColumnRole }
  | { type: 'validated'; findings: readonly Finding[]; formats?: CellFormats }
  | { type: 'previewOpened'; plan: EditPlan; fixes: readonly Finding[]; allowOverwrite: readonly QualifiedRange[]; changes: readonly CellChange[] }
  | { type: 'previewClosed' }
  | { type: 'planApplied'; applied: AppliedPlanSummary }
  | { type: 'reverted'; title: string }
  | { type: 'policyChanged'; policy: RagPolicy }
  | { type: 'previousChosen'; previous: PreviousSource | null }
  | { type: 'noticeShown'; message: string };

export function paneReducer(state: PaneState, action: PaneAction): PaneState {
  switch (action.type) {
    case 'tabChosen':
      return { ...state, tab: action.tab, pending: null };
    case 'workStarted':
      return { ...state, busy: action.label, error: null, notice: null };
    case 'workFailed':
      return { ...state, busy: null, error: action.message };
    case 'errorDismissed':
      return { ...state, error: null };
    case 'settingsLoaded':
      return { ...state, overrides: action.overrides, policy: action.policy };
    case 'tablesRead':
      return { ...state, busy: null, tables: action.tables, applied: action.applied };
    case 'roleChosen':
      return { ...state, overrides: withOverride(state.overrides, { sheet: action.sheet, column: action.column, role: action.role }) };
    case 'validated':
      return { ...state, busy: null, findings: action.findings, findingFormats: action.formats ?? {} };
    case 'previewOpened':
      return { ...state, busy: null, pending: { plan: action.plan, fixes: action.fixes, allowOverwrite: action.allowOverwrite, changes: action.changes } };
    case 'previewClosed':
      return { ...state, pending: null };
    case 'planApplied': {
      const fixed = new Set(state.pending?.fixes ?? []);
      return {
        ...state,
        busy: null,
        pending: null,
        notice: action.applied.title,
        applied: [action.applied, ...state.applied],
        findings: state.findings && fixed.size > 0 ? state.findings.filter((f) => !fixed.has(f)) : state.findings,
      };
    }
    case 'reverted':
      return {
        ...state,
        busy: null,
        pending: null,
        notice: action.title,
        applied: state.applied.slice(1),
      };
    case 'policyChanged':
      return { ...state, policy: action.policy };
    case 'previousChosen':
      return { ...state, previous: action.previous };
    case 'noticeShown':
      return { ...state, busy: null, notice: action.message };
  }
}

/** One override per sheet and column: a new choice replaces the old one. */
export function withOverride(overrides: readonly ColumnOverride[], next: ColumnOverride): ColumnOverride[] {
  return [...overrides.filter((o) => !(o.sheet === next.sheet && o.column === next.column)), next];
}

export interface FindingGroup {
  readonly sheet: string;
  readonly severity: Severity;
  readonly findings: readonly Finding[];
}

const SEVERITY_ORDER: readonly Severity[] = ['error', 'warning', 'info'];

/** Findings grouped by sheet (in workbook order of first appearance), then by severity, errors first. */
export function groupFindings(findings: readonly Finding[]): FindingGroup[] {
  const sheets = [...new Set(findings.map((f) => f.sheet))];
  const groups: FindingGroup[] = [];
  for (const sheet of sheets) {
    for (const severity of SEVERITY_ORDER) {
      const items = findings.filter((f) => f.sheet === sheet && f.severity === severity);
      if (items.length > 0) groups.push({ sheet, severity, findings: items });
    }
  }
  return groups;
}

/** Fixable findings reported by the same rule: what "fix all of this kind" applies. */
export function fixableOfKind(findings: readonly Finding[], rule: string): Finding[] {
  return findings.filter((f) => f.rule === rule && f.fix !== undefined);
}
