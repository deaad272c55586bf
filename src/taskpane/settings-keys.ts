/** Workbook setting keys the pane owns (stored in the workbook; no secrets). */
export const SETTING_KEYS = {
  columnRoles: 'budgetMonitor.columnRoles',
  ragPolicy: 'budgetMonitor.ragPolicy',
  /** Kinds of finding (rule ids) the officer chose not to see in this workbook. */
  ignoredKinds: 'budgetMonitor.ignoredKinds',
} as const;
