/** A block of links that copies another table (the chart's linked block) is not read as a table of its own. */
import { readTables } from '../../../src/engine/read';
import type { Cell, Workbook } from '../../../src/engine/grid';

const link = (ref: string, value: string | number): Cell => ({ formula: `='Month 7'!${ref}`, value });

function book(labels: 'links' | 'typed'): Workbook {
  const rows: Cell[][] = [
    [{ value: 'Service area' }, { value: 'Budget £m' }, { value: 'Forecast £m' }, { value: 'Variance £m' }],
    ...[['A5', 'Fostering', 10, 11], ['A6', 'Adoption', 4, 3.5], ['A7', 'Leaving care', 2, 2.4]].map(([ref, label, budget, forecast], i) => [
      labels === 'links' ? link(String(ref), String(label)) : { value: String(label) },
      link(`D${5 + i}`, Number(budget)), link(`E${5 + i}`, Number(forecast)), link(`F${5 + i}`, Number(forecast) - Number(budget)),
    ]),
  ];
  return { sheets: [{ name: 'Charts', rows }] };
}

describe('a linked copy', () => {
  it('every cell a link to one cell, labels included: not a table to check', () => {
    expect(readTables(book('links'))).toEqual([]);
  });

  it('typed labels beside linked figures: a table, checked as any other', () => {
    expect(readTables(book('typed')).map((t) => `${t.sheet}!${t.range}`)).toEqual(['Charts!A1:D4']);
  });
});

describe('a mitigation tracker’s Status column', () => {
  it('is where each action stands, not a RAG rating', async () => {
    const { sampleWorkbook } = await import('../../../src/workbench/sample');
    const { runOperation } = await import('../../../src/engine');
    const { applyPlan } = await import('../../../src/engine/apply');
    const workbook = sampleWorkbook();
    const after = applyPlan(workbook, runOperation('mitigationTracker', { workbook, tables: readTables(workbook) }).plan);
    const tracker = readTables(after).find((t) => t.kind === 'mitigationTracker')!;
    expect(tracker.columns.filter((c) => c.header === 'Status' || c.role === 'rag').map((c) => `${c.letter}:${c.role}`)).toEqual(['I:otherText']);
  });
});
