/**
 * Shadow replay's paired observations: the candidate's answer to a replayed production request
 * (`cohort: shadow`) joined with the parent's answer to the same request (same `request_id`). Only
 * the few fields the comparison needs are kept per request, so a replay of a few hundred thousand
 * requests stays small. Pure: events come in one at a time.
 */
import type { TelemetryEvent } from '../telemetry/event.ts';

/** The features of one answer that shadow compares. */
export interface Answer {
  readonly cluster: string;
  readonly failure?: number;
  readonly soft_failure?: number;
  readonly unsafe?: number;
  readonly intervention?: number;
  readonly tool_calls?: number;
  readonly tool_failures?: number;
  readonly called_tool?: number;
  readonly cost?: number;
  readonly success?: number;
  readonly log_latency?: number;
  readonly length?: number;
  readonly refusal?: number;
  readonly schema_invalid?: number;
  readonly retries?: number;
  readonly citations?: number;
  readonly finish_reason?: string;
  readonly tools: readonly string[];
}

/** A request both packages answered. */
export interface Pair {
  readonly request_id: string;
  readonly cluster: string;
  readonly parent: Answer;
  readonly candidate: Answer;
}

const bit = (x: boolean | undefined): number | undefined => (x === undefined ? undefined : x ? 1 : 0);

/** The comparable features of one event. */
export function answerOf(event: TelemetryEvent): Answer {
  const trace = event.tool_trace;
  const entries: [keyof Answer, unknown][] = [
    ['cluster', event.assignment_key],
    ['failure', event.outcome?.success === undefined ? undefined : event.outcome.success ? 0 : 1],
    ['success', bit(event.outcome?.success)],
    ['soft_failure', bit(event.outcome?.soft_failure)],
    ['unsafe', bit(event.safety?.unsafe)],
    ['intervention', bit(event.safety?.intervention)],
    ['tool_calls', trace?.length ?? event.output?.tool_calls],
    [
      'called_tool',
      trace !== undefined
        ? trace.length > 0
          ? 1
          : 0
        : event.output?.tool_calls === undefined
          ? undefined
          : event.output.tool_calls > 0
            ? 1
            : 0,
    ],
    ['tool_failures', trace?.reduce((n, c) => n + (c.status === 'success' ? 0 : 1), 0)],
    ['cost', event.metrics?.cost_usd],
    [
      'log_latency',
      event.metrics?.latency_ms === undefined ? undefined : Math.log(Math.max(1, event.metrics.latency_ms)),
    ],
    ['length', event.output?.length_tokens ?? event.metrics?.output_tokens],
    ['refusal', bit(event.output?.refusal)],
    ['schema_invalid', event.output?.schema_valid === undefined ? undefined : event.output.schema_valid ? 0 : 1],
    ['retries', event.output?.retries],
    ['citations', event.output?.citations],
    ['finish_reason', event.output?.finish_reason],
    ['tools', (trace ?? []).map((c) => c.tool)],
  ];
  return Object.fromEntries(entries.filter(([, v]) => v !== undefined)) as unknown as Answer;
}

/** Collects both sides and joins them on request id. */
export class ShadowPairing {
  private readonly parent = new Map<string, Answer>();
  private readonly candidate = new Map<string, Answer>();
  private duplicates = 0;
  private readonly candidateId: string;
  private readonly parentId: string;
  private readonly shadowCohort: string;

  constructor(candidateId: string, parentId: string, shadowCohort = 'shadow') {
    this.candidateId = candidateId;
    this.parentId = parentId;
    this.shadowCohort = shadowCohort;
  }

  /** Takes the candidate's shadow answers and the parent's answers (any cohort); ignores the rest. */
  add(event: TelemetryEvent): void {
    const side =
      event.package_id === this.candidateId && event.cohort === this.shadowCohort
        ? this.candidate
        : event.package_id === this.parentId && event.cohort !== this.shadowCohort
          ? this.parent
          : undefined;
    if (side === undefined) return;
    if (side.has(event.request_id)) {
      this.duplicates += 1;
      return;
    }
    side.set(event.request_id, answerOf(event));
  }

  /** The joined pairs, by request id, and how many answers had no partner. */
  pairs(): { pairs: Pair[]; candidate_only: number; parent_only: number; duplicates: number } {
    const pairs: Pair[] = [];
    for (const [id, candidate] of this.candidate) {
      const parent = this.parent.get(id);
      if (parent !== undefined) pairs.push({ request_id: id, cluster: parent.cluster, parent, candidate });
    }
    pairs.sort((a, b) => (a.request_id < b.request_id ? -1 : a.request_id > b.request_id ? 1 : 0));
    return {
      pairs,
      candidate_only: this.candidate.size - pairs.length,
      parent_only: this.parent.size - pairs.length,
      duplicates: this.duplicates,
    };
  }
}
