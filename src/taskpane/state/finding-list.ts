/**
 * What the Validate tab lists: the findings less the kinds the officer ignores, narrowed by
 * the severity and sheet filters, in groups by sheet and severity, where many findings of one
 * kind become one entry ("1,174 totals are typed numbers, not formulas") rather than a wall.
 */
import type { Finding, Severity } from '../../engine';
import { findingKey, groupFindings, type FindingCard, type FindingFilter } from './reducer';

/** From this many findings of one kind in a group, they are shown as one entry. */
export const MANY_OF_A_KIND = 4;

export type ListEntry =
  | { readonly type: 'card'; readonly card: FindingCard }
  | { readonly type: 'kind'; readonly key: string; readonly rule: string; readonly cards: readonly FindingCard[] };

export interface ListSection {
  readonly sheet: string;
  readonly severity: Severity;
  readonly entries: readonly ListEntry[];
}

/**
 * The findings less the ignored kinds. What an ignored finding's fault explains goes with it:
 * those consequences were only ever shown under it.
 */
export function withoutIgnored(findings: readonly Finding[], ignored: readonly string[]): Finding[] {
  if (ignored.length === 0) return [...findings];
  const hidden = new Set(ignored);
  const hiddenRoots = new Set(findings.filter((f) => hidden.has(f.rule) && !f.causedBy).map(findingKey));
  return findings.filter((f) => !hidden.has(f.rule) && !(f.causedBy && hiddenRoots.has(findingKey(f.causedBy))));
}

/** Whether a root finding passes the filters (its consequences go where it goes). */
function passes(finding: Finding, filter: FindingFilter): boolean {
  return (filter.severity === 'all' || finding.severity === filter.severity) && (filter.sheet === 'all' || finding.sheet === filter.sheet);
}

/** A kind's entry is told apart by sheet, severity and rule, so "Show cells" opens only it. */
export function kindKey(sheet: string, severity: Severity, rule: string): string {
  return `${sheet}\u0000${severity}\u0000${rule}`;
}

export function listSections(findings: readonly Finding[], filter: FindingFilter): ListSection[] {
  return groupFindings(findings)
    .filter((g) => (filter.sheet === 'all' || g.sheet === filter.sheet) && (filter.severity === 'all' || g.severity === filter.severity))
    .map((group) => {
      const cards = group.cards.filter((c) => passes(c.finding, filter));
      const byRule = new Map<string, FindingCard[]>();
      for (const card of cards) byRule.set(card.finding.rule, [...(byRule.get(card.finding.rule) ?? []), card]);
      const entries: ListEntry[] = [];
      const placed = new Set<string>();
      // Each kind's entry stands where its first finding stood, so the order still reads top down.
      for (const card of cards) {
        const rule = card.finding.rule;
        const same = byRule.get(rule)!;
        if (same.length < MANY_OF_A_KIND) entries.push({ type: 'card', card });
        else if (!placed.has(rule)) {
          placed.add(rule);
          entries.push({ type: 'kind', key: kindKey(group.sheet, group.severity, rule), rule, cards: same });
        }
      }
      return { sheet: group.sheet, severity: group.severity, entries };
    })
    .filter((s) => s.entries.length > 0);
}

/** The sheets with findings, in the order they are listed, for the sheet filter. */
export function findingSheets(findings: readonly Finding[]): string[] {
  return [...new Set(findings.filter((f) => !f.causedBy).map((f) => f.sheet))];
}
