/** Shows what a plan will change, cell by cell, before the officer applies it. */
import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { UI } from '../../engine/messages/ui';
import type { Edit, EditPlan } from '../../engine/plan';

const MAX_LINES = 40;

const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, wordBreak: 'break-word' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS },
});

/** One line of plain text per edit (rendered as text, never as HTML). */
export function describeEdit(edit: Edit): string {
  switch (edit.kind) {
    case 'addSheet':
      return `Add sheet “${edit.sheet}”`;
    case 'setValues':
      return `${edit.sheet}!${edit.range} ← ${edit.values.map((r) => r.map((v) => (v === null ? '(blank)' : typeof v === 'object' ? v.error : String(v))).join(' | ')).join(' / ')}`;
    case 'setFormulas':
      return `${edit.sheet}!${edit.range} ← ${edit.formulas.map((r) => r.map((v) => (v === null ? '(blank)' : String(v))).join(' | ')).join(' / ')}`;
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

export function PlanPreview({ plan, busy, onApply, onCancel }: { plan: EditPlan; busy: boolean; onApply: () => void; onCancel: () => void }) {
  const styles = useStyles();
  const lines = plan.edits.map(describeEdit);
  return (
    <section aria-labelledby="plan-preview-heading" data-testid="plan-preview">
      <Text as="h2" size={400} weight="semibold" id="plan-preview-heading">{UI.preview.heading}: {plan.title}</Text>
      {plan.description !== undefined && <Text as="p">{plan.description}</Text>}
      <ul className={styles.list}>
        {lines.slice(0, MAX_LINES).map((line, i) => <li key={i}>{line}</li>)}
      </ul>
      {lines.length > MAX_LINES && <Text as="p">{UI.preview.more(lines.length - MAX_LINES)}</Text>}
      <div className={styles.actions}>
        <Button appearance="primary" onClick={onApply} disabled={busy}>{UI.preview.apply}</Button>
        <Button onClick={onCancel} disabled={busy}>{UI.preview.cancel}</Button>
      </div>
    </section>
  );
}
