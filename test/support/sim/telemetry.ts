/**
 * Seeded production telemetry after the KAIZEN replay's generator (paper 5.2): requests per cohort
 * and day drawn Poisson with a multiplier ρ ~ LogNormal(0, 0.2) clipped to [0.70, 1.35];
 * users who come back (a Zipf-like popularity, so users repeat and cluster); latent task success
 * sigmoid(β0[class] + user effect + severity); negative feedback Bernoulli(0.04 + 0.65·(1 − success))
 * arriving after LogNormal(1.16, 0.55) days (median 3.2), so it is present only when it arrived
 * before the look; latency log-normal around the class median. Canary regressions are injected per
 * cohort. A demo and test tool, not part of the shipped bundle.
 */
import { createRng } from '../../../src/stats/rng.ts';
import type { Rng } from '../../../src/stats/rng.ts';
import { CLASS_PROFILES, SEVERITY_LOGITS } from './classes.ts';
import type { ApplicationClass } from './classes.ts';
import { NormalSource, sigmoid } from './random.ts';

/** Regressions (or improvements) a cohort's package shows against the baseline behaviour. */
export interface CohortEffects {
  /** Added to each request's failure probability (0.04 = +4 pp). */
  readonly failure_pp?: number;
  readonly soft_failure_pp?: number;
  readonly unsafe_pp?: number;
  readonly latency_ratio?: number;
  readonly output_tokens_ratio?: number;
  /** Added to the probability that a request calls a tool (−0.10 = ten points fewer). */
  readonly tool_call_pp?: number;
  readonly refusal_pp?: number;
}

/** One cohort: which package serves it, how much traffic, how many distinct users. */
export interface SimCohort {
  readonly cohort: string;
  readonly package_id: string;
  readonly requests_per_day: number;
  readonly users: number;
  readonly effects?: CohortEffects;
}

/** What to generate. */
export interface TelemetrySimParams {
  readonly application: string;
  readonly applicationClass: ApplicationClass;
  /** Start of the first day, epoch ms. */
  readonly startMs: number;
  readonly days: number;
  readonly cohorts: readonly SimCohort[];
  /** Feedback that arrives after this instant is left out (default: all feedback is in). */
  readonly lookAtMs?: number;
  readonly seed: number;
  /** Prompt hash, retrieval manifest and tool trace on every event (default true). */
  readonly completeTraces?: boolean;
}

/** A generated event, shaped as the telemetry contract. */
export type SimEvent = Record<string, unknown>;

const DAY_MS = 86_400_000;
const BASE_TOOL_RATE: Readonly<Record<ApplicationClass, number>> = {
  policy_qa: 0.05,
  document_analysis: 0.3,
  analytics: 0.95,
  workflow_recommendation: 0.7,
};

/** Zipf(1)-like cumulative weights over `users` users: a few heavy users, a long tail. */
function userWeights(users: number): Float64Array {
  const cumulative = new Float64Array(users);
  let total = 0;
  for (let i = 0; i < users; i++) {
    total += 1 / (i + 10);
    cumulative[i] = total;
  }
  for (let i = 0; i < users; i++) cumulative[i]! /= total;
  return cumulative;
}

function pick(cumulative: Float64Array, u: number): number {
  let low = 0;
  let high = cumulative.length - 1;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (cumulative[mid]! < u) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** A Poisson draw: inversion for small means, a rounded normal approximation above 500. */
export function drawPoisson(rng: Rng, normals: NormalSource, mean: number): number {
  if (mean <= 0) return 0;
  if (mean > 500) return Math.max(0, Math.round(mean + Math.sqrt(mean) * normals.next()));
  let k = 0;
  let p = Math.exp(-mean);
  let cdf = p;
  const u = rng.nextFloat();
  while (u > cdf && k < 10_000) {
    k += 1;
    p *= mean / k;
    cdf += p;
  }
  return k;
}

/**
 * Generates the events of every cohort, sorted by time; the same parameters and seed give the same
 * events. A cohort's user ids are its own (hash assignment puts a user in one cohort).
 */
export function generateTelemetry(params: TelemetrySimParams): SimEvent[] {
  const rng = createRng(params.seed);
  const normals = new NormalSource(rng);
  const profile = CLASS_PROFILES[params.applicationClass];
  const complete = params.completeTraces ?? true;
  const events: (SimEvent & { t: number })[] = [];
  let serial = 0;
  // One traffic multiplier per day, shared by the cohorts: a hash split gives every cohort the same
  // traffic per user, so cohort-specific multipliers would fake a sample-ratio mismatch.
  const dayMultipliers = Array.from({ length: params.days }, () =>
    Math.min(1.35, Math.max(0.7, Math.exp(0.2 * normals.next()))),
  );
  for (const [c, cohort] of params.cohorts.entries()) {
    const fx = cohort.effects ?? {};
    const weights = userWeights(cohort.users);
    const userEffect = Float64Array.from({ length: cohort.users }, () => 0.5 * normals.next());
    for (let day = 0; day < params.days; day++) {
      const n = drawPoisson(rng, normals, cohort.requests_per_day * dayMultipliers[day]!);
      for (let r = 0; r < n; r++) {
        const t = params.startMs + day * DAY_MS + Math.floor(rng.nextFloat() * DAY_MS);
        const user = pick(weights, rng.nextFloat());
        const severity = rng.nextInt(4);
        const category = profile.categories[rng.nextInt(profile.categories.length)] ?? 'general';
        const pSuccess = Math.min(
          1,
          Math.max(
            0,
            sigmoid(profile.baseLogit + userEffect[user]! + SEVERITY_LOGITS[severity as 0 | 1 | 2 | 3]) -
              (fx.failure_pp ?? 0),
          ),
        );
        const success = rng.nextFloat() < pSuccess;
        const soft = success && rng.nextFloat() < 0.03 + (fx.soft_failure_pp ?? 0);
        const latency = Math.round(profile.latencyMedianMs * (fx.latency_ratio ?? 1) * Math.exp(0.45 * normals.next()));
        const outputTokens = Math.max(
          1,
          Math.round(profile.outputTokens * (fx.output_tokens_ratio ?? 1) * Math.exp(0.35 * normals.next())),
        );
        const inputTokens = Math.max(1, Math.round(profile.inputTokens * Math.exp(0.2 * normals.next())));
        const refusal = rng.nextFloat() < 0.02 + (fx.refusal_pp ?? 0);
        const callsTool = rng.nextFloat() < BASE_TOOL_RATE[params.applicationClass] + (fx.tool_call_pp ?? 0);
        const trace = callsTool
          ? [
              {
                tool: 'search',
                status: rng.nextFloat() < 0.97 ? 'success' : 'error',
                latency_ms: Math.round(200 * Math.exp(0.5 * normals.next())),
              },
            ]
          : [];
        const cost =
          inputTokens * profile.inputPrice + outputTokens * profile.outputPrice + (callsTool ? profile.toolCostUsd : 0);
        const negative = rng.nextFloat() < 0.04 + 0.65 * (success ? 0 : 1);
        const delayMs = Math.exp(1.16 + 0.55 * normals.next()) * DAY_MS;
        const feedbackIn = negative && (params.lookAtMs === undefined || t + delayMs <= params.lookAtMs);
        serial += 1;
        events.push({
          t,
          request_id: `req-${c}-${serial.toString(36)}`,
          timestamp: new Date(t).toISOString(),
          package_id: cohort.package_id,
          application: params.application,
          cohort: cohort.cohort,
          assignment_key: `u-${c}-${user.toString(36)}`,
          category,
          ...(complete
            ? {
                prompt_hash: `sha256:${(serial % 97).toString(16).padStart(64, '0')}`,
                retrieval_manifest: { index: 'policy_docs_v17', top_k: 8 },
                tool_trace: trace,
              }
            : {}),
          metrics: {
            latency_ms: latency,
            ttft_ms: Math.round(latency * 0.2),
            input_tokens: inputTokens,
            output_tokens: outputTokens,
            cost_usd: Math.round(cost * 1e6) / 1e6,
          },
          outcome: {
            success,
            soft_failure: soft,
            judged_score: Math.round((success ? 0.7 + 0.3 * rng.nextFloat() : 0.5 * rng.nextFloat()) * 100) / 100,
            judge: { id: 'judge-large', version: '2026-03-01' },
          },
          output: {
            length_tokens: outputTokens,
            refusal,
            schema_valid: rng.nextFloat() < 0.99,
            tool_calls: trace.length,
            retries: rng.nextFloat() < 0.05 ? 1 : 0,
            citations: refusal ? 0 : drawPoisson(rng, normals, 2),
            finish_reason: refusal ? 'content_filter' : callsTool ? 'tool_use' : 'stop',
          },
          safety: {
            intervention: rng.nextFloat() < 0.01,
            injection_flag: rng.nextFloat() < 0.005,
            unsafe: rng.nextFloat() < 0.002 + (fx.unsafe_pp ?? 0),
          },
          ...(feedbackIn
            ? {
                feedback: {
                  rating: -1,
                  correction_type: success ? null : 'wrong_answer',
                  escalated: !success && rng.nextFloat() < 0.2,
                },
              }
            : {}),
        });
      }
    }
  }
  return events
    .toSorted((a, b) => a.t - b.t || (String(a['request_id']) < String(b['request_id']) ? -1 : 1))
    .map(({ t: _t, ...event }) => event);
}

/** Events as JSON Lines text. */
export function toTelemetryJsonl(events: readonly SimEvent[]): string {
  return events.map((e) => JSON.stringify(e)).join('\n') + (events.length > 0 ? '\n' : '');
}
