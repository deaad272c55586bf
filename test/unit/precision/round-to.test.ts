/** Figures as messages show them (roundTo's properties: round-to.property.test.ts, npm run test:slow). */
import { formatFigure } from '../../../src/engine/numbers';

describe('formatFigure', () => {
  it('formats figures below a thousand without grouping and above it with commas', () => {
    expect(formatFigure(999.9994, 3)).toBe('999.999');
    expect(formatFigure(999.9995, 3)).toBe('1,000.000');
    expect(formatFigure(-123, 0)).toBe('(123)');
    expect(formatFigure(1234567.5, 2)).toBe('1,234,567.50');
  });
});
