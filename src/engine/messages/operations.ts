/** Messages and headings written by the operations (RAG, movement, trackers, validation report). */

export const operationMessages = {
  // RAG formatting
  ragTitle: (sheet: string) => `Colour RAG on ${sheet}`,
  ragDescription: (sheet: string, range: string) =>
    `Adds RAG colours to the table at ${sheet}!${range}: the RAG words, and the variances by the RAG policy. Replaces only colours this add-in added before.`,
  ragNothingToColour: (sheet: string, range: string) =>
    `The table at ${sheet}!${range} has no RAG column and no variance or forecast column, so there is nothing to colour.`,
  ragNoRows: (sheet: string, range: string) => `The table at ${sheet}!${range} has no lines or totals to colour.`,
  ragNoWordsColumn: (sheet: string) =>
    `The table on ${sheet} has no RAG column, so colour would be the only signal on the variances; add a "RAG Status" column so the words show too.`,
  ragNoBudgetColumn: (sheet: string) =>
    `The table on ${sheet} has no budget column, so the RAG thresholds use the money limits only, not the percentage of budget.`,
  ragUnitAssumed: (sheet: string) =>
    `No unit (£m, £000 or £) was found for the table on ${sheet}; the RAG money limits are taken as whole pounds.`,
  ragWordsNeedWorkbook: (sheet: string) => `The RAG words on ${sheet} could not be written because the sheet could not be read.`,
  ragWordSkipped: (sheet: string, cell: string) =>
    `${sheet}!${cell}: the RAG word was left as it is because the variance or budget on that row is not a number.`,

  // Movement
  movementTitle: (sheet: string, period: string) => `Movement from ${period} on ${sheet}`,
  movementTitleNoPeriod: (sheet: string) => `Movement on ${sheet}`,
  movementDescription: (sheet: string, range: string, source: string) =>
    `Writes the movement in variance since ${source} into ${sheet}!${range}, line by line, with sub totals and totals as SUM formulas.`,
  movementHeading: (period: string, unitLabel: string) => `Movement From ${period}${unitLabel ? ` ${unitLabel}` : ''}`,
  movementNoVariance: (sheet: string, range: string) =>
    `The table at ${sheet}!${range} has no variance column, so there is no movement to work out.`,
  movementNoPrevious: (sheet: string) =>
    `No previous period was found for ${sheet}: choose the earlier sheet, or last month's file.`,
  movementPreviousSheetMissing: (sheet: string) => `There is no sheet named "${sheet}" in this workbook to take last period's figures from.`,
  movementFileSheetMissing: (fileName: string, sheet: string) => `${fileName} has no sheet named "${sheet}" to take last period's figures from.`,
  movementPreviousSameSheet: (sheet: string) => `The previous period must be a different sheet from ${sheet}.`,
  movementNoPreviousTable: (where: string) => `No monitoring table with a variance column was found on ${where}.`,
  movementNoRoom: (sheet: string, column: string) =>
    `Column ${column} on ${sheet} already holds other figures or text, so the movement column was not added there; clear a column after the table, or mark the movement column.`,
  movementNewLine: (sheet: string, cell: string, label: string) =>
    `${sheet}!${cell} "${label}" is a new line: it has no figure last period, so its movement was left for you to fill in.`,
  movementRemovedLine: (where: string, label: string) =>
    `"${label}" was in ${where} but is no longer in the table; its movement is not included.`,
  movementRenamedLine: (label: string, previous: string) => `"${label}" was matched to last period's "${previous}".`,
  movementValuesFromFile: (fileName: string) =>
    `Last period's variances are taken from ${fileName} as figures (a formula cannot link to a file that is not open).`,
  movementReplacesTyped: (sheet: string, cell: string, typed: string, computed: string) =>
    `${sheet}!${cell} said ${typed}; the movement worked out from the two periods is ${computed}.`,

  // Trackers (shared)
  trackerSheetNotOurs: (sheet: string) =>
    `A sheet named "${sheet}" already exists and is not a tracker this add-in made; choose another sheet name.`,
  trackerLandmarkMissing: (sheet: string, label: string) =>
    `The "${label}" row on sheet "${sheet}" was changed or removed, so the tracker cannot be updated without risking your entries; type "${label}" back in its row and try again.`,
  trackerColumnsMoved: (sheet: string, heading: string) =>
    `The columns of sheet "${sheet}" have moved (the "${heading}" column is not where the add-in put it), so it cannot be updated without mixing up your entries; put the columns back, or rename the sheet to keep it and make a new one.`,
  trackerCellInTheWay: (sheet: string, cell: string) =>
    `${sheet}!${cell} holds an entry the tracker layout would overwrite; move it elsewhere and try again.`,
  trackerNoTable: () => `No monitoring table was found to link the tracker to.`,

  // Mitigation tracker
  mitigationTitle: (sheet: string) => `Mitigation tracker on ${sheet}`,
  mitigationDescription: (sheet: string, target: string) =>
    `Builds the sheet "${sheet}": the overspend to mitigate (linked to ${target}), your mitigating actions, their totals and what is still to be mitigated. Keeps every action, amount and comment already typed.`,
  mitigationSheetTitle: (tableTitle: string) => `Mitigating actions: ${tableTitle}`,
  mitigationLinkedTo: (cell: string, what: string) => `To be Mitigated is linked to ${cell} (${what}).`,
  mitigationOverspendOf: (what: string) => `Overspend in ${what}`,
  mitigationSectionMissing: (section: string, sheet: string) =>
    `No section sub total called "${section}" was found in the table on ${sheet}.`,
  mitigationNoOverspendCell: (sheet: string) =>
    `The table on ${sheet} has no total row with a variance to mitigate; choose a section instead.`,
  mitigationCheckNote: () => `One-off + ongoing must equal this period's amount; rows that do not are highlighted.`,
  mitigationReferenceHeading: () => `Overspending lines (linked to the monitoring table)`,
  mitigationNoOverspends: () => `No line is overspending.`,
  mitigationHeadings: {
    action: 'In-Year Mitigation Proposed',
    owner: 'Owner',
    serviceLine: 'Service Line',
    movement: 'Movement',
    oneOff: 'One-Off Mitigation',
    ongoing: 'Ongoing Mitigation',
    status: 'Status',
    comments: 'Comments',
    variance: 'Variance',
    rag: 'RAG',
    toBeMitigated: 'To be Mitigated',
    total: 'Total Mitigations Identified to be Actioned',
    still: 'Still to be Mitigated',
    lineList: 'Service lines (for the drop-down list in Service Line)',
    previousPeriod: 'Previous period',
  },
  mitigationStatuses: ['Proposed', 'Agreed', 'In progress', 'Delivered', 'Not achievable'] as const,
  mitigationRolled: (from: string, to: string) => `${from} amounts moved to the previous-period column; ${to} starts from them for you to update.`,
  mitigationArchived: (period: string) => `Amounts for ${period} are kept in the history columns on the right.`,

  // Savings tracker
  savingsTitle: (sheet: string) => `Savings (MTFP) tracker on ${sheet}`,
  savingsDescription: (sheet: string) =>
    `Builds the sheet "${sheet}": each saving's target split into over-achieved, achieved, on track and at risk, with totals, a check that they add up, and a RAG. Keeps everything already typed.`,
  savingsCheckNote: () => `Each row's status columns must add up to its target; rows that do not are highlighted.`,
  savingsHeadings: {
    title: 'Savings (MTFP) tracker',
    mtfp: 'MTFP',
    ref: 'Ref',
    saving: 'Saving',
    target: 'Target',
    overAchieved: 'Over-achieved',
    achieved: 'Achieved',
    onTrack: 'On Track',
    atRisk: 'At Risk',
    comments: 'Comments',
    unallocated: 'Not yet allocated',
    rag: 'RAG',
    totals: 'TOTALS',
  },
  savingsRagNote: () => 'RAG: Red when any of the saving is at risk, Green when achieved in full, Amber otherwise.',
  savingsSourceOf: (title: string) => `Savings from ${title}`,

  // Validation report
  reportTitle: (sheet: string) => `Validation report on ${sheet}`,
  reportDescription: (count: number) => `Lists ${count} finding${count === 1 ? '' : 's'} with a link to each cell.`,
  reportHeading: () => 'Budget Monitor validation report',
  reportRunAt: (when: string) => `Run at ${when}`,
  reportReady: (warnings: number) =>
    warnings === 0 ? 'Ready to submit: no errors' : `Ready to submit: no errors, ${warnings} warning${warnings === 1 ? '' : 's'} to look at`,
  reportCounts: (errors: number, warnings: number, infos: number) =>
    [
      `${errors} error${errors === 1 ? '' : 's'}`,
      `${warnings} warning${warnings === 1 ? '' : 's'}`,
      ...(infos > 0 ? [`${infos} note${infos === 1 ? '' : 's'}`] : []),
    ].join(', '),
  reportNoFindings: () => 'No findings.',
  reportSeverity: { error: 'Error', warning: 'Warning', info: 'Note' } as const,
  reportSheetNotOurs: (sheet: string) =>
    `A sheet named "${sheet}" already exists and is not a report this add-in made; choose another sheet name.`,
  reportColumns: () => ['Severity', 'Sheet', 'Cell', 'Check', 'Expected', 'Found', 'Message'] as const,
} as const;
