/** The pane's state and commands for React: the reducer, with the commands kept in step with it. */
import { useEffect, useMemo, useReducer, useRef } from 'react';
import type { ExcelHost } from '../host/host';
import { createPaneCommands, type PaneCommands } from './commands';
import { ChangeWatcher } from './change-watch';
import { initialPaneState, paneReducer, type PaneAction, type PaneState } from './state/reducer';

export function usePane(host: ExcelHost): { state: PaneState; dispatch: (a: PaneAction) => void; commands: PaneCommands } {
  const [state, reactDispatch] = useReducer(paneReducer, initialPaneState);
  // Commands read the state between awaits, before React re-renders: every dispatch updates
  // this copy at once, through the same pure reducer.
  const latest = useRef(state);
  const dispatch = useMemo(
    () => (action: PaneAction) => {
      latest.current = paneReducer(latest.current, action);
      reactDispatch(action);
    },
    [],
  );
  const commands = useMemo(() => createPaneCommands(host, dispatch, () => latest.current), [host, dispatch]);
  const watcher = useChangeWatch(host, commands, dispatch, () => latest.current);
  // The pane's own writes raise change events too; the watcher lets them pass.
  const busy = state.busy !== null;
  useEffect(() => {
    if (!busy) watcher.workEnded();
  }, [busy, watcher]);
  return { state, dispatch, commands };
}

/** Marks the results out of date when the workbook changes, and validates again after a pause. */
function useChangeWatch(host: ExcelHost, commands: PaneCommands, dispatch: (a: PaneAction) => void, getState: () => PaneState): ChangeWatcher {
  const watcher = useMemo(
    () =>
      new ChangeWatcher({
        isBusy: () => getState().busy !== null,
        hasResults: () => getState().findings !== null,
        markStale: () => dispatch({ type: 'figuresChanged' }),
        revalidate: () => void commands.revalidate(),
        now: () => Date.now(),
        setTimer: (callback, ms) => setTimeout(callback, ms),
        clearTimer: (timer) => clearTimeout(timer as ReturnType<typeof setTimeout>),
      }),
    // getState reads a ref, so it never changes meaning and is not a dependency.
    [commands, dispatch],
  );
  useEffect(() => {
    if (!host.watchChanges) return undefined;
    let stop: (() => Promise<void>) | undefined;
    let ended = false;
    // Watching is a help, not a need: where Excel refuses the events the pane works as before.
    host.watchChanges((change) => watcher.changed(change.byOfficer === true)).then(
      (s) => (ended ? void s().catch(() => undefined) : (stop = s)),
      () => undefined,
    );
    return () => {
      ended = true;
      watcher.stop();
      void stop?.().catch(() => undefined);
    };
  }, [host, watcher]);
  return watcher;
}
