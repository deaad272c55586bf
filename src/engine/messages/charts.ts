/** Words of the chart operation: titles, previews, notes and refusals. */

export const chartMessages = {
  title: (sheet: string) => `Insert chart for ${sheet}`,
  budgetChartTitle: 'Budget v forecast outturn',
  varianceChartTitle: 'Variance by line (RAG)',
  varianceSectionChartTitle: 'Variance by section (RAG)',
  budgetSeries: 'Budget',
  forecastSeries: 'Forecast outturn',
  varianceSeries: 'Variance',
  chartsSheet: 'Charts',
  dataHeading: (what: string) => what,
  categoryHeading: (per: 'lines' | 'sections') => (per === 'lines' ? 'Service area' : 'Section'),
  placeBeside: (cell: string) => `beside the table at ${cell}`,
  placeSheet: (sheet: string, cell: string) => `on the "${sheet}" sheet at ${cell}`,
  unitOf: (unitLabel: string) => (unitLabel ? unitLabel : ''),
  /** "A clustered bar chart 'Budget v forecast outturn' of 25 lines, beside the table at P3; a variance chart coloured by RAG." */
  preview: (budget: { title: string; count: number; per: 'lines' | 'sections'; where: string } | undefined, variance: boolean) => {
    const parts: string[] = [];
    const noun = (count: number, per: 'lines' | 'sections') => `${count} ${per === 'lines' ? (count === 1 ? 'line' : 'lines') : count === 1 ? 'section' : 'sections'}`;
    if (budget) parts.push(`A clustered bar chart '${budget.title}' of ${noun(budget.count, budget.per)}, ${budget.where}`);
    if (variance) parts.push(budget ? 'a variance chart coloured by RAG' : 'A variance chart coloured by RAG');
    return `${parts.join('; ')}.`;
  },
  linkedBlock: (sheet: string, range: string) =>
    `The lines are not next to each other (sub totals sit between them), so the charts read a linked copy of their figures at ${sheet}!${range}: formulas that follow the table as it changes.`,
  replaces: 'Charts this add-in made for this table before are replaced; charts you made are never touched.',
  staticColours: 'The RAG colours of the variance bars are set now, from the RAG policy: insert the chart again after the figures change to recolour them.',
  noLines: (sheet: string, range: string) => `The table at ${sheet}!${range} has no lines to chart.`,
  noSections: (sheet: string, range: string) => `The table at ${sheet}!${range} has no sections with sub totals to chart; chart its lines instead.`,
  noFigures: (sheet: string, range: string) =>
    `The table at ${sheet}!${range} has no budget and forecast columns and no variance column, so there is nothing to chart.`,
  noBudgetChart: (sheet: string) => `The table on ${sheet} has no net budget or no forecast column, so only the variance chart is made.`,
  noVarianceChart: (sheet: string) => `The table on ${sheet} has no variance column, so only the budget chart is made.`,
};

/** The task pane's words for Insert chart. */
