/** The xlsx host, browser-safe part (the workbench). Node code imports read-file.ts directly. */
export { WorkbookReadError, PlanApplyError, isWorkbookReadError, type WorkbookReadProblem } from './errors';
export { readWorkbookBuffer, loadExcelJsBuffer, excelJsToWorkbook, MAX_WORKBOOK_BYTES } from './read-buffer';
export { readWorkbookBytesAsFile } from './read-bytes';
export { workbookToExcelJs } from './write';
export { applyPlanToExcelJs, type ApplyResult, type WrittenFormula } from './apply-plan';
export { fillFormulaResults, type Calculator } from './results';
export { tagFormula, markerOfTag, markerOfFormula, formulaHasTag, untagFormula } from './cf-tag';
