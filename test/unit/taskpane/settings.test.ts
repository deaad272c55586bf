import { DEFAULT_RAG_POLICY } from '../../../src/engine/policy';
import { officeThemeKind } from '../../../src/taskpane/theme';
import { operationOutcome } from '../../../src/taskpane/commands';
import { fromDraft, toDraft } from '../../../src/taskpane/state/rag-draft';
import { isOverrideList, ragPolicyFromSetting } from '../../../src/taskpane/settings';
import { percentTextToFraction, poundsTextToNumber, formatPounds } from '../../../src/taskpane/format';

describe('settings read back from the workbook', () => {
  it('keeps a saved policy, fills what it leaves out, and falls back to the default when damaged', () => {
    const amber2 = { ...DEFAULT_RAG_POLICY, amberFromPercent: 0.02 };
    expect(ragPolicyFromSetting(amber2)).toEqual(amber2);
    expect(ragPolicyFromSetting({ basis: 'gross' })).toEqual({ ...DEFAULT_RAG_POLICY, basis: 'gross' });
    expect(ragPolicyFromSetting({ ...DEFAULT_RAG_POLICY, basis: 'total' })).toBe(DEFAULT_RAG_POLICY);
    expect(ragPolicyFromSetting({ ...DEFAULT_RAG_POLICY, red: { ...DEFAULT_RAG_POLICY.red, line: { money: -1, percent: 0.05, combine: 'lower' } } })).toBe(DEFAULT_RAG_POLICY);
    expect(ragPolicyFromSetting('Red')).toBe(DEFAULT_RAG_POLICY);
    expect(ragPolicyFromSetting(undefined)).toBe(DEFAULT_RAG_POLICY);
  });

  it('accepts column overrides only with a known role and a column letter', () => {
    expect(isOverrideList([{ sheet: 'Month 7', column: 'F', role: 'variance' }])).toBe(true);
    expect(isOverrideList([{ sheet: 'Month 7', column: 'F', role: 'constructor' }])).toBe(false);
    expect(isOverrideList([{ sheet: 'Month 7', column: 'f5', role: 'variance' }])).toBe(false);
    expect(isOverrideList({})).toBe(false);
  });
});

describe('en-GB money and percentages', () => {
  it('formats pounds with a £ sign and thousands separators', () => {
    expect(formatPounds(100000)).toBe('£100,000');
    expect(formatPounds(1000000)).toBe('£1,000,000');
  });
  it('reads back what the officer types', () => {
    expect(poundsTextToNumber('£250,000')).toBe(250000);
    expect(poundsTextToNumber('abc')).toBeUndefined();
    expect(poundsTextToNumber('-5')).toBeUndefined();
    expect(percentTextToFraction('5')).toBe(0.05);
    expect(percentTextToFraction('0.5%')).toBe(0.005);
    expect(percentTextToFraction('')).toBeUndefined();
  });
  it('turns a valid policy draft into a policy', () => {
    const draft = toDraft(DEFAULT_RAG_POLICY);
    expect(draft.money).toEqual({ line: '£100,000', section: '£250,000', table: '£1,000,000' });
    expect(draft.percent).toEqual({ line: '5', section: '5', table: '0.5' });
    expect(fromDraft(draft, DEFAULT_RAG_POLICY)).toEqual(DEFAULT_RAG_POLICY);
    const edited = fromDraft({ ...draft, basis: 'gross', money: { ...draft.money, line: '50,000' }, amberFrom: '2' }, DEFAULT_RAG_POLICY);
    expect(edited?.basis).toBe('gross');
    expect(edited?.red.line).toEqual({ money: 50000, percent: 0.05, combine: 'lower' });
    expect(edited?.amberFromPercent).toBe(0.02);
    expect(fromDraft({ ...draft, percent: { ...draft.percent, section: 'five' } }, DEFAULT_RAG_POLICY)).toBeUndefined();
  });
});

describe('officeThemeKind', () => {
  it('follows the Office body background', () => {
    expect(officeThemeKind('#FFFFFF')).toBe('light');
    expect(officeThemeKind('#262626')).toBe('dark');
    expect(officeThemeKind('#6E6E6E')).toBe('dark');
    expect(officeThemeKind('#E6E6E6')).toBe('light');
    expect(officeThemeKind(undefined)).toBe('light');
  });
});

describe('operationOutcome', () => {
  const plan = { title: 'Colour RAG on Month 7', edits: [] };
  it('refuses with the operation\'s own words, and puts notes in the preview', () => {
    expect(operationOutcome({ plan, notes: [], problems: ['No variance column on Month 7.', 'Choose a table.'] })).toEqual({ message: 'No variance column on Month 7. Choose a table.' });
    expect(operationOutcome({ plan, notes: ['Two new lines since Month 6.'], problems: [] })).toEqual({ plan: { ...plan, description: 'Two new lines since Month 6.' } });
    const unchanged = operationOutcome({ plan, notes: [], problems: [] });
    expect('plan' in unchanged && unchanged.plan).toBe(plan);
  });
});
