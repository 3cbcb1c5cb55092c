/**
 * The flat ClickHouse table the adapter reads (docs/stages.md shows the same CREATE TABLE), and the
 * conversion of a telemetry event into one of its rows.
 */

/** CREATE TABLE for the adapter's default column names (`a.b` → `a_b`). */
export const CREATE_TELEMETRY_TABLE = `CREATE TABLE telemetry (
  request_id String, timestamp String, package_id Nullable(String), application String, cohort String,
  assignment_key String, prompt_hash Nullable(String), retrieval_manifest_index Nullable(String),
  tool_trace_present UInt8, tool_trace_status Array(String),
  metrics_latency_ms Nullable(Float64), metrics_cost_usd Nullable(Float64), metrics_output_tokens Nullable(Int64),
  outcome_success Nullable(UInt8), outcome_soft_failure Nullable(UInt8), outcome_judged_score Nullable(Float64),
  output_refusal Nullable(UInt8), output_schema_valid Nullable(UInt8), output_citations Nullable(Int64),
  safety_unsafe Nullable(UInt8), safety_intervention Nullable(UInt8),
  feedback_rating Nullable(Int8), feedback_correction_type Nullable(String), feedback_escalated Nullable(UInt8),
  comparison_verdict Nullable(String)
) ENGINE = MergeTree ORDER BY (cohort, assignment_key)`;

const bool = (x: unknown): number | null => (typeof x === 'boolean' ? (x ? 1 : 0) : null);
const val = <T>(x: T | undefined): T | null => (x === undefined ? null : x);

/** One event (as JSON) as a row of that table. */
export function flatRow(e: Record<string, unknown>): Record<string, unknown> {
  const o = (key: string): Record<string, unknown> => (e[key] ?? {}) as Record<string, unknown>;
  const trace = e['tool_trace'] as { status: string }[] | undefined;
  return {
    request_id: e['request_id'],
    timestamp: e['timestamp'],
    package_id: val(e['package_id']),
    application: e['application'],
    cohort: e['cohort'],
    assignment_key: e['assignment_key'],
    prompt_hash: val(e['prompt_hash']),
    retrieval_manifest_index: val(o('retrieval_manifest')['index']),
    tool_trace_present: trace === undefined ? 0 : 1,
    tool_trace_status: (trace ?? []).map((c) => c.status),
    metrics_latency_ms: val(o('metrics')['latency_ms']),
    metrics_cost_usd: val(o('metrics')['cost_usd']),
    metrics_output_tokens: val(o('metrics')['output_tokens']),
    outcome_success: bool(o('outcome')['success']),
    outcome_soft_failure: bool(o('outcome')['soft_failure']),
    outcome_judged_score: val(o('outcome')['judged_score']),
    output_refusal: bool(o('output')['refusal']),
    output_schema_valid: bool(o('output')['schema_valid']),
    output_citations: val(o('output')['citations']),
    safety_unsafe: bool(o('safety')['unsafe']),
    safety_intervention: bool(o('safety')['intervention']),
    feedback_rating: val(o('feedback')['rating']),
    feedback_correction_type: val(o('feedback')['correction_type']),
    feedback_escalated: bool(o('feedback')['escalated']),
    comparison_verdict: val(o('comparison')['verdict']),
  };
}
