/** Messages of running an operation over a workbook's tables (src/engine/run-operation.ts). */

export const operationRunMessages = {
  ragTitleMany: 'RAG colours',
  movementTitleMany: 'Movement columns',
  ragNoTable: 'No monitoring table was found, so there is nothing to colour.',
  movementNoTable: 'No monitoring table with a variance column was found, so there is no movement to work out.',
  chartTitle: 'Charts',
  chartNoTable: 'No monitoring table with a variance column was found to chart.',
  tableSkipped: (sheet: string, range: string, problem: string) => `The table at ${sheet}!${range} was left as it is: ${problem}`,
  fixesTitle: (first: string, more: number) => `${first} and ${more} more`,
} as const;
