/**
 * The simulated sheet as a grid, laid out as Excel lays it out (./grid-layout.ts): the
 * sheet's column widths, text spilling into empty cells to its right, and the column
 * letters, row numbers, column A and the sheet's frozen panes staying in place when it
 * scrolls. Values as formatted, static fills and conditional-format colours, bold.
 *
 * Keyboard: the grid is one tab stop (only the selected cell is focusable); arrow keys move,
 * Enter, F2 or typing edits, Enter or Tab confirms, Escape cancels; Tab, Shift+Tab and
 * Escape leave the grid (F6 is the workbench's). Cell text is rendered as text only.
 */
import { useEffect, useRef, useState, type CSSProperties, type KeyboardEvent } from 'react';
import { columnLetters, toA1 } from '../engine';
import { UI } from '../taskpane/messages';
import type { SimCell, SimSheet } from '../host/simulated/state';
import type { CellStyle } from './conditional-colours';
import { displayText } from './display';
import { CELL_PADDING, ROW_HEADER_WIDTH, columnWidthsPx, frozenPanes, spanWidth, spillExtents, stickyOffsets } from './grid-layout';

export interface GridSelection {
  readonly row: number;
  readonly col: number;
}

interface GridViewProps {
  sheet: SimSheet;
  conditional: ReadonlyMap<string, CellStyle>;
  selection: GridSelection;
  onSelect(selection: GridSelection): void;
  /** The officer typed `text` into the selected cell (`=` starts a formula). */
  onEdit(a1: string, text: string): void;
  /** Escape outside an edit: focus leaves the grid (the workbench moves it to the pane). */
  onLeave?(): void;
}

const MIN_ROWS = 40;
const MIN_COLS = 12;

/** Text width in the grid's font, measured once per text on a canvas (an estimate where there is none). */
const measured = new Map<string, number>();
let canvas: CanvasRenderingContext2D | null | undefined;
function textWidth(text: string): number {
  const known = measured.get(text);
  if (known !== undefined) return known;
  if (canvas === undefined) {
    canvas = typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d');
    if (canvas) canvas.font = '12px "Segoe UI", system-ui, sans-serif';
  }
  const width = canvas ? canvas.measureText(text).width : text.length * 7;
  if (measured.size < 50_000) measured.set(text, width);
  return width;
}

const editText = (cell: SimCell | undefined): string => cell?.formula ?? (cell?.value === undefined ? '' : String(cell.value));

export function GridView({ sheet, conditional, selection, onSelect, onEdit, onLeave }: GridViewProps) {
  const [editing, setEditingState] = useState<string | null>(null);
  // Set once an edit is committed or cancelled, so the editor's blur on unmount does not commit again.
  const closed = useRef(false);
  // After an edit is confirmed or cancelled from the keyboard, focus goes back to the selected cell.
  const refocus = useRef(false);
  const setEditing = (text: string | null) => {
    closed.current = text === null;
    setEditingState(text);
  };
  const gridRef = useRef<HTMLTableElement>(null);
  const rows = Math.max(MIN_ROWS, sheet.rows.length + 5);
  // Rows read from files may be sparse arrays: a plain loop sees the holes that map() skips.
  let widest = 0;
  for (let r = 0; r < sheet.rows.length; r++) widest = Math.max(widest, sheet.rows[r]?.length ?? 0);
  const cols = Math.max(MIN_COLS, widest + 1);
  // The sheet mutates in place: recomputed on every render, which follows every change.
  const widths = columnWidthsPx(sheet, cols, textWidth, displayText);
  const frozen = frozenPanes(sheet);
  const sticky = stickyOffsets(widths, frozen);
  const tableWidth = ROW_HEADER_WIDTH + spanWidth(widths, 0, cols - 1);

  useEffect(() => {
    const el = gridRef.current?.querySelector<HTMLElement>(`[data-cell="${toA1(selection.row, selection.col)}"]`);
    if (editing !== null) return;
    el?.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
    if (refocus.current || gridRef.current?.contains(document.activeElement)) el?.focus({ preventScroll: true });
    refocus.current = false;
  }, [selection, editing]);

  const move = (dr: number, dc: number) => onSelect({ row: Math.max(0, selection.row + dr), col: Math.max(0, selection.col + dc) });

  const onKeyDown = (e: KeyboardEvent<HTMLTableElement>) => {
    if (editing !== null) return;
    const cell = sheet.rows[selection.row]?.[selection.col];
    switch (e.key) {
      case 'ArrowUp': move(-1, 0); break;
      case 'ArrowDown': move(1, 0); break;
      case 'ArrowLeft': move(0, -1); break;
      case 'ArrowRight': move(0, 1); break;
      case 'Home': onSelect({ row: e.ctrlKey ? 0 : selection.row, col: 0 }); break;
      case 'PageDown': move(20, 0); break;
      case 'PageUp': move(-20, 0); break;
      // Tab and Shift+Tab are the browser's: they leave the grid, which is one tab stop.
      case 'Tab': return;
      case 'Escape': onLeave?.(); break;
      case 'Enter': case 'F2':
        setEditing(editText(cell));
        break;
      case 'Delete': case 'Backspace':
        onEdit(toA1(selection.row, selection.col), '');
        break;
      default:
        if (e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey) {
          setEditing(e.key);
          e.preventDefault();
        }
        return;
    }
    e.preventDefault();
  };

  const commit = (text: string, then: () => void) => {
    onEdit(toA1(selection.row, selection.col), text);
    refocus.current = true;
    setEditing(null);
    then();
  };

  const stickyStyle = (r: number, c: number): CSSProperties | undefined => {
    const left = sticky.left[c];
    const top = sticky.top[r];
    if (left === undefined && top === undefined) return undefined;
    return { position: 'sticky', left, top, zIndex: left !== undefined && top !== undefined ? 3 : 2 };
  };

  return (
    <table
      ref={gridRef}
      className="wb-grid"
      role="grid"
      aria-label={UI.workbench.grid(sheet.name)}
      aria-rowcount={rows + 1}
      aria-colcount={cols + 1}
      onKeyDown={onKeyDown}
      data-testid="grid"
      data-frozen={`${frozen.rows},${frozen.cols}`}
      style={{ width: tableWidth }}
    >
      <colgroup>
        <col style={{ width: ROW_HEADER_WIDTH }} />
        {widths.map((w, c) => <col key={c} style={{ width: w }} />)}
      </colgroup>
      <thead>
        <tr>
          <th aria-hidden="true" className="wb-corner" />
          {Array.from({ length: cols }, (_, c) => <th key={c} scope="col" style={sticky.left[c] !== undefined ? { left: sticky.left[c], zIndex: 7 } : undefined}>{columnLetters(c)}</th>)}
        </tr>
      </thead>
      <tbody>
        {Array.from({ length: rows }, (_, r) => {
          const row = sheet.rows[r];
          const spill = spillExtents(row, cols);
          const frozenRow = sticky.top[r] !== undefined;
          return (
            <tr key={r} className={frozenRow ? 'wb-frozen-row' : undefined}>
              <th scope="row" style={frozenRow ? { top: sticky.top[r], zIndex: 5 } : undefined}>{r + 1}</th>
              {Array.from({ length: cols }, (_, c) => {
                const a1 = toA1(r, c);
                const cell = row?.[c];
                const cf = conditional.get(a1);
                const selected = r === selection.row && c === selection.col;
                const fill = cf?.fill ?? cell?.fill;
                const text = displayText(cell);
                const spillTo = spill.get(c);
                const classes = [selected ? 'wb-selected' : '', typeof cell?.value === 'number' ? 'wb-number' : '', spillTo !== undefined ? 'wb-spill' : '', sticky.left[c] !== undefined || frozenRow ? 'wb-frozen' : ''].filter(Boolean).join(' ');
                return (
                  <td
                    key={c}
                    data-cell={a1}
                    data-fill={fill ?? ''}
                    {...(spillTo !== undefined ? { 'data-spill': toA1(r, spillTo) } : {})}
                    tabIndex={selected ? 0 : -1}
                    aria-selected={selected}
                    className={classes || undefined}
                    style={{ ...stickyStyle(r, c), backgroundColor: fill, color: cf?.fontColor, fontWeight: (cf?.bold ?? cell?.bold) ? 700 : undefined }}
                    onClick={() => onSelect({ row: r, col: c })}
                    onDoubleClick={() => setEditing(editText(cell))}
                  >
                    {selected && editing !== null ? (
                      <input
                        autoFocus
                        aria-label={`Edit ${a1}`}
                        className="wb-editor"
                        defaultValue={editing}
                        onKeyDown={(e) => {
                          e.stopPropagation();
                          if (e.key === 'Enter') commit(e.currentTarget.value, () => move(1, 0));
                          else if (e.key === 'Tab') { e.preventDefault(); commit(e.currentTarget.value, () => move(0, e.shiftKey ? -1 : 1)); }
                          else if (e.key === 'Escape') { refocus.current = true; setEditing(null); }
                        }}
                        onBlur={(e) => !closed.current && commit(e.currentTarget.value, () => undefined)}
                      />
                    ) : spillTo !== undefined ? (
                      // Wider than its cell, over the empty cells to its right; clipped where they end.
                      <span className="wb-spill-text" style={{ width: spanWidth(widths, c, spillTo) - 2 * CELL_PADDING - 1 }}>{text}</span>
                    ) : (
                      text
                    )}
                  </td>
                );
              })}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
