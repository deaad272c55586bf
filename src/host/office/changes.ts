/**
 * Watching the workbook for the officer's edits, so the pane never leaves results showing over
 * changed figures. ExcelApi 1.9 raises one event for every sheet (`worksheets.onChanged`); 1.7
 * raises it per sheet, and the collection's onAdded/onDeleted cover sheets coming and going.
 * Where Excel says a change was this add-in's own write (`triggerSource`, ExcelApi 1.14) it is
 * skipped; elsewhere the pane ignores changes while it is writing.
 */
import type { WorkbookChange } from '../host';

export interface ChangeWatchFeatures {
  /** ExcelApi 1.9: `WorksheetCollection.onChanged`. */
  readonly everySheet: boolean;
  /** ExcelApi 1.7: `Worksheet.onChanged`, `WorksheetCollection.onAdded` and `onDeleted`. */
  readonly eachSheet: boolean;
}

type Handler = OfficeExtension.EventHandlerResult<unknown>;

/** What an event's arguments say, without the parts this add-in does not use. */
interface ChangedArgs {
  readonly worksheetId: string;
  readonly address?: string;
  readonly triggerSource?: string;
}

/** Registers the handlers in this run; they live on after it ends, until removed. */
export async function watchChangesIn(context: Excel.RequestContext, features: ChangeWatchFeatures, onChange: (change: WorkbookChange) => void): Promise<Handler[]> {
  if (!features.everySheet && !features.eachSheet) return [];
  const sheets = context.workbook.worksheets;
  sheets.load('items/id,items/name');
  await context.sync();
  // Event arguments carry the sheet's id; the officer knows it by name.
  const names = new Map(sheets.items.map((s) => [s.id, s.name]));
  const changed = (args: ChangedArgs) => {
    if (args.triggerSource === 'ThisLocalAddin') return Promise.resolve();
    const sheet = names.get(args.worksheetId);
    onChange({ ...(sheet !== undefined ? { sheet } : {}), ...(args.address ? { address: args.address } : {}) });
    return Promise.resolve();
  };
  const structure = (args: { worksheetId: string; source?: string }) => {
    onChange(names.has(args.worksheetId) ? { sheet: names.get(args.worksheetId)! } : {});
    return Promise.resolve();
  };
  const handlers: Handler[] = [];
  if (features.everySheet) handlers.push(sheets.onChanged.add(changed));
  else for (const sheet of sheets.items) handlers.push(sheet.onChanged.add(changed));
  handlers.push(sheets.onAdded.add(structure), sheets.onDeleted.add(structure));
  await context.sync();
  return handlers;
}

/** Removes the handlers, in the context they were added in (as Office.js requires). */
export async function unwatchIn(context: Excel.RequestContext, handlers: readonly Handler[]): Promise<void> {
  for (const handler of handlers) handler.remove();
  await context.sync();
}
