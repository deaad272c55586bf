/** One line of plain text for a chart edit in the plan preview. */
import { toA1 } from '../../engine';
import type { Edit } from '../../engine';

export function describeChartEdit(edit: Extract<Edit, { kind: 'addChart' | 'removeCharts' }>): string {
  if (edit.kind === 'removeCharts') return `${edit.sheet}: remove this add-in's earlier charts of the table (never yours)`;
  const c = edit.chart;
  const at = `${toA1(c.anchor.from.row, c.anchor.from.col)}:${toA1(c.anchor.to.row, c.anchor.to.col)}`;
  const series = c.series.map((s) => `${s.name} ${s.values}`).join('; ');
  return `${edit.sheet}!${at}: chart “${c.title}” (${c.cachedCategories.length} bars each; categories ${c.categories}; ${series}${c.series.some((s) => s.pointColors) ? '; bars coloured by RAG' : ''})`;
}
