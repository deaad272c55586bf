/** Summary, then findings grouped by sheet and severity; each selects its cell and may offer a fix. */
import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { summarise, type Finding } from '../../engine/findings';
import { UI } from '../../engine/messages/ui';
import { findingFigures, type CellFormats } from '../finding-figures';
import { fixableOfKind, groupFindings, type PaneState } from '../state/reducer';
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
});

export function ValidateTab({ state, commands }: { state: PaneState; commands: PaneCommands }) {
  const styles = useStyles();
  const findings = state.findings;
  return (
    <>
      <Button appearance="primary" onClick={() => void commands.validate()} disabled={state.busy !== null}>{UI.validate.run}</Button>
      {findings === null && <Text as="p">{UI.validate.notRun}</Text>}
      {findings !== null && <Summary findings={findings} />}
      {findings !== null &&
        groupFindings(findings).map((group) => (
          <section key={`${group.sheet}-${group.severity}`} aria-label={UI.validate.group(group.sheet, group.severity)}>
            <Text as="h2" size={400} weight="semibold">{UI.validate.group(group.sheet, group.severity)}</Text>
            <ul className={styles.list}>
              {group.findings.map((finding, i) => {
                const sameKind = fixableOfKind(findings, finding.rule);
                return (
                  <li key={`${finding.rule}-${finding.cell}-${i}`} className={`${styles.item} ${styles[finding.severity]}`} data-testid="finding" data-cell={`${finding.sheet}!${finding.cell}`} data-rule={finding.rule}>
                    <Button appearance="transparent" size="small" className={styles.cellLink} onClick={() => void commands.selectFinding(finding)} aria-label={UI.validate.goTo(finding.sheet, finding.cell)}>
                      {finding.cell}
                    </Button>
                    <Text>{finding.message}</Text>
                    <Figures finding={finding} formats={state.findingFormats} className={styles.figures} />
                    {finding.fix !== undefined && (
                      <div className={styles.actions}>
                        <Button size="small" onClick={() => commands.previewFix([finding])} disabled={state.busy !== null}>{UI.validate.fix}</Button>
                        {sameKind.length > 1 && (
                          <Button size="small" onClick={() => commands.previewFix(sameKind)} disabled={state.busy !== null}>{UI.validate.fixAll(sameKind.length)}</Button>
                        )}
                      </div>
                    )}
                  </li>
                );
              })}
            </ul>
          </section>
        ))}
    </>
  );
}

function Summary({ findings }: { findings: readonly Finding[] }) {
  const { errors, warnings, infos } = summarise(findings);
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
