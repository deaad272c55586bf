/**
 * How the add-in recognises its own conditional formats in a saved file. Neither the
 * xlsx format nor Office.js gives a rule a free-form name, so the tag travels inside the
 * rule's own formula as an always-true term:
 *
 *     AND(ISTEXT("budget-monitor:rag-variance"),<the rule's condition>)
 *
 * It survives saving in Excel, copying the sheet and reading with any library, it never
 * changes when the rule fires, and an officer's rule can never carry it by accident.
 * Removing "the add-in's rules with tag T" means removing exactly the rules whose formula
 * carries this marker for T; every other rule is the officer's and is left alone.
 */

const PREFIX = 'budget-monitor:';
const MARKER_RE = /^\s*=?\s*AND\(ISTEXT\("budget-monitor:((?:[^"]|"")*)"\),/i;

function excelString(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/** Wraps a condition (with or without its leading `=`) so that it carries the tag; returns it without `=`. */
export function tagFormula(tag: string, condition: string): string {
  const body = condition.trim().replace(/^=/, '');
  return `AND(ISTEXT(${excelString(PREFIX + tag)}),${body})`;
}

/** The tag a rule's formula carries, or undefined for an officer's own rule. */
export function tagOfFormula(formula: string | undefined): string | undefined {
  if (!formula) return undefined;
  const m = MARKER_RE.exec(formula);
  return m ? m[1]!.replace(/""/g, '"') : undefined;
}

/** The condition inside a tagged formula (without `=`), for showing or comparing. */
export function untagFormula(formula: string): string {
  const m = MARKER_RE.exec(formula);
  if (!m) return formula.replace(/^=/, '');
  const rest = formula.slice(m[0].length);
  return rest.endsWith(')') ? rest.slice(0, -1) : rest;
}
