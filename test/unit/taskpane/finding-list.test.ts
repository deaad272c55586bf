/** What the Validate tab lists: ignored kinds left out, filters, many of a kind as one entry. */
import type { Finding } from '../../../src/engine/findings';
import { findingSheets, kindKey, listSections, withoutIgnored } from '../../../src/taskpane/state/finding-list';
import { initialPaneState } from '../../../src/taskpane/state/reducer';

const f = (rule: string, sheet: string, cell: string, severity: Finding['severity'] = 'error', extra: Partial<Finding> = {}): Finding =>
  ({ rule, severity, sheet, cell, message: `${rule} at ${cell}`, expected: null, actual: null, ...extra });

const typed = ['B7', 'B8', 'B9', 'B10'].map((c) => f('total-formula', 'Month 7', c, 'warning'));
const sum = f('total-sum', 'Month 7', 'B16');
const net = f('net-budget', 'Month 7', 'D16', 'error', { causedBy: { rule: 'total-sum', sheet: 'Month 7', cell: 'B16' } });
const other = f('variance', 'Month 6', 'F5');
const all = [sum, net, ...typed, other];
const everything = initialPaneState.filter;

describe('listSections', () => {
  it('shows four or more findings of one kind in a group as one entry, where the first of them stood', () => {
    const sections = listSections(all, everything);
    expect(sections.map((s) => [s.sheet, s.severity, s.entries.map((e) => (e.type === 'kind' ? `${e.rule}×${e.cards.length}` : e.card.finding.cell))])).toEqual([
      ['Month 7', 'error', ['B16']],
      ['Month 7', 'warning', ['total-formula×4']],
      ['Month 6', 'error', ['F5']],
    ]);
    const kind = sections[1]!.entries[0]!;
    expect(kind.type === 'kind' && kind.key).toBe(kindKey('Month 7', 'warning', 'total-formula'));
  });

  it('keeps three of a kind as cards', () => {
    const sections = listSections([...typed.slice(0, 3)], everything);
    expect(sections[0]!.entries.map((e) => e.type)).toEqual(['card', 'card', 'card']);
  });

  it('filters by severity and by sheet; the consequence stays under its root', () => {
    expect(listSections(all, { severity: 'warning', sheet: 'all' }).map((s) => `${s.sheet} ${s.severity}`)).toEqual(['Month 7 warning']);
    const m6 = listSections(all, { severity: 'all', sheet: 'Month 6' });
    expect(m6.map((s) => `${s.sheet} ${s.severity}`)).toEqual(['Month 6 error']);
    const m7errors = listSections(all, { severity: 'error', sheet: 'Month 7' });
    expect(m7errors[0]!.entries).toEqual([{ type: 'card', card: { finding: sum, consequences: [net] } }]);
  });
});

describe('withoutIgnored', () => {
  it('leaves out the ignored kind and what its fault explains, and nothing else', () => {
    expect(withoutIgnored(all, ['total-sum'])).toEqual([...typed, other]);
    expect(withoutIgnored(all, ['total-formula'])).toEqual([sum, net, other]);
    expect(withoutIgnored(all, [])).toEqual(all);
  });
});

describe('findingSheets', () => {
  it('lists the sheets of root findings in order', () => {
    expect(findingSheets(all)).toEqual(['Month 7', 'Month 6']);
  });
});
