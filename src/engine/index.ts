/**
 * The engine's one public surface. Hosts (the task pane, the workbench, the CLI and the
 * Office and .xlsx adapters) import from here only, never a module behind it, so the
 * engine's inside can be rearranged without touching them (eslint.config.mjs holds them
 * to it). A grid goes in; tables, findings and edit plans come out as values. Only misuse
 * of the API throws, and then a named error.
 */
import { fixesOf, fixPlan } from './fixes';
import { readTables } from './read';
import { runOperation } from './run-operation';
import { validateWorkbook } from './validate';

// Checking a workbook.
export { validateWorkbook as validate, type ValidateOptions, type ValidationResult } from './validate';
export { readTables, type ReadOptions } from './read';
export type { PreviousPeriod } from './previous-period';
export { summarise, type CauseRef, type Confirmation, type Evidence, type Finding, type FindingSummary, type Severity } from './findings';

// Changing it: operations and fixes make edit plans for a host to preview, apply and revert.
export { runOperation, OPERATION_NAMES, type OperationName, type OperationRequest } from './run-operation';
export type { OperationResult, SheetRange } from './operations/shared';
export { fixesOf, fixPlan } from './fixes';
export { mergePlans, sheetsTouched, type ConditionalFormatSpec, type ConditionalRule, type ConditionalStyle, type Edit, type EditKind, type EditPlan } from './plan';

// The council's RAG policy, and reading one from JSON (a --policy file, a saved setting).
export { DEFAULT_RAG_POLICY, type RagLevel, type RagPolicy, type RagStatus, type RagThreshold } from './policy';
export { parseRagPolicy, type PolicyParse } from './policy-json';

// What a table is made of.
export type { ColumnOverride, ColumnRole, MonitoringTable, RowKind, TableColumn, TableKind, TableRow } from './model';
export type { Unit } from './units';

// The grid, cell addresses and numbers as a sheet shows them: pure helpers the hosts share.
export { cellAt, columnCount, EMPTY_CELL, findSheet, isErrorValue, rowCount, sheetFromValues, type Cell, type CellValue, type DefinedName, type ErrorValue, type Sheet, type Workbook } from './grid';
export { columnIndex, columnLetters, parseA1, parseRange, quoteSheetName, rangeToA1, sheetQualified, splitQualified, toA1, unquoteSheetName, type CellRef, type RangeRef } from './address';
export { decimalsOfFormat, formatFigure, parseNumberText, roundTo, stripFormatLiterals } from './numbers';

// Words and pictures: the headline in the seed's words, the rules' titles, the charts' description.
export { tableHeadline, workbookHeadline } from './narrative/headline';
export { ruleById, RULE_METAS, type RuleMeta } from './rules';
export type { ChartCategories, ChartPlacement } from './operations/chart';
export { isRagPlanTitle, isRagTag, RAG_PALETTE } from './operations/rag-formatting';
export { CHART_NAME_PREFIX, chartData, resolveReference, type ChartSpec } from './chart';

export { UnknownOperationError, UnknownTableError } from './errors';

/**
 * The calls a host makes, as one object: a host that wants a seam for its tests (the CLI)
 * takes an `Engine` and is given this one.
 */
export const engine = { validate: validateWorkbook, readTables, runOperation, fixesOf, fixPlan } as const;
export type Engine = typeof engine;
