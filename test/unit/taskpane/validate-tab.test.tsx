/** The Validate tab as rendered: one card per root, the evidence line, consequences under their root. */
import { renderToStaticMarkup } from 'react-dom/server';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import type { Finding } from '../../../src/engine/findings';
import { ValidateTab } from '../../../src/taskpane/components/ValidateTab';
import type { PaneCommands } from '../../../src/taskpane/commands';
import { findingKey, initialPaneState, type PaneState } from '../../../src/taskpane/state/reducer';

const byB16 = { rule: 'total-sum', sheet: 'Month 7', cell: 'B16' } as const;
const b16: Finding = {
  rule: 'total-sum', severity: 'error', sheet: 'Month 7', cell: 'B16', message: 'Sub total B16 is 115.000 but its lines add up to 115.076 (£m)', expected: 115.076, actual: 115,
  evidence: { covers: 'B5:B15', confirmedBy: [{ kind: 'otherColumns', cells: 'C16:K16' }], summary: 'B16 should add B5:B15, as C16:K16 do' },
};
const d16: Finding = { rule: 'net-budget', severity: 'error', sheet: 'Month 7', cell: 'D16', message: 'Net budget D16 is off', expected: 98.43, actual: 98.506, causedBy: byB16 };
const d37: Finding = { rule: 'net-budget', severity: 'error', sheet: 'Month 7', cell: 'D37', message: 'Net budget D37 is off', expected: 142.751, actual: 142.827, causedBy: byB16 };

function render(state: PaneState): string {
  return renderToStaticMarkup(
    <FluentProvider theme={webLightTheme}>
      <ValidateTab state={state} commands={{} as PaneCommands} dispatch={() => undefined} />
    </FluentProvider>,
  );
}

const text = (html: string) => html.replace(/<[^>]+>/g, '\u0001').split('\u0001').map((t) => t.trim()).filter(Boolean);

describe('ValidateTab', () => {
  it('shows one card for the root, its evidence line and how many findings follow from it, the list closed', () => {
    const html = render({ ...initialPaneState, findings: [b16, d16, d37] });
    expect(html.match(/data-testid="finding"/g)).toHaveLength(1);
    expect(text(html)).toEqual(expect.arrayContaining(['1 error, 0 warnings, 0 notes', 'Because B16 should add B5:B15, as C16:K16 do', 'Also explained by this fault: 2']));
    expect(html).toContain('aria-expanded="false"');
    expect(html).not.toContain('data-testid="consequence"');
  });

  it('lists the consequences, each going to its cell, once opened', () => {
    const html = render({ ...initialPaneState, findings: [b16, d16, d37], openConsequences: [findingKey(b16)] });
    expect(html).toContain('aria-expanded="true"');
    expect([...html.matchAll(/data-testid="consequence" data-cell="([^"]+)"/g)].map((m) => m[1])).toEqual(['Month 7!D16', 'Month 7!D37']);
    expect(html).toContain('aria-label="Go to Month 7!D37"');
    expect(text(html)).toEqual(expect.arrayContaining(['Net budget D16 is off', 'Net budget D37 is off']));
  });

  it('shows no evidence line for a finding without evidence', () => {
    const { causedBy: _root, ...alone } = d16;
    const html = render({ ...initialPaneState, findings: [alone] });
    expect(html).not.toContain('data-testid="evidence"');
    expect(html).not.toContain('Also explained');
  });

  it('says why a finding matters, in one line under its message', () => {
    const html = render({ ...initialPaneState, findings: [b16, d16, d37] });
    expect([...html.matchAll(/data-testid="why"[^>]*>([^<]+)</g)].map((m) => m[1])).toEqual(['A total that does not equal its lines misstates the position reported.']);
  });

  it('shows many findings of one kind as one entry with Fix all, Show cells and Ignore this kind', () => {
    const typed = ['B7', 'B8', 'B9', 'B10', 'B11'].map((cell): Finding => ({
      rule: 'total-formula', severity: 'warning', sheet: 'Month 7', cell, message: `Sub total ${cell} is typed`, expected: null, actual: null,
      fix: { title: `Make ${cell} a formula`, edits: [] },
    }));
    const html = render({ ...initialPaneState, findings: typed });
    expect(html.match(/data-testid="finding-kind"/g)).toHaveLength(1);
    expect(html).not.toContain('data-testid="finding"');
    expect(text(html)).toEqual(expect.arrayContaining(['5 totals are typed numbers, not formulas', 'A typed total does not follow its lines when they change.', 'Fix all 5 of this kind…', 'Show 5 cells', 'Ignore this kind']));
    const opened = render({ ...initialPaneState, findings: typed, openKinds: ['Month 7\u0000warning\u0000total-formula'] });
    expect([...opened.matchAll(/data-testid="finding" data-cell="([^"]+)"/g)].map((m) => m[1])).toEqual(['Month 7!B7', 'Month 7!B8', 'Month 7!B9', 'Month 7!B10', 'Month 7!B11']);
    expect(text(opened)).toContain('Hide cells');
  });

  it('never shows Ready to submit over changed figures', () => {
    const html = render({ ...initialPaneState, findings: [], stale: true });
    expect(text(html)).toContain('Figures changed since you validated. Checking again…');
    expect(html).not.toContain('Ready to submit');
    expect(render({ ...initialPaneState, findings: [] })).toContain('Ready to submit');
  });

  it('leaves an ignored kind out of the list and the counts, and lists it to check again', () => {
    const html = render({ ...initialPaneState, findings: [b16, d16, d37], ignored: ['total-sum'] });
    expect(html).not.toContain('data-testid="finding"');
    expect(text(html)).toEqual(expect.arrayContaining(['Ready to submit', 'Ignored in this workbook', 'Totals that do not add up (1 finding)', 'Check again']));
    expect(text(html).join(' ')).toContain('1 kind of finding ignored in this workbook.');
  });

  it('shows the headline with a Copy button above the summary', () => {
    const html = render({ ...initialPaneState, findings: [b16], headline: '2024/25 net budget £142.827m, forecasting an overspend of £8.380m' });
    const words = text(html);
    expect(words.indexOf('2024/25 net budget £142.827m, forecasting an overspend of £8.380m')).toBeGreaterThan(-1);
    expect(words[words.indexOf('2024/25 net budget £142.827m, forecasting an overspend of £8.380m') + 1]).toBe('Copy');
    expect(render({ ...initialPaneState, findings: [b16] })).not.toContain('data-testid="headline"');
  });
});
