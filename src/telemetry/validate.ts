/**
 * Validation of one parsed telemetry event against the contract, by hand for speed (ten million
 * events a day); test/telemetry/schema.test.ts checks it agrees with the JSON Schema. Every problem
 * of the event is reported, each naming its field; an event with any problem is not used.
 * Unknown top-level fields are kept (`extensions`), unknown nested fields are ignored: both are
 * how producers add to the contract without breaking readers.
 */
import {
  COUNT_RULE,
  describeValue,
  isJsonObject,
  NON_NEGATIVE_RULE,
  readBoolean,
  readNumber,
  readString,
  SCORE_RULE,
} from '../evidence/fields.ts';
import type { ReportField } from '../evidence/fields.ts';
import { EVENT_FIELDS } from './event.ts';
import type { ComparisonVerdict, TelemetryEvent, ToolCall } from './event.ts';

const RFC3339 = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;
const KNOWN = new Set(EVENT_FIELDS);
const VERDICTS: ReadonlySet<string> = new Set(['win', 'loss', 'tie']);

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * Reads a parsed JSON value as a telemetry event, reporting every problem through `report`.
 * Returns undefined when there was any.
 */
export function validateTelemetryEvent(value: unknown, report: ReportField): TelemetryEvent | undefined {
  if (!isJsonObject(value)) {
    report('', `expected a JSON object per line, got ${describeValue(value)}`);
    return undefined;
  }
  let ok = true;
  const problem: ReportField = (field, message) => {
    ok = false;
    report(field, message);
  };
  const str = (field: string): string | undefined =>
    value[field] === undefined ? (problem(field, 'is required'), undefined) : readString(value[field], field, problem);
  const optStr = (object: Record<string, unknown>, key: string, field: string): string | undefined =>
    object[key] === undefined || object[key] === null ? undefined : readString(object[key], field, problem);

  const request_id = str('request_id');
  const application = str('application');
  const cohort = str('cohort');
  const assignment_key = str('assignment_key');
  const timestamp = str('timestamp');
  let time = Number.NaN;
  if (timestamp !== undefined) {
    time = RFC3339.test(timestamp) ? Date.parse(timestamp.replace(' ', 'T')) : Number.NaN;
    if (Number.isNaN(time))
      problem(
        'timestamp',
        `expected an RFC 3339 date-time such as 2026-04-26T12:00:00Z, got ${describeValue(timestamp)}`,
      );
  }
  const event: Mutable<Partial<TelemetryEvent>> = {};
  const package_id = optStr(value, 'package_id', 'package_id');
  const category = optStr(value, 'category', 'category');
  const prompt_hash = optStr(value, 'prompt_hash', 'prompt_hash');
  if (package_id !== undefined) event.package_id = package_id;
  if (category !== undefined) event.category = category;
  if (prompt_hash !== undefined) event.prompt_hash = prompt_hash;

  const object = (key: string): Record<string, unknown> | undefined => {
    const member = value[key];
    if (member === undefined || member === null) return undefined;
    if (!isJsonObject(member)) {
      problem(key, `expected an object, got ${describeValue(member)}`);
      return undefined;
    }
    return member;
  };
  const num = (o: Record<string, unknown>, key: string, field: string, rule = NON_NEGATIVE_RULE): number | undefined =>
    o[key] === undefined || o[key] === null ? undefined : readNumber(o[key], field, rule, problem);
  const bool = (o: Record<string, unknown>, key: string, field: string): boolean | undefined =>
    o[key] === undefined || o[key] === null ? undefined : readBoolean(o[key], field, problem);

  const retrieval = object('retrieval_manifest');
  if (retrieval) {
    const index =
      retrieval['index'] === undefined
        ? (problem('retrieval_manifest.index', 'is required'), undefined)
        : readString(retrieval['index'], 'retrieval_manifest.index', problem);
    const top_k = num(retrieval, 'top_k', 'retrieval_manifest.top_k', COUNT_RULE);
    if (index !== undefined) event.retrieval_manifest = top_k === undefined ? { index } : { index, top_k };
  }
  const trace = value['tool_trace'];
  if (trace !== undefined && trace !== null) {
    if (!Array.isArray(trace)) problem('tool_trace', `expected an array of tool calls, got ${describeValue(trace)}`);
    else event.tool_trace = readTrace(trace, problem);
  }
  const metrics = object('metrics');
  if (metrics) {
    assign(
      event,
      'metrics',
      pick([
        ['latency_ms', num(metrics, 'latency_ms', 'metrics.latency_ms')],
        ['ttft_ms', num(metrics, 'ttft_ms', 'metrics.ttft_ms')],
        ['input_tokens', num(metrics, 'input_tokens', 'metrics.input_tokens', COUNT_RULE)],
        ['output_tokens', num(metrics, 'output_tokens', 'metrics.output_tokens', COUNT_RULE)],
        ['cost_usd', num(metrics, 'cost_usd', 'metrics.cost_usd')],
      ]),
    );
  }
  const outcome = object('outcome');
  if (outcome) {
    let judge: { id: string; version: string } | undefined;
    const rawJudge = outcome['judge'];
    if (rawJudge !== undefined && rawJudge !== null) {
      if (!isJsonObject(rawJudge))
        problem('outcome.judge', `expected an object with id and version, got ${describeValue(rawJudge)}`);
      else {
        const id = readString(rawJudge['id'], 'outcome.judge.id', problem);
        const version = readString(rawJudge['version'], 'outcome.judge.version', problem);
        if (id !== undefined && version !== undefined) judge = { id, version };
      }
    }
    assign(
      event,
      'outcome',
      pick([
        ['success', bool(outcome, 'success', 'outcome.success')],
        ['soft_failure', bool(outcome, 'soft_failure', 'outcome.soft_failure')],
        ['judged_score', num(outcome, 'judged_score', 'outcome.judged_score', SCORE_RULE)],
        ['judge', judge],
      ]),
    );
  }
  const output = object('output');
  if (output) {
    assign(
      event,
      'output',
      pick([
        ['length_tokens', num(output, 'length_tokens', 'output.length_tokens', COUNT_RULE)],
        ['refusal', bool(output, 'refusal', 'output.refusal')],
        ['schema_valid', bool(output, 'schema_valid', 'output.schema_valid')],
        ['tool_calls', num(output, 'tool_calls', 'output.tool_calls', COUNT_RULE)],
        ['retries', num(output, 'retries', 'output.retries', COUNT_RULE)],
        ['citations', num(output, 'citations', 'output.citations', COUNT_RULE)],
        ['finish_reason', optStr(output, 'finish_reason', 'output.finish_reason')],
      ]),
    );
  }
  const safety = object('safety');
  if (safety) {
    assign(
      event,
      'safety',
      pick([
        ['intervention', bool(safety, 'intervention', 'safety.intervention')],
        ['injection_flag', bool(safety, 'injection_flag', 'safety.injection_flag')],
        ['unsafe', bool(safety, 'unsafe', 'safety.unsafe')],
      ]),
    );
  }
  const feedback = object('feedback');
  if (feedback) {
    const rating = num(feedback, 'rating', 'feedback.rating', {
      expected: '-1, 0 or 1',
      min: -1,
      max: 1,
      integer: true,
    });
    const correction = feedback['correction_type'];
    const correction_type =
      correction === null ? null : optStr(feedback, 'correction_type', 'feedback.correction_type');
    assign(
      event,
      'feedback',
      pick([
        ['rating', rating],
        ['correction_type', correction_type],
        ['escalated', bool(feedback, 'escalated', 'feedback.escalated')],
      ]),
    );
  }
  const comparison = object('comparison');
  if (comparison) {
    const baseline = readString(comparison['baseline_package_id'], 'comparison.baseline_package_id', problem);
    const verdict = comparison['verdict'];
    if (typeof verdict !== 'string' || !VERDICTS.has(verdict))
      problem('comparison.verdict', `expected "win", "loss" or "tie", got ${describeValue(verdict)}`);
    else if (baseline !== undefined)
      event.comparison = { baseline_package_id: baseline, verdict: verdict as ComparisonVerdict };
  }
  const embedding = value['embedding'];
  if (embedding !== undefined && embedding !== null) {
    if (
      !Array.isArray(embedding) ||
      embedding.length === 0 ||
      !embedding.every((x) => typeof x === 'number' && Number.isFinite(x))
    ) {
      problem('embedding', 'expected a non-empty array of finite numbers');
    } else if (typeof value['embedding_model'] !== 'string' || value['embedding_model'] === '') {
      problem(
        'embedding_model',
        'is required with an embedding: a vector means nothing without the model that made it',
      );
    } else event.embedding = embedding as number[];
  }
  const embeddingModel = optStr(value, 'embedding_model', 'embedding_model');
  if (embeddingModel !== undefined) event.embedding_model = embeddingModel;

  let extensions: Record<string, unknown> | undefined;
  for (const key of Object.keys(value)) {
    if (KNOWN.has(key)) continue;
    if (key === '__proto__') {
      problem(key, 'the key "__proto__" is not allowed (it could pollute object prototypes)');
      continue;
    }
    (extensions ??= {})[key] = value[key];
  }
  if (
    !ok ||
    request_id === undefined ||
    application === undefined ||
    cohort === undefined ||
    assignment_key === undefined ||
    timestamp === undefined
  )
    return undefined;
  return {
    request_id,
    timestamp,
    time,
    application,
    cohort,
    assignment_key,
    ...event,
    ...(extensions ? { extensions } : {}),
  };
}

/** An object of the entries that have a value, or undefined when none has. */
function pick<T extends object>(entries: [string, unknown][]): T | undefined {
  const kept = entries.filter(([, v]) => v !== undefined);
  return kept.length === 0 ? undefined : (Object.fromEntries(kept) as T);
}

/** Sets an optional member only when there is something to set (exact optional properties). */
function assign<K extends keyof TelemetryEvent>(
  event: Mutable<Partial<TelemetryEvent>>,
  key: K,
  value: TelemetryEvent[K] | undefined,
): void {
  if (value !== undefined) event[key] = value;
}

function readTrace(trace: readonly unknown[], problem: ReportField): ToolCall[] {
  const out: ToolCall[] = [];
  trace.forEach((call, i) => {
    const at = `tool_trace[${i}]`;
    if (!isJsonObject(call)) {
      problem(at, `expected an object with tool and status, got ${describeValue(call)}`);
      return;
    }
    const tool = readString(call['tool'], `${at}.tool`, problem);
    const status = readString(call['status'], `${at}.status`, problem);
    const latency =
      call['latency_ms'] === undefined || call['latency_ms'] === null
        ? undefined
        : readNumber(call['latency_ms'], `${at}.latency_ms`, NON_NEGATIVE_RULE, problem);
    if (tool !== undefined && status !== undefined)
      out.push(latency === undefined ? { tool, status } : { tool, status, latency_ms: latency });
  });
  return out;
}
