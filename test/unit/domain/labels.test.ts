import { labelSimilarity, matchLabels, normaliseLabel } from '../../../src/engine/domain/labels';

describe('normaliseLabel', () => {
  it('ignores case, "&" versus "and", punctuation and spacing', () => {
    expect(normaliseLabel('  Partnership, Audit & Quality ')).toBe('partnership audit and quality');
    expect(normaliseLabel("Children's  Services")).toBe('childrens services');
  });
});

describe('labelSimilarity', () => {
  it('scores a word added to a line highly, and sibling lines low', () => {
    expect(labelSimilarity('Special Educational Needs and Disabilities', 'Special Educational Needs & Disabilities (SEND)')).toBeCloseTo(0.8);
    expect(labelSimilarity('Fieldwork East', 'Fieldwork West')).toBeCloseTo(1 / 3);
    expect(labelSimilarity('CLA East', 'CLA West')).toBeCloseTo(1 / 3);
  });
  it('forgives a one-letter typo in a long word only', () => {
    expect(labelSimilarity('Fostering and Permanence', 'Fostering and Permanance')).toBe(1);
    expect(labelSimilarity('Team East', 'Team Easy')).toBeCloseTo(1 / 3);
  });
});

describe('matchLabels', () => {
  const current = [
    { label: 'Prevention Services', group: 'Children & Families' },
    { label: 'Special Educational Needs & Disabilities (SEND)', group: 'Education' },
    { label: 'Fieldwork East', group: 'Children & Families' },
    { label: 'Brand New Line', group: 'Education' },
    { label: 'sub total', group: 'Education' },
  ];
  const previous = [
    { label: 'Special Educational Needs and Disabilities', group: 'Education' },
    { label: 'Prevention services', group: 'Children and Families' },
    { label: 'Fieldwork West', group: 'Children & Families' },
    { label: 'sub total', group: 'Children & Families' },
    { label: 'sub total', group: 'Education' },
  ];
  const result = matchLabels(current, previous);

  it('pairs exact labels (by section first) and renamed ones, and reports the rest', () => {
    expect(result.matches).toEqual([
      { current: 0, previous: 1, how: 'exact', score: 1 },
      { current: 1, previous: 0, how: 'similar', score: 0.8 },
      { current: 4, previous: 4, how: 'exact', score: 1 },
    ]);
    expect(result.added).toEqual([2, 3]);
    expect(result.removed).toEqual([2, 3]);
  });

  it('does not guess between two equally good candidates', () => {
    const r = matchLabels([{ label: 'Team Support Services' }], [{ label: 'Team Support North' }, { label: 'Team Support South' }]);
    expect(r.matches).toEqual([]);
    expect(r.removed).toEqual([0, 1]);
  });

  it('leaves a label repeated without sections unmatched rather than pairing by luck', () => {
    const r = matchLabels([{ label: 'sub total' }, { label: 'sub total' }], [{ label: 'sub total' }]);
    expect(r.matches).toEqual([]);
  });
});
