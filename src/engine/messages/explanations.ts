/** Messages and headings of the drafted variance explanations and the table's headline. */

export const explanationMessages = {
  title: (sheet: string) => `Draft variance explanations on ${sheet}`,
  description: (sheet: string, count: number, table: string) =>
    `Builds the sheet "${sheet}": one row for each of the ${count} line${count === 1 ? '' : 's'} that need${count === 1 ? 's' : ''} an explanation, with a drafted sentence whose figures follow ${table}, and empty Reason, Action and Owner cells for you. Keeps everything already typed, and any draft you rewrote.`,
  sheetTitle: (tableTitle: string) => `Variance explanations: ${tableTitle}`,
  note: (sheet: string, rule: string) =>
    `Linked to the table on ${sheet}. A line is listed when ${rule}. The draft follows the figures; type over it to use your own words, and fill in Reason, Action and Owner. Regenerating keeps what you type.`,
  ruleRed: 'its RAG is Red',
  ruleMoney: (money: string) => `its variance is ${money} or more`,
  ruleNone: 'the policy asks for it (no line at present)',
  headings: {
    line: 'Line',
    variance: 'Variance',
    rag: 'RAG',
    movement: 'Movement',
    draft: 'Draft explanation',
    reason: 'Reason',
    action: 'Action',
    owner: 'Owner',
    status: 'Needed because',
  },
  /** The status column. */
  neededRed: 'Red under the RAG policy',
  neededMoney: (money: string) => `${money} or more`,
  noLongerNeeded: 'No longer needed',
  notInTable: (sheet: string) => `Not in the table on ${sheet}`,

  // Notes
  added: (count: number) => `${count} line${count === 1 ? '' : 's'} added.`,
  noLonger: (labels: readonly string[]) => `No longer needing an explanation (kept, marked): ${labels.join(', ')}.`,
  gone: (labels: readonly string[]) => `No longer in the table (kept, marked): ${labels.join(', ')}.`,
  keptOwnDraft: (count: number) => `${count} explanation${count === 1 ? '' : 's'} you wrote yourself kept as written.`,
  renamed: (from: string, to: string) => `"${from}" is now "${to}" in the table.`,

  // Refusals
  noTable: () => 'No monitoring table with a variance column was found to explain.',
  policyOff: () => 'The RAG policy asks for no explanations (neither Red lines nor an amount), so there is nothing to draft.',
  nothingNeeded: (sheet: string) => `No line of the table on ${sheet} needs an explanation under the policy.`,
  sheetNotOurs: (sheet: string) =>
    `A sheet named "${sheet}" already exists and is not one this add-in drafted; rename it, or choose another sheet name.`,
  columnsMoved: (sheet: string, heading: string) =>
    `The columns of sheet "${sheet}" have moved (the "${heading}" column is not where the add-in put it), so it cannot be updated without mixing up your entries; put the columns back, or rename the sheet to keep it and make a new one.`,
  cellInTheWay: (sheet: string, cell: string) => `${sheet}!${cell} holds an entry the explanations would overwrite; move it elsewhere and try again.`,

  // The pane
} as const;
