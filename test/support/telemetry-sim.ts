/**
 * A canary experiment simulated at the level of sufficient statistics per cluster: each hour the
 * two arms receive Poisson(rate) requests from users who come back (Zipf-like popularity, latent
 * per-user failure probability and latency level, paper 5.2 shapes); each user's new requests in
 * the hour add (requests, failures, Σ log latency) to that user's totals, and the arm's cluster sums
 * move by the change. The looks run the canary's own code (lookAtMetric, intersectLook), so what
 * the simulation validates is what the stage runs. One replication costs O(requests), with one
 * binomial and one normal draw per user-hour for the outcomes.
 */
import { intersectLook, lookAtMetric, newRunningInterval, verdictOf } from '../../src/delivery/canary-look.ts';
import { METRICS } from '../../src/delivery/canary-metrics.ts';
import { ClusterSumsBuilder } from '../../src/stats/always-valid-cluster.ts';
import { drawBinomial } from '../../src/stats/binomial.ts';
import type { Rng } from '../../src/stats/rng.ts';
import { NormalSource, sigmoid } from './sim/random.ts';
import { drawPoisson } from './sim/telemetry.ts';

/** One simulated experiment's shape. */
export interface CanarySimParams {
  /** Requests per hour in each arm (2,400 a day = 100 an hour). */
  readonly ratePerHour: number;
  readonly users: number;
  readonly hours: number;
  /** Baseline success logit (paper β0 for policy QA: 2.2) and the spread of users around it. */
  readonly successLogit: number;
  readonly userSd: number;
  /** Added to the canary's failure probability. */
  readonly failurePp: number;
  /** Canary latency multiplier (1 = no change). */
  readonly latencyRatio: number;
  /** Error budget of the failure-rate metric and of the latency metric (0 = not watched). */
  readonly alphaFailure: number;
  readonly alphaLatency: number;
  readonly minClusters: number;
}

/** What one replication saw: the first hour each metric showed harm (undefined: never). */
export interface CanarySimOutcome {
  readonly failureHarmAt?: number;
  readonly latencyHarmAt?: number;
  readonly failureNonInferiorAt?: number;
}

interface Arm {
  readonly cumulative: Float64Array;
  readonly n: Float64Array;
  readonly y: Float64Array;
  readonly logLatency: Float64Array;
  readonly failure: ClusterSumsBuilder;
  readonly latency: ClusterSumsBuilder;
  readonly pFail: Float64Array;
  readonly userLatency: Float64Array;
}

const LOG_MEDIAN_LATENCY = Math.log(1800);

function newArm(params: CanarySimParams, normals: NormalSource, canary: boolean): Arm {
  const pFail = new Float64Array(params.users);
  const userLatency = new Float64Array(params.users);
  for (let i = 0; i < params.users; i++) {
    pFail[i] = Math.min(
      1,
      Math.max(0, 1 - sigmoid(params.successLogit + params.userSd * normals.next()) + (canary ? params.failurePp : 0)),
    );
    userLatency[i] = LOG_MEDIAN_LATENCY + 0.2 * normals.next() + (canary ? Math.log(params.latencyRatio) : 0);
  }
  return {
    cumulative: new Float64Array(params.users),
    n: new Float64Array(params.users),
    y: new Float64Array(params.users),
    logLatency: new Float64Array(params.users),
    failure: new ClusterSumsBuilder(),
    latency: new ClusterSumsBuilder(),
    pFail,
    userLatency,
  };
}

/** Walker–Vose alias table of a Zipf-like popularity over users: O(1) per draw. */
export interface Popularity {
  readonly probability: Float64Array;
  readonly alias: Int32Array;
}

/** Popularity 1/(i + 10) over `users` users, shared by both arms' pools: a few heavy users, a long tail. */
export function popularity(users: number): Popularity {
  const weights = Float64Array.from({ length: users }, (_, i) => 1 / (i + 10));
  const total = weights.reduce((a, b) => a + b, 0);
  const scaled = weights.map((w) => (w * users) / total);
  const probability = new Float64Array(users);
  const alias = new Int32Array(users);
  const small: number[] = [];
  const large: number[] = [];
  scaled.forEach((p, i) => (p < 1 ? small : large).push(i));
  while (small.length > 0 && large.length > 0) {
    const s = small.pop()!;
    const l = large.pop()!;
    probability[s] = scaled[s]!;
    alias[s] = l;
    scaled[l] = scaled[l]! + scaled[s]! - 1;
    (scaled[l]! < 1 ? small : large).push(l);
  }
  for (const i of [...small, ...large]) probability[i] = 1;
  return { probability, alias };
}

const INV_2_32 = 2.3283064365386963e-10;

function pick(table: Popularity, rng: Rng): number {
  const i = rng.nextInt(table.alias.length);
  return rng.nextUint32() * INV_2_32 < table.probability[i]! ? i : table.alias[i]!;
}

/** One hour of one arm: requests to users, then one outcome draw per user who came. */
function hourOf(
  arm: Arm,
  params: CanarySimParams,
  weights: Popularity,
  rng: Rng,
  normals: NormalSource,
  hits: Float64Array,
  touched: number[],
): void {
  const requests = drawPoisson(rng, normals, params.ratePerHour);
  touched.length = 0;
  for (let r = 0; r < requests; r++) {
    const user = pick(weights, rng);
    if (hits[user] === 0) touched.push(user);
    hits[user]! += 1;
  }
  for (const user of touched) {
    const k = hits[user]!;
    hits[user] = 0;
    const p = arm.pFail[user]!;
    let failures = 0;
    // Most user-hours hold one or two requests: Bernoulli trials beat a general binomial draw there.
    if (k <= 8) for (let j = 0; j < k; j++) failures += rng.nextUint32() * INV_2_32 < p ? 1 : 0;
    else failures = drawBinomial(rng, k, p);
    // Sum of k log latencies ~ N(k·μᵤ, k·σ²): one draw per user-hour.
    const logSum = params.alphaLatency > 0 ? k * arm.userLatency[user]! + Math.sqrt(k) * 0.45 * normals.next() : 0;
    const [n0, y0, l0] = [arm.n[user]!, arm.y[user]!, arm.logLatency[user]!];
    arm.n[user] = n0 + k;
    arm.y[user] = y0 + failures;
    arm.logLatency[user] = l0 + logSum;
    arm.failure.replace(n0, y0, n0 + k, y0 + failures);
    arm.latency.replace(n0, l0, n0 + k, l0 + logSum);
  }
}

/** Runs one replication of hourly looks. */
export function simulateCanary(params: CanarySimParams, weights: Popularity, rng: Rng): CanarySimOutcome {
  const normals = new NormalSource(rng);
  const canary = newArm(params, normals, true);
  const holdout = newArm(params, normals, false);
  const hits = new Float64Array(params.users);
  const touched: number[] = [];
  const failure = newRunningInterval();
  const latency = newRunningInterval();
  const failureMetric = METRICS['failure_rate']!;
  const latencyMetric = METRICS['latency']!;
  let failureHarmAt: number | undefined;
  let latencyHarmAt: number | undefined;
  let failureNonInferiorAt: number | undefined;
  for (let hour = 1; hour <= params.hours; hour++) {
    hourOf(canary, params, weights, rng, normals, hits, touched);
    hourOf(holdout, params, weights, rng, normals, hits, touched);
    if (params.alphaFailure > 0) {
      intersectLook(
        failure,
        lookAtMetric(
          failureMetric,
          canary.failure.build(),
          holdout.failure.build(),
          params.alphaFailure,
          params.minClusters,
        ),
      );
      const verdict = verdictOf(failure, failureMetric.margin);
      if (verdict === 'harm') failureHarmAt ??= hour;
      if (verdict === 'non_inferior') failureNonInferiorAt ??= hour;
    }
    if (params.alphaLatency > 0) {
      intersectLook(
        latency,
        lookAtMetric(
          latencyMetric,
          canary.latency.build(),
          holdout.latency.build(),
          params.alphaLatency,
          params.minClusters,
        ),
      );
      if (verdictOf(latency, latencyMetric.margin) === 'harm') latencyHarmAt ??= hour;
    }
  }
  return {
    ...(failureHarmAt !== undefined ? { failureHarmAt } : {}),
    ...(latencyHarmAt !== undefined ? { latencyHarmAt } : {}),
    ...(failureNonInferiorAt !== undefined ? { failureNonInferiorAt } : {}),
  };
}
