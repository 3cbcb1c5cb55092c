import type { PairedCase } from '../evidence/pair.ts';
import type { Problem } from '../problem.ts';
import type { PairedCounts } from '../stats/paired-score.ts';
import { formatCount } from './format.ts';
import type { ClusterIndex } from './paired.ts';
import { indexClusters, subsetClusters } from './paired.ts';
import type { EffectivePolicy } from './policy.ts';

// The golden cases of the quality gate: which the metric can use, and one pass that splits them by
// category into what the inference needs (counts, or deltas and clusters).

/** How many located problems about missing scores are listed before a summary line. */
const LISTED_PROBLEMS = 20;
const FIX = '(or set quality.missing_score to skip or use_pass)';

function hasBothScores(c: PairedCase): boolean {
  return c.parent.score !== undefined && c.candidate.score !== undefined;
}

function scoreOf(c: PairedCase, side: 'parent' | 'candidate'): number {
  return c[side].score!;
}

function byName<T extends { category: string }>(a: T, b: T): number {
  return a.category < b.category ? -1 : 1;
}

/** The golden cases the metric can use, and how to read each side's value. */
export interface SelectedCases {
  readonly cases: readonly PairedCase[];
  readonly valueOf: (c: PairedCase, side: 'parent' | 'candidate') => number;
  readonly problems: Problem[];
  /** A sentence (with a leading space) about cases left out or read differently; '' when none. */
  readonly note: string;
}

/**
 * The golden cases the metric can use: the score metric compares scores only where both sides
 * have one (policy `missing_score` says what happens to the other cases); the pass metric uses
 * every case.
 */
export function selectCases(golden: readonly PairedCase[], policy: EffectivePolicy): SelectedCases {
  const { quality } = policy.gates;
  if (quality.metric === 'pass') return { cases: golden, valueOf: (c, side) => c[side].pass, problems: [], note: '' };
  const missing = golden.filter((c) => !hasBothScores(c));
  if (missing.length === 0) return { cases: golden, valueOf: scoreOf, problems: [], note: '' };
  const count = `${formatCount(missing.length)} golden case${missing.length === 1 ? '' : 's'}`;
  if (quality.missing_score === 'skip') {
    return {
      cases: golden.filter(hasBothScores),
      valueOf: scoreOf,
      problems: [],
      note: `; ${count} without a score on both sides left out (missing_score: skip)`,
    };
  }
  if (quality.missing_score === 'use_pass') {
    return {
      cases: golden,
      valueOf: (c, side) => (hasBothScores(c) ? c[side].score! : c[side].pass),
      problems: [],
      note: `; ${count} compared on pass, not score, on both sides (missing_score: use_pass)`,
    };
  }
  const problems: Problem[] = missing.slice(0, LISTED_PROBLEMS).map((c) => {
    const side = c.candidate.score === undefined ? c.candidate : c.parent;
    return {
      file: side.source.file,
      line: side.source.line,
      field: 'score',
      message: `missing for ${c.case_id}: quality.metric is score, so every golden case needs a score on both sides ${FIX}`,
    };
  });
  if (missing.length > LISTED_PROBLEMS) {
    const first = missing[0]!.candidate.source.file;
    problems.push({
      file: first,
      field: 'score',
      message: `and ${formatCount(missing.length - LISTED_PROBLEMS)} more golden cases without a score on one side`,
    });
  }
  return {
    cases: [],
    valueOf: scoreOf,
    problems,
    note: ` ${count} lack a score on one side; quality.missing_score is error, so the score metric cannot be computed.`,
  };
}

/** One category's cases: counts, or deltas and clusters when clustered or not −1/0/+1. */
export interface CategoryGroup {
  readonly category: string;
  readonly n: number;
  readonly parentSum: number;
  readonly candidateSum: number;
  readonly counts: PairedCounts;
  readonly deltas?: Float64Array;
  readonly clusters?: ClusterIndex;
}

/** What the gate needs from the golden cases. */
export interface SplitCases {
  readonly counts: PairedCounts;
  /** Per-case deltas in input order, when clustered or not every delta is −1, 0 or +1. */
  readonly deltas?: Float64Array;
  readonly categoryOf?: Int32Array;
  readonly clusters?: ClusterIndex;
  /** Categories in code-unit order of their names. */
  readonly categories: readonly CategoryGroup[];
  readonly critical: {
    readonly n: number;
    readonly fixes: number;
    readonly regressions: number;
    readonly deltas?: Float64Array;
    readonly clusters?: ClusterIndex;
  };
}

/**
 * One pass over the golden cases (100,000 in a large suite): each side's value, the category,
 * rate sums and delta counts, and the critical-case counts. Unclustered binary outcomes need
 * nothing more: their inference takes the counts. Otherwise the deltas are laid out by category,
 * each category a contiguous view, with its own cluster numbering.
 */
export function splitByCategory(golden: readonly PairedCase[], valueOf: SelectedCases['valueOf']): SplitCases {
  const n = golden.length;
  const ids = new Map<string, number>();
  const names: string[] = [];
  const parentSums: number[] = [];
  const candidateSums: number[] = [];
  const sizes: number[] = [];
  const minus: number[] = [];
  const plus: number[] = [];
  let binary = true;
  let clustered = false;
  const criticalIndices: number[] = [];
  let fixes = 0;
  let regressions = 0;
  const categoryOf = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const c = golden[i]!;
    const parent = valueOf(c, 'parent');
    const candidate = valueOf(c, 'candidate');
    const delta = candidate - parent;
    let id = ids.get(c.category);
    if (id === undefined) {
      id = names.length;
      ids.set(c.category, id);
      names.push(c.category);
      parentSums.push(0);
      candidateSums.push(0);
      sizes.push(0);
      minus.push(0);
      plus.push(0);
    }
    categoryOf[i] = id;
    parentSums[id]! += parent;
    candidateSums[id]! += candidate;
    sizes[id]!++;
    if (delta === 1) plus[id]!++;
    else if (delta === -1) minus[id]!++;
    else if (delta !== 0) binary = false;
    if (c.cluster !== undefined) clustered = true;
    if (c.critical) {
      criticalIndices.push(i);
      // A trial-averaged critical case counts as passing when at least half its trials passed.
      const before = c.parent.pass >= 0.5;
      const after = c.candidate.pass >= 0.5;
      if (before && !after) regressions++;
      if (!before && after) fixes++;
    }
  }
  const countsOf = (id: number): PairedCounts => ({ n: sizes[id]!, fixes: plus[id]!, regressions: minus[id]! });
  const totalMinus = minus.reduce((a, b) => a + b, 0);
  const totalPlus = plus.reduce((a, b) => a + b, 0);
  const counts: PairedCounts = { n, fixes: totalPlus, regressions: totalMinus };
  const groups = names.map((category, id) => ({
    category,
    n: sizes[id]!,
    parentSum: parentSums[id]!,
    candidateSum: candidateSums[id]!,
    counts: countsOf(id),
  }));
  const critical = { n: criticalIndices.length, fixes, regressions };
  if (binary && !clustered) return { counts, categories: groups.toSorted(byName), critical };

  const deltas = new Float64Array(n);
  for (let i = 0; i < n; i++) deltas[i] = valueOf(golden[i]!, 'candidate') - valueOf(golden[i]!, 'parent');
  const starts = new Int32Array(names.length + 1);
  for (let id = 0; id < names.length; id++) starts[id + 1] = starts[id]! + sizes[id]!;
  const next = starts.slice(0, names.length);
  const grouped = new Float64Array(n);
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const slot = next[categoryOf[i]!]!++;
    grouped[slot] = deltas[i]!;
    order[slot] = i;
  }
  const clusters = clustered
    ? indexClusters(
        golden.map((c) => c.cluster),
        n,
      )
    : undefined;
  const scratch = clusters ? new Int32Array(clusters.count).fill(-1) : undefined;
  const categories = groups.map((group, id): CategoryGroup => {
    const start = starts[id]!;
    const end = starts[id + 1]!;
    const local = clusters && scratch ? subsetClusters(clusters, order.subarray(start, end), scratch) : undefined;
    return { ...group, deltas: grouped.subarray(start, end), ...(local ? { clusters: local } : {}) };
  });
  const criticalClusters = clusters && scratch ? subsetClusters(clusters, criticalIndices, scratch) : undefined;
  const criticalDeltas = clustered
    ? Float64Array.from(
        criticalIndices,
        (i) => (golden[i]!.candidate.pass >= 0.5 ? 1 : 0) - (golden[i]!.parent.pass >= 0.5 ? 1 : 0),
      )
    : undefined;
  return {
    counts,
    deltas,
    categoryOf,
    ...(clusters ? { clusters } : {}),
    categories: categories.toSorted(byName),
    critical: {
      ...critical,
      ...(criticalDeltas ? { deltas: criticalDeltas } : {}),
      ...(criticalClusters ? { clusters: criticalClusters } : {}),
    },
  };
}
