/**
 * The workbench: the simulated workbook on the left, the same task pane as in Excel on the
 * right, talking to the simulation through the same Office adapter it uses in Excel, on
 * Microsoft's own Excel client (./office-client.ts).
 */
import { Button, Switch, Text } from '@fluentui/react-components';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { parseA1, parseNumberText, toA1, type Workbook } from '../engine';
import { UI } from '../taskpane/messages';
import { createOfficeHost } from '../host/office';
import { SimulatedExcel } from '../host/simulated/excel';
import { simulatedExcelFromXlsx } from '../host/simulated/xlsx';
import { PaneApp, type PaneTheme } from '../taskpane/App';
import { conditionalStyles } from './conditional-colours';
import { openedFile, workbookBytes, type OpenedFile } from './download';
import { GridView, type GridSelection } from './GridView';
import { sampleWorkbook } from './sample';
import { pageClientExcel } from './office-client';

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
  return { name, excel: SimulatedExcel.fromWorkbook(workbook, { syncDelayMs: syncDelayMs() }), generation };
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
  const fileInput = useRef<HTMLInputElement>(null);
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
  const host = useMemo(
    () =>
      createOfficeHost({
        run: <T,>(options: Excel.RunOptions, batch: (context: Excel.RequestContext) => Promise<T>) => excelApi.run(options, batch).finally(changed),
        isSetSupported: (name: string, v: string) => excelApi.isSetSupported(name, v),
      }),
    [excelApi, changed],
  );

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

  const sheet = doc.excel.state.sheets.find((s) => s.name === sheetName) ?? doc.excel.state.sheets[0];
  // `version` is a dependency on purpose: the simulation mutates in place, and every change bumps it.
  const conditional = useMemo(() => (sheet ? conditionalStyles(doc.excel.state, sheet.name) : new Map()), [doc, sheet, version]);
  const cell = sheet?.rows[selection.row]?.[selection.col];
  const a1 = toA1(selection.row, selection.col);

  const open = async (file: File) => {
    try {
      // As Excel opens a file: its saved results shown until the officer changes something.
      const bytes = new Uint8Array(await file.arrayBuffer());
      const excel = await simulatedExcelFromXlsx(bytes, file.name, { syncDelayMs: syncDelayMs() });
      const next: Document = { name: file.name, excel, generation: doc.generation + 1, opened: openedFile(bytes, excel.state) };
      setDoc(next);
      setSheetName(next.excel.state.sheets[0]?.name ?? '');
      setSelection({ row: 0, col: 0 });
      setStatus(UI.workbench.opened(file.name));
    } catch (error) {
      setStatus(error instanceof Error ? error.message : UI.errors.generic);
    }
  };

  const download = async () => {
    let bytes: Uint8Array;
    try {
      // From the opened file, with only what changed since Open patched in.
      bytes = await workbookBytes(doc.excel.state, doc.excel.toWorkbook(), doc.opened);
    } catch (error) {
      setStatus(error instanceof Error ? error.message : UI.errors.generic);
      return;
    }
    const url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = doc.name.endsWith('.xlsx') ? doc.name : `${doc.name}.xlsx`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };

  return (
    <div className={`wb-root wb-${theme}`}>
      <section className="wb-book" aria-label={doc.name}>
        <div className="wb-toolbar">
          <Text as="h1" weight="semibold" size={400}>{UI.workbench.title}</Text>
          <Button size="small" onClick={() => fileInput.current?.click()}>{UI.workbench.open}</Button>
          <input ref={fileInput} type="file" accept=".xlsx" hidden onChange={(e) => { const f = e.currentTarget.files?.[0]; if (f) void open(f); e.currentTarget.value = ''; }} data-testid="open-file" />
          <Button size="small" onClick={() => void download()}>{UI.workbench.download}</Button>
          <Switch label={UI.workbench.theme} checked={theme === 'dark'} onChange={(_e, d) => setTheme(d.checked ? 'dark' : 'light')} />
          <span role="status" className="wb-status">{status}</span>
        </div>
        <div className="wb-formula" aria-label={UI.workbench.formulaBar}>
          <span className="wb-address" data-testid="selected-address">{sheet ? `${sheet.name}!${a1}` : ''}</span>
          <output data-testid="formula-bar">{cell?.formula ?? (cell?.value === undefined ? '' : String(cell.value))}</output>
        </div>
        <div className="wb-grid-scroll">
          {sheet && (
            <GridView
              sheet={sheet}
              conditional={conditional}
              selection={selection}
              onSelect={setSelection}
              onEdit={(address, text) => {
                doc.excel.typeInto(sheet.name, address, typedContent(text));
                changed();
              }}
            />
          )}
        </div>
        <div role="tablist" aria-label={UI.workbench.sheets} className="wb-tabs">
          {doc.excel.state.sheets.map((s) => (
            <button key={s.name} role="tab" aria-selected={s.name === sheet?.name} onClick={() => { setSheetName(s.name); setSelection({ row: 0, col: 0 }); }}>
              {s.name}
            </button>
          ))}
        </div>
      </section>
      <aside className="wb-pane" aria-label={UI.appTitle}>
        <PaneApp key={doc.generation} host={host} theme={theme} />
      </aside>
    </div>
  );
}
