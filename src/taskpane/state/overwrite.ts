/**
 * Which of the officer's cells a plan may overwrite. Hosts refuse to overwrite officer data
 * unless told; the pane tells them only for plans the officer has previewed and accepted
 * that are meant to replace figures (a fix, computed movement, RAG words), never trackers.
 */
import type { EditPlan } from '../../engine';
import type { QualifiedRange } from '../../host/host';

export function writtenRanges(plan: EditPlan): QualifiedRange[] {
  const out: QualifiedRange[] = [];
  for (const edit of plan.edits) {
    if (edit.kind === 'setValues' || edit.kind === 'setFormulas') out.push({ sheet: edit.sheet, range: edit.range });
  }
  return out;
}
