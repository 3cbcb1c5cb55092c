import type { ClassProfile } from './classes.ts';
import type { NormalSource } from './random.ts';
import { logit, sigmoid } from './random.ts';
import type { WorkloadRecord } from './types.ts';

/** Resource use of one trial. */
export interface Usage {
  readonly latency: number;
  readonly input: number;
  readonly output: number;
  readonly cost: number;
}

/** Draws one trial's latency and tokens around the case's own median, and prices them. */
export function drawUsage(
  profile: ClassProfile,
  latencyMedian: number,
  tokenScale: number,
  normals: NormalSource,
): Usage {
  const latency = latencyMedian * Math.exp(0.15 * normals.next());
  const input = Math.round(profile.inputTokens * tokenScale * Math.exp(0.05 * normals.next()));
  const output = Math.round(profile.outputTokens * tokenScale * Math.exp(0.3 * normals.next()));
  return {
    latency,
    input,
    output,
    cost: input * profile.inputPrice + output * profile.outputPrice + profile.toolCostUsd,
  };
}

/** The candidate's usage for the same trial: tokens and cost scale together, latency on its own. */
export function scaleUsage(usage: Usage, costScale: number, latencyScale: number): Usage {
  return {
    latency: usage.latency * latencyScale,
    input: Math.round(usage.input * costScale),
    output: Math.round(usage.output * costScale),
    cost: usage.cost * costScale,
  };
}

/** The fields one case shares between its trials. */
export interface RecordBase {
  readonly suite: 'golden' | 'safety';
  readonly case_id: string;
  readonly category: string;
  readonly cluster: string | undefined;
  readonly critical: boolean;
}

/**
 * A golden-suite trial. pass ⇔ u < sigmoid(eta); the score is a graded view of the same margin,
 * so pass ⇔ score > 0.5 and the two never disagree.
 */
export function outcomeRecord(
  base: RecordBase,
  packageId: string,
  eta: number,
  u: number,
  scores: boolean,
  usage: Usage,
  judge: WorkloadRecord['judge'],
  trial: number,
): WorkloadRecord {
  const margin = eta - logit(u);
  const pass = margin > 0;
  const cost_usd = Math.round(usage.cost * 1e6) / 1e6;
  const latency_ms = Math.round(usage.latency);
  const tokens = { input: usage.input, output: usage.output };
  const { suite, case_id, category, cluster, critical } = base;
  // One literal per shape, keys in the schema's order: adding keys one by one is several times slower.
  if (!scores) {
    return cluster === undefined
      ? { package_id: packageId, suite, case_id, category, critical, pass, cost_usd, latency_ms, tokens, judge, trial }
      : {
          package_id: packageId,
          suite,
          case_id,
          category,
          cluster,
          critical,
          pass,
          cost_usd,
          latency_ms,
          tokens,
          judge,
          trial,
        };
  }
  const score = Math.round(sigmoid(margin / 2) * 1e4) / 1e4;
  return cluster === undefined
    ? {
        package_id: packageId,
        suite,
        case_id,
        category,
        critical,
        pass,
        score,
        cost_usd,
        latency_ms,
        tokens,
        judge,
        trial,
      }
    : {
        package_id: packageId,
        suite,
        case_id,
        category,
        cluster,
        critical,
        pass,
        score,
        cost_usd,
        latency_ms,
        tokens,
        judge,
        trial,
      };
}

/** Writes cost, latency and tokens, rounded the way an eval harness logs them. */
export function fillUsage(record: WorkloadRecord, usage: Usage): void {
  record.cost_usd = Math.round(usage.cost * 1e6) / 1e6;
  record.latency_ms = Math.round(usage.latency);
  record.tokens = { input: usage.input, output: usage.output };
}
