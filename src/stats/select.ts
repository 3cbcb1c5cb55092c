/**
 * Rearranges `values[from..to)` so that `values[k]` holds the value an ascending sort would put
 * there, with nothing larger before it and nothing smaller after it (Hoare's quickselect,
 * median-of-three pivots). Expected O(to − from); a range whose partitions keep coming out
 * lopsided is sorted instead, so the worst case stays O(m log m). Percentile intervals need two
 * or four order statistics of 10,000 replicates, where a full sort costs ten times as much.
 *
 * @throws {RangeError} when `k` is outside [from, to) or the range is outside the array.
 * @example
 * const values = Float64Array.of(5, 1, 4, 2, 3);
 * selectInPlace(values, 1); // values[1] === 2
 */
export function selectInPlace(values: Float64Array, k: number, from = 0, to = values.length): void {
  if (!(
    Number.isInteger(from) &&
    Number.isInteger(to) &&
    from >= 0 &&
    to <= values.length &&
    Number.isInteger(k) &&
    k >= from &&
    k < to
  )) {
    throw new RangeError(`Expected ${String(from)} <= k = ${String(k)} < ${String(to)} <= ${values.length}.`);
  }
  let left = from;
  let right = to - 1;
  let budget = 2 * (32 - Math.clz32(to - from)) + 8;
  while (right > left) {
    if (budget-- === 0) {
      values.subarray(left, right + 1).sort();
      return;
    }
    const middle = (left + right) >>> 1;
    // Order left ≤ middle ≤ right: the two ends then stop both scans without bounds checks.
    if (values[middle]! < values[left]!) swap(values, middle, left);
    if (values[right]! < values[left]!) swap(values, right, left);
    if (values[right]! < values[middle]!) swap(values, right, middle);
    const pivot = values[middle]!;
    let i = left;
    let j = right;
    while (i <= j) {
      while (values[i]! < pivot) i++;
      while (values[j]! > pivot) j--;
      if (i <= j) {
        swap(values, i, j);
        i++;
        j--;
      }
    }
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else return;
  }
}

function swap(values: Float64Array, i: number, j: number): void {
  const t = values[i]!;
  values[i] = values[j]!;
  values[j] = t;
}
