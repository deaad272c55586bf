/**
 * The workbench: the simulated workbook on the left, the same task pane as in Excel on the
 * right, talking to the simulation through the same Office adapter it uses in Excel, on
 * Microsoft's own Excel client (./office-client.ts).
 */
import {
  Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Field, FluentProvider, Menu, MenuButton, MenuItem, MenuList,
  MenuPopover, MenuTrigger, ProgressBar, Switch, Text, webDarkTheme, webLightTheme,
} from '@fluentui/react-components';
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent as ReactKeyboardEvent } from 'react';
import { parseA1, parseNumberText, toA1, type Workbook } from '../engine';
import { UI } from '../taskpane/messages';
import type { ExcelHost, WorkbookChange } from '../host/host';
import { createOfficeHost } from '../host/office';
import { SimulatedExcel } from '../host/simulated/excel';
import { simulatedExcelFromXlsx } from '../host/simulated/xlsx';
import { PaneApp, type PaneTheme } from '../taskpane/App';
import { conditionalStyles } from './conditional-colours';
import { openedFile, workbookBytes, type OpenedFile } from './download';
import { GridView, type GridSelection } from './GridView';
import { SheetCharts } from './ChartView';
import { sampleViews, sampleWorkbook } from './sample';
import { pageClientExcel } from './office-client';
import { applyWorkbookViews, readWorkbookViews, unhidableSheets, visibleSheets } from './sheet-views';
import { nextRegion, regionOf, type Region } from './regions';

interface Document {
  readonly name: string;
  readonly excel: SimulatedExcel;
  /** Bumped to remount the pane when a different workbook is opened. */
  readonly generation: number;
  /** The file it was opened from, which Download patches; absent for the sample. */
  readonly opened?: OpenedFile;
}

/**
 * `?syncDelay=700` makes every sync that slow, like Excel on the web over a slow link, to see
 * the pane's progress bar; absent or invalid means no delay.
 */
function syncDelayMs(): number {
  const raw = Number(new URLSearchParams(window.location.search).get('syncDelay'));
  return Number.isFinite(raw) && raw > 0 ? Math.min(raw, 10_000) : 0;
}

function newDocument(name: string, workbook: Workbook, generation: number): Document {
  const excel = SimulatedExcel.fromWorkbook(workbook, { syncDelayMs: syncDelayMs() });
  sampleViews(excel.state);
  return { name, excel, generation };
}

/** The host the pane uses, telling the workbench when the pane changed the workbook (for Open's question). */
function reportingWrites(host: ExcelHost, wrote: () => void): ExcelHost {
  const after = <T,>(promise: Promise<T>): Promise<T> => promise.then((result) => { wrote(); return result; });
  return {
    ...host,
    applyPlan: (plan, options) => after(host.applyPlan(plan, options)),
    revert: (id, options) => after(host.revert(id, options)),
    updateSettings: (changes) => after(host.updateSettings(changes)),
  };
}

/** Where focus goes in each region (F6): the selected cell, the pane's last control or its tab, the Open button. */
function focusRegion(region: Region, lastInPane: HTMLElement | null): void {
  const target =
    region === 'grid' ? document.querySelector<HTMLElement>('[data-testid="grid"] td[tabindex="0"]')
    : region === 'pane' ? (lastInPane?.isConnected && !lastInPane.matches(':disabled') ? lastInPane : document.querySelector<HTMLElement>('[data-testid="task-pane"] [role="tab"][aria-selected="true"]'))
    : document.querySelector<HTMLElement>('[data-region="toolbar"] button');
  target?.focus();
}

/** What the officer types, as Excel would store it: `=` formulas, numbers, or text. */
export function typedContent(text: string): string | number | null {
  if (text.trim() === '') return null;
  if (text.startsWith('=')) return text;
  return parseNumberText(text) ?? text;
}

export function Workbench({ initialTheme }: { initialTheme: PaneTheme }) {
  const [doc, setDoc] = useState<Document>(() => newDocument('Budget monitoring sample.xlsx', sampleWorkbook(), 0));
  const [version, setVersion] = useState(0);
  const [theme, setTheme] = useState<PaneTheme>(initialTheme);
  const [sheetName, setSheetName] = useState(() => doc.excel.state.sheets.at(-1)?.name ?? '');
  const [selection, setSelection] = useState<GridSelection>({ row: 0, col: 0 });
  const [status, setStatus] = useState('');
  /** The workbook changed since it was opened or downloaded (typed in, or written by the pane). */
  const [unsaved, setUnsaved] = useState(false);
  /** A file chosen while there are unsaved changes: the question is open. */
  const [asking, setAsking] = useState<File | null>(null);
  const [reading, setReading] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const tabsRef = useRef<HTMLDivElement>(null);
  const lastInPane = useRef<HTMLElement | null>(null);
  // The simulation calculates lazily (when values are read through the API); the grid reads its
  // state directly, so calculate here before every repaint.
  const changed = useCallback(() => {
    if (doc.excel.state.dirty) doc.excel.toWorkbook();
    setVersion((v) => v + 1);
  }, [doc]);

  // The adapter runs on Microsoft's Excel client, whose requests the simulated workbook
  // answers; every run ends by refreshing the grid (values, colours, selection).
  const excelApi = useMemo(() => pageClientExcel(doc.excel), [doc]);
  useEffect(() => () => excelApi.release(), [excelApi]);
  // The officer's edits in the grid are this workbook's change events (Microsoft's client
  // delivers Excel's own only inside Office).
  const editListeners = useMemo(() => new Set<(change: WorkbookChange) => void>(), [doc]);
  const host = useMemo<ExcelHost>(
    () => ({
      ...reportingWrites(createOfficeHost({
        run: <T,>(options: Excel.RunOptions, batch: (context: Excel.RequestContext) => Promise<T>) => excelApi.run(options, batch).finally(changed),
        isSetSupported: (name: string, v: string) => excelApi.isSetSupported(name, v),
      }), () => setUnsaved(true)),
      watchChanges: (onChange) => {
        editListeners.add(onChange);
        return Promise.resolve(() => {
          editListeners.delete(onChange);
          return Promise.resolve();
        });
      },
    }),
    [excelApi, changed, editListeners],
  );

  // F6 and Shift+F6 move focus between the regions, as in Excel: the sheet, the task pane, the toolbar.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'F6' || e.ctrlKey || e.altKey || e.metaKey) return;
      e.preventDefault();
      focusRegion(nextRegion(regionOf(document.activeElement), e.shiftKey ? -1 : 1), lastInPane.current);
    };
    const onFocus = (e: FocusEvent) => {
      if (e.target instanceof HTMLElement && regionOf(e.target) === 'pane') lastInPane.current = e.target;
    };
    document.addEventListener('keydown', onKey, true);
    document.addEventListener('focusin', onFocus);
    return () => {
      document.removeEventListener('keydown', onKey, true);
      document.removeEventListener('focusin', onFocus);
    };
  }, []);

  // Follow the selection the pane makes ("go to finding").
  const selected = doc.excel.state.selection;
  const followed = useRef('');
  useEffect(() => {
    const key = selected ? `${selected.sheet}!${selected.address}` : '';
    if (!selected || key === followed.current) return;
    followed.current = key;
    const ref = parseA1(selected.address.split(':')[0] ?? '');
    if (!ref) return;
    setSheetName(selected.sheet);
    setSelection({ row: ref.row, col: ref.col });
  }, [selected, version]);

  const sheets = doc.excel.state.sheets;
  const sheet = sheets.find((s) => s.name === sheetName) ?? visibleSheets(sheets)[0] ?? sheets[0];
  const tabs = visibleSheets(sheets);
  const hidden = unhidableSheets(sheets);
  // A hidden sheet being looked at has a tab of its own while it is shown, marked hidden.
  const shownTabs = sheet && !tabs.includes(sheet) ? [...tabs, sheet] : tabs;
  useEffect(() => {
    tabsRef.current?.querySelector<HTMLElement>('[aria-selected="true"]')?.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
  }, [sheet?.name, shownTabs.length]);
  const showSheet = (name: string) => {
    setSheetName(name);
    setSelection({ row: 0, col: 0 });
  };
  // `version` is a dependency on purpose: the simulation mutates in place, and every change bumps it.
  const conditional = useMemo(() => (sheet ? conditionalStyles(doc.excel.state, sheet.name) : new Map()), [doc, sheet, version]);
  const cell = sheet?.rows[selection.row]?.[selection.col];
  const a1 = toA1(selection.row, selection.col);

  const open = async (file: File) => {
    setAsking(null);
    setReading(file.name);
    setStatus('');
    try {
      // A slow link (?syncDelay=) is slow to read from too: the progress bar can be seen.
      const delay = syncDelayMs();
      if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
      // As Excel opens a file: its saved results shown until the officer changes something.
      const bytes = new Uint8Array(await file.arrayBuffer());
      const [excel, views] = await Promise.all([simulatedExcelFromXlsx(bytes, file.name, { syncDelayMs: delay }), readWorkbookViews(bytes)]);
      // Hidden sheets, frozen panes and column widths, as the file records them (before the baseline Download compares with).
      applyWorkbookViews(excel.state, views);
      const next: Document = { name: file.name, excel, generation: doc.generation + 1, opened: openedFile(bytes, excel.state) };
      setDoc(next);
      const active = next.excel.state.sheets.find((s) => s.name === views.activeSheet && (s.visibility ?? 'Visible') === 'Visible');
      setSheetName((active ?? visibleSheets(next.excel.state.sheets)[0] ?? next.excel.state.sheets[0])?.name ?? '');
      setSelection({ row: 0, col: 0 });
      setUnsaved(false);
      setStatus(UI.workbench.opened(file.name));
    } catch (error) {
      setStatus(error instanceof Error ? error.message : UI.errors.generic);
    } finally {
      setReading(null);
    }
  };

  /** A file was chosen: opened at once, or after asking when there are changes it would discard. */
  const choose = (file: File) => {
    if (unsaved) setAsking(file);
    else void open(file);
  };

  const download = async (): Promise<boolean> => {
    let bytes: Uint8Array;
    try {
      // From the opened file, with only what changed since Open patched in.
      bytes = await workbookBytes(doc.excel.state, doc.excel.toWorkbook(), doc.opened);
    } catch (error) {
      setStatus(error instanceof Error ? error.message : UI.errors.generic);
      return false;
    }
    const url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = doc.name.endsWith('.xlsx') ? doc.name : `${doc.name}.xlsx`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    setUnsaved(false);
    return true;
  };

  // The sheet tabs are one tab stop: arrow keys, Home and End move between them and show the sheet.
  const onTabsKey = (e: ReactKeyboardEvent<HTMLDivElement>) => {
    const at = shownTabs.findIndex((s) => s === sheet);
    const to = e.key === 'ArrowRight' ? at + 1 : e.key === 'ArrowLeft' ? at - 1 : e.key === 'Home' ? 0 : e.key === 'End' ? shownTabs.length - 1 : null;
    if (to === null) return;
    e.preventDefault();
    const target = shownTabs[Math.max(0, Math.min(shownTabs.length - 1, to))];
    if (!target) return;
    showSheet(target.name);
    requestAnimationFrame(() => tabsRef.current?.querySelector<HTMLElement>('[aria-selected="true"]')?.focus());
  };

  const veryHidden = sheet?.visibility === 'VeryHidden';
  return (
    <FluentProvider theme={theme === 'dark' ? webDarkTheme : webLightTheme} className={`wb-root wb-${theme}`}>
      <section className="wb-book" aria-label={doc.name}>
        <div className="wb-toolbar" data-region="toolbar">
          <Text as="h1" weight="semibold" size={400}>{UI.workbench.title}</Text>
          <div className="wb-group">
            <Button size="small" onClick={() => fileInput.current?.click()} disabled={reading !== null}>{UI.workbench.open}</Button>
            <input ref={fileInput} type="file" accept=".xlsx" hidden tabIndex={-1} aria-hidden="true" onChange={(e) => { const f = e.currentTarget.files?.[0]; if (f) choose(f); e.currentTarget.value = ''; }} data-testid="open-file" />
            <Button size="small" onClick={() => void download()} disabled={reading !== null}>{UI.workbench.download}</Button>
          </div>
          <Switch label={UI.workbench.theme} checked={theme === 'dark'} onChange={(_e, d) => setTheme(d.checked ? 'dark' : 'light')} />
          {reading !== null && (
            <Field className="wb-reading" label={UI.workbench.reading(reading)} orientation="horizontal" data-testid="reading">
              <ProgressBar />
            </Field>
          )}
          <span role="status" className="wb-status">{status}</span>
        </div>
        <div className="wb-formula" aria-label={UI.workbench.formulaBar} role="group">
          <span className="wb-address" data-testid="selected-address">{sheet ? `${sheet.name}!${a1}` : ''}</span>
          <output data-testid="formula-bar">{cell?.formula ?? (cell?.value === undefined ? '' : String(cell.value))}</output>
        </div>
        <div className="wb-grid-scroll" data-testid="grid-scroll">
          {sheet && (
            <GridView
              sheet={sheet}
              conditional={conditional}
              selection={selection}
              onSelect={setSelection}
              onEdit={(address, text) => {
                // As Excel does, a drop-down list refuses what is not on it.
                const refusal = doc.excel.listRefusal(sheet.name, address, text);
                if (refusal) {
                  setStatus(refusal);
                  return;
                }
                doc.excel.typeInto(sheet.name, address, typedContent(text));
                setUnsaved(true);
                changed();
                for (const listener of editListeners) listener({ sheet: sheet.name, address, byOfficer: true });
              }}
              onLeave={() => focusRegion('pane', lastInPane.current)}
            />
          )}
        </div>
        {sheet?.charts && sheet.charts.length > 0 && <SheetCharts charts={sheet.charts} workbook={doc.excel.toWorkbook()} />}
        {sheet && sheet.visibility !== undefined && sheet.visibility !== 'Visible' && (
          <div className="wb-hidden-note" data-testid="hidden-note">{UI.workbench.hiddenNote(sheet.name, veryHidden)}</div>
        )}
        <div className="wb-sheetbar">
          <div role="tablist" aria-label={UI.workbench.sheets} className="wb-tabs" ref={tabsRef} onKeyDown={onTabsKey} data-testid="sheet-tabs">
            {shownTabs.map((s) => {
              const isHidden = (s.visibility ?? 'Visible') !== 'Visible';
              return (
                <button
                  key={s.name}
                  role="tab"
                  aria-selected={s === sheet}
                  tabIndex={s === sheet ? 0 : -1}
                  className={isHidden ? 'wb-tab-hidden' : undefined}
                  aria-label={isHidden ? UI.workbench.hiddenTab(s.name) : undefined}
                  onClick={() => showSheet(s.name)}
                >
                  {isHidden ? UI.workbench.hiddenTab(s.name) : s.name}
                </button>
              );
            })}
          </div>
          {hidden.length > 0 && (
            <Menu>
              <MenuTrigger disableButtonEnhancement>
                <MenuButton size="small" appearance="subtle" data-testid="hidden-sheets">{UI.workbench.hiddenSheets(hidden.length)}</MenuButton>
              </MenuTrigger>
              <MenuPopover>
                <MenuList>
                  {hidden.map((s) => <MenuItem key={s.name} onClick={() => showSheet(s.name)}>{s.name}</MenuItem>)}
                </MenuList>
              </MenuPopover>
            </Menu>
          )}
        </div>
      </section>
      <aside className="wb-pane" aria-label={UI.appTitle} data-region="pane">
        <PaneApp key={doc.generation} host={host} theme={theme} />
      </aside>
      <Dialog open={asking !== null} modalType="alert" onOpenChange={(_e, data) => { if (!data.open) setAsking(null); }}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>{UI.workbench.discardTitle(doc.name)}</DialogTitle>
            <DialogContent>{asking ? UI.workbench.discardBody(asking.name) : ''}</DialogContent>
            <DialogActions>
              <Button appearance="primary" onClick={() => { const file = asking; if (file) void download().then((ok) => ok ? open(file) : setAsking(null)); }}>{UI.workbench.downloadFirst}</Button>
              <Button onClick={() => { if (asking) void open(asking); }}>{UI.workbench.discard}</Button>
              <Button onClick={() => setAsking(null)}>{UI.workbench.cancel}</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </FluentProvider>
  );
}
