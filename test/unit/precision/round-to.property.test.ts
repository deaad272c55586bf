/**
 * roundTo skips trimming to 15 significant digits when the value is not near a half (the
 * trim cannot change the result there). These properties hold it to its definition: trim
 * first, then round half away from zero, on values built to sit at and beside halves.
 */
import fc from 'fast-check';
import { roundTo } from '../../../src/engine/numbers';

/** The definition, always trimming: what Excel's ROUND does with a stored double. */
function roundByDefinition(value: number, decimals: number): number {
  const f = 10 ** decimals;
  const scaled = Number((Math.abs(value) * f).toPrecision(15));
  const rounded = (Math.sign(value) * Math.round(scaled)) / f;
  return rounded === 0 ? 0 : rounded;
}

const decimals = fc.integer({ min: 0, max: 6 });
const sign = fc.constantFrom(1, -1);

describe('roundTo', () => {
  it('agrees with trim-then-round on exact halves and their binary neighbours (1.0005, 2.675, …)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_999_999 }), decimals, sign, fc.integer({ min: -2, max: 2 }), (k, d, s, nudge) => {
        // k + 0.5 units of the last decimal, stepped a few doubles either side.
        let value = ((k + 0.5) / 10 ** d) * s;
        for (let i = 0; i < Math.abs(nudge); i++) value = nextDouble(value, nudge > 0);
        expect(Object.is(roundTo(value, d), roundByDefinition(value, d))).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('agrees with trim-then-round on arbitrary doubles, including non-finite ones', () => {
    fc.assert(
      fc.property(fc.double(), decimals, (value, d) => {
        expect(Object.is(roundTo(value, d), roundByDefinition(value, d))).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});

/** The adjacent double above (up) or below a value. */
function nextDouble(x: number, up: boolean): number {
  if (x === 0) return up ? Number.MIN_VALUE : -Number.MIN_VALUE;
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  view.setBigUint64(0, (x > 0) === up ? bits + 1n : bits - 1n);
  return view.getFloat64(0);
}
