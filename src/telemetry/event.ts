/**
 * The production telemetry event (KAIZEN section 4.2, extended with what shadow and canary need):
 * one JSON object per request. manifests/schema/telemetry-event.schema.json is its contract; the
 * validator in validate.ts reads the same shape by hand (speed) and a test keeps the two in step.
 */

/** One tool call in a request's trace. */
export interface ToolCall {
  readonly tool: string;
  /** `success`, or the failure the tool reported (`error`, `timeout`, `denied`, …). */
  readonly status: string;
  readonly latency_ms?: number;
}

/** A judge's verdict comparing the candidate's answer with the baseline's on the same request (pattern P10). */
export type ComparisonVerdict = 'win' | 'loss' | 'tie';

/** A validated telemetry event. Fields the contract does not name are kept in `extensions`. */
export interface TelemetryEvent {
  readonly request_id: string;
  /** RFC 3339 as written, and the same instant in epoch milliseconds. */
  readonly timestamp: string;
  readonly time: number;
  readonly application: string;
  readonly cohort: string;
  /** Hashed user or tenant id: the unit of assignment and of inference. */
  readonly assignment_key: string;
  readonly package_id?: string;
  readonly category?: string;
  readonly prompt_hash?: string;
  readonly retrieval_manifest?: { readonly index: string; readonly top_k?: number };
  readonly tool_trace?: readonly ToolCall[];
  readonly metrics?: {
    readonly latency_ms?: number;
    readonly ttft_ms?: number;
    readonly input_tokens?: number;
    readonly output_tokens?: number;
    readonly cost_usd?: number;
  };
  readonly outcome?: {
    readonly success?: boolean;
    /** Protocol success, business failure (pattern P5). */
    readonly soft_failure?: boolean;
    readonly judged_score?: number;
    readonly judge?: { readonly id: string; readonly version: string };
  };
  readonly output?: {
    readonly length_tokens?: number;
    readonly refusal?: boolean;
    readonly schema_valid?: boolean;
    readonly tool_calls?: number;
    readonly retries?: number;
    readonly citations?: number;
    readonly finish_reason?: string;
  };
  readonly safety?: { readonly intervention?: boolean; readonly injection_flag?: boolean; readonly unsafe?: boolean };
  readonly feedback?: {
    /** −1 negative, 0 neutral, +1 positive. */
    readonly rating?: number;
    readonly correction_type?: string | null;
    readonly escalated?: boolean;
  };
  readonly comparison?: { readonly baseline_package_id: string; readonly verdict: ComparisonVerdict };
  readonly embedding?: readonly number[];
  readonly embedding_model?: string;
  /** Top-level fields the contract does not name, kept verbatim. */
  readonly extensions?: Readonly<Record<string, unknown>>;
}

/** Where an event was read: `file:line` for JSON Lines, `file:row N` for Parquet. */
export interface EventSource {
  readonly file: string;
  /** 1-based line (JSON Lines) or row (Parquet). */
  readonly line: number;
}

/** Top-level fields the contract names; anything else goes to `extensions`. */
export const EVENT_FIELDS: readonly string[] = [
  'request_id',
  'timestamp',
  'application',
  'cohort',
  'assignment_key',
  'package_id',
  'category',
  'prompt_hash',
  'retrieval_manifest',
  'tool_trace',
  'metrics',
  'outcome',
  'output',
  'safety',
  'feedback',
  'comparison',
  'embedding',
  'embedding_model',
];

/** Whether a negative-feedback signal is present: a thumbs-down, a correction, or an escalation. */
export function isNegativeFeedback(feedback: TelemetryEvent['feedback']): boolean {
  if (feedback === undefined) return false;
  return (
    feedback.rating === -1 ||
    (typeof feedback.correction_type === 'string' && feedback.correction_type !== '') ||
    feedback.escalated === true
  );
}
