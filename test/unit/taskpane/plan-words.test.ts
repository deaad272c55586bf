/** The preview's plan in words, from the real operations on the workbench's sample. */
import { readTables } from '../../../src/engine/read';
import { planMitigationTracker } from '../../../src/engine/operations/mitigation-tracker';
import { planRagFormatting } from '../../../src/engine/operations/rag-formatting';
import { DEFAULT_RAG_POLICY } from '../../../src/engine/policy';
import type { EditPlan } from '../../../src/engine/plan';
import { sheetFromValues, type Workbook } from '../../../src/engine/grid';
import { cellChanges } from '../../../src/taskpane/state/cell-changes';
import { planInWords } from '../../../src/taskpane/state/plan-words';
import { sampleWorkbook } from '../../../src/workbench/sample';

const words = (plan: EditPlan, workbook: Workbook) => planInWords(plan, workbook, cellChanges(plan, workbook));

describe('planInWords', () => {
  const workbook = sampleWorkbook();
  const tables = readTables(workbook);
  const month7 = tables.find((t) => t.sheet === 'Month 7')!;

  it('RAG colours: the cells that follow their word and the figures that follow the policy, with a sample of each colour', () => {
    const plan = planRagFormatting(month7, DEFAULT_RAG_POLICY, { workbook, writeWords: true }).plan;
    // Month 7's RAG column H and variance column F hold a figure on each of its 30 lines, sub totals and totals.
    const filled = month7.rows.filter((r) => ['line', 'subtotal', 'total'].includes(r.kind)).length;
    expect(filled).toBe(30);
    expect(words(plan, workbook)).toEqual({
      lines: ['Colours on 30 cells will follow the word in each (Red, Amber, Green).', 'Colours on 30 figures will follow the RAG policy, and change when the figures do.'],
      colours: [
        { label: 'Red', fill: '#FFC7CE', fontColor: '#9C0006' },
        { label: 'Amber', fill: '#FFEB9C', fontColor: '#7A4100' },
        { label: 'Green', fill: '#C6EFCE', fontColor: '#006100' },
      ],
    });
  });

  it('a tracker: the new sheet, its highlights and drop-down lists; no policy colours claimed', () => {
    const plan = planMitigationTracker(workbook, tables, { tableId: month7.id }).plan;
    const filled = cellChanges(plan, workbook).filter((c) => c.sheet === 'Mitigation Tracker').length;
    expect(words(plan, workbook)).toEqual({
      lines: [
        `A new sheet “Mitigation Tracker” with ${filled} cells filled in.`,
        '10 cells will be highlighted whenever their row does not add up.',
        'A drop-down list on Mitigation Tracker!C6:C15.',
        'A drop-down list on Mitigation Tracker!I6:I15: Proposed, Agreed, In progress, Delivered, Not achievable.',
      ],
      colours: [],
    });
  });

  it('changed cells are counted apart from filled ones, with the first three named', () => {
    const book: Workbook = { sheets: [sheetFromValues('S', [['Green', 'Amber', 'Red', 'Green', null, null]])] };
    const plan: EditPlan = { title: 'Words', edits: [{ kind: 'setValues', sheet: 'S', range: 'A1:F1', values: [['Red', 'Amber', 'Green', 'Red', 'Red', null]] }] };
    expect(words(plan, book).lines).toEqual([
      '1 empty cell will be filled in (E1: Red).',
      '3 cells will change (A1: Green → Red; C1: Red → Green; D1: Green → Red).',
    ]);
  });
});
