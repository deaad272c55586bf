/** Entry of the workbench page: no Office, a simulated workbook beside the task pane. */
import { createRoot } from 'react-dom/client';
import { loadPageClient } from './office-client';
import { Workbench } from './Workbench';

const container = document.getElementById('root');
if (container) {
  const dark = window.matchMedia?.('(prefers-color-scheme: dark)').matches ?? false;
  // Microsoft's Excel client first, so the pane's first Excel.run does not wait for it. If it
  // fails to load, the pane still renders and shows that error when it first reaches Excel.
  const render = () => createRoot(container).render(<Workbench initialTheme={dark ? 'dark' : 'light'} />);
  loadPageClient().then(render, render);
}
