/**
 * A plan in the officer's words, for the top of the preview: what it adds, what it fills in,
 * what it changes (with the first few examples), which cells its colours will follow and a
 * small sample of those colours; never formula text or hex codes. Every cell, format and rule
 * is still listed below it, for whoever wants the detail.
 */
import { cellAt, type ConditionalStyle, type Edit, type EditPlan, findSheet, isRagTag, parseRange, RAG_PALETTE, toA1, type Workbook } from '../../engine';
import { UI } from '../messages';
import { BLANK, type CellChange } from './cell-changes';

/** How many changed cells are named as examples. */
const EXAMPLES = 3;

export interface ColourSample {
  /** What the colour means: a RAG word, or the status a policy rule gives. */
  readonly label: string;
  readonly fill?: string;
  readonly fontColor?: string;
}

export interface PlanWords {
  readonly lines: readonly string[];
  readonly colours: readonly ColourSample[];
}

type ConditionalEdit = Extract<Edit, { kind: 'addConditionalFormat' }>;

export function planInWords(plan: EditPlan, workbook: Workbook, changes: readonly CellChange[]): PlanWords {
  const lines: string[] = [];
  for (const edit of plan.edits) if (edit.kind === 'addSheet') lines.push(UI.preview.words.newSheet(edit.sheet, changes.filter((c) => c.sheet === edit.sheet).length));
  const added = new Set(plan.edits.flatMap((e) => (e.kind === 'addSheet' ? [e.sheet] : [])));
  const onOldSheets = changes.filter((c) => !added.has(c.sheet));
  const filled = onOldSheets.filter((c) => c.before === BLANK);
  const changed = onOldSheets.filter((c) => c.before !== BLANK);
  if (filled.length > 0) lines.push(UI.preview.words.filled(filled.length, filled.slice(0, EXAMPLES).map(example)));
  if (changed.length > 0) lines.push(UI.preview.words.changed(changed.length, changed.slice(0, EXAMPLES).map(example)));

  const conditional = plan.edits.filter((e): e is ConditionalEdit => e.kind === 'addConditionalFormat');
  const written = writtenCells(plan);
  const byWords = conditional.filter((e) => e.format.rule.type === 'text');
  const byPolicy = conditional.filter((e) => e.format.rule.type === 'formula' && isRagTag(e.tag));
  const highlights = conditional.filter((e) => e.format.rule.type === 'formula' && !isRagTag(e.tag));
  if (byWords.length > 0) lines.push(UI.preview.words.colourByWord(cellsIn(byWords, workbook, written), samples(byWords).map((c) => c.label)));
  if (byPolicy.length > 0) lines.push(UI.preview.words.colourByRule(cellsIn(byPolicy, workbook, written)));
  if (highlights.length > 0) lines.push(UI.preview.words.highlights(cellsIn(highlights, workbook, written)));
  for (const edit of plan.edits) {
    if (edit.kind === 'setDataValidation') lines.push(UI.preview.words.dropdown(`${edit.sheet}!${edit.range}`, Array.isArray(edit.list) ? edit.list : undefined));
  }
  return { lines, colours: samples([...byWords, ...byPolicy]) };
}

function example(change: CellChange): string {
  return `${change.cell}: ${change.before === BLANK ? '' : `${change.before} → `}${change.after}`;
}

/** Every cell the plan writes, blank or not (a tracker's empty rows are coloured when filled). */
function writtenCells(plan: EditPlan): Set<string> {
  const written = new Set<string>();
  for (const edit of plan.edits) {
    if (edit.kind !== 'setValues' && edit.kind !== 'setFormulas') continue;
    const range = parseRange(edit.range);
    if (!range) continue;
    for (let r = range.start.row; r <= range.end.row; r++) for (let c = range.start.col; c <= range.end.col; c++) written.add(`${edit.sheet}!${toA1(r, c)}`);
  }
  return written;
}

/**
 * The cells the colour rules cover that hold something (or that the plan fills): the rules
 * span whole columns of the table, but the officer thinks of the lines coloured.
 */
function cellsIn(edits: readonly ConditionalEdit[], workbook: Workbook, written: ReadonlySet<string>): number {
  const cells = new Set<string>();
  for (const edit of edits) {
    const range = parseRange(edit.range);
    const sheet = findSheet(workbook, edit.sheet);
    if (!range) continue;
    for (let r = range.start.row; r <= range.end.row; r++) {
      for (let c = range.start.col; c <= range.end.col; c++) {
        const key = `${edit.sheet}!${toA1(r, c)}`;
        const cell = sheet ? cellAt(sheet, r, c) : undefined;
        const holds = cell !== undefined && ((cell.value !== null && cell.value !== '') || cell.formula !== undefined);
        if (holds || written.has(key)) cells.add(key);
      }
    }
  }
  return cells.size;
}

/** One sample per colour the rules apply, named by the word that sets it or the RAG status it matches. */
function samples(edits: readonly ConditionalEdit[]): ColourSample[] {
  const seen = new Map<string, ColourSample>();
  for (const edit of edits) {
    const style = edit.format.style;
    const key = `${style.fill ?? ''}|${style.fontColor ?? ''}`;
    if (seen.has(key) || (!style.fill && !style.fontColor)) continue;
    const label = edit.format.rule.type === 'text' ? edit.format.rule.text : ragStatusOf(style);
    if (!label) continue;
    seen.set(key, { label, ...(style.fill ? { fill: style.fill } : {}), ...(style.fontColor ? { fontColor: style.fontColor } : {}) });
  }
  return [...seen.values()];
}

function ragStatusOf(style: ConditionalStyle): string | undefined {
  return (Object.keys(RAG_PALETTE) as (keyof typeof RAG_PALETTE)[]).find((status) => RAG_PALETTE[status].fill === style.fill);
}
