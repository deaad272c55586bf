import { applyPlan } from '../../../src/engine/apply';
import { summarise, type Finding } from '../../../src/engine/findings';
import type { Workbook } from '../../../src/engine/grid';
import { formatRunAt, planValidationReport, summaryLine } from '../../../src/engine/operations/validation-report';
import { validateWorkbook } from '../../../src/engine/validate';
import { readTables } from '../../../src/engine/read';
import { recalculate } from '../../../src/host/calc/recalculate';
import { GRID_FIXTURES } from '../../fixtures/grids';
import { formulaAt, typeInto, valueAt } from './seed-workbooks';

const SHEET = 'Validation Report';
const finding = (severity: Finding['severity'], cell: string, sheet = 'Month 7'): Finding => ({
  rule: cell === 'F16' ? 'total-sum' : `rule-${cell}`, severity, sheet, cell, message: `Problem at ${cell}`, expected: 1, actual: 2,
});
const RUN_AT = '2026-11-22T07:52:10Z';

describe('planValidationReport', () => {
  const findings = [finding('warning', 'B5'), finding('error', 'F16'), finding('info', 'A1'), finding('error', 'D8', "Bob's Sheet"), finding('warning', 'C9'), finding('error', 'K37')];
  const workbook: Workbook = { sheets: [{ name: 'Month 7', rows: [] }, { name: "Bob's Sheet", rows: [] }] };
  const result = planValidationReport(findings, summarise(findings), RUN_AT, { workbook, timeZone: 'Europe/London' });
  const after = recalculate(applyPlan(workbook, result.plan));

  it('writes the time run and the summary line', () => {
    expect(['A1', 'A2', 'A3'].map((a) => valueAt(after, SHEET, a))).toEqual([
      'Budget Monitor validation report', 'Run at 22 November 2026, 07:52 GMT', '3 errors, 2 warnings, 1 note',
    ]);
  });

  it('lists every finding, errors first, each with a link to its cell', () => {
    const rows = [6, 7, 8, 9, 10, 11].map((r) => ['A', 'B', 'C', 'D'].map((c) => valueAt(after, SHEET, `${c}${r}`)));
    expect(rows).toEqual([
      ['Error', 'Month 7', 'F16', 'Totals that do not add up'], ['Error', "Bob's Sheet", 'D8', 'rule-D8'], ['Error', 'Month 7', 'K37', 'rule-K37'],
      ['Warning', 'Month 7', 'B5', 'rule-B5'], ['Warning', 'Month 7', 'C9', 'rule-C9'], ['Note', 'Month 7', 'A1', 'rule-A1'],
    ]);
    expect(formulaAt(after, SHEET, 'C6')).toBe(`=HYPERLINK("#'Month 7'!F16","F16")`);
    expect(formulaAt(after, SHEET, 'C7')).toBe(`=HYPERLINK("#'Bob''s Sheet'!D8","D8")`);
  });

  it('puts the whole message last, where nothing to its right cuts it short', () => {
    expect(['D6', 'E6', 'F6', 'G6'].map((a) => valueAt(after, SHEET, a))).toEqual(['Totals that do not add up', 1, 2, 'Problem at F16']);
  });

  it('regenerating replaces the old list and keeps an officer\'s note beside it', () => {
    const noted = typeInto(after, SHEET, { H6: 'fixed by Jo' });
    const one = [finding('warning', 'B5')];
    const again = planValidationReport(one, summarise(one), '2026-11-23T09:00:00Z', { workbook: noted });
    expect(again.problems).toEqual([]);
    const later = recalculate(applyPlan(noted, again.plan));
    expect(['A3', 'A6', 'C6', 'A7', 'C11', 'H6'].map((a) => valueAt(later, SHEET, a))).toEqual([
      'Ready to submit: no errors, 1 warning to look at', 'Warning', 'B5', null, null, 'fixed by Jo',
    ]);
  });

  it('leaves out findings about the report sheet itself', () => {
    const own = [finding('error', 'A7', SHEET), finding('warning', 'B5')];
    const r = planValidationReport(own, summarise(own), RUN_AT, { workbook: after });
    const out = recalculate(applyPlan(after, r.plan));
    expect(['A3', 'C6', 'A7'].map((a) => valueAt(out, SHEET, a))).toEqual(['Ready to submit: no errors, 1 warning to look at', 'B5', null]);
  });

  it('says plainly when there is nothing to report', () => {
    const clean = planValidationReport([], summarise([]), RUN_AT);
    const out = applyPlan({ sheets: [] }, clean.plan);
    expect(['A3', 'A6'].map((a) => valueAt(out, SHEET, a))).toEqual(['Ready to submit: no errors', 'No findings.']);
  });

  it('refuses to overwrite a sheet of that name it did not make', () => {
    const other = { sheets: [{ name: SHEET, rows: [[{ value: 'officer notes' }]] }] };
    expect(planValidationReport([], summarise([]), RUN_AT, { workbook: other }).problems).toEqual([
      'A sheet named "Validation Report" already exists and is not a report this add-in made; choose another sheet name.',
    ]);
  });
});

describe('summaryLine and formatRunAt', () => {
  it.each([
    [{ errors: 0, warnings: 0, infos: 3, consequences: 0 }, 'Ready to submit: no errors'],
    [{ errors: 3, warnings: 2, infos: 0, consequences: 0 }, '3 errors, 2 warnings'],
    [{ errors: 1, warnings: 1, infos: 0, consequences: 0 }, '1 error, 1 warning'],
  ])('%p → %p', (summary, line) => expect(summaryLine(summary)).toBe(line));
  it('gives the time in the officer’s time zone, named, and passes through text it cannot read', () => {
    expect(formatRunAt(new Date(Date.UTC(2026, 6, 5, 9, 3)), 'Europe/London')).toBe('5 July 2026, 10:03 BST');
    expect(formatRunAt(new Date(Date.UTC(2026, 0, 5, 9, 3)), 'Europe/London')).toBe('5 January 2026, 09:03 GMT');
    expect(formatRunAt(new Date(Date.UTC(2026, 0, 5, 9, 3)), 'UTC')).toBe('5 January 2026, 09:03 UTC');
    expect(formatRunAt('yesterday')).toBe('yesterday');
  });

});

describe('validation report from a real check of a faulted seed 000', () => {
  it('has one row per finding, each linking to the cell the rule named', () => {
    const clean = GRID_FIXTURES['seed000-table1-formulas']!();
    const faulty = recalculate(typeInto(clean, 'Month 7', { F16: 10.5 })); // sub total typed over
    const { findings } = validateWorkbook(faulty);
    expect(findings.length).toBeGreaterThan(0);
    const result = planValidationReport(findings, summarise(findings), RUN_AT, { workbook: faulty });
    const after = recalculate(applyPlan(faulty, result.plan));
    findings.forEach((_, i) => {
      const link = formulaAt(after, SHEET, `C${6 + i}`)!;
      const [, sheet, cell] = /^=HYPERLINK\("#'?(.+?)'?!([A-Z]+\d+)","\2"\)$/.exec(link)!;
      expect(findings.some((f) => f.sheet === sheet && f.cell === cell)).toBe(true);
    });
    expect(findings.some((f) => f.cell === 'F16')).toBe(true);
  });
});

describe('a report is never read as a table to check', () => {
  const rows = (check: string) => [
    [{ value: 'Budget Monitor validation report' }], [{ value: 'Run at 5 July 2026, 10:03 BST' }], [{ value: '1 error' }], [],
    ['Severity', 'Sheet', 'Cell', check, 'Expected', 'Found', 'Message'].map((value) => ({ value })),
    [{ value: 'Error' }, { value: 'Month 7' }, { value: 'F16' }, { value: 'Totals that do not add up' }, { value: 115.076 }, { value: 115 }, { value: 'Sub total F16 is 115' }],
    [{ value: 'Warning' }, { value: 'Month 7' }, { value: 'B5' }, { value: 'Typed totals' }, { value: 10 }, { value: 12 }, { value: 'Typed' }],
  ];
  it.each(['Check', 'Rule'])('with its %s column (today’s layout and the one before)', (check) => {
    const workbook: Workbook = { sheets: [{ name: SHEET, rows: rows(check) }] };
    expect(readTables(workbook)).toEqual([]);
  });
});

describe('the headline under the summary', () => {
  it('seed 000: the table\'s headline in A4, updated in place when the figures change', () => {
    const workbook = recalculate(GRID_FIXTURES['seed000-months']!());
    const { findings } = validateWorkbook(workbook);
    const after = recalculate(applyPlan(workbook, planValidationReport(findings, summarise(findings), RUN_AT, { workbook, timeZone: 'Europe/London' }).plan));
    expect(valueAt(after, SHEET, 'A4')).toBe('2024/25 net budget £142.827m, forecasting an overspend of £8.380m, a decrease of £0.375m from Month 6');
    const edited = recalculate(typeInto(after, 'Month 7', { E7: 60 }));
    const again = planValidationReport(findings, summarise(findings), RUN_AT, { workbook: edited, timeZone: 'Europe/London' });
    const rerun = recalculate(applyPlan(edited, again.plan));
    expect(valueAt(rerun, SHEET, 'A4')).toBe('2024/25 net budget £142.827m, forecasting an overspend of £7.763m, a decrease of £0.992m from Month 6'); // the movement is a live formula against Month 6
  });

  it('given, or none', () => {
    const workbook: Workbook = { sheets: [{ name: 'Month 7', rows: [] }] };
    const given = applyPlan(workbook, planValidationReport([], summarise([]), RUN_AT, { workbook, headline: 'Net budget £1.000m' }).plan);
    expect(valueAt(given, SHEET, 'A4')).toBe('Net budget £1.000m');
    const none = applyPlan(workbook, planValidationReport([], summarise([]), RUN_AT, { workbook }).plan);
    expect(valueAt(none, SHEET, 'A4')).toBeNull();
  });
});
