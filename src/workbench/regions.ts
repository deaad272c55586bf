/**
 * The workbench's regions, which F6 and Shift+F6 move between as Excel's F6 moves between
 * the worksheet, the task pane and the ribbon: the sheet (grid and sheet tabs), the task
 * pane, and the toolbar. Each region's element carries `data-region`; the grid is the sheet.
 */
export type Region = 'grid' | 'pane' | 'toolbar';

export const REGION_ORDER: readonly Region[] = ['grid', 'pane', 'toolbar'];

/** The region an element is in, or null (the page itself). */
export function regionOf(element: Element | null): Region | null {
  if (!element || typeof element.closest !== 'function') return null;
  if (element.closest('[data-testid="grid"], [data-testid="sheet-tabs"]')) return 'grid';
  const marked = element.closest('[data-region]')?.getAttribute('data-region');
  return marked === 'pane' || marked === 'toolbar' || marked === 'grid' ? marked : null;
}

/** The next region (`step` 1) or the previous (-1); from outside every region, the sheet. */
export function nextRegion(from: Region | null, step: 1 | -1): Region {
  if (from === null) return 'grid';
  const at = REGION_ORDER.indexOf(from);
  return REGION_ORDER[(at + step + REGION_ORDER.length) % REGION_ORDER.length]!;
}
