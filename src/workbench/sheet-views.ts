/**
 * What a file records about how its sheets are shown, which the grid reader leaves out:
 * each sheet's visibility (hidden, very hidden), its frozen panes, its column widths, and
 * which sheet was active when it was saved. Read at Open from the package itself: the whole
 * workbook part, and of each sheet only its head (up to `<sheetData>`), so a large sheet is
 * not inflated a second time.
 */
import type { SimState } from '../host/simulated/state';
import { characterWidthToPoints } from '../host/xlsx/apply-plan';
import { relsPath, resolveTarget } from '../host/xlsx/fast/read-package';
import { attr, isTrue, startTags } from '../host/xlsx/fast/xml';
import { readDirectory, type ZipDirectory } from '../host/xlsx/fast/zip';

export type SheetVisibility = 'Visible' | 'Hidden' | 'VeryHidden';

export interface SheetView {
  readonly visibility: SheetVisibility;
  /** Frozen panes (View › Freeze Panes): rows above and columns left of the split. */
  readonly frozen?: { readonly rows: number; readonly cols: number };
  /** Column widths the sheet records, in points, by 0-based column. */
  readonly columnWidths?: ReadonlyMap<number, number>;
}

export interface WorkbookViews {
  readonly sheets: ReadonlyMap<string, SheetView>;
  /** The sheet that was active when the file was saved. */
  readonly activeSheet?: string;
}

/** The workbook part's sheets (name, relationship id, visibility) and active tab. */
export function parseWorkbookViews(workbookXml: string): { sheets: { name: string; id: string; visibility: SheetVisibility }[]; activeTab: number } {
  const sheets = startTags(workbookXml, 'sheet').flatMap((tag) => {
    const name = attr(tag, 'name');
    if (name === undefined) return [];
    const state = attr(tag, 'state');
    const visibility: SheetVisibility = state === 'hidden' ? 'Hidden' : state === 'veryHidden' ? 'VeryHidden' : 'Visible';
    return [{ name, id: attr(tag, 'id') ?? '', visibility }];
  });
  const view = startTags(workbookXml, 'workbookView')[0];
  const active = Number(view ? attr(view, 'activeTab') ?? 0 : 0);
  return { sheets, activeTab: Number.isInteger(active) && active >= 0 ? active : 0 };
}

/** A sheet part's head (its text before `<sheetData>`): frozen panes and column widths. */
export function parseSheetHead(head: string): Omit<SheetView, 'visibility'> {
  const out: { frozen?: { rows: number; cols: number }; columnWidths?: Map<number, number> } = {};
  const pane = startTags(head, 'pane')[0];
  const state = pane ? attr(pane, 'state') : undefined;
  if (pane && (state === 'frozen' || state === 'frozenSplit')) {
    const rows = Math.max(0, Math.trunc(Number(attr(pane, 'ySplit') ?? 0)) || 0);
    const cols = Math.max(0, Math.trunc(Number(attr(pane, 'xSplit') ?? 0)) || 0);
    if (rows > 0 || cols > 0) out.frozen = { rows, cols };
  }
  const widths = new Map<number, number>();
  for (const tag of startTags(head, 'col')) {
    const min = Number(attr(tag, 'min'));
    const max = Math.min(Number(attr(tag, 'max')), min + 255);
    const width = Number(attr(tag, 'width'));
    // A column given a width by hand (or hidden); Excel's default width is left to the grid.
    if (!Number.isInteger(min) || !Number.isInteger(max) || min < 1 || !(width >= 0) || !(isTrue(attr(tag, 'customWidth')) || isTrue(attr(tag, 'hidden')))) continue;
    for (let c = min; c <= max; c++) widths.set(c - 1, isTrue(attr(tag, 'hidden')) ? 0 : characterWidthToPoints(width));
  }
  if (widths.size > 0) out.columnWidths = widths;
  return out;
}

const HEAD_LIMIT = 1024 * 1024;

/** The part's text up to `<sheetData` (or all of a small part), inflating no more than that. */
async function partHead(directory: ZipDirectory, name: string): Promise<string | undefined> {
  const raw = directory.raw(name);
  if (!raw) return undefined;
  const decoder = new TextDecoder('utf-8');
  if (raw.method === 0) return decoder.decode(raw.data.subarray(0, HEAD_LIMIT));
  if (typeof DecompressionStream === 'undefined') return undefined;
  const reader = new Blob([raw.data.slice()]).stream().pipeThrough(new DecompressionStream('deflate-raw')).getReader();
  let text = '';
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
      const end = text.search(/<(?:\w+:)?sheetData[\s/>]/);
      if (end >= 0 || text.length > HEAD_LIMIT) {
        void reader.cancel().catch(() => undefined);
        return end >= 0 ? text.slice(0, end) : text;
      }
    }
  } catch {
    return text;
  }
  return text;
}

/**
 * The views a file records. Anything it cannot read (an unusual package) gives no views:
 * every sheet is then shown as visible, unfrozen, at the grid's own widths.
 */
export async function readWorkbookViews(bytes: Uint8Array): Promise<WorkbookViews> {
  try {
    const directory = readDirectory(bytes);
    const rootRels = await partHead(directory, '_rels/.rels');
    const rootTarget = rootRels ? startTags(rootRels, 'Relationship').find((t) => /\/officeDocument$/.test(attr(t, 'Type') ?? '')) : undefined;
    const workbookPart = rootTarget ? resolveTarget('', attr(rootTarget, 'Target') ?? '') : 'xl/workbook.xml';
    const workbookXml = await partHead(directory, workbookPart);
    if (!workbookXml) return { sheets: new Map() };
    const rels = startTags((await partHead(directory, relsPath(workbookPart))) ?? '', 'Relationship');
    const { sheets, activeTab } = parseWorkbookViews(workbookXml);
    const views = new Map<string, SheetView>();
    for (const sheet of sheets) {
      const rel = rels.find((t) => attr(t, 'Id') === sheet.id);
      const target = rel ? resolveTarget(workbookPart, attr(rel, 'Target') ?? '') : undefined;
      const head = target && /\/worksheet$/.test(attr(rel!, 'Type') ?? '') ? await partHead(directory, target) : undefined;
      views.set(sheet.name, { visibility: sheet.visibility, ...(head ? parseSheetHead(head) : {}) });
    }
    const active = sheets[activeTab]?.name;
    return active === undefined ? { sheets: views } : { sheets: views, activeSheet: active };
  } catch {
    return { sheets: new Map() };
  }
}

/** Carries the views into the simulated workbook, as Excel holds them once the file is open. */
export function applyWorkbookViews(state: SimState, views: WorkbookViews): void {
  for (const sheet of state.sheets) {
    const view = views.sheets.get(sheet.name);
    if (!view) continue;
    if (view.visibility !== 'Visible') sheet.visibility = view.visibility;
    if (view.frozen) sheet.frozen = view.frozen;
    for (const [col, points] of view.columnWidths ?? []) sheet.columnWidths.set(col, points);
  }
}

/** The sheets shown as tabs: the visible ones, as Excel shows them. */
export function visibleSheets<T extends { readonly visibility?: SheetVisibility }>(sheets: readonly T[]): T[] {
  return sheets.filter((s) => (s.visibility ?? 'Visible') === 'Visible');
}

/** Hidden sheets the officer can show (Excel's Unhide… list); very hidden ones are not listed. */
export function unhidableSheets<T extends { readonly visibility?: SheetVisibility }>(sheets: readonly T[]): T[] {
  return sheets.filter((s) => s.visibility === 'Hidden');
}
