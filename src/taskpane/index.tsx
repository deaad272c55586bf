/**
 * Entry of the add-in's task pane inside Excel. Office.js comes from the CDN script tag in
 * taskpane.html; the pane follows the Office theme and talks to Excel through the adapter.
 */
import { createRoot } from 'react-dom/client';
import { createOfficeHost, officeExcelApi } from '../host/office';
import { PaneApp, type PaneTheme } from './App';
import { paneEngine } from './engine';

/** Dark when Office's body background is dark (Office has no explicit "is dark" flag). */
export function officeThemeKind(background: string | undefined): PaneTheme {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(background ?? '');
  if (!m) return 'light';
  const [r, g, b] = [m[1]!, m[2]!, m[3]!].map((h) => parseInt(h, 16));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b! < 128 ? 'dark' : 'light';
}

void Office.onReady(() => {
  const container = document.getElementById('root');
  if (!container) return;
  const theme = officeThemeKind(Office.context.officeTheme?.bodyBackgroundColor);
  const host = createOfficeHost(officeExcelApi());
  createRoot(container).render(<PaneApp host={host} engine={paneEngine} theme={theme} />);
});
