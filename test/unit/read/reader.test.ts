/** The reader on every grid fixture: every row, column and total, asserted exactly. */
import { readTables } from '../../../src/engine/read';
import type { MonitoringTable } from '../../../src/engine/model';
import {
  TABLE1_TITLE, layoutAdultsNested, layoutTotalsAbove, seed000MonthsWorkbook, seed000Mitigations, seed000Table1Formulas,
  seed000Table1Values, seed001MtfpTracker, seed002CostReductions, seed002OneSheet, seed002Pressures, seed002Savings,
  seed004Table1, seed004Table2, seed004Table3, seed004Table4, seed004Table5, seed004Table6,
} from '../../fixtures/grids';
import { type TableSpec, expectTable, rows } from './expect-table';

const SEED000_TABLE1: TableSpec = {
  sheet: 'Month 7',
  range: 'A3:K37',
  kind: 'monitoring',
  headerRows: [3],
  firstRow: 4,
  lastRow: 37,
  unit: 'millions',
  unitSource: 'header',
  title: TABLE1_TITLE,
  signs: { income: 'negative', variance: 'overspendPositive' },
  roles: {
    A: 'label', B: 'expenditure', C: 'income', D: 'netBudget', E: 'forecast', F: 'variance', G: 'varianceLabel', H: 'rag',
    I: 'ongoingPressure', J: 'oneOffPressure', K: 'movement',
  },
  periods: { F: 'Month 7', K: 'Month 6' },
  kinds: [
    [4, 4, 'section'], [5, 15, 'line'], [16, 16, 'subtotal'],
    [17, 17, 'section'], [18, 20, 'line'], [21, 21, 'subtotal'],
    [22, 22, 'section'], [23, 32, 'line'], [33, 33, 'subtotal'],
    [34, 34, 'section'], [35, 35, 'line'], [36, 36, 'subtotal'],
    [37, 37, 'total'],
  ],
  covers: {
    16: [rows(5, 15), 'section'],
    21: [rows(18, 20), 'section'],
    33: [rows(23, 32), 'section'],
    36: [[35], 'section'],
    37: [[16, 21, 33, 36], 'subtotals'],
  },
  sections: { 4: undefined, 5: 4, 15: 4, 16: 4, 18: 17, 33: 22, 35: 34, 37: undefined },
  labels: { 5: 'Prevention Services', 16: 'sub total', 37: 'Children, Families & Education Services Total' },
};

const only = (tables: MonitoringTable[], sheet?: string): MonitoringTable | undefined => {
  const mine = sheet === undefined ? tables : tables.filter((t) => t.sheet === sheet);
  expect(mine).toHaveLength(1);
  return mine[0];
};

describe('seed 000 Table 1', () => {
  it('reads the formula workbook exactly', () => {
    expectTable(only(readTables(seed000Table1Formulas())), SEED000_TABLE1);
  });

  it('reads the typed-in values exactly the same way', () => {
    expectTable(only(readTables(seed000Table1Values())), SEED000_TABLE1);
  });

  it('records what each SUM adds up as written, only where there is a SUM', () => {
    const formulas = only(readTables(seed000Table1Formulas()))!;
    const at = (t: MonitoringTable, excelRow: number) => t.rows.find((r) => r.row === excelRow - 1)!;
    expect(at(formulas, 16).formulaCovers?.map((r) => r + 1)).toEqual(rows(5, 15));
    expect(at(formulas, 37).formulaCovers?.map((r) => r + 1)).toEqual([16, 21, 33, 36]);
    expect(at(formulas, 5).formulaCovers).toBeUndefined();
    const values = only(readTables(seed000Table1Values()))!;
    expect(values.rows.filter((r) => r.formulaCovers !== undefined)).toEqual([]);
  });

  it('reads both sheets of the Month 6 / Month 7 workbook', () => {
    const tables = readTables(seed000MonthsWorkbook());
    expect(tables.map((t) => t.sheet)).toEqual(['Month 6', 'Month 7']);
    expectTable(only(tables, 'Month 7'), SEED000_TABLE1);
    expectTable(only(tables, 'Month 6'), {
      ...SEED000_TABLE1,
      sheet: 'Month 6',
      range: 'A3:G37',
      title: TABLE1_TITLE.replace('October', 'September').replace('Month 7', 'Month 6'),
      roles: { A: 'label', B: 'expenditure', C: 'income', D: 'netBudget', E: 'forecast', F: 'variance', G: 'varianceLabel' },
      periods: { F: 'Month 6' },
    });
  });
});

describe('seed 000 Tables 2 and 3 (management actions, mitigation tracker)', () => {
  const tables = readTables(seed000Mitigations());
  it('finds two tables on the sheet, each under its own title', () => {
    expect(tables.map((t) => t.range)).toEqual(['A2:E4', 'A7:G16']);
  });
  it('reads Table 2', () => {
    expectTable(tables[0], {
      sheet: 'Mitigations', range: 'A2:E4', kind: 'mitigationTracker', headerRows: [2], firstRow: 3, lastRow: 4,
      unit: 'millions', unitSource: 'header',
      title: 'Table 2: Service management actions included in the forecast outturn',
      roles: { A: 'label', B: 'previousPeriod', C: 'currentPeriod', D: 'movement', E: 'comments' },
      periods: { B: 'Quarter 2', C: 'Month 7' },
      kinds: [[3, 3, 'line'], [4, 4, 'total']],
      covers: { 4: [[3], 'section'] },
    });
  });
  it('reads Table 3: the actions total leaves out "To be Mitigated"; "Still to be Mitigated" adds the two', () => {
    expectTable(tables[1], {
      sheet: 'Mitigations', range: 'A7:G16', kind: 'mitigationTracker', headerRows: [7], firstRow: 8, lastRow: 16,
      unit: 'millions', unitSource: 'header',
      title: 'Table 3: Mitigating Actions Identified not yet included in the forecast outturn',
      roles: {
        A: 'label', B: 'previousPeriod', C: 'currentPeriod', D: 'movement', E: 'oneOffMitigation', F: 'ongoingMitigation', G: 'comments',
      },
      periods: { B: 'Quarter 2', C: 'Month 7' },
      kinds: [[8, 14, 'line'], [15, 16, 'total']],
      covers: { 15: [rows(9, 14), 'section'], 16: [[8, 15], 'subtotals'] },
      labels: { 8: 'To be Mitigated', 16: 'Still to be Mitigated' },
    });
  });
});

describe('seed 001 MTFP savings tracker', () => {
  it('reads the two header rows, the whole-pound unit and the TOTALS row', () => {
    expectTable(only(readTables(seed001MtfpTracker())), {
      sheet: 'MTFP Tracker', range: 'A2:H19', kind: 'savingsTracker', headerRows: [2, 3], firstRow: 4, lastRow: 19,
      unit: 'pounds', unitSource: 'header',
      title: "Children's Transformation Programme – MTFP Tracker",
      roles: { A: 'reference', B: 'label', C: 'target', D: 'overAchieved', E: 'achieved', F: 'onTrack', G: 'atRisk', H: 'comments' },
      // "24/25" is written once over the tracker's columns, a group heading carried right.
      years: { C: '24/25', D: '24/25', E: '24/25', F: '24/25', G: '24/25', H: '24/25' },
      kinds: [[4, 18, 'line'], [19, 19, 'total']],
      covers: { 19: [rows(4, 18), 'section'] },
      labels: { 4: 'Home to school transport', 19: 'TOTALS' },
    });
  });
});

const PRESSURES = (top: number): TableSpec => ({
  sheet: 'Pressures', range: `A${top}:G${top + 6}`, kind: 'multiYear', headerRows: [top], firstRow: top + 1, lastRow: top + 6,
  unit: 'thousands', unitSource: 'header', title: 'Pressures',
  roles: { A: 'reference', B: 'label', C: 'otherText', D: 'year', E: 'year', F: 'year', G: 'year' },
  years: { D: '2024/25', E: '2025/26', F: '2026/27', G: '2027/28' },
  kinds: [[top + 1, top + 5, 'line'], [top + 6, top + 6, 'total']],
  covers: { [top + 6]: [rows(top + 1, top + 5), 'section'] },
  labels: { [top + 1]: 'Education Psychologists staffing', [top + 6]: 'Total' },
});

const SAVINGS = (top: number): TableSpec => {
  const at = (r: number): number => r - 2 + top; // rows as laid out when the header is row 2
  return {
    sheet: 'Savings', range: `A${top}:F${at(35)}`, kind: 'multiYear', headerRows: [top], firstRow: top + 1, lastRow: at(35),
    unit: 'thousands', unitSource: 'header', title: 'Saving / spend reduction commitments',
    roles: { A: 'reference', B: 'label', C: 'year', D: 'year', E: 'year', F: 'year' },
    years: { C: '2024/25', D: '2025/26', E: '2026/27', F: '2027/28' },
    kinds: [
      [at(3), at(3), 'section'], [at(4), at(11), 'line'],
      [at(12), at(12), 'section'], [at(13), at(19), 'line'],
      [at(20), at(20), 'section'], [at(21), at(24), 'line'],
      [at(25), at(25), 'section'], [at(26), at(34), 'line'],
      [at(35), at(35), 'total'],
    ],
    // Sub-headings are not sub totalled: the Total adds every line.
    covers: { [at(35)]: [[...rows(at(4), at(11)), ...rows(at(13), at(19)), ...rows(at(21), at(24)), ...rows(at(26), at(34))], 'section'] },
    sections: { [at(4)]: at(3), [at(13)]: at(12), [at(26)]: at(25), [at(35)]: undefined },
    labels: { [at(3)]: 'Service Redesign', [at(25)]: 'Cost control measures', [at(9)]: 'Language Service redesign.' },
  };
};

describe('seed 002, typed in as published (damaged cells included)', () => {
  it('reads the pressures table, whose first line holds many figures per cell', () => {
    expectTable(only(readTables(seed002Pressures())), PRESSURES(2));
  });
  it('reads the savings table: sub-headings are sections, stray backticks and ", ," cells stay in their lines', () => {
    expectTable(only(readTables(seed002Savings())), SAVINGS(2));
  });
  it('reads the cost reduction proposals with ratings and a risk assessment', () => {
    expectTable(only(readTables(seed002CostReductions())), {
      sheet: 'Cost reduction', range: 'A2:I8', kind: 'multiYear', headerRows: [2], firstRow: 3, lastRow: 8,
      unit: 'millions', unitSource: 'header',
      roles: { A: 'label', B: 'year', C: 'year', D: 'year', E: 'otherText', F: 'otherText', G: 'rating', H: 'rating', I: 'comments' },
      years: { B: '24/25', C: '25/26', D: '26/27' },
      kinds: [[3, 7, 'line'], [8, 8, 'total']],
      covers: { 8: [rows(3, 7), 'section'] },
    });
  });
  it('finds both tables when they share a sheet', () => {
    const tables = readTables(seed002OneSheet());
    expect(tables).toHaveLength(2);
    expectTable(tables[0], { ...PRESSURES(2), sheet: 'Budget' });
    expectTable(tables[1], { ...SAVINGS(12), sheet: 'Budget' });
  });
});

describe('seed 004', () => {
  it('Table 1: key pressures in £ million, no total row', () => {
    expectTable(only(readTables(seed004Table1())), {
      sheet: 'Table 1', range: 'A2:B12', kind: 'generic', headerRows: [2], firstRow: 3, lastRow: 12,
      unit: 'millions', unitSource: 'header',
      roles: { A: 'label', B: 'otherNumber' },
      kinds: [[3, 12, 'line']],
      covers: {},
      labels: { 4: '<i>Various</i>' },
    });
  });
  it('Table 2: 2023-24 savings proposals, no total row', () => {
    expectTable(only(readTables(seed004Table2())), {
      sheet: 'Table 2', range: 'A2:D4', kind: 'generic', headerRows: [2], firstRow: 3, lastRow: 4,
      unit: 'thousands', unitSource: 'header',
      roles: { A: 'reference', B: 'label', C: 'otherText', D: 'otherNumber' },
      kinds: [[3, 4, 'line']],
      covers: {},
    });
  });

  it('Table 3: a budget build whose closing line is a SUM, with a blank row kept as published', () => {
    expectTable(only(readTables(seed004Table3())), {
      sheet: 'Table 3', range: 'A2:B11', kind: 'generic', headerRows: [2], firstRow: 3, lastRow: 11,
      unit: 'thousands', unitSource: 'header',
      roles: { A: 'label', B: 'otherNumber' },
      kinds: [[3, 5, 'line'], [6, 6, 'blank'], [7, 10, 'line'], [11, 11, 'total']],
      covers: { 11: [[3, 4, 5, 7, 8, 9, 10], 'section'] },
      labels: { 11: '2024/25 Proposed Base Budget' },
    });
  });
  it('Table 4: years with "Year n" in the header, a row-total column, base budget carried forward', () => {
    expectTable(only(readTables(seed004Table4())), {
      sheet: 'Table 4', range: 'A2:E7', kind: 'multiYear', headerRows: [2], firstRow: 3, lastRow: 7,
      unit: 'thousands', unitSource: 'header',
      roles: { A: 'label', B: 'year', C: 'year', D: 'year', E: 'rowTotal' },
      years: { B: '2024/25', C: '2025/26', D: '2026/27' },
      kinds: [[3, 6, 'line'], [7, 7, 'total']],
      covers: { 7: [rows(3, 6), 'section'] },
    });
  });
  it('Table 5: a header over three rows (Year 1 / 2024/25 / £000)', () => {
    expectTable(only(readTables(seed004Table5())), {
      sheet: 'Table 5', range: 'A2:E8', kind: 'multiYear', headerRows: [2, 3, 4], firstRow: 5, lastRow: 8,
      unit: 'thousands', unitSource: 'header',
      roles: { A: 'label', B: 'year', C: 'year', D: 'year', E: 'rowTotal' },
      years: { B: '2024/25', C: '2025/26', D: '2026/27' },
      kinds: [[5, 7, 'line'], [8, 8, 'total']],
      covers: { 8: [rows(5, 7), 'section'] },
    });
  });
  it('Table 6: the label is "Name of Proposal"; the total is written in the category column', () => {
    expectTable(only(readTables(seed004Table6())), {
      sheet: 'Table 6', range: 'A2:E7', kind: 'generic', headerRows: [2], firstRow: 3, lastRow: 7,
      unit: 'thousands', unitSource: 'header',
      roles: { A: 'otherText', B: 'reference', C: 'label', D: 'otherText', E: 'otherNumber' },
      kinds: [[3, 6, 'line'], [7, 7, 'total']],
      covers: { 7: [rows(3, 6), 'section'] },
      labels: { 3: 'Reduce Children’s High-Cost placements', 7: 'Total Children and Young People Savings' },
    });
  });
});

describe('layouts of our own', () => {
  it('nested sections, units only in the title, blank rows, indented lines, income positive, underspend positive', () => {
    expectTable(only(readTables(layoutAdultsNested())), {
      sheet: 'Adults P6', range: 'A3:H23', kind: 'monitoring', headerRows: [3], firstRow: 4, lastRow: 23,
      unit: 'thousands', unitSource: 'title',
      signs: { income: 'positive', variance: 'underspendPositive' },
      roles: { A: 'label', B: 'expenditure', C: 'income', D: 'netBudget', E: 'forecast', F: 'variance', G: 'rag', H: 'comments' },
      kinds: [
        [4, 5, 'section'], [6, 8, 'line'], [9, 9, 'subtotal'], [10, 10, 'blank'],
        [11, 11, 'section'], [12, 13, 'line'], [14, 14, 'subtotal'], [15, 15, 'blank'],
        [16, 16, 'subtotal'], [17, 17, 'blank'],
        [18, 18, 'section'], [19, 20, 'line'], [21, 21, 'subtotal'], [22, 22, 'blank'],
        [23, 23, 'total'],
      ],
      covers: {
        9: [[6, 7, 8], 'section'],
        14: [[12, 13], 'section'],
        16: [[9, 14], 'subtotals'],
        21: [[19, 20], 'section'],
        23: [[16, 21], 'subtotals'],
      },
      sections: { 4: undefined, 5: 4, 6: 5, 9: 5, 11: 4, 12: 11, 14: 11, 16: 4, 18: undefined, 19: 18, 23: undefined },
      labels: { 6: 'Residential Care', 16: 'Total Adult Social Care' },
      indents: { 4: 0, 6: 1, 12: 1 },
    });
  });

  it('totals above their lines, indented lines, two tables on a sheet not starting at A1', () => {
    const tables = readTables(layoutTotalsAbove());
    expect(tables).toHaveLength(2);
    expectTable(tables[0], {
      sheet: 'Service Analysis', range: 'B4:E15', kind: 'monitoring', headerRows: [4], firstRow: 5, lastRow: 15,
      unit: 'thousands', unitSource: 'header', title: 'Net revenue expenditure by service 2025/26',
      signs: { income: 'positive', variance: 'overspendPositive' },
      roles: { B: 'label', C: 'expenditure', D: 'income', E: 'netBudget' },
      kinds: [
        [5, 5, 'subtotal'], [6, 8, 'line'], [9, 9, 'subtotal'], [10, 11, 'line'], [12, 12, 'subtotal'], [13, 14, 'line'], [15, 15, 'total'],
      ],
      covers: { 5: [[6, 7, 8], 'above'], 9: [[10, 11], 'above'], 12: [[13, 14], 'above'], 15: [[5, 9, 12], 'subtotals'] },
      sections: { 6: 5, 11: 9, 14: 12 },
      indents: { 5: 0, 6: 1 },
    });
    expectTable(tables[1], {
      sheet: 'Service Analysis', range: 'B19:D23', kind: 'multiYear', headerRows: [19], firstRow: 20, lastRow: 23,
      unit: 'thousands', unitSource: 'title', title: 'Capital financing costs (£ thousand)',
      roles: { B: 'label', C: 'year', D: 'year' },
      years: { C: '2025/26', D: '2026/27' },
      kinds: [[20, 22, 'line'], [23, 23, 'total']],
      covers: { 23: [[20, 21, 22], 'section'] },
    });
  });
});
