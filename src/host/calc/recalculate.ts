/**
 * Recalculates a grid's formulas with HyperFormula, a real calculation engine, so that
 * tests, the simulated Excel and the CLI see the values Excel would show.
 * HyperFormula is GPL-3.0 (licence key `gpl-v3`): this module must never be imported by
 * the production task pane.
 *
 * Excel keeps a result with every formula; HyperFormula cannot evaluate everything Excel
 * can. So the calculation
 * - knows the workbook's defined names (`=VLOOKUP(x, Rates, 2, FALSE)`), and reads TRUE
 *   and FALSE as the literals they are in Excel (HyperFormula has them only as functions);
 * - drops the `_xlfn.` / `_xlws.` prefixes files put on functions newer than Excel 2007;
 * - treats text as text (a "5" stored as text is not summed), as Excel does;
 * - keeps the result the workbook holds for a formula it cannot evaluate: a reference to
 *   another workbook (`[1]Sheet!A1`) or a table (`Table1[Amount]`), to a sheet the workbook
 *   does not have, a function or name HyperFormula does not know, syntax it cannot parse.
 *   Such a formula stands as its cached result, and formulas that depend on it are
 *   calculated from that result, as Excel does without updating links. A formula with no
 *   result yet (just typed) gets HyperFormula's answer, an error if that is what it is;
 * - never shows an error that only HyperFormula has (#ERROR!, #CYCLE!, #LIC!) over a
 *   result the workbook holds.
 */
import { DetailedCellError, ErrorType, HyperFormula, type RawCellContent, type SerializedNamedExpression } from 'hyperformula';
import type { Cell, CellValue, DefinedName, Workbook } from '../../engine';

/** Shared by every HyperFormula user here: Excel's sheet size, not HyperFormula's 40,000-row default. */
export const HYPERFORMULA_CONFIG = { licenseKey: 'gpl-v3', maxRows: 1_048_576, maxColumns: 16_384, smartRounding: false } as const;

/** Errors Excel never shows: HyperFormula's own for what it could not do. */
const ENGINE_ONLY_ERRORS: ReadonlySet<string> = new Set([ErrorType.ERROR, ErrorType.CYCLE, ErrorType.LIC]);

/** Excel's boolean literals, which HyperFormula parses as names: defined as its TRUE() and FALSE(). */
const BOOLEAN_LITERALS: readonly SerializedNamedExpression[] = [
  { name: 'TRUE', expression: '=TRUE()' },
  { name: 'FALSE', expression: '=FALSE()' },
];

export function recalculate(workbook: Workbook): Workbook {
  if (!workbook.sheets.some((s) => s.rows.some((r) => r?.some((c) => c?.formula)))) return workbook;
  const check = new FormulaCheck(workbook);
  const kept = new Set<string>();
  const data = toHfSheets(workbook, check, kept);
  let engine: HyperFormula;
  try {
    engine = HyperFormula.buildFromSheets(data, HYPERFORMULA_CONFIG, check.namedExpressions);
  } finally {
    check.destroy();
  }
  try {
    const sheets = workbook.sheets.map((sheet, s) => {
      const id = engine.getSheetId(sheet.name);
      if (id === undefined) return sheet;
      const rows = Array.from(sheet.rows, (row, r) =>
        row?.map((cell, c) => {
          if (!cell?.formula || kept.has(cellKey(s, r, c))) return cell;
          const result = engine.getCellValue({ sheet: id, row: r, col: c });
          // Excel never shows HyperFormula's own errors: the cell keeps what the workbook holds for it.
          if (result instanceof DetailedCellError && ENGINE_ONLY_ERRORS.has(result.type)) return cell;
          return { ...cell, value: fromHfValue(result) };
        }),
      );
      return { ...sheet, rows };
    });
    return { ...workbook, sheets };
  } finally {
    engine.destroy();
  }
}

/** Whether the workbook holds a result for the cell's formula (a file's cached value, or an earlier calculation's). */
function hasResult(cell: Cell): boolean {
  return cell.value !== null;
}

/** The formula as HyperFormula spells it: Excel's future-function prefixes dropped. */
function hfFormula(formula: string): string {
  return formula.includes('_xl') ? formula.replace(/_xl(?:fn|ws)\./gi, '') : formula;
}

function cellKey(sheet: number, row: number, col: number): string {
  return `${sheet}:${row}:${col}`;
}

/** The sheets as HyperFormula takes them; `kept` collects the formulas that stand as their results. */
function toHfSheets(workbook: Workbook, check: FormulaCheck, kept: Set<string>): Record<string, RawCellContent[][]> {
  const out: Record<string, RawCellContent[][]> = {};
  workbook.sheets.forEach((sheet, s) => {
    // Dense rows: HyperFormula cannot take sparse arrays.
    out[sheet.name] = Array.from(sheet.rows, (row, r) =>
      Array.from(row ?? [], (cell, c) => {
        if (!cell) return null;
        if (!cell.formula) return toHfConstant(cell.value);
        const formula = hfFormula(cell.formula);
        if (!hasResult(cell) || check.evaluable(formula, sheet.name)) return formula;
        kept.add(cellKey(s, r, c));
        return toHfConstant(cell.value);
      }),
    );
  });
  return out;
}

function toHfConstant(v: CellValue): RawCellContent {
  if (v !== null && typeof v === 'object') return v.error;
  // Text is text, as in Excel: "5" or "=x" stored as text is neither a number nor a formula.
  if (typeof v === 'string') return `'${v}`;
  return v;
}

/** The formula without its string literals and error literals (`#REF!` is not a sheet). */
function codeOf(formula: string): string {
  return formula.replace(/"(?:[^"]|"")*"/g, '""').replace(/#[A-Za-z/0-9]+[!?]?/g, '#');
}

const QUOTED_SHEET = /'((?:[^']|'')+)'!/g;
const PLAIN_SHEET = /(?<![\w.'\]\u00a0-\uffff])([\w.\u00a0-\uffff]+)!/g;
const CELL_ADDRESS = /(?<![\w.$])\$?[A-Za-z]{1,3}\$?\d+(?![\w.(!])/g;
const FUNCTION_CALL = /(?<![\w.$\\])([A-Za-z_\\][\w.]*)\s*\(/g;

/**
 * Decides which formulas HyperFormula can evaluate, with a scratch engine that has the
 * workbook's sheet names and defined names but no cells.
 */
class FormulaCheck {
  readonly namedExpressions: SerializedNamedExpression[] = [];
  private readonly scratch: HyperFormula;
  private readonly sheetNames: ReadonlySet<string>;
  private readonly functions: ReadonlySet<string>;
  /** Accepted names, upper-cased: workbook-wide under '', a sheet's own under its name. */
  private readonly names = new Map<string, Set<string>>();
  private readonly verdicts = new Map<string, boolean>();

  constructor(workbook: Workbook) {
    const sheetOrder = workbook.sheets.map((s) => s.name);
    this.sheetNames = new Set(sheetOrder.map((n) => n.toUpperCase()));
    this.scratch = HyperFormula.buildFromSheets(Object.fromEntries(sheetOrder.map((n) => [n, []])), HYPERFORMULA_CONFIG);
    this.functions = new Set(this.scratch.getRegisteredFunctionNames().map((n) => n.toUpperCase()));
    // HyperFormula numbers sheets in the order of the object's keys, which is not always tab order.
    const ids = new Map(Object.keys(Object.fromEntries(sheetOrder.map((n) => [n, 0]))).map((n, i) => [n, i]));
    for (const literal of BOOLEAN_LITERALS) this.accept(literal, '');
    // Names may refer to names defined after them: accept until nothing more can be.
    let pending = [...(workbook.definedNames ?? [])];
    for (let before = -1; pending.length !== before; ) {
      before = pending.length;
      pending = pending.filter((defined) => !this.acceptDefined(defined, ids));
    }
  }

  destroy(): void {
    this.scratch.destroy();
  }

  /** Whether the name was accepted. */
  private acceptDefined(defined: DefinedName, ids: ReadonlyMap<string, number>): boolean {
    const scope = defined.sheet === undefined ? undefined : ids.get(defined.sheet);
    if (defined.sheet !== undefined && scope === undefined) return false;
    const expression = hfFormula(defined.formula);
    // A name that points outside the workbook is unknown to the calculation: formulas using it keep their results.
    if (!this.evaluable(expression, defined.sheet ?? '')) return false;
    return this.accept({ name: defined.name, expression, ...(scope === undefined ? {} : { scope }) }, defined.sheet ?? '');
  }

  private accept(entry: SerializedNamedExpression, sheet: string): boolean {
    try {
      this.scratch.addNamedExpression(entry.name, entry.expression, entry.scope);
    } catch {
      return false; // a name HyperFormula does not allow (`\R`, a duplicate): formulas using it keep their results
    }
    this.namedExpressions.push(entry);
    let set = this.names.get(sheet.toUpperCase());
    if (!set) this.names.set(sheet.toUpperCase(), (set = new Set()));
    set.add(entry.name.toUpperCase());
    this.verdicts.clear();
    return true;
  }

  /** Whether HyperFormula can evaluate the formula (spelt as hfFormula gives it) on the sheet. */
  evaluable(formula: string, sheet: string): boolean {
    // Cell addresses do not change the verdict: a column of copied formulas is judged once.
    const key = `${sheet}\u0000${formula.replace(CELL_ADDRESS, 'A1')}`;
    let verdict = this.verdicts.get(key);
    if (verdict === undefined) {
      verdict = this.judge(formula, sheet);
      this.verdicts.set(key, verdict);
    }
    return verdict;
  }

  private judge(formula: string, sheet: string): boolean {
    // Parse failures include references to other workbooks and tables: HyperFormula has no `[`.
    if (!this.scratch.validateFormula(formula)) return false;
    const code = codeOf(formula);
    for (const m of code.matchAll(QUOTED_SHEET)) if (!this.sheetNames.has(m[1]!.replace(/''/g, "'").toUpperCase())) return false;
    const unquoted = code.replace(/'(?:[^']|'')*'/g, "''");
    for (const m of unquoted.matchAll(PLAIN_SHEET)) if (!this.sheetNames.has(m[1]!.toUpperCase())) return false;
    for (const m of unquoted.matchAll(FUNCTION_CALL)) if (!this.functions.has(m[1]!.toUpperCase())) return false;
    const global = this.names.get('');
    const local = this.names.get(sheet.toUpperCase());
    for (const name of this.scratch.getNamedExpressionsFromFormula(formula)) {
      const upper = name.toUpperCase();
      if (!global?.has(upper) && !local?.has(upper)) return false;
    }
    return true;
  }
}

export function fromHfValue(value: unknown): CellValue {
  if (value instanceof DetailedCellError) return { error: value.value };
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  return String(value);
}
