/**
 * Seeded shadow replay: production requests answered by the parent (its telemetry) and replayed to
 * the candidate (`cohort: shadow`), the same request ids on both sides. A request's difficulty is
 * shared, so the two answers are correlated as real paired answers are; the candidate's effects
 * (more tokens, fewer tool calls, …) are injected. A demo and test tool, not part of the bundle.
 */
import { createRng } from '../../../src/stats/rng.ts';
import { CLASS_PROFILES } from './classes.ts';
import type { ApplicationClass } from './classes.ts';
import { NormalSource, sigmoid } from './random.ts';
import type { CohortEffects, SimEvent } from './telemetry.ts';

/** What to replay. */
export interface ShadowSimParams {
  readonly application: string;
  readonly applicationClass: ApplicationClass;
  readonly parent: string;
  readonly candidate: string;
  readonly requests: number;
  readonly users: number;
  readonly startMs: number;
  /** Base probability that an answer calls a tool. */
  readonly toolRate: number;
  readonly effects?: CohortEffects;
  readonly seed: number;
}

const FINISH = ['stop', 'tool_use', 'length'] as const;

/** Both sides' events, parent first, then the candidate's, each in request order. */
export function generateShadowReplay(params: ShadowSimParams): SimEvent[] {
  const rng = createRng(params.seed);
  const normals = new NormalSource(rng);
  const profile = CLASS_PROFILES[params.applicationClass];
  const fx = params.effects ?? {};
  const parent: SimEvent[] = [];
  const candidate: SimEvent[] = [];
  for (let i = 0; i < params.requests; i++) {
    const difficulty = 0.6 * normals.next();
    const user = `u-${rng.nextInt(params.users).toString(36)}`;
    const tokens = profile.outputTokens * Math.exp(0.3 * normals.next());
    const t = new Date(params.startMs + i * 1000).toISOString();
    const answer = (pkg: string, cohort: string, effects: CohortEffects): SimEvent => {
      const success =
        rng.nextFloat() < Math.min(1, Math.max(0, sigmoid(profile.baseLogit - difficulty) - (effects.failure_pp ?? 0)));
      const length = Math.max(
        1,
        Math.round(tokens * (effects.output_tokens_ratio ?? 1) * Math.exp(0.1 * normals.next())),
      );
      const calls = rng.nextFloat() < params.toolRate + (effects.tool_call_pp ?? 0);
      const trace = calls
        ? [
            {
              tool: rng.nextFloat() < 0.7 ? 'search' : 'sql_readonly',
              status: rng.nextFloat() < 0.97 ? 'success' : 'error',
            },
          ]
        : [];
      const refusal = rng.nextFloat() < 0.02 + (effects.refusal_pp ?? 0);
      const cost = profile.inputTokens * profile.inputPrice + length * profile.outputPrice;
      return {
        request_id: `shadow-${i.toString(36)}`,
        timestamp: t,
        package_id: pkg,
        application: params.application,
        cohort,
        assignment_key: user,
        prompt_hash: `sha256:${(i % 251).toString(16).padStart(64, '0')}`,
        retrieval_manifest: { index: 'policy_docs_v17', top_k: 8 },
        tool_trace: trace,
        metrics: {
          latency_ms: Math.round(
            profile.latencyMedianMs * (effects.latency_ratio ?? 1) * Math.exp(0.4 * normals.next()),
          ),
          output_tokens: length,
          cost_usd: Math.round(cost * 1e6) / 1e6,
        },
        outcome: { success, soft_failure: success && rng.nextFloat() < 0.03 },
        output: {
          length_tokens: length,
          refusal,
          schema_valid: rng.nextFloat() < 0.99,
          tool_calls: trace.length,
          retries: rng.nextFloat() < 0.05 ? 1 : 0,
          citations: refusal ? 0 : 1 + rng.nextInt(3),
          finish_reason: refusal ? 'content_filter' : calls ? 'tool_use' : FINISH[rng.nextFloat() < 0.97 ? 0 : 2],
        },
        safety: { intervention: rng.nextFloat() < 0.01, unsafe: rng.nextFloat() < 0.002 + (effects.unsafe_pp ?? 0) },
      };
    };
    parent.push(answer(params.parent, 'production', {}));
    candidate.push(answer(params.candidate, 'shadow', fx));
  }
  return [...parent, ...candidate];
}
