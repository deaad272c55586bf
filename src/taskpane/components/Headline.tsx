/**
 * The reported table's headline, as a committee paper opens ("2024/25 net budget £142.827m,
 * forecasting an overspend of £8.380m, …"), with a Copy button: the clipboard where the
 * browser allows it, else the text is selected for the officer to copy.
 */
import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useRef } from 'react';
import { EXPLANATION_UI } from '../messages';
import type { PaneAction } from '../state/reducer';

const useStyles = makeStyles({
  box: { display: 'flex', alignItems: 'flex-start', gap: tokens.spacingHorizontalS, padding: tokens.spacingVerticalS, backgroundColor: tokens.colorNeutralBackground2, borderRadius: tokens.borderRadiusMedium },
  text: { flexGrow: 1, userSelect: 'text' },
});

const M = EXPLANATION_UI;

/** Copies the text, or selects it when the clipboard cannot be written; returns which happened. */
export async function copyOrSelect(text: string, element: HTMLElement | null): Promise<'copied' | 'selected'> {
  const clipboard = typeof navigator !== 'undefined' ? navigator.clipboard : undefined;
  if (clipboard?.writeText) {
    try {
      await clipboard.writeText(text);
      return 'copied';
    } catch {
      // Denied (an add-in frame without clipboard permission): select it instead.
    }
  }
  if (element && typeof window !== 'undefined' && window.getSelection && typeof document !== 'undefined') {
    const range = document.createRange();
    range.selectNodeContents(element);
    const selection = window.getSelection();
    selection?.removeAllRanges();
    selection?.addRange(range);
  }
  return 'selected';
}

export function Headline({ text, dispatch }: { text: string; dispatch: (action: PaneAction) => void }) {
  const styles = useStyles();
  const ref = useRef<HTMLSpanElement>(null);
  const copy = async () => {
    const how = await copyOrSelect(text, ref.current);
    dispatch({ type: 'noticeShown', message: how === 'copied' ? M.copied : M.selected });
  };
  return (
    <section className={styles.box} aria-label={M.headline} data-testid="headline">
      <Text ref={ref} className={styles.text}>{text}</Text>
      <Button size="small" onClick={() => void copy()}>{M.copy}</Button>
    </section>
  );
}
