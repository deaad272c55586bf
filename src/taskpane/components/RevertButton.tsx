/**
 * Revert, which first says what it will take back: the last change's title and when it was
 * made, and that nothing else changes. The officer confirms or keeps it.
 */
import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, DialogTrigger } from '@fluentui/react-components';
import { useState } from 'react';
import { UI } from '../messages';
import type { AppliedPlanSummary } from '../../host/host';

/** "at 10:32 today" or "on 3 December at 10:32", in the officer's own time zone. */
export function appliedWhen(appliedAt: string, now: Date = new Date()): string {
  const at = new Date(appliedAt);
  if (Number.isNaN(at.getTime())) return '';
  const time = at.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });
  if (at.toDateString() === now.toDateString()) return `at ${time} today`;
  return `on ${at.toLocaleDateString('en-GB', { day: 'numeric', month: 'long' })} at ${time}`;
}

export function RevertButton({ last, busy, onRevert }: { last: AppliedPlanSummary | undefined; busy: boolean; onRevert: () => void }) {
  const [open, setOpen] = useState(false);
  return (
    <Dialog open={open} onOpenChange={(_e, data) => setOpen(data.open)}>
      <DialogTrigger disableButtonEnhancement>
        <Button data-focus="revert" disabled={busy || last === undefined}>{UI.revert}</Button>
      </DialogTrigger>
      <DialogSurface aria-describedby="revert-confirm-body">
        <DialogBody>
          <DialogTitle>{last ? UI.revertConfirm.title(last.title) : UI.revert}</DialogTitle>
          <DialogContent id="revert-confirm-body" data-testid="revert-confirm">{last ? UI.revertConfirm.body(appliedWhen(last.appliedAt)) : ''}</DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={() => { setOpen(false); onRevert(); }}>{UI.revertConfirm.confirm}</Button>
            <DialogTrigger disableButtonEnhancement>
              <Button>{UI.revertConfirm.cancel}</Button>
            </DialogTrigger>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
