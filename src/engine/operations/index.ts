/** The operations: each turns the table model into an edit plan the hosts preview, apply and revert. */
export * from './shared';
export * from './rag-formatting';
export * from './movement';
export * from './mitigation-tracker';
export * from './savings-tracker';
export * from './validation-report';
export { planSheetWrite, SheetDraft, type CellEntry } from './tracker-sheet';
export * from './chart';
export * from './variance-explanations';
