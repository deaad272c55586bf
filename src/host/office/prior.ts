/**
 * The revert record's reads: the prior state of each target (content, number formats, fills,
 * bold), read block by block, and text written back as text (Excel reads what it is given
 * as if typed).
 */
import type { BlockRead } from './blocks';
import type { PriorKind, Scalar } from './ledger';
import type { CellEdit, Context, Target } from './targets';

export const PRIOR_BYTES_PER_CELL: Record<PriorKind, number> = { content: 30, numberFormat: 12, fill: 40, bold: 30 };

export function priorKind(edit: CellEdit): PriorKind | undefined {
  switch (edit.kind) {
    case 'setValues':
    case 'setFormulas':
      return 'content';
    case 'setNumberFormat':
      return 'numberFormat';
    case 'setFill':
      return 'fill';
    case 'setBold':
      return 'bold';
    default:
      return undefined;
  }
}

/** Reads one kind of prior state for a rectangle, block by block. */
export function priorRead(context: Context, t: Target, kind: PriorKind): BlockRead<Scalar[][]> {
  return {
    sheet: t.sheet,
    ref: t.ref,
    bytesPerCell: PRIOR_BYTES_PER_CELL[kind],
    queue: (address) => {
      const range = context.workbook.worksheets.getItem(t.sheet).getRange(address);
      if (kind === 'content') {
        range.load('formulas,values,valueTypes');
        // The returned reader runs only after readInBlocks' context.sync().
        return () => {
          const { formulas, values, valueTypes } = range;
          return formulas.map((row, r) => row.map((f, c) => asWritten(f as Scalar, values[r]?.[c] as Scalar | undefined, valueTypes[r]?.[c])));
        };
      }
      if (kind === 'numberFormat') {
        range.load('numberFormat');
        // As above: read after readInBlocks' context.sync().
        // eslint-disable-next-line office-addins/call-sync-before-read, office-addins/call-sync-after-load
        return () => range.numberFormat as Scalar[][];
      }
      if (kind === 'fill') {
        const props = range.getCellProperties({ format: { fill: { color: true, pattern: true } } });
        return () => props.value.map((row) => row.map((p) => (p.format?.fill?.pattern === 'None' ? '' : (p.format?.fill?.color ?? ''))));
      }
      const props = range.getCellProperties({ format: { font: { bold: true } } });
      return () => props.value.map((row) => row.map((p) => p.format?.font?.bold === true));
    },
  };
}

/**
 * A cell's content as it must be written back to come out the same. Excel reads text
 * written through `values`/`formulas` as if typed ("0012" becomes 12, "1.10" 1.1, "=x" a
 * formula), and `formulas` reads text without the apostrophe that keeps it text: so text
 * goes back with a leading apostrophe, which Excel does not keep in the value.
 */
export function asWritten(formula: Scalar, value: Scalar | undefined, type: string | undefined): Scalar {
  if (type !== 'String' || typeof formula !== 'string') return formula;
  if (formula.startsWith('=') && value !== formula) return formula;
  return `'${formula}`;
}

/** Content as `formulas` reads it back: without the apostrophe that kept text as text. */
export function asRead(row: readonly Scalar[]): Scalar[] {
  return row.map((v) => (typeof v === 'string' && v.startsWith("'") ? v.slice(1) : v));
}

/** What a plan writes, as Excel must be given it: text with the apostrophe that keeps it text. */
export function typedForExcel(grid: readonly (readonly Scalar[])[], kind: 'setValues' | 'setFormulas', errors: ReadonlySet<string>): Scalar[][] {
  return grid.map((row) =>
    row.map((v) => {
      if (typeof v !== 'string' || v === '' || errors.has(v)) return v;
      if (kind === 'setFormulas' && v.startsWith('=')) return v;
      return `'${v}`;
    }),
  );
}

/** Joins the blocks of each read back into one grid per read. */
export function joinBlocks<T>(results: readonly { read: BlockRead<T[][]>; from: number; data: T[][] }[], read: BlockRead<T[][]>): T[][] {
  return results
    .filter((r) => r.read === read)
    .sort((a, b) => a.from - b.from)
    .flatMap((r) => r.data);
}
