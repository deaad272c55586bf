/**
 * How the add-in recognises its own conditional formats in a saved file. Neither the
 * xlsx format nor Office.js gives a rule a free-form name, so the tag travels inside the
 * rule's own formula as an always-true term:
 *
 *     AND(ISTEXT("budget-monitor:rag@A3"),<the rule's condition>)
 *
 * It survives saving in Excel, copying the sheet and reading with any library, it never
 * changes when the rule fires, and an officer's rule can never carry it by accident.
 * Removing "the add-in's rules with tag T" removes exactly the rules whose formula carries
 * T's marker; every other rule is the officer's and is left alone.
 *
 * Tags from src/engine/operations already start with `budget-monitor:` (TAG_PREFIX); a
 * tag without it gets it, so every marker is recognisable.
 */

const PREFIX = 'budget-monitor:';
const MARKER_RE = /^\s*=?\s*AND\(ISTEXT\("(budget-monitor:(?:[^"]|"")*)"\),/i;

/** The text stored in the formula for a tag. */
export function markerOfTag(tag: string): string {
  return tag.startsWith(PREFIX) ? tag : PREFIX + tag;
}

/** Wraps a condition (with or without its leading `=`) so that it carries the tag; returns it without `=`. */
export function tagFormula(tag: string, condition: string): string {
  const body = condition.trim().replace(/^=/, '');
  return `AND(ISTEXT("${markerOfTag(tag).replace(/"/g, '""')}"),${body})`;
}

/** The marker a rule's formula carries (`budget-monitor:…`), or undefined for an officer's own rule. */
export function markerOfFormula(formula: string | undefined): string | undefined {
  if (!formula) return undefined;
  const m = MARKER_RE.exec(formula);
  return m ? m[1]!.replace(/""/g, '"') : undefined;
}

/** True when the rule's formula carries this tag. */
export function formulaHasTag(formula: string | undefined, tag: string): boolean {
  return markerOfFormula(formula) === markerOfTag(tag);
}

/** The condition inside a tagged formula (without `=`), for showing or comparing. */
export function untagFormula(formula: string): string {
  const m = MARKER_RE.exec(formula);
  if (!m) return formula.replace(/^=/, '');
  const rest = formula.slice(m[0].length);
  return rest.endsWith(')') ? rest.slice(0, -1) : rest;
}
