/**
 * Entry of the add-in's task pane inside Excel. Office.js comes from the CDN script tag in
 * taskpane.html; the pane follows the Office theme and talks to Excel through the adapter.
 */
import { createRoot } from 'react-dom/client';
import { createOfficeHost, officeExcelApi } from '../host/office';
import { PaneApp } from './App';
import { officeThemeKind } from './theme';
import { paneEngine } from './engine';

void Office.onReady(() => {
  const container = document.getElementById('root');
  if (!container) return;
  const theme = officeThemeKind(Office.context.officeTheme?.bodyBackgroundColor);
  const host = createOfficeHost(officeExcelApi());
  createRoot(container).render(<PaneApp host={host} engine={paneEngine} theme={theme} />);
});
