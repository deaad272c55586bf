/**
 * Exact expectations for a read table, written in Excel terms (row numbers from 1,
 * column letters), checked cell by cell: every body row's kind, every column's role,
 * every total's coverage. Nothing is compared against a recorded snapshot.
 */
import type { ColumnRole, MonitoringTable, RowKind, TableKind } from '../../../src/engine/model';
import type { Unit } from '../../../src/engine/units';

export interface TableSpec {
  readonly sheet: string;
  readonly range: string;
  readonly kind: TableKind;
  readonly headerRows: readonly number[];
  readonly firstRow: number;
  readonly lastRow: number;
  readonly unit?: Unit;
  readonly unitSource?: 'header' | 'title' | 'format';
  readonly title?: string;
  readonly signs?: MonitoringTable['signs'];
  /** Role of every column, by letter. */
  readonly roles: Readonly<Record<string, ColumnRole>>;
  readonly periods?: Readonly<Record<string, string>>;
  readonly years?: Readonly<Record<string, string>>;
  /** Kind of every body row: [from, to, kind] runs in Excel rows, together covering the body. */
  readonly kinds: ReadonlyArray<readonly [number, number, RowKind]>;
  /** Each subtotal/total row → the Excel rows it covers and how that was decided. */
  readonly covers: Readonly<Record<number, readonly [readonly number[], NonNullable<MonitoringTable['rows'][number]['coverBasis']>]>>;
  /** Section header of selected rows (Excel rows). */
  readonly sections?: Readonly<Record<number, number | undefined>>;
  readonly labels?: Readonly<Record<number, string>>;
  readonly indents?: Readonly<Record<number, number>>;
}

export function rows(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

export function expectTable(table: MonitoringTable | undefined, spec: TableSpec): void {
  expect(table).toBeDefined();
  const t = table!;
  expect({ sheet: t.sheet, range: t.range, id: t.id, kind: t.kind }).toEqual({ sheet: spec.sheet, range: spec.range, id: `${spec.sheet}!${spec.range}`, kind: spec.kind });
  expect(t.headerRows.map((r) => r + 1)).toEqual(spec.headerRows);
  expect([t.firstRow + 1, t.lastRow + 1]).toEqual([spec.firstRow, spec.lastRow]);
  expect([t.unit, t.unitSource]).toEqual([spec.unit, spec.unitSource]);
  if (spec.title !== undefined) expect(t.title).toBe(spec.title);
  if (spec.signs) expect(t.signs).toEqual(spec.signs);

  const roles: Record<string, ColumnRole> = {};
  for (const c of t.columns) roles[c.letter] = c.role;
  expect(roles).toEqual(spec.roles);
  const periods: Record<string, string> = {};
  const years: Record<string, string> = {};
  for (const c of t.columns) {
    if (c.period !== undefined) periods[c.letter] = c.period;
    if (c.year !== undefined) years[c.letter] = c.year;
  }
  expect(periods).toEqual(spec.periods ?? {});
  expect(years).toEqual(spec.years ?? {});

  const expectedKinds: Record<number, RowKind> = {};
  for (const [from, to, kind] of spec.kinds) for (const r of rows(from, to)) expectedKinds[r] = kind;
  const actualKinds: Record<number, RowKind> = {};
  for (const r of t.rows) actualKinds[r.row + 1] = r.kind;
  expect(actualKinds).toEqual(expectedKinds);

  const actualCovers: Record<number, [number[], string]> = {};
  for (const r of t.rows) if (r.covers) actualCovers[r.row + 1] = [r.covers.map((x) => x + 1), r.coverBasis!];
  expect(actualCovers).toEqual(spec.covers);

  for (const [row, section] of Object.entries(spec.sections ?? {})) {
    const found = t.rows.find((r) => r.row + 1 === Number(row));
    expect([Number(row), found?.section === undefined ? undefined : found.section + 1]).toEqual([Number(row), section]);
  }
  for (const [row, label] of Object.entries(spec.labels ?? {})) {
    expect([Number(row), t.rows.find((r) => r.row + 1 === Number(row))?.label]).toEqual([Number(row), label]);
  }
  for (const [row, indent] of Object.entries(spec.indents ?? {})) {
    expect([Number(row), t.rows.find((r) => r.row + 1 === Number(row))?.indent]).toEqual([Number(row), indent]);
  }
}
