/** Movement since the previous period: from an earlier sheet, or from last month's file. */
import { Button, Dropdown, Field, Option, Radio, RadioGroup, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { Workbook } from '../../engine';
import { UI } from '../messages';
import type { PaneState } from '../state/reducer';
import type { PaneCommands } from '../commands';

const useStyles = makeStyles({
  // The browser's own file control, kept keyboard-operable, with a focus ring that shows in both themes.
  file: {
    maxWidth: '100%',
    color: tokens.colorNeutralForeground1,
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: '2px', borderRadius: tokens.borderRadiusMedium },
  },
});

export function MovementTab({ state, commands }: { state: PaneState; commands: PaneCommands }) {
  const styles = useStyles();
  const monitoring = state.tables.filter((t) => t.kind === 'monitoring');
  const [tableId, setTableId] = useState<string | null>(null);
  const [source, setSource] = useState<'sheet' | 'file'>('sheet');
  const [sheet, setSheet] = useState<string | null>(null);
  const [file, setFile] = useState<{ name: string; workbook: Workbook } | null>(null);

  const table = monitoring.find((t) => t.id === tableId) ?? monitoring.at(-1);
  const otherSheets = [...new Set(state.tables.map((t) => t.sheet))].filter((s) => s !== table?.sheet);
  const fileSheets = file?.workbook.sheets.map((s) => s.name) ?? [];
  const sheetChoices = source === 'sheet' ? otherSheets : fileSheets;
  const chosenSheet = sheet !== null && sheetChoices.includes(sheet) ? sheet : (sheetChoices.at(-1) ?? null);
  const busy = state.busy !== null;

  return (
    <>
      <Text as="p">{UI.movement.intro}</Text>
      <Field label={UI.movement.table}>
        <Dropdown value={table ? `${table.sheet} · ${table.range}` : ''} selectedOptions={table ? [table.id] : []} onOptionSelect={(_e, d) => setTableId(d.optionValue ?? null)}>
          {monitoring.map((t) => <Option key={t.id} value={t.id}>{`${t.sheet} · ${t.range}`}</Option>)}
        </Dropdown>
      </Field>
      <Field label={UI.movement.source}>
        <RadioGroup value={source} onChange={(_e, d) => setSource(d.value === 'file' ? 'file' : 'sheet')}>
          <Radio value="sheet" label={UI.movement.fromSheet} />
          <Radio value="file" label={UI.movement.fromFile} />
        </RadioGroup>
      </Field>
      {source === 'file' && (
        <Field label={UI.movement.file} hint={file ? UI.movement.fileRead(file.name) : UI.movement.fileHint}>
          <input
            type="file"
            className={styles.file}
            aria-label={UI.movement.file}
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            disabled={busy}
            onChange={(e) => {
              const chosen = e.currentTarget.files?.[0];
              setFile(null);
              setSheet(null);
              if (chosen) void commands.readPreviousFile(chosen).then((workbook) => workbook && setFile({ name: chosen.name, workbook }));
            }}
          />
        </Field>
      )}
      <Field label={UI.movement.sheet} hint={chosenSheet === null ? UI.movement.pickSheet : undefined}>
        <Dropdown value={chosenSheet ?? ''} selectedOptions={chosenSheet ? [chosenSheet] : []} onOptionSelect={(_e, d) => setSheet(d.optionValue ?? null)}>
          {sheetChoices.map((s) => <Option key={s} value={s}>{s}</Option>)}
        </Dropdown>
      </Field>
      <Button
        appearance="primary"
        disabled={busy || !table || chosenSheet === null}
        onClick={() => table && chosenSheet && void commands.previewMovement(table.id, source === 'file' && file ? { workbook: file.workbook, fileName: file.name, sheet: chosenSheet } : { sheet: chosenSheet })}
      >
        {UI.movement.apply}
      </Button>
    </>
  );
}
