/**
 * Operations on a 50,000-line monitoring table (2,000 sections of 25 lines, sub totals, a
 * total, a "Month 6" sheet): for each operation, the engine's planning time and plan size,
 * then applying the plan through the Office.js adapter on Microsoft's Excel client (answered
 * by the simulated workbook): syncs, request/response bytes and time. Prints a table and
 * one JSON line per operation. bench/suites/host.ts has the round trips at each size.
 */
import type { Workbook } from '../../src/engine/grid';
import { summarise, type Finding } from '../../src/engine/findings';
import { planMitigationTracker } from '../../src/engine/operations/mitigation-tracker';
import { planMovement } from '../../src/engine/operations/movement';
import { planRagFormatting } from '../../src/engine/operations/rag-formatting';
import { planSavingsTracker } from '../../src/engine/operations/savings-tracker';
import type { OperationResult } from '../../src/engine/operations/shared';
import { planValidationReport } from '../../src/engine/operations/validation-report';
import { DEFAULT_RAG_POLICY } from '../../src/engine/policy';
import { readTables } from '../../src/engine/read';
import type { MonitoringTable } from '../../src/engine/model';
import { createOfficeHost } from '../../src/host/office';
import { SimulatedExcel } from '../../src/host/simulated';
import { officeClientExcel } from '../../src/host/wire';
import { month, savingsSheet } from '../monitoring';

const LINES = 50_000;

interface Figures {
  operation: string;
  planMs: number;
  edits: number;
  planBytes: number;
  syncs?: number;
  requestBytes?: number;
  responseBytes?: number;
  applyMs?: number;
  note?: string;
}

async function measure(operation: string, workbook: Workbook, plan: () => OperationResult, viaExcel: boolean): Promise<Figures> {
  const t0 = performance.now();
  const result = plan();
  const planMs = performance.now() - t0;
  const figures: Figures = { operation, planMs: Math.round(planMs), edits: result.plan.edits.length, planBytes: JSON.stringify(result.plan).length };
  if (result.problems.length > 0) return { ...figures, note: result.problems.join(' ') };
  if (!viaExcel) return { ...figures, note: 'plan only' };
  const excel = SimulatedExcel.fromWorkbook(workbook);
  const host = createOfficeHost(officeClientExcel(excel));
  excel.resetStats();
  const t1 = performance.now();
  try {
    await host.applyPlan(result.plan, { allowOverwrite: result.overwrites ?? [] });
  } catch (error) {
    return { ...figures, note: `apply failed: ${error instanceof Error ? error.message : String(error)}` };
  }
  return { ...figures, syncs: excel.stats.syncs, requestBytes: excel.stats.requestBytes, responseBytes: excel.stats.responseBytes, applyMs: Math.round(performance.now() - t1) };
}

export default async function run(): Promise<void> {
  const workbook: Workbook = { sheets: [month('Month 6', 3, LINES), month('Month 7', 0, LINES)] };
  const tables = readTables(workbook);
  const table = tables.find((t) => t.sheet === 'Month 7') as MonitoringTable;
  const findings: Finding[] = Array.from({ length: LINES }, (_, i) => ({
    rule: 'sum-mismatch', severity: i % 3 === 0 ? 'error' : 'warning', sheet: 'Month 7', cell: `F${i + 5}`, message: `Sub total differs by 0.00${i % 9}`, expected: i, actual: i + 1,
  }));
  const savings: Workbook = { sheets: [savingsSheet(LINES)] };
  const out: Figures[] = [];
  out.push(await measure('RAG formatting (+ words)', workbook, () => planRagFormatting(table, DEFAULT_RAG_POLICY, { workbook, writeWords: true }), true));
  out.push(await measure('movement (against Month 6)', workbook, () => planMovement(table, workbook), true));
  out.push(await measure('mitigation tracker', workbook, () => planMitigationTracker(workbook, tables), true));
  out.push(await measure('savings tracker', savings, () => planSavingsTracker(savings, readTables(savings)), true));
  out.push(await measure('validation report (50,000 findings)', workbook, () => planValidationReport(findings, summarise(findings), new Date()), true));

  console.log(`Operations on a ${LINES.toLocaleString('en-GB')}-line table (the Office.js adapter through Microsoft's Excel client, answered by the simulated workbook)`);
  console.log(['operation'.padEnd(38), 'plan ms', '  edits', ' plan KB', 'syncs', '  req KB', ' resp KB', 'apply ms'].join(' '));
  for (const f of out) {
    console.log([
      f.operation.padEnd(38), String(f.planMs).padStart(7), String(f.edits).padStart(7), String(Math.round(f.planBytes / 1024)).padStart(8),
      String(f.syncs ?? '-').padStart(5), String(f.requestBytes === undefined ? '-' : Math.round(f.requestBytes / 1024)).padStart(8),
      String(f.responseBytes === undefined ? '-' : Math.round(f.responseBytes / 1024)).padStart(8), String(f.applyMs ?? '-').padStart(8), f.note ?? '',
    ].join(' '));
  }
  for (const f of out) console.log(JSON.stringify({ suite: 'operations', lines: LINES, ...f }));
}
