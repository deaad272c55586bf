/** The tables found, each column's role, and a dropdown to correct a wrong guess. */
import { Button, Dropdown, Field, Option, Text, makeStyles, tokens } from '@fluentui/react-components';
import { ROLE_NAMES, UI } from '../messages';
import type { ColumnRole } from '../../engine';
import type { PaneCommands } from '../commands';
import type { PaneState } from '../state/reducer';

const ROLES = Object.keys(ROLE_NAMES) as ColumnRole[];

const useStyles = makeStyles({
  table: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, paddingBottom: tokens.spacingVerticalM },
  dropdown: { minWidth: '0', width: '100%' },
});

export function TablesTab({ state, commands }: { state: PaneState; commands: PaneCommands }) {
  const styles = useStyles();
  return (
    <>
      <Button onClick={() => void commands.load()} disabled={state.busy !== null}>{UI.refresh}</Button>
      {state.tables.length === 0 && <Text as="p">{UI.tables.none}</Text>}
      {state.tables.map((table) => (
        <section key={table.id} className={styles.table} aria-label={UI.tables.heading(table.sheet, table.range)}>
          <Text as="h2" size={400} weight="semibold">{UI.tables.heading(table.sheet, table.range)}</Text>
          {table.title !== undefined && <Text as="p">{table.title}</Text>}
          {table.columns.map((column) => (
            <Field key={column.col} label={`${UI.tables.roleLabel(column.letter, column.header)}${column.overridden ? ` (${UI.tables.corrected})` : ''}`}>
              <Dropdown
                className={styles.dropdown}
                value={ROLE_NAMES[column.role]}
                selectedOptions={[column.role]}
                disabled={state.busy !== null}
                onOptionSelect={(_e, data) => {
                  const role = data.optionValue as ColumnRole | undefined;
                  if (role && role !== column.role) void commands.chooseRole(table.sheet, column.letter, role);
                }}
              >
                {ROLES.map((role) => <Option key={role} value={role}>{ROLE_NAMES[role]}</Option>)}
              </Dropdown>
            </Field>
          ))}
        </section>
      ))}
    </>
  );
}
