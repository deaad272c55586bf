/** One fault, one error: findings explained by another's fault hang under it (causedBy). */
import { summarise } from '../../../src/engine/findings';
import { sheetFromValues } from '../../../src/engine/grid';
import { validateWorkbook } from '../../../src/engine/validate';

const f = (formula: string, value: number) => ({ value, formula });

/** Expenditure, income, net: two sections with sub totals, a grand total of the sub totals. */
function table(subtotalExpenditure: { value: number; formula?: string }) {
  return {
    sheets: [sheetFromValues('Month 7', [
      ['Service Area', 'Expenditure Budget £m', 'Income Budget £m', 'Net Budget £m'],
      ['Children'],
      ['Placements', 10, -2, f('=B3+C3', 8)],
      ['Fostering', 5, -1, f('=B4+C4', 4)],
      ['sub total', subtotalExpenditure, f('=SUM(C3:C4)', -3), f('=SUM(D3:D4)', 12)],
      ['Education'],
      ['Schools', 7, -3, f('=B7+C7', 4)],
      ['Transport', 3, 0, f('=B8+C8', 3)],
      ['sub total', f('=SUM(B7:B8)', 10), f('=SUM(C7:C8)', -3), f('=SUM(D7:D8)', 7)],
      ['Total', f('=B5+B9', subtotalExpenditure.value + 10), f('=C5+C9', -6), f('=D5+D9', 19)],
    ])],
  };
}

describe('one fault, one error', () => {
  it('a clean table has nothing to attach', () => {
    expect(summarise(validateWorkbook(table(f('=SUM(B3:B4)', 15))).findings)).toEqual({ errors: 0, warnings: 0, infos: 0, consequences: 0 });
  });

  it('a typed-over sub total is the one error; its net budget, the grand total net and the typed-number warning hang under it', () => {
    const { findings } = validateWorkbook(table({ value: 18 }));
    const roots = findings.filter((x) => !x.causedBy && x.severity !== 'info').map((x) => `${x.rule} ${x.cell} ${x.severity}`);
    expect(roots).toEqual(['total-sum B5 error']);
    const under = findings.filter((x) => x.causedBy).map((x) => `${x.rule} ${x.cell} <- ${x.causedBy!.rule} ${x.causedBy!.cell}`);
    expect(under).toEqual(expect.arrayContaining(['total-formula B5 <- total-sum B5', 'net-budget D5 <- total-sum B5']));
    for (const u of findings.filter((x) => x.causedBy)) expect(u.causedBy).toEqual({ rule: 'total-sum', sheet: 'Month 7', cell: 'B5' });
    expect(summarise(findings).errors).toBe(1);
    // Put the root right and every consequence goes with it.
    expect(summarise(validateWorkbook(table({ value: 15 })).findings).errors).toBe(0);
  });
});
