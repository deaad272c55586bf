/**
 * Entry of the add-in's task pane inside Excel. Office.js comes from the CDN script tag in
 * taskpane.html; the pane follows the Office theme and talks to Excel through the adapter.
 * Outside Office, or in another Office application, the page's plain message says what is
 * needed instead (src/taskpane/unsupported.ts).
 */
import { createRoot } from 'react-dom/client';
import { createOfficeHost, officeExcelApi } from '../host/office';
import { PaneApp } from './App';
import { officeThemeKind } from './theme';
import { removeUnsupported, showUnsupported, unsupportedReason } from './unsupported';

function start(): void {
  const container = document.getElementById('root');
  if (!container) return;
  removeUnsupported(document);
  const theme = officeThemeKind(Office.context.officeTheme?.bodyBackgroundColor);
  const host = createOfficeHost(officeExcelApi());
  createRoot(container).render(<PaneApp host={host} theme={theme} />);
}

if (typeof Office === 'undefined') {
  showUnsupported(document, unsupportedReason(undefined)!);
} else {
  void Office.onReady((info) => {
    const reason = unsupportedReason(info);
    if (reason) showUnsupported(document, reason);
    else start();
  });
}
