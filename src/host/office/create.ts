/**
 * The Office.js host: the only code that calls `Excel.run`. Pass the real API in the task
 * pane (`officeExcelApi()`), or a SimulatedExcel in tests and the workbench.
 */
import { officeMessages } from './messages';
import { HostError, type AppliedPlanSummary, type ExcelHost } from '../host';
import { type ApplyFeatures, applyPlanIn } from './apply';
import { revertIn } from './restore';
import { unwatchIn, watchChangesIn } from './changes';
import { toHostError } from './errors';
import { LEDGER_KEY, parseLedger, SETTINGS_KEY } from './ledger';
import { readWorkbookIn } from './read';

export interface ExcelApi {
  run<T>(options: Excel.RunOptions, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  isSetSupported(name: string, version: string): boolean;
  /** Runs a batch in a context kept from an earlier run: removing event handlers needs the one that added them. */
  runIn?<T>(context: Excel.RequestContext, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
}

/** The real Office.js entry points (call only inside Office, after Office.onReady). */
export function officeExcelApi(): ExcelApi {
  return {
    run: (options, batch) => Excel.run(options, batch),
    isSetSupported: (name, version) => Office.context.requirements.isSetSupported(name, version),
    runIn: (context, batch) => Excel.run(context, batch),
  };
}

/** "Go to": activates the sheet and selects the range; a hidden sheet is named, not shown. */
async function selectIn(context: Excel.RequestContext, sheet: string, address: string): Promise<void> {
  const ws = context.workbook.worksheets.getItemOrNullObject(sheet).load('name,visibility');
  await context.sync();
  if (ws.isNullObject) throw new HostError('sheetMissing', officeMessages.sheetMissing(sheet), sheet);
  // Excel cannot activate a hidden sheet; a very hidden one the officer cannot show either.
  if (ws.visibility === 'VeryHidden') throw new HostError('sheetHidden', officeMessages.veryHiddenSheet(sheet), sheet);
  if (ws.visibility === 'Hidden') throw new HostError('sheetHidden', officeMessages.hiddenSheet(sheet), sheet);
  ws.activate();
  ws.getRange(address).select();
  await context.sync();
}

/**
 * Shows the sheet a plan just made, in one sync. The plan is already written: if Excel will
 * not show it (the officer hid it meanwhile), that is no reason to report the apply as failed.
 */
async function showAfterApply(context: Excel.RequestContext, target: { sheet: string; range: string }): Promise<void> {
  try {
    const ws = context.workbook.worksheets.getItem(target.sheet);
    ws.activate();
    ws.getRange(target.range).select();
    await context.sync();
  } catch {
    // Left where the officer was.
  }
}

export function createOfficeHost(excel: ExcelApi): ExcelHost {
  // One user action is one Excel.run; with ExcelApi 1.20 it is also one undo step in Excel.
  // With 1.11, Excel waits while the officer is typing in a cell instead of refusing the batch.
  const options = (): Excel.RunOptions => ({
    ...(excel.isSetSupported('ExcelApi', '1.11') ? { delayForCellEdit: true } : {}),
    ...(excel.isSetSupported('ExcelApi', '1.20') ? { mergeUndoGroup: true } : {}),
  });
  const run = async <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
    try {
      return await excel.run(options(), batch);
    } catch (error) {
      throw toHostError(error);
    }
  };

  const ledgerIn = async (context: Excel.RequestContext) => {
    const item = context.workbook.settings.getItemOrNullObject(LEDGER_KEY).load('value');
    await context.sync();
    return item.isNullObject ? [] : parseLedger(item.value);
  };
  const features = (): ApplyFeatures => ({
    mergedAreas: excel.isSetSupported('ExcelApi', '1.13'),
    tables: excel.isSetSupported('ExcelApi', '1.9'),
    cellProperties: excel.isSetSupported('ExcelApi', '1.9'),
    formatAreas: excel.isSetSupported('ExcelApi', '1.9'),
    chartSeries: excel.isSetSupported('ExcelApi', '1.7'),
    chartGapWidth: excel.isSetSupported('ExcelApi', '1.8'),
  });
  const readIn = (context: Excel.RequestContext) => readWorkbookIn(context, excel.isSetSupported('ExcelApi', '1.9'));
  const settingsIn = async (context: Excel.RequestContext): Promise<Record<string, unknown>> => {
    const item = context.workbook.settings.getItemOrNullObject(SETTINGS_KEY).load('value');
    await context.sync();
    const value: unknown = item.isNullObject ? {} : item.value;
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  };
  const summaries = (plans: ReturnType<typeof parseLedger>): AppliedPlanSummary[] => plans.map(({ id, title, appliedAt }) => ({ id, title, appliedAt }));

  return {
    readWorkbook: () => run(readIn),
    applyPlan: (plan, applyOptions) =>
      run(async (context) => {
        const applied = await applyPlanIn(context, plan, applyOptions, features());
        if (applyOptions?.select) await showAfterApply(context, applyOptions.select);
        return applyOptions?.readAfter ? { ...applied, read: await readIn(context) } : applied;
      }),
    revert: (planId, revertOptions) =>
      run(async (context) => {
        await revertIn(context, planId, features());
        return revertOptions?.readAfter ? await readIn(context) : undefined;
      }),
    appliedPlans: () => run(async (context) => summaries(await ledgerIn(context))),
    selectCell: (sheet, address) => run((context) => selectIn(context, sheet, address)),
    updateSettings: (changes) =>
      run(async (context) => {
        context.workbook.settings.add(SETTINGS_KEY, { ...(await settingsIn(context)), ...changes });
        await context.sync();
      }),
    ...(excel.isSetSupported('ExcelApi', '1.7')
      ? {
          watchChanges: async (onChange: Parameters<NonNullable<ExcelHost['watchChanges']>>[0]) => {
            const features = { everySheet: excel.isSetSupported('ExcelApi', '1.9'), eachSheet: true };
            const handlers = await run((context) => watchChangesIn(context, features, onChange));
            const context = handlers[0]?.context as Excel.RequestContext | undefined;
            return async () => {
              if (!context) return;
              if (excel.runIn) await excel.runIn(context, (c) => unwatchIn(c, handlers));
              else await unwatchIn(context, handlers);
            };
          },
        }
      : {}),
  };
}
