import { describe, expect, it } from 'vitest';
import { selectInPlace } from '../../src/stats/select.ts';
import { createRng } from '../../src/stats/rng.ts';

// Every rank of arrays with many ties (a lattice, like binary bootstrap replicates), with no ties,
// already sorted, reversed and constant: the value there must be the sorted array's, with nothing
// larger before it and nothing smaller after it.
function shapes(): [string, Float64Array][] {
  const rng = createRng(41);
  return [
    ['lattice of 7 values', Float64Array.from({ length: 301 }, () => rng.nextInt(7) - 3)],
    ['distinct values', Float64Array.from({ length: 257 }, () => rng.nextFloat() - 0.5)],
    ['ascending', Float64Array.from({ length: 100 }, (_, i) => i)],
    ['descending', Float64Array.from({ length: 100 }, (_, i) => -i)],
    ['constant', new Float64Array(64).fill(2)],
    ['infinities', Float64Array.of(3, Number.POSITIVE_INFINITY, -1, Number.NEGATIVE_INFINITY, 0, 3)],
    ['one value', Float64Array.of(5)],
  ];
}

describe('selectInPlace', () => {
  it.each(shapes())('puts every rank where a sort would (%s)', (_name, values) => {
    const sorted = values.toSorted();
    for (let k = 0; k < values.length; k++) {
      const work = values.slice();
      selectInPlace(work, k);
      expect(work[k]).toBe(sorted[k]);
      // Positions on the wrong side of rank k, as one assertion per rank.
      const misplaced = Array.from(work.keys()).filter(
        (i) => (i < k && !(work[i]! <= work[k]!)) || (i > k && !(work[i]! >= work[k]!)),
      );
      expect(misplaced, `rank ${k}`).toEqual([]);
      expect(work.toSorted()).toEqual(sorted);
    }
  });

  it('selects within a range and leaves the rest alone', () => {
    const values = Float64Array.of(9, 8, 7, 6, 5, 4, 3, 2, 1, 0);
    selectInPlace(values, 5, 3, 8);
    expect(Array.from(values.subarray(0, 3))).toEqual([9, 8, 7]);
    expect(Array.from(values.subarray(8))).toEqual([1, 0]);
    expect(values[5]).toBe(4);
  });

  it('is right on an organ-pipe input, where median-of-three pivots are poor', () => {
    // Organ-pipe shape: median-of-three picks poor pivots; the result must still be right.
    const n = 4097;
    const values = Float64Array.from({ length: n }, (_, i) => (i < n / 2 ? i : n - i));
    const sorted = values.toSorted();
    for (const k of [0, 1, 1000, 2048, 4000, n - 1]) {
      const work = values.slice();
      selectInPlace(work, k);
      expect(work[k]).toBe(sorted[k]);
    }
  });

  it.each([
    [-1, 0, 3],
    [3, 0, 3],
    [1, 2, 3],
    [0.5, 0, 3],
    [1, 0, 4],
  ])('rejects k = %s in [%s, %s)', (k, from, to) => {
    expect(() => selectInPlace(Float64Array.of(1, 2, 3), k, from, to)).toThrow(RangeError);
  });
});
