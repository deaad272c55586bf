/** The fixes findings offer, as plans: one each (the CLI applies them in turn) or merged ("Fix all"). */
import type { Finding } from './findings';
import { operationRunMessages as msg } from './messages/operation-runs';
import { mergePlans, type EditPlan } from './plan';

/** Each finding's fix once: two rules may offer the same edits for one cell. */
export function fixesOf(findings: readonly Finding[]): EditPlan[] {
  const seen = new Set<string>();
  const plans: EditPlan[] = [];
  for (const f of findings) {
    if (!f.fix) continue;
    const key = JSON.stringify(f.fix.edits);
    if (seen.has(key)) continue;
    seen.add(key);
    plans.push(f.fix);
  }
  return plans;
}

/** The findings' fixes as one plan to preview and apply together; undefined when none has a fix. */
export function fixPlan(findings: readonly Finding[]): EditPlan | undefined {
  const plans = fixesOf(findings);
  if (plans.length <= 1) return plans[0];
  return mergePlans(msg.fixesTitle(plans[0]!.title, plans.length - 1), plans);
}
