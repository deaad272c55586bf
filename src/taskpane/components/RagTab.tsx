/** The council's RAG policy: thresholds by level in money and percent, the basis, saved in the workbook. */
import { Button, Dropdown, Field, Input, MessageBar, MessageBarActions, MessageBarBody, Option, Radio, RadioGroup, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { UI } from '../messages';
import { percentTextToFraction, poundsTextToNumber } from '../format';
import { LEVELS, fromDraft, toDraft } from '../state/rag-draft';
import type { PaneState } from '../state/reducer';
import type { PaneCommands } from '../commands';

const useStyles = makeStyles({
  level: { display: 'grid', gridTemplateColumns: '1fr 1fr', gap: tokens.spacingHorizontalS },
  wide: { gridColumn: '1 / span 2' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  input: { minWidth: 0 },
});

export function RagTab({ state, commands }: { state: PaneState; commands: PaneCommands }) {
  const styles = useStyles();
  const [draft, setDraft] = useState(() => toDraft(state.policy));
  useEffect(() => setDraft(toDraft(state.policy)), [state.policy]);
  const policy = fromDraft(draft, state.policy);
  const busy = state.busy !== null;

  return (
    <>
      <Text as="p">{UI.rag.intro}</Text>
      <Field label={UI.rag.basis}>
        <RadioGroup value={draft.basis} onChange={(_e, data) => setDraft({ ...draft, basis: data.value === 'gross' ? 'gross' : 'net' })}>
          <Radio value="net" label={UI.rag.basisNet} />
          <Radio value="gross" label={UI.rag.basisGross} />
        </RadioGroup>
      </Field>
      {LEVELS.map((level) => {
        const name = UI.rag.level[level];
        return (
          <fieldset key={level} className={styles.level}>
            <legend>{name}</legend>
            <Field label={UI.rag.money(name)} validationMessage={poundsTextToNumber(draft.money[level]) === undefined ? UI.rag.invalid : undefined}>
              <Input className={styles.input} inputMode="decimal" value={draft.money[level]} onChange={(_e, d) => setDraft({ ...draft, money: { ...draft.money, [level]: d.value } })} />
            </Field>
            <Field label={UI.rag.percent(name)} validationMessage={percentTextToFraction(draft.percent[level]) === undefined ? UI.rag.invalid : undefined}>
              <Input className={styles.input} inputMode="decimal" value={draft.percent[level]} onChange={(_e, d) => setDraft({ ...draft, percent: { ...draft.percent, [level]: d.value } })} />
            </Field>
            <Field label={UI.rag.combine(name)} className={styles.wide}>
              <Dropdown
                value={draft.combine[level] === 'lower' ? UI.rag.combineLower : UI.rag.combineHigher}
                selectedOptions={[draft.combine[level]]}
                onOptionSelect={(_e, d) => setDraft({ ...draft, combine: { ...draft.combine, [level]: d.optionValue === 'higher' ? 'higher' : 'lower' } })}
              >
                <Option value="lower">{UI.rag.combineLower}</Option>
                <Option value="higher">{UI.rag.combineHigher}</Option>
              </Dropdown>
            </Field>
          </fieldset>
        );
      })}
      <Field label={UI.rag.amberFrom} validationMessage={percentTextToFraction(draft.amberFrom) === undefined ? UI.rag.invalid : undefined}>
        <Input inputMode="decimal" value={draft.amberFrom} onChange={(_e, d) => setDraft({ ...draft, amberFrom: d.value })} />
      </Field>
      {state.reapplyOffered && (
        <MessageBar intent="info" data-testid="reapply-offer">
          <MessageBarBody>{UI.rag.reapplyOffer}</MessageBarBody>
          <MessageBarActions>
            <Button appearance="primary" onClick={() => void commands.previewRag()} disabled={busy}>{UI.rag.reapply}</Button>
          </MessageBarActions>
        </MessageBar>
      )}
      <div className={styles.actions}>
        <Button onClick={() => policy && void commands.savePolicy(policy)} disabled={busy || policy === undefined}>{UI.rag.save}</Button>
        <Button appearance="primary" onClick={() => void commands.previewRag()} disabled={busy}>{UI.rag.apply}</Button>
      </div>
    </>
  );
}
