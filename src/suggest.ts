/**
 * The one did-you-mean of kaizen-gate: evidence fields, manifest and policy keys, and command-line
 * flags all suggest a correction the same way.
 */

/**
 * The known name a typo most likely meant, or undefined when none is close. Case is ignored, and
 * a swap of two neighbouring letters counts as one edit (`scroe` → `score`). A short name allows
 * one edit, a longer one two, a long one three: `id` must not suggest `x`.
 */
export function closestName(name: string, known: Iterable<string>): string | undefined {
  const wanted = name.toLowerCase();
  const allowed = wanted.length <= 4 ? 1 : wanted.length <= 8 ? 2 : 3;
  let best: string | undefined;
  let bestDistance = allowed + 1;
  for (const candidate of known) {
    const lower = candidate.toLowerCase();
    if (lower === wanted) return candidate;
    if (Math.abs(lower.length - wanted.length) >= bestDistance) continue;
    const distance = editDistance(wanted, lower, bestDistance);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/** ` (did you mean "x"?)` for the closest known name, or '' when none is close; `quote` wraps the name. */
export function didYouMean(
  name: string,
  known: Iterable<string>,
  quote: (name: string) => string = (n) => `"${n}"`,
): string {
  const best = closestName(name, known);
  return best === undefined ? '' : ` (did you mean ${quote(best)}?)`;
}

/**
 * Optimal string alignment distance (Levenshtein plus adjacent transpositions). Stops early once
 * every entry of a row reaches `limit`, since the caller only cares about closer names.
 */
function editDistance(a: string, b: string, limit: number): number {
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, before[j - 2]! + 1);
      current.push(value);
      if (value < rowMin) rowMin = value;
    }
    if (rowMin >= limit) return limit;
    before = previous;
    previous = current;
  }
  return previous[b.length]!;
}
