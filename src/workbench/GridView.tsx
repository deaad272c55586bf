/**
 * The simulated sheet as a grid: values as formatted, static fills and conditional-format
 * colours, bold; arrow keys move, Enter or typing edits, Escape cancels. Cell text is
 * rendered as text only.
 */
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { columnLetters, toA1 } from '../engine';
import { UI } from '../taskpane/messages';
import type { SimSheet } from '../host/simulated/state';
import type { CellStyle } from './conditional-colours';
import { displayText } from './display';

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
}

const MIN_ROWS = 40;
const MIN_COLS = 12;

export function GridView({ sheet, conditional, selection, onSelect, onEdit }: GridViewProps) {
  const [editing, setEditingState] = useState<string | null>(null);
  // Set once an edit is committed or cancelled, so the editor's blur on unmount does not commit again.
  const closed = useRef(false);
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

  useEffect(() => {
    const el = gridRef.current?.querySelector<HTMLElement>(`[data-cell="${toA1(selection.row, selection.col)}"]`);
    el?.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
    if (editing === null && gridRef.current?.contains(document.activeElement)) el?.focus();
  }, [selection, editing]);

  const move = (dr: number, dc: number) => onSelect({ row: Math.max(0, selection.row + dr), col: Math.max(0, selection.col + dc) });

  const onKeyDown = (e: KeyboardEvent<HTMLTableElement>) => {
    if (editing !== null) return;
    const cell = sheet.rows[selection.row]?.[selection.col];
    switch (e.key) {
      case 'ArrowUp': move(-1, 0); break;
      case 'ArrowDown': move(1, 0); break;
      case 'ArrowLeft': move(0, -1); break;
      case 'ArrowRight': case 'Tab': move(0, e.shiftKey ? -1 : 1); break;
      case 'Enter': case 'F2':
        setEditing(cell?.formula ?? (cell?.value === undefined ? '' : String(cell.value)));
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
    setEditing(null);
    then();
  };

  return (
    <table ref={gridRef} className="wb-grid" role="grid" aria-label={UI.workbench.grid(sheet.name)} onKeyDown={onKeyDown} data-testid="grid">
      <thead>
        <tr>
          <th aria-hidden="true" />
          {Array.from({ length: cols }, (_, c) => <th key={c} scope="col">{columnLetters(c)}</th>)}
        </tr>
      </thead>
      <tbody>
        {Array.from({ length: rows }, (_, r) => (
          <tr key={r}>
            <th scope="row">{r + 1}</th>
            {Array.from({ length: cols }, (_, c) => {
              const a1 = toA1(r, c);
              const cell = sheet.rows[r]?.[c];
              const cf = conditional.get(a1);
              const selected = r === selection.row && c === selection.col;
              const fill = cf?.fill ?? cell?.fill;
              const text = displayText(cell);
              return (
                <td
                  key={c}
                  data-cell={a1}
                  data-fill={fill ?? ''}
                  tabIndex={selected ? 0 : -1}
                  aria-selected={selected}
                  className={`${selected ? 'wb-selected' : ''} ${typeof cell?.value === 'number' ? 'wb-number' : ''}`}
                  style={{ backgroundColor: fill, color: cf?.fontColor, fontWeight: (cf?.bold ?? cell?.bold) ? 700 : undefined }}
                  onClick={() => onSelect({ row: r, col: c })}
                  onDoubleClick={() => setEditing(cell?.formula ?? (cell?.value === undefined ? '' : String(cell.value)))}
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
                        else if (e.key === 'Tab') { e.preventDefault(); commit(e.currentTarget.value, () => move(0, 1)); }
                        else if (e.key === 'Escape') setEditing(null);
                      }}
                      onBlur={(e) => !closed.current && commit(e.currentTarget.value, () => undefined)}
                    />
                  ) : (
                    text
                  )}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
