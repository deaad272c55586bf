/**
 * Summary, then findings grouped by sheet and severity; each selects its cell and may offer a
 * fix. A finding explained by another's fault is listed under that root, not on its own card.
 */
import { Button, Text, makeStyles, tokens, useId } from '@fluentui/react-components';
import type { Finding } from '../../engine';
import { UI } from '../messages';
import { findingFigures, type CellFormats } from '../finding-figures';
import { evidenceLine, findingCounts, findingKey, fixableOfKind, groupFindings, type FindingCard, type PaneAction, type PaneState } from '../state/reducer';
import type { PaneCommands } from '../commands';

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
});

type Props = { state: PaneState; commands: PaneCommands; dispatch: (action: PaneAction) => void };

export function ValidateTab({ state, commands, dispatch }: Props) {
  const findings = state.findings;
  return (
    <>
      <Button appearance="primary" onClick={() => void commands.validate()} disabled={state.busy !== null}>{UI.validate.run}</Button>
      {findings === null && <Text as="p">{UI.validate.notRun}</Text>}
      {findings !== null && <Summary findings={findings} />}
      {findings !== null && <FindingGroups findings={findings} state={state} commands={commands} dispatch={dispatch} />}
    </>
  );
}

function FindingGroups({ findings, ...props }: Props & { findings: readonly Finding[] }) {
  const styles = useStyles();
  return (
    <>
      {groupFindings(findings).map((group) => (
        <section key={`${group.sheet}-${group.severity}`} aria-label={UI.validate.group(group.sheet, group.severity)}>
          <Text as="h2" size={400} weight="semibold">{UI.validate.group(group.sheet, group.severity)}</Text>
          <ul className={styles.list}>
            {group.cards.map((card, i) => (
              <FindingItem key={`${card.finding.rule}-${card.finding.cell}-${i}`} card={card} findings={findings} {...props} />
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}

function FindingItem({ card, findings, state, commands, dispatch }: Props & { card: FindingCard; findings: readonly Finding[] }) {
  const styles = useStyles();
  const listId = useId('consequences-');
  const { finding, consequences } = card;
  const sameKind = finding.fix !== undefined ? fixableOfKind(findings, finding.rule) : [];
  const because = evidenceLine(finding);
  const open = state.openConsequences.includes(findingKey(finding));
  return (
    <li className={`${styles.item} ${styles[finding.severity]}`} data-testid="finding" data-cell={`${finding.sheet}!${finding.cell}`} data-rule={finding.rule}>
      <Button appearance="transparent" size="small" className={styles.cellLink} onClick={() => void commands.selectFinding(finding)} aria-label={UI.validate.goTo(finding.sheet, finding.cell)}>
        {finding.cell}
      </Button>
      <Text>{finding.message}</Text>
      {because !== null && <Text className={styles.evidence} data-testid="evidence">{because}</Text>}
      <Figures finding={finding} formats={state.findingFormats} className={styles.figures} />
      {finding.fix !== undefined && (
        <div className={styles.actions}>
          <Button size="small" onClick={() => void commands.previewFix([finding])} disabled={state.busy !== null}>{UI.validate.fix}</Button>
          {sameKind.length > 1 && (
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

function Summary({ findings }: { findings: readonly Finding[] }) {
  const { errors, warnings, infos } = findingCounts(findings);
  if (errors === 0 && warnings === 0) {
    return (
      <Text as="p" data-testid="summary">
        <Text weight="semibold">{UI.validate.ready}</Text>. {infos > 0 ? UI.validate.counts(0, 0, infos) : UI.validate.readyDetail}
      </Text>
    );
  }
  return (
    <Text as="p" weight="semibold" data-testid="summary">{UI.validate.counts(errors, warnings, infos)}</Text>
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
