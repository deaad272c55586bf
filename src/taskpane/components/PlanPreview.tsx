/** Shows what a plan will change, cell by cell (old → new), before the officer applies it. */
import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { UI } from '../messages';
import type { Edit, EditPlan } from '../../engine';
import type { CellChange } from '../state/cell-changes';

const MAX_LINES = 40;

const useStyles = makeStyles({
  // The flex gap spaces the parts; the browser's heading and paragraph margins would double it.
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0, '& > h2, & > h3, & > p': { margin: 0 } },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, fontSize: tokens.fontSizeBase200, overflowWrap: 'anywhere' },
  address: { fontWeight: tokens.fontWeightSemibold },
  value: { fontFamily: tokens.fontFamilyMonospace },
  arrow: { color: tokens.colorNeutralForeground2 },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

/** One line of plain text per edit that is not a cell's value or formula (rendered as text, never as HTML). */
export function describeEdit(edit: Edit): string {
  switch (edit.kind) {
    case 'addSheet':
      return UI.preview.addSheet(edit.sheet);
    case 'setValues':
    case 'setFormulas':
      return `${edit.sheet}!${edit.range}`;
    case 'setNumberFormat':
      return `${edit.sheet}!${edit.range}: number format ${edit.format}`;
    case 'setFill':
      return `${edit.sheet}!${edit.range}: fill ${edit.color ?? 'none'}`;
    case 'setBold':
      return `${edit.sheet}!${edit.range}: ${edit.bold ? 'bold' : 'not bold'}`;
    case 'setColumnWidth':
      return `${edit.sheet}: column ${edit.column} width ${edit.width}`;
    case 'addConditionalFormat':
      return `${edit.sheet}!${edit.range}: colour rule ${edit.format.rule.type === 'formula' ? edit.format.rule.formula : `text ${edit.format.rule.operator} “${edit.format.rule.text}”`} → ${edit.format.style.fill ?? edit.format.style.fontColor ?? ''}`;
    case 'removeConditionalFormats':
      return `${edit.sheet}: remove Budget Monitor colour rules (${edit.tag})`;
    case 'setDataValidation':
      return `${edit.sheet}!${edit.range}: dropdown ${Array.isArray(edit.list) ? edit.list.join(', ') : (edit.list as { source: string }).source}`;
  }
}

function ChangeLine({ change }: { change: CellChange }) {
  const styles = useStyles();
  return (
    <li>
      <span className={styles.address}>{change.sheet}!{change.cell}</span>: <span className={styles.value}>{change.before}</span>
      <span className={styles.arrow}> → </span>
      <span className={styles.value}>{change.after}</span>
    </li>
  );
}

export function PlanPreview({ plan, changes, busy, onApply, onCancel, onApplyWithoutUndo }: {
  plan: EditPlan;
  changes: readonly CellChange[];
  busy: boolean;
  onApply: () => void;
  onCancel: () => void;
  /** Offered only after Excel could not keep this plan's Undo record. */
  onApplyWithoutUndo?: () => void;
}) {
  const styles = useStyles();
  const others = plan.edits.filter((e) => e.kind !== 'setValues' && e.kind !== 'setFormulas').map(describeEdit);
  const shownOthers = others.slice(0, Math.max(0, MAX_LINES - changes.length));
  const hidden = Math.max(0, changes.length - MAX_LINES) + (others.length - shownOthers.length);
  return (
    <section className={styles.root} aria-labelledby="plan-preview-heading" data-testid="plan-preview">
      <Text as="h2" block size={400} weight="semibold" id="plan-preview-heading">{UI.preview.heading}</Text>
      <Text as="p" block weight="semibold" data-testid="plan-title">{plan.title}</Text>
      {plan.description !== undefined && <Text as="p" block data-testid="plan-description">{plan.description}</Text>}
      {changes.length > 0 && (
        <>
          <Text as="h3" block size={300} weight="semibold" id="plan-cells-heading">{UI.preview.cells(changes.length)}</Text>
          <ul className={styles.list} aria-labelledby="plan-cells-heading" data-testid="plan-cells">
            {changes.slice(0, MAX_LINES).map((change, i) => <ChangeLine key={i} change={change} />)}
          </ul>
        </>
      )}
      {shownOthers.length > 0 && (
        <>
          <Text as="h3" block size={300} weight="semibold" id="plan-other-heading">{UI.preview.other}</Text>
          <ul className={styles.list} aria-labelledby="plan-other-heading">
            {shownOthers.map((line, i) => <li key={i}>{line}</li>)}
          </ul>
        </>
      )}
      {hidden > 0 && <Text as="p" block>{UI.preview.more(hidden)}</Text>}
      {onApplyWithoutUndo !== undefined && <Text as="p" block data-testid="without-undo-warning">{UI.preview.withoutUndoWarning}</Text>}
      <div className={styles.actions}>
        {onApplyWithoutUndo !== undefined
          ? <Button appearance="primary" onClick={onApplyWithoutUndo} disabled={busy}>{UI.preview.applyWithoutUndo}</Button>
          : <Button appearance="primary" onClick={onApply} disabled={busy}>{UI.preview.apply}</Button>}
        <Button onClick={onCancel} disabled={busy}>{UI.preview.cancel}</Button>
      </div>
    </section>
  );
}
