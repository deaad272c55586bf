/**
 * A wrong movement figure is reported whichever way the previous period is given: the
 * "Month 6" sheet of the same workbook (found from "Movement From Month 6"), or last
 * month's file, at the engine and through the installed command.
 */
import { spawnSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Cell, Sheet, Workbook } from '../../../src/engine/grid';
import { validateWorkbook, type ValidateOptions } from '../../../src/engine/validate';
import { workbookToExcelJs } from '../../../src/host/xlsx/write';
import { seed000MonthsWorkbook } from '../../fixtures/grids';

const ROOT = path.resolve(__dirname, '../../..');
const LAUNCHER = path.join(ROOT, 'bin', 'budget-monitor.js');
const VARIANCE = 5; // F: "Month 7 Variance £m" / "Month 6 Variance £m"
const MOVEMENT = 10; // K: "Movement From Month 6 £m"
const WRONG = 0.5;

function sheetOf(wb: Workbook, name: string): Sheet {
  return wb.sheets.find((s) => s.name === name)!;
}

/** Seed 000 Month 6 and Month 7, with Month 7's first line's movement typed over with a wrong figure. */
function monthsWithWrongMovement(): { workbook: Workbook; row: number; expected: number } {
  const workbook = seed000MonthsWorkbook();
  const m7 = sheetOf(workbook, 'Month 7');
  const m6 = sheetOf(workbook, 'Month 6');
  const row = m7.rows.findIndex((r, i) => i > 3 && r?.[MOVEMENT]?.formula !== undefined);
  expect(m7.rows[row]?.[0]?.value).toBe(m6.rows[row]?.[0]?.value); // the same line on both sheets
  const rows = m7.rows.map((r) => (r ? [...r] : [])) as (Cell | undefined)[][];
  rows[row]![MOVEMENT] = { value: WRONG, format: rows[row]![MOVEMENT]!.format! };
  const expected = (m7.rows[row]![VARIANCE]!.value as number) - (m6.rows[row]![VARIANCE]!.value as number);
  return { workbook: { sheets: workbook.sheets.map((s) => (s.name === 'Month 7' ? { ...s, rows } : s)) }, row, expected };
}

/** Last month's file in this month's layout and sheet name: Month 7's sheet with Month 6's variances. */
function lastMonthInSameLayout(workbook: Workbook, name: string): Workbook {
  const m7 = sheetOf(workbook, 'Month 7');
  const m6 = sheetOf(workbook, 'Month 6');
  const rows = m7.rows.map((r, i) => (r ? r.map((c, k) => (k === VARIANCE && i > 3 ? m6.rows[i]?.[VARIANCE] : c)) : r));
  return { sheets: [{ name, rows }] };
}

function movementErrors(workbook: Workbook, options: ValidateOptions = {}): string[] {
  return validateWorkbook(workbook, options).findings.filter((f) => f.rule === 'movement' && f.severity === 'error').map((f) => `${f.sheet}!${f.cell} ${f.actual} ${f.expected}`);
}

describe('movement against the previous period, engine', () => {
  const { workbook, row, expected } = monthsWithWrongMovement();
  const wrongCell = `K${row + 1}`;
  const want = (sheet: string) => `${sheet}!${wrongCell} ${WRONG} ${Math.round(expected * 1000) / 1000}`;

  it('the clean months have no movement errors (so what follows is the wrong figure, not noise)', () => {
    expect(movementErrors(seed000MonthsWorkbook())).toEqual([]);
  });

  it('(a) the Month 6 sheet of the same workbook, found from the movement heading', () => {
    expect(movementErrors(workbook)).toEqual([want('Month 7')]);
  });

  it('(a) the same sheet named by the caller', () => {
    expect(movementErrors(workbook, { previous: { sheet: 'Month 6' } })).toEqual([want('Month 7')]);
  });

  it('(b) last month’s file holding a "Month 6" sheet', () => {
    const current = { sheets: [sheetOf(workbook, 'Month 7')] };
    expect(movementErrors(current, { previous: { workbook: { sheets: [sheetOf(workbook, 'Month 6')] }, fileName: 'Month 6.xlsx' } })).toEqual([want('Month 7')]);
  });

  it('(b) last month’s file with the same sheet name and layout as this month’s (the same table id)', () => {
    const current = { sheets: [{ ...sheetOf(workbook, 'Month 7'), name: 'Budget' }] };
    expect(movementErrors(current, { previous: { workbook: lastMonthInSameLayout(workbook, 'Budget'), fileName: 'Budget.xlsx' } })).toEqual([want('Budget')]);
  });
});

describe('movement against the previous period, through bin/budget-monitor.js check --prior', () => {
  let dir: string;
  const { workbook, row } = monthsWithWrongMovement();
  const wrongCell = `K${row + 1}`;

  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'bm-prior-'));
    await workbookToExcelJs(workbook).xlsx.writeFile(path.join(dir, 'both-months.xlsx'));
    await workbookToExcelJs({ sheets: [sheetOf(workbook, 'Month 7')] }).xlsx.writeFile(path.join(dir, 'this-month.xlsx'));
    await workbookToExcelJs({ sheets: [{ ...sheetOf(workbook, 'Month 7'), name: 'Budget' }] }).xlsx.writeFile(path.join(dir, 'budget.xlsx'));
    await workbookToExcelJs(lastMonthInSameLayout(workbook, 'Budget')).xlsx.writeFile(path.join(dir, 'last-month.xlsx'));
  });
  afterAll(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  function check(...args: string[]): { code: number | null; movement: string[] } {
    const r = spawnSync(process.execPath, [LAUNCHER, 'check', ...args, '--format', 'json'], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
    expect(r.stderr).toBe('');
    const doc = JSON.parse(r.stdout) as { findings: { rule: string; severity: string; sheet: string; cell: string }[] };
    return { code: r.status, movement: doc.findings.filter((f) => f.rule === 'movement' && f.severity === 'error').map((f) => `${f.sheet}!${f.cell}`) };
  }

  it('(a) --prior "Month 6", a sheet of the same workbook', () => {
    const r = check(path.join(dir, 'both-months.xlsx'), '--prior', 'Month 6');
    expect(r.movement).toEqual([`Month 7!${wrongCell}`]);
    expect(r.code).toBe(1);
  }, 120_000);

  it('(b) --prior last-month.xlsx, a separate file', () => {
    const inMonth6 = check(path.join(dir, 'this-month.xlsx'), '--prior', path.join(dir, 'both-months.xlsx'));
    expect(inMonth6.movement).toEqual([`Month 7!${wrongCell}`]);
    const sameLayout = check(path.join(dir, 'budget.xlsx'), '--prior', path.join(dir, 'last-month.xlsx'));
    expect(sameLayout.movement).toEqual([`Budget!${wrongCell}`]);
    expect(sameLayout.code).toBe(1);
  }, 240_000);
});
