/**
 * Offered fixes do what they say, the same way in the engine, the CLI's `apply --fix` and
 * the task pane's "Fix all of this kind" over the simulated Excel: after taking them, no
 * error that has a fix is left, and faults with no automatic fix are still reported.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseA1 } from '../../../src/engine/address';
import type { Finding } from '../../../src/engine/findings';
import type { Workbook } from '../../../src/engine/grid';
import { validateWorkbook } from '../../../src/engine/validate';
import { applyPlan } from '../../../src/engine/apply';
import { recalculate } from '../../../src/host/calc/recalculate';
import { createOfficeHost } from '../../../src/host/office';
import { SimulatedExcel } from '../../../src/host/simulated/excel';
import { readWorkbookFile } from '../../../src/host/xlsx/read-file';
import { createPaneCommands } from '../../../src/taskpane/commands';
import { fixableOfKind, initialPaneState, paneReducer, type PaneState } from '../../../src/taskpane/state/reducer';
import { FAULT_FIXTURES, fixturePath } from '../../fixtures/build-fixtures';
import { seed000Table1Formulas } from '../../fixtures/grids';
import { runWith } from '../cli/run-cli';
import { applyEveryFix, findingKey, fixableErrors } from './pipeline';

const FAULTS = Object.keys(FAULT_FIXTURES);
const errorsOf = (findings: readonly Finding[]) => findings.filter((f) => f.severity === 'error').map(findingKey).sort();

function formulaAt(wb: Workbook, sheet: string, a1: string): string | undefined {
  const at = parseA1(a1)!;
  return wb.sheets.find((s) => s.name === sheet)?.rows[at.row]?.[at.col]?.formula;
}

describe('total-sum: a sub total typed over its formula', () => {
  it('offers the SUM of its lines, the formula the clean table has there; taking it clears the finding', async () => {
    const wb = await readWorkbookFile(fixturePath('fault-typed-subtotal'));
    const findings = validateWorkbook(wb).findings;
    const totalSum = findings.filter((f) => f.rule === 'total-sum' && f.fix);
    expect(totalSum).toHaveLength(1);
    const finding = totalSum[0]!;
    const original = formulaAt(seed000Table1Formulas(), 'Month 7', finding.cell);
    expect(original).toMatch(/^=SUM\(/);
    expect(finding.fix!.edits).toEqual([{ kind: 'setFormulas', sheet: 'Month 7', range: finding.cell, formulas: [[original]] }]);

    const fixed = recalculate(applyPlan(wb, finding.fix!));
    const after = validateWorkbook(fixed).findings;
    expect(after.filter((f) => f.cell === finding.cell && f.sheet === finding.sheet)).toEqual([]);
    expect(errorsOf(after)).toEqual([]);
  });

  it('a SUM that adds up the wrong range is sum-range’s to fix: total-sum offers nothing there', async () => {
    const findings = validateWorkbook(await readWorkbookFile(fixturePath('fault-short-sum'))).findings;
    const totalSum = findings.filter((f) => f.rule === 'total-sum');
    expect(totalSum.length).toBeGreaterThan(0);
    expect(totalSum.filter((f) => f.fix)).toEqual([]);
    for (const f of totalSum) expect(findings.some((s) => s.rule === 'sum-range' && s.cell === f.cell && s.fix)).toBe(true);
  });
});

describe('every offered fix on the faulted fixtures, engine', () => {
  it.each(FAULTS)('%s: no fixable error is left', async (name) => {
    const wb = await readWorkbookFile(fixturePath(name));
    const { findings } = applyEveryFix(wb);
    expect(fixableErrors(findings)).toEqual([]);
  });

  it('faults whose fix is a formula leave the table clean', async () => {
    for (const name of ['fault-typed-subtotal', 'fault-short-sum', 'fault-number-as-text']) {
      const { findings } = applyEveryFix(await readWorkbookFile(fixturePath(name)));
      expect([name, errorsOf(findings)]).toEqual([name, []]);
    }
  });

  it('a fault with no automatic fix is still reported at its own cell after the others are fixed', async () => {
    const wrong = validateWorkbook(await readWorkbookFile(fixturePath('fault-wrong-variance'))).findings.find((f) => f.rule === 'variance')!;
    const { findings } = applyEveryFix(await readWorkbookFile(fixturePath('fault-wrong-variance')));
    expect(errorsOf(findings)).toContain(findingKey(wrong));
    const ref = await readWorkbookFile(fixturePath('fault-ref-error'));
    expect(errorsOf(applyEveryFix(ref).findings)).toEqual(errorsOf(validateWorkbook(ref).findings));
  });
});

describe('apply --fix on every faulted fixture', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'bm-fix-all-'));
  });
  afterAll(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it.each(FAULTS)('%s: the written file has no fixable error, and the same errors as the engine leaves', async (name) => {
    const out = path.join(dir, `${name}.xlsx`);
    const run = await runWith(['apply', fixturePath(name), '--out', out, '--fix']);
    expect(run.stderr).toBe('');
    const written = validateWorkbook(await readWorkbookFile(out)).findings;
    expect(fixableErrors(written)).toEqual([]);
    expect(errorsOf(written)).toEqual(errorsOf(applyEveryFix(await readWorkbookFile(fixturePath(name))).findings));
    expect(run.code).toBe(errorsOf(written).length > 0 ? 1 : 0);
  }, 60_000);
});

describe('the task pane’s "Fix all of this kind", over the simulated Excel', () => {
  async function fixAllInPane(workbook: Workbook): Promise<PaneState> {
    const host = createOfficeHost(SimulatedExcel.fromWorkbook(workbook));
    let state: PaneState = initialPaneState;
    const commands = createPaneCommands(host, (a) => void (state = paneReducer(state, a)), () => state);
    await commands.load();
    await commands.validate();
    for (let step = 0; step < 20; step++) {
      const next = state.findings!.find((f) => f.severity === 'error' && f.fix);
      if (!next) break;
      // The preview may read the workbook first (old → new), so it is awaited like a click's work.
      await Promise.resolve(commands.previewFix(fixableOfKind(state.findings!, next.rule)));
      expect(state.pending).not.toBeNull();
      await commands.applyPending();
      expect(state.error).toBeNull();
    }
    return state;
  }

  it.each(FAULTS)('%s: no fixable error is left, and the same errors as the engine leaves', async (name) => {
    const state = await fixAllInPane(await readWorkbookFile(fixturePath(name)));
    expect(fixableErrors(state.findings!)).toEqual([]);
    expect(errorsOf(state.findings!)).toEqual(errorsOf(applyEveryFix(await readWorkbookFile(fixturePath(name))).findings));
  }, 60_000);
});
