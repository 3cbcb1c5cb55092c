// Paired cases drawn directly from a discordance model, for whole-decision simulations that need
// thousands of decisions a second: no JSONL, no pairing, and cases that share every field share
// one object (the gates only read them). Binary outcomes per case; optional clusters (incidents)
// that move together, critical cases, a red-team suite, costs and latencies.
import type { CaseOutcome, PairedCase } from '../../src/evidence/pair.ts';
import { drawBinomial } from '../../src/stats/binomial.ts';
import type { Rng } from '../../src/stats/rng.ts';
import { drawNormal } from '../stats/simulate.ts';

/** How one simulated candidate differs from its parent. */
export interface DirectParams {
  readonly cases: number;
  readonly categories: number;
  /** Parent pass rate. */
  readonly basePass?: number;
  /** Discordance when nothing changes: the share of cases that flip either way (judge and sampling noise). */
  readonly noise?: number;
  /** True pass-rate change of every category, in pp. */
  readonly deltaPp?: number;
  /** Extra change of the first category, in pp. */
  readonly firstCategoryDeltaPp?: number;
  /** Cases per incident; cases of an incident share a random tilt towards regressing or fixing. */
  readonly clusterSize?: number;
  /** Log-scale sd of that tilt; default 0.8. */
  readonly clusterTilt?: number;
  readonly criticalShare?: number;
  /** Red-team cases, with a small symmetric noise on pass and intervened. */
  readonly redteam?: number;
  /** Cost and latency on every golden case (drawn per case, the candidate's the same up to noise). */
  readonly usage?: boolean;
}

function side(pass: number, extra: Partial<CaseOutcome> = {}): CaseOutcome {
  return { trials: 1, pass, source: { file: 'sim.jsonl', line: 1 }, ...extra };
}

const OUTCOMES = {
  both: [side(1), side(1)],
  regressed: [side(1), side(0)],
  fixed: [side(0), side(1)],
  neither: [side(0), side(0)],
} as const;

/**
 * One simulated candidate's paired cases: regressions at rate (ψ − δ)/2 and fixes at (ψ + δ)/2
 * with ψ = noise + |δ|. Unclustered, each category's patterns are one multinomial draw (cases with
 * the same pattern share one object); in incidents the rates tilt by exp(±s − σ²/2),
 * s ~ N(0, σ²), σ = clusterTilt, so incidents move together and the expected delta is unchanged.
 */
export function drawDirectCases(params: DirectParams, rng: Rng): PairedCase[] {
  const n = params.cases;
  const k = params.categories;
  const basePass = params.basePass ?? 0.85;
  const noise = params.noise ?? 0.04;
  const clusterSize = params.clusterSize ?? 1;
  const criticalShare = params.criticalShare ?? 0;
  // Sized once and written by index: 100,000-case draws are made hundreds of times.
  const out: PairedCase[] = [];
  out.length = n + (params.redteam ?? 0);
  let at = 0;
  const perCategory = Math.floor(n / k);
  for (let c = 0; c < k; c++) {
    const category = `category_${String(c + 1).padStart(3, '0')}`;
    const delta = ((params.deltaPp ?? 0) + (c === 0 ? (params.firstCategoryDeltaPp ?? 0) : 0)) / 100;
    const size = c === k - 1 ? n - perCategory * (k - 1) : perCategory;
    const psi = noise + Math.abs(delta);
    const clusters = Math.max(1, Math.round(size / clusterSize));
    if (clusterSize > 1) {
      // Incidents: each case drawn on its own (cheaper than four binomials for a handful of cases).
      const sd = params.clusterTilt ?? 0.8;
      let left = size;
      for (let j = 0; j < clusters; j++) {
        const m = j === clusters - 1 ? left : Math.round(size / clusters);
        left -= m;
        // exp(±s − σ²/2) has mean 1 either way: the tilt leaves the expected rates, hence the delta, as they are.
        const s = sd * drawNormal(rng);
        const regress = Math.min(0.49, ((psi - delta) / 2) * Math.exp(s - (sd * sd) / 2));
        const fix = Math.min(0.49, ((psi + delta) / 2) * Math.exp(-s - (sd * sd) / 2));
        const both = (basePass - regress) / (1 - regress - fix);
        const cluster = `${category}-inc-${j}`;
        for (let i = 0; i < m; i++) {
          const u = rng.nextFloat();
          const pattern =
            u < regress
              ? 'regressed'
              : u < regress + fix
                ? 'fixed'
                : (u - regress - fix) / (1 - regress - fix) < both
                  ? 'both'
                  : 'neither';
          const critical = criticalShare > 0 && rng.nextFloat() < criticalShare;
          const [parent, candidate] = OUTCOMES[pattern];
          out[at] = params.usage
            ? withUsage(rng, category, cluster, critical, parent, candidate, at)
            : { suite: 'golden', case_id: cluster, category, cluster, critical, parent, candidate };
          at++;
        }
      }
      continue;
    }
    const regress = (psi - delta) / 2;
    const fix = (psi + delta) / 2;
    const critical = criticalShare > 0 ? drawBinomial(rng, size, criticalShare) : 0;
    for (const [count, isCritical] of [
      [size - critical, false],
      [critical, true],
    ] as const) {
      if (count === 0) continue;
      const regressed = drawBinomial(rng, count, regress);
      const fixed = drawBinomial(rng, count - regressed, fix / (1 - regress));
      const both = drawBinomial(rng, count - regressed - fixed, (basePass - regress) / (1 - regress - fix));
      const neither = count - regressed - fixed - both;
      for (const [pattern, times] of [
        ['regressed', regressed],
        ['fixed', fixed],
        ['both', both],
        ['neither', neither],
      ] as const) {
        const [parent, candidate] = OUTCOMES[pattern];
        if (params.usage) {
          for (let t = 0; t < times; t++) {
            out[at] = withUsage(rng, category, undefined, isCritical, parent, candidate, at);
            at++;
          }
        } else {
          const shared: PairedCase = {
            suite: 'golden',
            case_id: category,
            category,
            critical: isCritical,
            parent,
            candidate,
          };
          for (let t = 0; t < times; t++) out[at++] = shared;
        }
      }
    }
  }
  for (let i = 0; i < (params.redteam ?? 0); i++) out[at++] = redteamCase(rng, i);
  if (at !== out.length) throw new Error(`drew ${at} cases for ${out.length} places`);
  return out;
}

// A golden case with its own cost and latency; the candidate's within ±5 % of the parent's.
function withUsage(
  rng: Rng,
  category: string,
  cluster: string | undefined,
  critical: boolean,
  parent: CaseOutcome,
  candidate: CaseOutcome,
  index: number,
): PairedCase {
  const cost = 0.01 * Math.exp(0.5 * drawNormal(rng));
  const latency = 1500 * Math.exp(0.4 * drawNormal(rng));
  return {
    suite: 'golden',
    case_id: `g-${index}`,
    category,
    critical,
    ...(cluster ? { cluster } : {}),
    parent: { ...parent, cost_usd: cost, latency_ms: latency },
    candidate: {
      ...candidate,
      cost_usd: cost * Math.exp(0.05 * drawNormal(rng)),
      latency_ms: latency * Math.exp(0.05 * drawNormal(rng)),
    },
  };
}

// A red-team case: three in four expect an intervention; pass and intervened flip with 0.3 % noise
// either way; nothing is unsafe (a deterministic guardrail does not become unsafe by chance).
function redteamCase(rng: Rng, i: number): PairedCase {
  const expected = i % 4 !== 3;
  const flip = (value: number): number => (rng.nextFloat() < 0.003 ? 1 - value : value);
  const parentIntervened = expected ? (rng.nextFloat() < 0.97 ? 1 : 0) : rng.nextFloat() < 0.04 ? 1 : 0;
  const candidateIntervened = flip(parentIntervened);
  const passOf = (intervened: number): number => (expected ? intervened : 1 - intervened);
  return {
    suite: 'safety',
    case_id: `rt-${i}`,
    category: expected ? 'attack' : 'benign',
    critical: false,
    parent: side(passOf(parentIntervened), {
      intervened: parentIntervened,
      expected_intervention: expected,
      unsafe: 0,
    }),
    candidate: side(passOf(candidateIntervened), {
      intervened: candidateIntervened,
      expected_intervention: expected,
      unsafe: 0,
    }),
  };
}

/** Binary golden cases from pattern counts, one shared object per pattern (the gates only read them). */
export function casesFromCounts(
  counts: { regressed: number; fixed: number; both: number; neither: number },
  category = 'general',
): PairedCase[] {
  // Sized once and written by index, not pushed one by one: look-2 simulations build arrays of
  // 50,000 cases thousands of times, and growing them costs more than the gate reading them.
  const out: PairedCase[] = [];
  out.length = counts.regressed + counts.fixed + counts.both + counts.neither;
  let at = 0;
  for (const pattern of ['regressed', 'fixed', 'both', 'neither'] as const) {
    const [parent, candidate] = OUTCOMES[pattern];
    const shared: PairedCase = {
      suite: 'golden',
      case_id: `${category}-${pattern}`,
      category,
      critical: false,
      parent,
      candidate,
    };
    for (let t = 0; t < counts[pattern]; t++) out[at++] = shared;
  }
  return out;
}

/** Counts of the four patterns for n cases: regressions and fixes at the given rates, the rest split by the pass rate. */
export function drawCounts(
  rng: Rng,
  n: number,
  regress: number,
  fix: number,
  basePass = 0.85,
): { regressed: number; fixed: number; both: number; neither: number } {
  const regressed = drawBinomial(rng, n, regress);
  const fixed = drawBinomial(rng, n - regressed, fix / (1 - regress));
  const both = drawBinomial(
    rng,
    n - regressed - fixed,
    Math.max(0, Math.min(1, (basePass - regress) / (1 - regress - fix))),
  );
  return { regressed, fixed, both, neither: n - regressed - fixed - both };
}

/** Monte Carlo standard error of a rate `r` estimated from `runs` simulations. */
export function mcError(r: number, runs: number): number {
  return Math.sqrt((r * (1 - r)) / runs);
}
