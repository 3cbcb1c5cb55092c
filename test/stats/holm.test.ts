import { describe, expect, it } from 'vitest';
import { weightedHolm } from '../../src/stats/holm.ts';
import { readFixture } from './fixtures.ts';

const { cases } = readFixture<{ cases: { pValues: number[]; adjusted: number[] }[] }>('holm.json');

const byP = (p: readonly number[], w?: readonly number[]) =>
  p.map((x, i) => ({ weight: w?.[i] ?? 1, rejectsAt: (level: number) => x <= level }));

describe('weightedHolm', () => {
  // statsmodels' Holm-adjusted p-values say what Holm rejects at any α: exactly those adjusted <= α.
  // Checked at α between consecutive adjusted values (at a value itself rounding decides).
  it.each(cases.filter((c) => c.pValues.length > 0))(
    'rejects what statsmodels Holm rejects, at every α, for $pValues',
    ({ pValues, adjusted }) => {
      const steps = [0, ...new Set(adjusted), 1].toSorted((a, b) => a - b);
      const alphas = steps
        .slice(1)
        .map((a, i) => (a + steps[i]!) / 2)
        .filter((a) => a > 0 && a < 1);
      for (const alpha of alphas) {
        const { rejected } = weightedHolm(byP(pValues), alpha);
        expect(rejected).toEqual(adjusted.map((a) => a <= alpha));
      }
    },
  );

  it.each<[string, number[], number[], number, boolean[]]>([
    // Half the weight on the first: its level is α/2 = 0.025, the others 0.0125 each.
    ['a reserved half of α', [0.02, 0.01, 0.04], [0.5, 0.25, 0.25], 0.05, [true, true, true]],
    // 0.02 <= 0.025 rejects; then 0.01 is tested at 0.05·0.25/0.5 = 0.025, then 0.04 at 0.05.
    ['weight handed on after a rejection', [0.02, 0.03, 0.05], [0.5, 0.25, 0.25], 0.05, [true, false, false]],
    ['nothing below its level', [0.5, 0.3, 0.02], [0.25, 0.25, 0.5], 0.03, [false, false, false]],
  ])('%s', (_name, p, w, alpha, expected) => {
    expect(weightedHolm(byP(p, w), alpha).rejected).toEqual(expected);
  });

  it('reports the level each hypothesis was last tested at', () => {
    const { levels } = weightedHolm(byP([0.001, 0.5, 0.5], [2, 1, 1]), 0.04);
    // Round 1: 0.02, 0.01, 0.01; the first is rejected; round 2: 0.02 each, nothing more.
    expect(levels).toEqual([0.02, 0.02, 0.02]);
  });

  it('needs no p-value: a test only says whether it rejects at a level', () => {
    let asked = 0;
    const bound = { weight: 1, rejectsAt: (level: number) => (asked++, level >= 0.02) };
    expect(weightedHolm([bound, ...byP([0.001])], 0.05).rejected).toEqual([true, true]);
    expect(asked).toBeGreaterThan(0);
  });

  it('rejects bad weights and levels', () => {
    expect(() => weightedHolm(byP([0.1], [0]), 0.05)).toThrow(/weights\[0\]/);
    expect(() => weightedHolm(byP([0.1]), 0)).toThrow(RangeError);
  });
});
