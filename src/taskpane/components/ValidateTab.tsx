/**
 * Summary, filters, then findings grouped by sheet and severity; each card selects its cell and
 * may offer a fix. A finding explained by another's fault is listed under that root, not on its
 * own card; many of one kind are one entry with Fix all, Show cells and Ignore this kind.
 */
import { Button, Label, MessageBar, MessageBarBody, Select, Text, makeStyles, tokens, useId } from '@fluentui/react-components';
import type { MouseEvent } from 'react';
import { ruleById, type Finding } from '../../engine';
import { UI } from '../messages';
import { findingFigures, type CellFormats } from '../finding-figures';
import { evidenceLine, findingCounts, findingKey, fixableOfKind, type FindingCard, type FindingFilter, type PaneAction, type PaneState } from '../state/reducer';
import { findingSheets, listSections, withoutIgnored, type ListEntry } from '../state/finding-list';
import type { PaneCommands } from '../commands';
import { Headline } from './Headline';

const useStyles = makeStyles({
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  item: { borderLeft: `3px solid ${tokens.colorNeutralStroke1}`, paddingLeft: tokens.spacingHorizontalS, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  error: { borderLeftColor: tokens.colorPaletteRedBorder2 },
  warning: { borderLeftColor: tokens.colorPaletteDarkOrangeBorder2 },
  info: { borderLeftColor: tokens.colorNeutralStroke1 },
  cellLink: { alignSelf: 'flex-start', minWidth: 0 },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  figures: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  evidence: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  toggle: { alignSelf: 'flex-start', minWidth: 0, paddingLeft: 0 },
  consequences: { listStyleType: 'none', margin: 0, marginLeft: tokens.spacingHorizontalXS, paddingLeft: tokens.spacingHorizontalS, borderLeft: `1px solid ${tokens.colorNeutralStroke2}`, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  consequence: { display: 'flex', flexDirection: 'column', gap: 0 },
  card: { cursor: 'pointer' },
  why: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200, fontStyle: 'italic' },
  filters: { display: 'flex', gap: tokens.spacingHorizontalM, flexWrap: 'wrap', alignItems: 'flex-end' },
  filter: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  ignored: { display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: tokens.spacingHorizontalS },
});

const SEVERITIES = ['error', 'warning', 'info'] as const;

type Props = { state: PaneState; commands: PaneCommands; dispatch: (action: PaneAction) => void };

export function ValidateTab({ state, commands, dispatch }: Props) {
  const all = state.findings;
  const findings = all === null ? null : withoutIgnored(all, state.ignored);
  return (
    <>
      <Button appearance="primary" onClick={() => void commands.validate()} disabled={state.busy !== null}>{UI.validate.run}</Button>
      {findings === null && <Text as="p">{UI.validate.notRun}</Text>}
      {findings !== null && state.stale && (
        <MessageBar intent="warning" data-testid="stale">
          <MessageBarBody>{UI.validate.stale}</MessageBarBody>
        </MessageBar>
      )}
      {findings !== null && !state.stale && state.headline !== null && <Headline text={state.headline} dispatch={dispatch} />}
      {findings !== null && !state.stale && <Summary findings={findings} ignoredKinds={state.ignored.length} />}
      {findings !== null && findings.length > 0 && <Filters findings={findings} state={state} dispatch={dispatch} />}
      {findings !== null && <FindingGroups findings={findings} state={state} commands={commands} dispatch={dispatch} />}
      {all !== null && state.ignored.length > 0 && <IgnoredKinds findings={all} state={state} commands={commands} />}
    </>
  );
}

function Filters({ findings, state, dispatch }: { findings: readonly Finding[]; state: PaneState; dispatch: Props['dispatch'] }) {
  const styles = useStyles();
  const severityId = useId('severity-');
  const sheetId = useId('sheet-');
  const sheets = findingSheets(findings);
  return (
    <div className={styles.filters} role="group" aria-label={UI.validate.filters}>
      <div className={styles.filter}>
        <Label htmlFor={severityId} size="small">{UI.validate.severityFilter}</Label>
        <Select id={severityId} size="small" value={state.filter.severity} onChange={(_e, d) => dispatch({ type: 'filterChanged', filter: { severity: d.value as FindingFilter['severity'] } })} data-testid="severity-filter">
          <option value="all">{UI.validate.allSeverities}</option>
          {SEVERITIES.map((s) => <option key={s} value={s}>{UI.validate.severityName(s)}</option>)}
        </Select>
      </div>
      {sheets.length > 1 && (
        <div className={styles.filter}>
          <Label htmlFor={sheetId} size="small">{UI.validate.sheetFilter}</Label>
          <Select id={sheetId} size="small" value={state.filter.sheet} onChange={(_e, d) => dispatch({ type: 'filterChanged', filter: { sheet: d.value } })} data-testid="sheet-filter">
            <option value="all">{UI.validate.allSheets}</option>
            {sheets.map((s) => <option key={s} value={s}>{s}</option>)}
          </Select>
        </div>
      )}
    </div>
  );
}

function FindingGroups({ findings, ...props }: Props & { findings: readonly Finding[] }) {
  const styles = useStyles();
  const sections = listSections(findings, props.state.filter);
  if (sections.length === 0 && findings.length > 0) return <Text as="p">{UI.validate.noneShown}</Text>;
  return (
    <>
      {sections.map((section) => (
        <section key={`${section.sheet}-${section.severity}`} aria-label={UI.validate.group(section.sheet, section.severity)}>
          <Text as="h2" size={400} weight="semibold">{UI.validate.group(section.sheet, section.severity)}</Text>
          <ul className={styles.list}>
            {section.entries.map((entry, i) =>
              entry.type === 'kind' ? (
                <KindItem key={entry.key} entry={entry} findings={findings} {...props} />
              ) : (
                <FindingItem key={`${entry.card.finding.rule}-${entry.card.finding.cell}-${i}`} card={entry.card} findings={findings} {...props} />
              ),
            )}
          </ul>
        </section>
      ))}
    </>
  );
}

/** Many findings of one kind: one line, one reason, and the actions that treat them together. */
function KindItem({ entry, findings, state, commands, dispatch }: Props & { entry: Extract<ListEntry, { type: 'kind' }>; findings: readonly Finding[] }) {
  const styles = useStyles();
  const listId = useId('kind-');
  const first = entry.cards[0]!.finding;
  const meta = ruleById(entry.rule)?.meta;
  const title = meta?.title ?? entry.rule;
  const open = state.openKinds.includes(entry.key);
  const fixable = entry.cards.map((c) => c.finding).filter((f) => f.fix !== undefined);
  return (
    <li className={`${styles.item} ${styles[first.severity]}`} data-testid="finding-kind" data-rule={entry.rule} data-count={entry.cards.length}>
      <Text weight="semibold">{meta ? meta.many.replace('{count}', entry.cards.length.toLocaleString('en-GB')) : title}</Text>
      {meta && <Text className={styles.why}>{meta.why}</Text>}
      <div className={styles.actions}>
        {fixable.length > 1 && (
          <Button size="small" onClick={() => void commands.previewFix(fixable)} disabled={state.busy !== null}>{UI.validate.fixAll(fixable.length)}</Button>
        )}
        <Button size="small" aria-expanded={open} aria-controls={open ? listId : undefined} onClick={() => dispatch({ type: 'kindToggled', key: entry.key })} data-testid="show-cells">
          {open ? UI.validate.hideCells : UI.validate.showCells(entry.cards.length)}
        </Button>
        <Button size="small" appearance="subtle" aria-label={UI.validate.ignoreKindLabel(title)} onClick={() => void commands.ignoreKind(entry.rule, title, true)} disabled={state.busy !== null} data-testid="ignore-kind">
          {UI.validate.ignoreKind}
        </Button>
      </div>
      {open && (
        <ul id={listId} className={styles.list}>
          {entry.cards.map((card, i) => (
            <FindingItem key={`${card.finding.cell}-${i}`} card={card} findings={findings} state={state} commands={commands} dispatch={dispatch} inKind />
          ))}
        </ul>
      )}
    </li>
  );
}

function IgnoredKinds({ findings, state, commands }: { findings: readonly Finding[]; state: PaneState; commands: PaneCommands }) {
  const styles = useStyles();
  return (
    <section aria-label={UI.validate.ignoredHeading} data-testid="ignored-kinds">
      <Text as="h2" size={300} weight="semibold">{UI.validate.ignoredHeading}</Text>
      <ul className={styles.list}>
        {state.ignored.map((rule) => {
          const title = ruleById(rule)?.meta.title ?? rule;
          const count = findings.filter((f) => f.rule === rule && !f.causedBy).length;
          return (
            <li key={rule} className={styles.ignored}>
              <Text>{UI.validate.ignoredKind(title, count)}</Text>
              <Button size="small" appearance="subtle" aria-label={UI.validate.stopIgnoringLabel(title)} onClick={() => void commands.ignoreKind(rule, title, false)} disabled={state.busy !== null}>
                {UI.validate.stopIgnoring}
              </Button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** The whole card selects its cell; its buttons do their own work. */
function selectOnClick(select: () => void) {
  return (e: MouseEvent<HTMLElement>) => {
    if ((e.target as HTMLElement).closest('button, a, input, select')) return;
    select();
  };
}

function FindingItem({ card, findings, state, commands, dispatch, inKind = false }: Props & { card: FindingCard; findings: readonly Finding[]; inKind?: boolean }) {
  const styles = useStyles();
  const why = inKind ? undefined : ruleById(card.finding.rule)?.meta.why;
  const listId = useId('consequences-');
  const { finding, consequences } = card;
  const sameKind = finding.fix !== undefined ? fixableOfKind(findings, finding.rule) : [];
  const because = evidenceLine(finding);
  const open = state.openConsequences.includes(findingKey(finding));
  return (
    <li className={`${styles.item} ${styles.card} ${styles[finding.severity]}`} data-testid="finding" data-cell={`${finding.sheet}!${finding.cell}`} data-rule={finding.rule} onClick={selectOnClick(() => void commands.selectFinding(finding))}>
      <Button appearance="transparent" size="small" className={styles.cellLink} onClick={() => void commands.selectFinding(finding)} aria-label={UI.validate.goTo(finding.sheet, finding.cell)}>
        {finding.cell}
      </Button>
      <Text>{finding.message}</Text>
      {why && <Text className={styles.why} data-testid="why">{why}</Text>}
      {because !== null && <Text className={styles.evidence} data-testid="evidence">{because}</Text>}
      <Figures finding={finding} formats={state.findingFormats} className={styles.figures} />
      {finding.fix !== undefined && (
        <div className={styles.actions}>
          <Button size="small" onClick={() => void commands.previewFix([finding])} disabled={state.busy !== null}>{UI.validate.fix}</Button>
          {sameKind.length > 1 && !inKind && (
            <Button size="small" onClick={() => void commands.previewFix(sameKind)} disabled={state.busy !== null}>{UI.validate.fixAll(sameKind.length)}</Button>
          )}
        </div>
      )}
      {consequences.length > 0 && (
        <>
          <Button appearance="transparent" size="small" className={styles.toggle} aria-expanded={open} aria-controls={open ? listId : undefined} icon={<span aria-hidden="true">{open ? '▾' : '▸'}</span>} onClick={() => dispatch({ type: 'consequencesToggled', root: finding })} data-testid="consequences-toggle">
            {UI.validate.consequences(consequences.length)}
          </Button>
          {open && (
            <ul id={listId} className={styles.consequences} aria-label={UI.validate.consequencesList(finding.sheet, finding.cell)} data-testid="consequences">
              {consequences.map((c, i) => (
                <li key={`${c.rule}-${c.cell}-${i}`} className={styles.consequence} data-testid="consequence" data-cell={`${c.sheet}!${c.cell}`} data-rule={c.rule}>
                  <Button appearance="transparent" size="small" className={styles.cellLink} onClick={() => void commands.selectFinding(c)} aria-label={UI.validate.goTo(c.sheet, c.cell)}>
                    {c.cell}
                  </Button>
                  <Text size={200}>{c.message}</Text>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </li>
  );
}

function Summary({ findings, ignoredKinds }: { findings: readonly Finding[]; ignoredKinds: number }) {
  const { errors, warnings, infos } = findingCounts(findings);
  const ignored = ignoredKinds > 0 ? ` ${UI.validate.ignoredNote(ignoredKinds)}` : '';
  if (errors === 0 && warnings === 0) {
    return (
      <Text as="p" data-testid="summary">
        <Text weight="semibold">{UI.validate.ready}</Text>. {infos > 0 ? UI.validate.counts(0, 0, infos) : UI.validate.readyDetail}{ignored}
      </Text>
    );
  }
  return (
    <Text as="p" data-testid="summary"><Text weight="semibold">{UI.validate.counts(errors, warnings, infos)}</Text>{ignored}</Text>
  );
}

function Figures({ finding, formats, className }: { finding: Finding; formats: CellFormats; className: string }) {
  if (finding.expected === null && finding.actual === null) return null;
  const { expected, found } = findingFigures(finding, formats);
  return (
    <Text className={className}>
      {UI.validate.expected}: {expected} · {UI.validate.found}: {found}
    </Text>
  );
}
