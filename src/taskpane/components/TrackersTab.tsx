/** Insert or update the trackers and the validation report; officers' entries survive regeneration. */
import { Button, Dropdown, Field, Option, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { UI, EXPLANATION_UI } from '../messages';
import type { MonitoringTable } from '../../engine';
import type { PaneState } from '../state/reducer';
import type { PaneCommands } from '../commands';
import { ChartSection } from './ChartSection';

const useStyles = makeStyles({ actions: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, alignItems: 'stretch' } });

export function TrackersTab({ state, commands }: { state: PaneState; commands: PaneCommands }) {
  const styles = useStyles();
  const sources = state.tables.filter((t) => t.kind === 'monitoring' || t.kind === 'savingsTracker');
  const [tableId, setTableId] = useState<string | null>(null);
  const table = sources.find((t) => t.id === tableId) ?? defaultSource(sources);
  const sections = table?.rows.filter((r) => r.kind === 'section').map((r) => r.label) ?? [];
  const [sectionChoice, setSection] = useState<string>('');
  const section = sections.includes(sectionChoice) ? sectionChoice : '';
  const busy = state.busy !== null;
  return (
    <>
      <Text as="p">{UI.trackers.intro}</Text>
      <Field label={UI.trackers.table}>
        <Dropdown value={table ? `${table.sheet} · ${table.range}` : ''} selectedOptions={table ? [table.id] : []} onOptionSelect={(_e, d) => setTableId(d.optionValue ?? null)}>
          {sources.map((t) => <Option key={t.id} value={t.id}>{`${t.sheet} · ${t.range}`}</Option>)}
        </Dropdown>
      </Field>
      {sections.length > 0 && (
        <Field label={UI.trackers.mitigate}>
          <Dropdown value={section || UI.trackers.wholeTable} selectedOptions={[section]} onOptionSelect={(_e, d) => setSection(d.optionValue ?? '')}>
            <Option value="">{UI.trackers.wholeTable}</Option>
            {sections.map((s) => <Option key={s} value={s}>{s}</Option>)}
          </Dropdown>
        </Field>
      )}
      <div className={styles.actions}>
        <Button disabled={busy || !table} onClick={() => void commands.previewTracker('mitigation', table?.id ?? null, section || undefined)}>{UI.trackers.mitigation}</Button>
        <Button disabled={busy || !table} onClick={() => void commands.previewTracker('savings', table?.id ?? null)}>{UI.trackers.savings}</Button>
        <Button disabled={busy || !table || table.kind !== 'monitoring'} onClick={() => void commands.previewTracker('explanations', table?.id ?? null)}>{EXPLANATION_UI.button}</Button>
        <Button disabled={busy} onClick={() => void commands.previewTracker('report', null)}>{UI.trackers.report}</Button>
      </div>
      {<ChartSection table={table} busy={busy} onInsert={(per, placement) => void commands.previewChart(table?.id ?? null, per, placement)} />}
    </>
  );
}

/** The latest budget table (one with a budget and a forecast): trackers are built from it, never from a tracker. */
function defaultSource(tables: readonly MonitoringTable[]): MonitoringTable | undefined {
  const budgets = tables.filter((t) => t.kind === 'monitoring' && t.columns.some((c) => c.role === 'netBudget') && t.columns.some((c) => c.role === 'forecast'));
  return budgets.at(-1) ?? tables[0];
}
