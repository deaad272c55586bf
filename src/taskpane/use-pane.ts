/** The pane's state and commands for React: the reducer, with the commands kept in step with it. */
import { useMemo, useReducer, useRef } from 'react';
import type { ExcelHost } from '../host/host';
import { createPaneCommands, type PaneCommands } from './commands';
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
  return { state, dispatch, commands };
}
