/**
 * The task pane's state and every transition, as a pure reducer: the components only
 * dispatch, and async work (reading, applying) happens outside and reports back here.
 */
import { type CauseRef, type ColumnOverride, type ColumnRole, DEFAULT_RAG_POLICY, type EditPlan, type Finding, type FindingSummary, type MonitoringTable, type PreviousPeriod, type RagPolicy, type Severity, summarise, type Workbook } from '../../engine';
import { UI } from '../messages';
import type { AppliedPlanSummary, QualifiedRange } from '../../host/host';
import type { CellChange } from './cell-changes';
import type { CellFormats } from '../finding-figures';

export type PaneTab = 'tables' | 'validate' | 'rag' | 'movement' | 'trackers';

export interface PendingPlan {
  readonly plan: EditPlan;
  /** Findings this plan fixes, cleared from the list once it is applied. */
  readonly fixes: readonly Finding[];
  /** Cells holding the officer's figures that this plan, once previewed and accepted, may overwrite. */
  readonly allowOverwrite: readonly QualifiedRange[];
  /** Each cell the plan writes, old → new, as the workbook was when the plan was made. */
  readonly changes: readonly CellChange[];
  /** Set when Excel could not keep the plan's Undo record: the officer may apply it without Undo. */
  readonly withoutUndoOffered?: boolean;
  /** The workbook the plan was made from, for describing it in words. */
  readonly workbook?: Workbook;
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
  /** The reported table's headline as last validated ("2024/25 net budget £142.827m, …"); null when none. */
  readonly headline: string | null;
  readonly pending: PendingPlan | null;
  readonly policy: RagPolicy;
  /** Last month's file, once the officer chose it (Movement tab): validation compares movements with it. */
  readonly previous: PreviousPeriod | null;
  /** Plans that can still be reverted, newest first (as the host reports them). */
  readonly applied: readonly AppliedPlanSummary[];
  /** Root findings (by `findingKey`) whose list of consequences is open. */
  readonly openConsequences: readonly string[];
  /** The workbook changed after it was validated: the findings may no longer be true. */
  readonly stale: boolean;
  /** Kinds of finding (rule ids) the officer chose to ignore in this workbook (saved in its settings). */
  readonly ignored: readonly string[];
  /** Which findings the Validate tab lists; the summary always counts them all. */
  readonly filter: FindingFilter;
  /** Groups of many findings of one kind (by `kindKey`) whose cells are listed. */
  readonly openKinds: readonly string[];
  /** A policy was saved while RAG colours applied under the old one are in the workbook: offer to apply them again. */
  readonly reapplyOffered: boolean;
}

export interface FindingFilter {
  readonly severity: Severity | 'all';
  readonly sheet: string | 'all';
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
  headline: null,
  pending: null,
  policy: DEFAULT_RAG_POLICY,
  previous: null,
  applied: [],
  openConsequences: [],
  stale: false,
  ignored: [],
  filter: { severity: 'all', sheet: 'all' },
  openKinds: [],
  reapplyOffered: false,
};

export type PaneAction =
  | { type: 'tabChosen'; tab: PaneTab }
  /** `background`: work the officer did not ask for (re-validating after an edit) leaves the message bar as it is. */
  | { type: 'workStarted'; label: string; background?: boolean }
  | { type: 'workFailed'; message: string }
  | { type: 'undoRefused'; message: string }
  | { type: 'errorDismissed' }
  | { type: 'settingsLoaded'; overrides: readonly ColumnOverride[]; policy: RagPolicy; ignored?: readonly string[] }
  | { type: 'tablesRead'; tables: readonly MonitoringTable[]; applied: readonly AppliedPlanSummary[] }
  | { type: 'roleChosen'; sheet: string; column: string; role: ColumnRole }
  | { type: 'validated'; findings: readonly Finding[]; formats?: CellFormats; headline?: string }
  | { type: 'previewOpened'; plan: EditPlan; fixes: readonly Finding[]; allowOverwrite: readonly QualifiedRange[]; changes: readonly CellChange[]; workbook?: Workbook }
  | { type: 'previewClosed' }
  | { type: 'planApplied'; applied: AppliedPlanSummary }
  | { type: 'reverted'; title: string }
  | { type: 'policyChanged'; policy: RagPolicy }
  | { type: 'previousChosen'; previous: PreviousPeriod | null }
  | { type: 'noticeShown'; message: string }
  | { type: 'consequencesToggled'; root: Finding }
  | { type: 'figuresChanged' }
  | { type: 'ignoredChanged'; ignored: readonly string[] }
  | { type: 'filterChanged'; filter: Partial<FindingFilter> }
  | { type: 'kindToggled'; key: string }
  | { type: 'reapplyOffered' };

export function paneReducer(state: PaneState, action: PaneAction): PaneState {
  switch (action.type) {
    case 'tabChosen':
      return { ...state, tab: action.tab, pending: null, reapplyOffered: false };
    case 'workStarted':
      return action.background ? { ...state, busy: action.label } : { ...state, busy: action.label, error: null, notice: null };
    case 'workFailed':
      return { ...state, busy: null, error: action.message };
    case 'undoRefused':
      // The preview stays open, now offering to apply without Undo.
      return { ...state, busy: null, error: action.message, pending: state.pending ? { ...state.pending, withoutUndoOffered: true } : null };
    case 'errorDismissed':
      return { ...state, error: null };
    case 'settingsLoaded':
      return { ...state, overrides: action.overrides, policy: action.policy, ignored: action.ignored ?? state.ignored };
    case 'tablesRead':
      return { ...state, busy: null, tables: action.tables, applied: action.applied };
    case 'roleChosen':
      return { ...state, overrides: withOverride(state.overrides, { sheet: action.sheet, column: action.column, role: action.role }) };
    case 'validated':
      return { ...state, busy: null, stale: false, findings: action.findings, findingFormats: action.formats ?? {}, headline: action.headline ?? null };
    case 'previewOpened':
      return { ...state, busy: null, reapplyOffered: false, pending: { plan: action.plan, fixes: action.fixes, allowOverwrite: action.allowOverwrite, changes: action.changes, ...(action.workbook ? { workbook: action.workbook } : {}) } };
    case 'previewClosed':
      return { ...state, pending: null };
    case 'planApplied': {
      const fixed = new Set(state.pending?.fixes ?? []);
      // Fixing a root clears what follows from its fault too (one fault, one error).
      const fixedRoots = new Set([...fixed].filter((f) => !f.causedBy).map(findingKey));
      return {
        ...state,
        busy: null,
        pending: null,
        notice: action.applied.title,
        applied: [action.applied, ...state.applied],
        findings: state.findings && fixed.size > 0 ? state.findings.filter((f) => !fixed.has(f) && !(f.causedBy && fixedRoots.has(causeKey(f.causedBy)))) : state.findings,
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
    case 'ignoredChanged':
      return { ...state, ignored: action.ignored };
    case 'filterChanged':
      return { ...state, filter: { ...state.filter, ...action.filter } };
    case 'kindToggled': {
      const open = state.openKinds.includes(action.key);
      return { ...state, openKinds: open ? state.openKinds.filter((k) => k !== action.key) : [...state.openKinds, action.key] };
    }
    case 'reapplyOffered':
      return { ...state, reapplyOffered: true };
    case 'figuresChanged':
      return state.findings === null ? state : { ...state, stale: true };
    case 'consequencesToggled': {
      const key = findingKey(action.root);
      const open = state.openConsequences.includes(key);
      return { ...state, openConsequences: open ? state.openConsequences.filter((k) => k !== key) : [...state.openConsequences, key] };
    }
  }
}

/** One override per sheet and column: a new choice replaces the old one. */
export function withOverride(overrides: readonly ColumnOverride[], next: ColumnOverride): ColumnOverride[] {
  return [...overrides.filter((o) => !(o.sheet === next.sheet && o.column === next.column)), next];
}

/** What a consequence's `causedBy` names: a root finding's rule, sheet and cell. */
export function findingKey(finding: Pick<Finding, 'rule' | 'sheet' | 'cell'>): string {
  return causeKey(finding);
}

function causeKey(ref: CauseRef): string {
  return `${ref.rule}\u0000${ref.sheet}\u0000${ref.cell}`;
}

/** One card in the Validate tab: a finding and the findings its fault explains, listed under it. */
export interface FindingCard {
  readonly finding: Finding;
  readonly consequences: readonly Finding[];
}

/**
 * A card for each root finding, in the findings' order, with its consequences under it.
 * A consequence whose root is not in the list (it should not happen) gets a card of its own.
 */
export function findingCards(findings: readonly Finding[]): FindingCard[] {
  // Each root's list, filled as the consequences come (before or after their root).
  const under = new Map<string, { root: Finding; consequences: Finding[] }>();
  for (const f of findings) {
    if (!f.causedBy && !under.has(findingKey(f))) under.set(findingKey(f), { root: f, consequences: [] });
  }
  const cards: FindingCard[] = [];
  for (const f of findings) {
    const root = f.causedBy ? under.get(causeKey(f.causedBy)) : undefined;
    if (root) root.consequences.push(f);
    else {
      const own = under.get(findingKey(f));
      cards.push({ finding: f, consequences: own?.root === f ? own.consequences : [] });
    }
  }
  return cards;
}

/**
 * The counts the summary shows: roots only, as `summarise` counts them; a consequence whose
 * root is missing has a card of its own, so it counts as one.
 */
export function findingCounts(findings: readonly Finding[]): FindingSummary {
  const cards = findingCards(findings);
  const { errors, warnings, infos } = summarise(cards.map((c) => (c.finding.causedBy ? withoutCause(c.finding) : c.finding)));
  return { errors, warnings, infos, consequences: cards.reduce((n, c) => n + c.consequences.length, 0) };
}

function withoutCause(finding: Finding): Finding {
  const { causedBy: _cause, ...rest } = finding;
  return rest;
}

/**
 * The line under a finding's message saying what its reading rests on: "Because B16 should
 * add B5:B15, as C16:K16 do"; for a reading nothing confirmed, why it is only a note. Null without evidence.
 */
export function evidenceLine(finding: Finding): string | null {
  const evidence = finding.evidence;
  if (!evidence || evidence.summary.trim() === '') return null;
  return evidence.confirmedBy.length > 0 ? UI.validate.because(evidence.summary) : UI.validate.unconfirmed(evidence.summary);
}

export interface FindingGroup {
  readonly sheet: string;
  readonly severity: Severity;
  readonly cards: readonly FindingCard[];
}

const SEVERITY_ORDER: readonly Severity[] = ['error', 'warning', 'info'];

/**
 * Finding cards grouped by sheet (in workbook order of first appearance), then by the root's
 * severity, errors first; consequences stay on their root's card.
 */
export function groupFindings(findings: readonly Finding[]): FindingGroup[] {
  const cards = findingCards(findings);
  const sheets = [...new Set(cards.map((c) => c.finding.sheet))];
  const groups: FindingGroup[] = [];
  for (const sheet of sheets) {
    for (const severity of SEVERITY_ORDER) {
      const items = cards.filter((c) => c.finding.sheet === sheet && c.finding.severity === severity);
      if (items.length > 0) groups.push({ sheet, severity, cards: items });
    }
  }
  return groups;
}

/**
 * Fixable findings reported by the same rule, on cards of their own: what "fix all of this
 * kind" applies. A consequence's fix is not offered; fixing its root is the action.
 */
export function fixableOfKind(findings: readonly Finding[], rule: string): Finding[] {
  return findingCards(findings).map((c) => c.finding).filter((f) => f.rule === rule && f.fix !== undefined);
}
