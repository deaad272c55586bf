/** The task pane: the same component in Excel and in the workbench, given a host. */
import {
  Button, Field, FluentProvider, Link, MessageBar, MessageBarActions, MessageBarBody, ProgressBar, Tab, TabList, Text,
  makeStyles, tokens, webDarkTheme, webLightTheme,
} from '@fluentui/react-components';
import { useEffect, useRef, useState, type MouseEvent } from 'react';
import { UI } from './messages';
import type { ExcelHost } from '../host/host';
import { usePane } from './use-pane';
import type { PaneTheme } from './theme';
export type { PaneTheme } from './theme';
import type { PaneTab } from './state/reducer';
import { TablesTab } from './components/TablesTab';
import { ValidateTab } from './components/ValidateTab';
import { RagTab } from './components/RagTab';
import { MovementTab } from './components/MovementTab';
import { TrackersTab } from './components/TrackersTab';
import { PlanPreview } from './components/PlanPreview';
import { RevertButton } from './components/RevertButton';
import { usePaneFocus } from './focus';


const useStyles = makeStyles({
  root: { minWidth: '300px', height: '100%', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, padding: tokens.spacingHorizontalM, boxSizing: 'border-box', backgroundColor: tokens.colorNeutralBackground1, color: tokens.colorNeutralForeground1 },
  header: { display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  headerActions: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM },
  tabs: { flexWrap: 'wrap' },
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, overflowY: 'auto', '& > *': { flexShrink: 0 } },
  notice: { color: tokens.colorNeutralForeground2 },
});

const TAB_ORDER: readonly PaneTab[] = ['tables', 'validate', 'rag', 'movement', 'trackers'];

/** The help page, beside the pane's own page (taskpane.html or the workbench). */
const HELP_PAGE = 'help.html';

/** Opens help in a browser window: Office's own where there is one (a task pane cannot open windows itself everywhere). */
function openHelp(event: MouseEvent<HTMLAnchorElement>): void {
  const ui = (globalThis as { Office?: { context?: { ui?: { openBrowserWindow?: (url: string) => void } } } }).Office?.context?.ui;
  if (typeof ui?.openBrowserWindow !== 'function') return;
  event.preventDefault();
  ui.openBrowserWindow(new URL(HELP_PAGE, window.location.href).href);
}

/** Shows the progress bar only for work that takes longer than half a second. */
function useDelayedFlag(on: boolean, delayMs = 500): boolean {
  const [shown, setShown] = useState(false);
  useEffect(() => {
    if (!on) {
      setShown(false);
      return undefined;
    }
    const timer = setTimeout(() => setShown(true), delayMs);
    return () => clearTimeout(timer);
  }, [on, delayMs]);
  return shown;
}

export function PaneApp({ host, theme }: { host: ExcelHost; theme: PaneTheme }) {
  const styles = useStyles();
  const { state, dispatch, commands } = usePane(host);
  const showProgress = useDelayedFlag(state.busy !== null);
  const rootRef = useRef<HTMLDivElement>(null);
  usePaneFocus(state, rootRef);

  useEffect(() => {
    void commands.load();
  }, [commands]);

  return (
    // Layout lives on an inner element: Fluent copies the provider's classes onto its portals (dropdown lists).
    <FluentProvider theme={theme === 'dark' ? webDarkTheme : webLightTheme} style={{ height: '100%' }}>
    <div className={styles.root} lang="en-GB" data-testid="task-pane" ref={rootRef}>
      <header className={styles.header}>
        <Text as="h1" size={500} weight="semibold">{UI.appTitle}</Text>
        <div className={styles.headerActions}>
          <Link href={HELP_PAGE} target="_blank" rel="noopener" aria-label={UI.help.label} onClick={openHelp}>{UI.help.link}</Link>
            <RevertButton last={state.applied[0]} busy={state.busy !== null} onRevert={() => void commands.revert()} />
        </div>
      </header>
      {state.error !== null && (
        <MessageBar intent="error" data-testid="error-bar">
          <MessageBarBody>{state.error}</MessageBarBody>
          <MessageBarActions>
            <Button appearance="transparent" onClick={() => dispatch({ type: 'errorDismissed' })}>{UI.dismiss}</Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {showProgress && (
        // The words say what is happening ("Applying 3 changes…"); the bar only that it is.
        <Field label={state.busy ?? UI.working} data-testid="progress">
          <ProgressBar />
        </Field>
      )}
      <div role="status" aria-live="polite" className={styles.notice} data-testid="notice">{state.notice ?? ''}</div>
      <nav aria-label={UI.appTitle}>
        <TabList className={styles.tabs} size="small" selectedValue={state.tab} onTabSelect={(_e, data) => dispatch({ type: 'tabChosen', tab: data.value as PaneTab })}>
          {TAB_ORDER.map((tab) => <Tab key={tab} value={tab} id={`tab-${tab}`}>{UI.tabs[tab]}</Tab>)}
        </TabList>
      </nav>
      <main className={styles.panel} aria-labelledby={`tab-${state.tab}`}>
        {state.pending !== null ? (
          <PlanPreview
            plan={state.pending.plan}
            changes={state.pending.changes}
            {...(state.pending.workbook ? { workbook: state.pending.workbook } : {})}
            busy={state.busy !== null}
            onApply={() => void commands.applyPending()}
            onCancel={() => dispatch({ type: 'previewClosed' })}
            {...(state.pending.withoutUndoOffered ? { onApplyWithoutUndo: () => void commands.applyPending({ withoutUndo: true }) } : {})}
          />
        ) : (
          <>
            {state.tab === 'tables' && <TablesTab state={state} commands={commands} />}
            {state.tab === 'validate' && <ValidateTab state={state} commands={commands} dispatch={dispatch} />}
            {state.tab === 'rag' && <RagTab state={state} commands={commands} />}
            {state.tab === 'movement' && <MovementTab state={state} commands={commands} />}
            {state.tab === 'trackers' && <TrackersTab state={state} commands={commands} />}
          </>
        )}
      </main>
    </div>
    </FluentProvider>
  );
}
