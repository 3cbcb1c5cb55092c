import { describe, expect, it } from 'vitest';
import { adjustWeightedHolm, estimateCasesNeeded } from '../../src/gates/family.ts';
import { holmAdjust } from '../../src/stats/holm.ts';

describe('adjustWeightedHolm', () => {
  it.each<[string, number[]]>([
    ['three', [0.01, 0.04, 0.03]],
    ['ties and ones', [0.2, 0.2, 1, 0.001, 0.5]],
    ['one', [0.03]],
  ])('equals plain Holm with equal weights (%s)', (_name, p) => {
    const adjusted = adjustWeightedHolm(p, p.map(() => 1 / p.length));
    const plain = holmAdjust(p);
    adjusted.forEach((value, i) => expect(value).toBeCloseTo(plain[i]!, 12));
  });

  it.each<[string, number[], number[], number[]]>([
    // p/w = 0.04, 0.04, 0.16; the first two tie and are taken in input order:
    // 0.04·1, 0.04·0.5 → 0.04 (running max), 0.16·0.25 = 0.04.
    ['half the weight on the first', [0.02, 0.01, 0.04], [0.5, 0.25, 0.25], [0.04, 0.04, 0.04]],
    // A reserved half: the critical test alone at p = 0.0195 is compared with α/2.
    ['critical test with half of alpha', [0.5, 0.3, 0.01953125], [0.25, 0.25, 0.5], [0.6, 0.6, 0.0390625]],
    ['capped at 1', [0.9, 0.8], [0.5, 0.5], [1, 1]],
  ])('%s', (_name, p, w, expected) => {
    const adjusted = adjustWeightedHolm(p, w);
    adjusted.forEach((value, i) => expect(value).toBeCloseTo(expected[i]!, 12));
  });

  it('rejects bad input', () => {
    expect(() => adjustWeightedHolm([0.1], [0.5, 0.5])).toThrow(RangeError);
    expect(() => adjustWeightedHolm([1.2], [1])).toThrow(/pValues\[0\]/);
    expect(() => adjustWeightedHolm([0.1], [0])).toThrow(/weights\[0\]/);
  });
});

describe('estimateCasesNeeded', () => {
  it.each<[string, Parameters<typeof estimateCasesNeeded>, number]>([
    // se 1 pp at n = 100; to put 1 pp at 1.96 se, se must shrink to 0.5102: n = 100·1.96² = 385.
    ['scales with the square of z·se/distance', [{ estimate: -1, standardError: 1, sd: 10, n: 100 }, 1, 1.96], 385],
    ['never fewer than n + 1', [{ estimate: -1, standardError: 0.1, sd: 1, n: 100 }, 1, 1.96], 101],
    ['falls back to sd/√n without a bootstrap SE', [{ estimate: -1, standardError: Number.NaN, sd: 10, n: 100 }, 1, 1.96], 385],
    ['caps a distance of zero', [{ estimate: -2, standardError: 1, sd: 10, n: 100 }, 0, 1.96], 1_000_000],
    ['caps huge answers', [{ estimate: -1.99, standardError: 1, sd: 10, n: 100 }, 0.01, 1.96], 1_000_000],
  ])('%s', (_name, args, expected) => {
    expect(estimateCasesNeeded(...args)).toBe(expected);
  });
});
