import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { generateTelemetry } from '../support/sim/telemetry.ts';
import { validateTelemetryEvent } from '../../src/telemetry/validate.ts';

const schema = JSON.parse(
  readFileSync(new URL('../../manifests/schema/telemetry-event.schema.json', import.meta.url), 'utf8'),
) as object;
const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true }).compile(schema);

function problemsOf(value: unknown): string[] {
  const out: string[] = [];
  validateTelemetryEvent(value, (field, message) => out.push(`${field}: ${message}`));
  return out;
}

const VALID = generateTelemetry({
  application: 'policy-qa',
  applicationClass: 'policy_qa',
  startMs: Date.UTC(2026, 3, 1),
  days: 1,
  seed: 3,
  lookAtMs: Date.UTC(2026, 5, 1),
  cohorts: [{ cohort: 'holdout', package_id: 'p1', requests_per_day: 60, users: 20 }],
});
const event = VALID[0]!;

// Each case breaks one rule; the hand validator and the JSON Schema must both refuse it.
const INVALID: [string, Record<string, unknown>, string][] = [
  ['missing request_id', { ...event, request_id: undefined }, 'request_id: is required'],
  ['timestamp without zone', { ...event, timestamp: '2026-04-26T12:00:00' }, 'timestamp: expected an RFC 3339'],
  [
    'negative latency',
    { ...event, metrics: { latency_ms: -3 } },
    'metrics.latency_ms: expected a non-negative number, got -3',
  ],
  [
    'fractional tokens',
    { ...event, metrics: { output_tokens: 1.5 } },
    'metrics.output_tokens: expected a non-negative integer',
  ],
  ['string success', { ...event, outcome: { success: 'true' } }, 'outcome.success: expected true or false'],
  ['score above 1', { ...event, outcome: { judged_score: 1.2 } }, 'outcome.judged_score: expected a number in [0, 1]'],
  ['rating 5', { ...event, feedback: { rating: 5 } }, 'feedback.rating: expected -1, 0 or 1'],
  [
    'trace entry without status',
    { ...event, tool_trace: [{ tool: 'search' }] },
    'tool_trace[0].status: expected a string',
  ],
  ['retrieval without index', { ...event, retrieval_manifest: { top_k: 8 } }, 'retrieval_manifest.index: is required'],
  [
    'unknown verdict',
    { ...event, comparison: { baseline_package_id: 'p0', verdict: 'draw' } },
    'comparison.verdict: expected "win", "loss" or "tie"',
  ],
  ['embedding without model', { ...event, embedding: [0.1, 0.2] }, 'embedding_model: is required with an embedding'],
  ['metrics not an object', { ...event, metrics: [1] }, 'metrics: expected an object'],
];

describe('telemetry event: the hand validator agrees with the JSON Schema', () => {
  it('accepts every simulated event, and keeps unknown fields', () => {
    for (const e of VALID.slice(0, 200)) {
      expect(ajv(e)).toBe(true);
      expect(problemsOf(e)).toEqual([]);
    }
    const extended = validateTelemetryEvent({ ...event, region: 'eu-west', trace_id: 'abc' }, () => {
      throw new Error('unexpected problem');
    });
    expect(extended?.extensions).toEqual({ region: 'eu-west', trace_id: 'abc' });
    expect(ajv({ ...event, region: 'eu-west' })).toBe(true);
  });

  it.each(INVALID)('refuses %s, naming the field', (_name, value, message) => {
    const clean = JSON.parse(JSON.stringify(value)) as unknown;
    expect(ajv(clean)).toBe(false);
    expect(problemsOf(clean).join('\n')).toContain(message);
  });

  it('reports every problem of one event at once', () => {
    const problems = problemsOf({
      request_id: 'r',
      timestamp: 'yesterday',
      application: 'a',
      cohort: '',
      metrics: { latency_ms: 'fast', cost_usd: -1 },
    });
    expect(problems).toEqual([
      'cohort: must not be empty',
      'assignment_key: is required',
      'timestamp: expected an RFC 3339 date-time such as 2026-04-26T12:00:00Z, got the string "yesterday"',
      'metrics.latency_ms: expected a non-negative number, got the string "fast"',
      'metrics.cost_usd: expected a non-negative number, got -1',
    ]);
  });
});
