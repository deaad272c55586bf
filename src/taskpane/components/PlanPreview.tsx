/**
 * Shows what a plan will do before the officer applies it: Apply and Cancel at the top, the plan
 * in words with a sample of its colours, then (opened on request, or at once for a small fix)
 * every cell old → new and every format and rule.
 */
import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useMemo, useRef, useState } from 'react';
import { planInWords } from '../state/plan-words';
import { UI } from '../messages';
import type { Edit, EditPlan, Workbook } from '../../engine';
import type { CellChange } from '../state/cell-changes';
import { describeChartEdit } from './chart-preview';

const MAX_LINES = 40;

const useStyles = makeStyles({
  // The flex gap spaces the parts; the browser's heading and paragraph margins would double it.
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0, '& > h2, & > h3, & > p': { margin: 0 } },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, fontSize: tokens.fontSizeBase200, overflowWrap: 'anywhere' },
  address: { fontWeight: tokens.fontWeightSemibold },
  value: { fontFamily: tokens.fontFamilyMonospace },
  arrow: { color: tokens.colorNeutralForeground2 },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  words: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  swatches: { display: 'flex', gap: tokens.spacingHorizontalXS, flexWrap: 'wrap' },
  swatch: { padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`, borderRadius: tokens.borderRadiusSmall, border: `1px solid ${tokens.colorNeutralStroke2}`, fontSize: tokens.fontSizeBase200 },
  toggle: { alignSelf: 'flex-start', minWidth: 0, paddingLeft: 0 },
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
    case 'addChart':
      return describeChartEdit(edit);
    case 'removeCharts':
      return describeChartEdit(edit);
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

/** Up to this many cell changes, with no sheet or colours added, the detail is shown at once (a fix). */
const OPEN_DETAIL_UP_TO = 10;

export function PlanPreview({ plan, changes, workbook, busy, onApply, onCancel, onApplyWithoutUndo }: {
  plan: EditPlan;
  changes: readonly CellChange[];
  /** The workbook as it was when the plan was made, for the plan in words. */
  workbook?: Workbook;
  busy: boolean;
  onApply: () => void;
  onCancel: () => void;
  /** Offered only after Excel could not keep this plan's Undo record. */
  onApplyWithoutUndo?: () => void;
}) {
  const styles = useStyles();
  const heading = useRef<HTMLHeadingElement>(null);
  const words = useMemo(() => planInWords(plan, workbook ?? { sheets: [] }, changes), [plan, workbook, changes]);
  const simple = changes.length <= OPEN_DETAIL_UP_TO && !plan.edits.some((e) => e.kind === 'addSheet' || e.kind === 'addConditionalFormat');
  const [detail, setDetail] = useState(simple);
  // The preview replaces the tab's content: bring it into view and put the reader at its top.
  useEffect(() => {
    heading.current?.scrollIntoView?.({ block: 'start' });
    heading.current?.focus();
  }, [plan]);
  const others = plan.edits.filter((e) => e.kind !== 'setValues' && e.kind !== 'setFormulas').map(describeEdit);
  const shownOthers = others.slice(0, Math.max(0, MAX_LINES - changes.length));
  const hidden = Math.max(0, changes.length - MAX_LINES) + (others.length - shownOthers.length);
  return (
    <section className={styles.root} aria-labelledby="plan-preview-heading" data-testid="plan-preview">
      <Text as="h2" block size={400} weight="semibold" id="plan-preview-heading" ref={heading} tabIndex={-1}>{UI.preview.heading}</Text>
      <div className={styles.actions}>
        {onApplyWithoutUndo !== undefined
          ? <Button appearance="primary" onClick={onApplyWithoutUndo} disabled={busy}>{UI.preview.applyWithoutUndo}</Button>
          : <Button appearance="primary" onClick={onApply} disabled={busy}>{UI.preview.apply}</Button>}
        <Button onClick={onCancel} disabled={busy}>{UI.preview.cancel}</Button>
      </div>
      {onApplyWithoutUndo !== undefined && <Text as="p" block data-testid="without-undo-warning">{UI.preview.withoutUndoWarning}</Text>}
      <Text as="p" block weight="semibold" data-testid="plan-title">{plan.title}</Text>
      {plan.description !== undefined && <Text as="p" block data-testid="plan-description">{plan.description}</Text>}
      {words.lines.length > 0 && (
        <ul className={styles.words} data-testid="plan-words">
          {words.lines.map((line, i) => <li key={i}>{line}</li>)}
        </ul>
      )}
      {words.colours.length > 0 && (
        <div className={styles.swatches} role="group" aria-label={UI.preview.colourSample} data-testid="plan-colours">
          {words.colours.map((c) => (
            <span key={c.label} className={styles.swatch} style={{ backgroundColor: c.fill, color: c.fontColor }}>{c.label}</span>
          ))}
        </div>
      )}
      {!simple && (
        <Button appearance="transparent" size="small" className={styles.toggle} aria-expanded={detail} onClick={() => setDetail(!detail)} icon={<span aria-hidden="true">{detail ? '▾' : '▸'}</span>} data-testid="plan-detail-toggle">
          {UI.preview.details(changes.length + others.length)}
        </Button>
      )}
      {detail && changes.length > 0 && (
        <>
          <Text as="h3" block size={300} weight="semibold" id="plan-cells-heading">{UI.preview.cells(changes.length)}</Text>
          <ul className={styles.list} aria-labelledby="plan-cells-heading" data-testid="plan-cells">
            {changes.slice(0, MAX_LINES).map((change, i) => <ChangeLine key={i} change={change} />)}
          </ul>
        </>
      )}
      {detail && shownOthers.length > 0 && (
        <>
          <Text as="h3" block size={300} weight="semibold" id="plan-other-heading">{UI.preview.other}</Text>
          <ul className={styles.list} aria-labelledby="plan-other-heading">
            {shownOthers.map((line, i) => <li key={i}>{line}</li>)}
          </ul>
        </>
      )}
      {detail && hidden > 0 && <Text as="p" block>{UI.preview.more(hidden)}</Text>}
    </section>
  );
}
