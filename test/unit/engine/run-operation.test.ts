/**
 * The facade's one rule for an operation over many tables: every table it applies to, a
 * table it cannot handle skipped with a note, refused only when none can be handled; misuse
 * is a named error.
 */
import { fixPlan, readTables, runOperation, UnknownOperationError, UnknownTableError, type OperationName, type Workbook } from '../../../src/engine';
import { sampleWorkbook } from '../../../src/workbench/sample';

const months = sampleWorkbook();
const tables = readTables(months);
const month6Only: Workbook = { sheets: [months.sheets[0]!] };
const NO_PREVIOUS = "No previous period was found for Month 6: choose the earlier sheet, or last month's file.";

describe('movement over every monitoring table', () => {
  it('writes Month 7 against Month 6 and skips Month 6, saying why', () => {
    const result = runOperation('movement', { workbook: months, tables });
    expect(result.problems).toEqual([]);
    expect(result.plan.title).toBe('Movement from Month 6 on Month 7');
    expect([...new Set(result.plan.edits.map((e) => e.sheet))]).toEqual(['Month 7']);
    expect(result.notes).toEqual([`The table at Month 6!A3:G37 was left as it is: ${NO_PREVIOUS}`]);
  });

  it('is refused, with the table\'s own reason, when no table can be handled', () => {
    const result = runOperation('movement', { workbook: month6Only, tables: readTables(month6Only) });
    expect(result.problems).toEqual([NO_PREVIOUS]);
    expect(result.plan.edits).toEqual([]);
  });

  it('runs on the one table asked for only', () => {
    const result = runOperation('movement', { workbook: months, tables, tableId: 'Month 7!A3:K37', previous: { sheet: 'Month 6' } });
    expect(result.notes).toEqual([]);
    expect([...new Set(result.plan.edits.map((e) => e.sheet))]).toEqual(['Month 7']);
  });
});

describe('RAG over the tables with a RAG column', () => {
  it('colours Month 7 (the one with RAG words), not last period\'s sheet', () => {
    const result = runOperation('rag', { workbook: months, tables });
    expect(result.plan.title).toBe('Colour RAG on Month 7');
    expect([...new Set(result.plan.edits.map((e) => e.sheet))]).toEqual(['Month 7']);
    expect(result.notes).toEqual([]);
  });

  it('colours the variances where no table has a RAG column', () => {
    const result = runOperation('rag', { workbook: month6Only, tables: readTables(month6Only) });
    expect(result.problems).toEqual([]);
    expect([...new Set(result.plan.edits.map((e) => e.sheet))]).toEqual(['Month 6']);
  });

  it('is refused when there is no monitoring table', () => {
    expect(runOperation('rag', { workbook: { sheets: [] }, tables: [] }).problems).toEqual(['No monitoring table was found, so there is nothing to colour.']);
  });
});

describe('misuse is a named error', () => {
  it('an unknown table id', () => {
    expect(() => runOperation('rag', { workbook: months, tables, tableId: 'Month 9!A1:B2' })).toThrow(new UnknownTableError('Month 9!A1:B2'));
    expect(() => runOperation('rag', { workbook: months, tables, tableId: 'Month 9!A1:B2' })).toThrow('There is no table "Month 9!A1:B2" among the tables given.');
  });

  it('an unknown operation', () => {
    expect(() => runOperation('sparkline' as OperationName, { workbook: months, tables })).toThrow(UnknownOperationError);
  });
});

describe('fixPlan', () => {
  const fix = (range: string) => ({ title: `Restore the SUM in ${range}`, edits: [{ kind: 'setFormulas' as const, sheet: 'Month 7', range, formulas: [['=SUM(B5:B15)']] }] });
  const finding = (cell: string, withFix = true) => ({ rule: 'total-sum', severity: 'error' as const, sheet: 'Month 7', cell, message: '', expected: null, actual: null, ...(withFix ? { fix: fix(cell) } : {}) });

  it('is one finding\'s fix, or all of them under the first one\'s title, each fix once', () => {
    expect(fixPlan([finding('B16')])).toEqual(fix('B16'));
    expect(fixPlan([finding('B16'), finding('B16'), finding('C16'), finding('D16', false)])).toEqual({
      title: 'Restore the SUM in B16 and 1 more',
      edits: [...fix('B16').edits, ...fix('C16').edits],
    });
    expect(fixPlan([finding('D16', false)])).toBeUndefined();
  });
});
