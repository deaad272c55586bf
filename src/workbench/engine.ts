/** The workbench's engine: the pane's, plus reading last month's .xlsx with exceljs (never in the add-in bundle). */
import { readWorkbookBuffer } from '../host/xlsx';
import type { PaneEngine } from '../taskpane/engine-port';
import { paneEngine } from '../taskpane/engine';

export const workbenchEngine: PaneEngine = {
  ...paneEngine,
  readWorkbookFile: (bytes, fileName) => readWorkbookBuffer(bytes, fileName),
};
