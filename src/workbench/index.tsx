/** Entry of the workbench page: no Office, a simulated workbook beside the task pane. */
import { createRoot } from 'react-dom/client';
import { Workbench } from './Workbench';

const container = document.getElementById('root');
if (container) {
  const dark = window.matchMedia?.('(prefers-color-scheme: dark)').matches ?? false;
  createRoot(container).render(<Workbench initialTheme={dark ? 'dark' : 'light'} />);
}
