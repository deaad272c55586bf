/** Workbook setting keys the pane owns (stored in the workbook; no secrets). */
export const SETTING_KEYS = {
  columnRoles: 'budgetMonitor.columnRoles',
  ragPolicy: 'budgetMonitor.ragPolicy',
} as const;
