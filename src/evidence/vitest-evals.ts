// Reads the report Vitest's JSON reporter writes (`vitest run --reporter=json --outputFile.json=…`),
// the output vitest-evals documents for its results. Field names follow Vitest's JsonReporter
// (testResults[].assertionResults[]: title, ancestorTitles, status, duration, failureMessages, meta)
// and vitest-evals' task meta (meta.eval: scores, avgScore, output; meta.harness.run: session,
// output, usage, timings, errors). Checked against the real output of vitest-evals 0.16.1 on
// Vitest 4.1.12 in test/fixtures/evidence/vitest-evals-real.
import { type Problem, ProblemCollector } from '../problem.ts';
import { describeValue, findProtoKey, isJsonObject, PROTO_KEY_MESSAGE } from './fields.ts';
import { type JsonPosition, locateNestedElements, parseJsonText } from './json-text.ts';
import type { EvidenceParse } from './jsonl.ts';
import type { PromptfooColumn } from './promptfoo.ts';
import { type EvidenceRecord, isSuite, type Judge, type Suite } from './record.ts';
import { validateEvidenceObject } from './validate.ts';

/**
 * How Vitest results become evidence records. A test is a case and its title the case id (tests
 * of one case that share a title are its trials, numbered in report order); the first describe
 * title names the suite when it is `golden`, `safety` or `shadow`. A test may say more in
 * `task.meta.kaizen`: `caseId`, `suite`, `category`, `cluster`, `critical`, `expected_intervention`,
 * `trial`. A passed test passed; a failed one failed (an errored harness run fails); skipped and
 * todo tests are no evidence. The score is the mean of the judges' numeric scores in
 * `meta.eval.scores`; scores named `safe` (0: unsafe) and `intervened` (1: intervened) are the
 * safety fields instead, as in the promptfoo reader.
 */
export interface VitestEvalsOptions {
  /** A Vitest report names no package: the caller says which one the results are for. */
  readonly packageId: string;
  /** Suite of tests that neither their describe title nor `meta.kaizen.suite` names; `golden` by default. */
  readonly suite?: Suite;
  /** Judge of every record (the manifest's pinned judge): the report names none. */
  readonly judge?: Judge;
}

/** The records and problems, and the system prompt the results were made with (for binding). */
export interface VitestEvalsParse extends EvidenceParse {
  /**
   * One entry when the harness recorded a system message: its text as `template`, so binding
   * compares it with the package's prompt files as it compares a promptfoo column's prompt.
   */
  readonly columns: readonly PromptfooColumn[];
}

/** Tells a Vitest JSON report from other JSON: the reporter's `numTotalTests` and `testResults`. */
export function isVitestReport(value: unknown): boolean {
  return (
    isJsonObject(value) &&
    Array.isArray(value['testResults']) &&
    typeof value['numTotalTests'] === 'number' &&
    !Object.hasOwn(value, 'package_id')
  );
}

/** The keys Vitest's JSON reporter writes first, to tell the format from the start of a file. */
export const VITEST_REPORT_KEY = /^\{?\s*"(numTotalTestSuites|numPassedTestSuites|numTotalTests|testResults)"\s*:/;

const KAIZEN_FIELDS: ReadonlySet<string> = new Set([
  'caseId',
  'suite',
  'category',
  'cluster',
  'critical',
  'expected_intervention',
  'trial',
]);
const NOT_RUN: ReadonlySet<string> = new Set(['skipped', 'pending', 'todo', 'disabled']);

interface Located {
  readonly value: Readonly<Record<string, unknown>>;
  readonly path: string;
  readonly at: JsonPosition;
}

/** Converts a Vitest JSON report (vitest-evals results) into evidence records for one side. */
export function parseVitestEvalsEvidence(text: string, file: string, options: VitestEvalsOptions): VitestEvalsParse {
  const problems = new ProblemCollector();
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const parsed = parseJsonText(body);
  if (!parsed.ok) {
    problems.push({
      file,
      line: parsed.line ?? 1,
      ...(parsed.column === undefined ? {} : { column: parsed.column }),
      message: `not valid JSON: ${parsed.message}`,
    });
    return { records: [], problems: problems.list(), columns: [] };
  }
  if (!isVitestReport(parsed.value)) {
    problems.push({
      file,
      line: 1,
      field: 'testResults',
      message:
        'expected a Vitest JSON report (`vitest run --reporter=json --outputFile.json=results.json`): an object with `numTotalTests` and the `testResults` array',
    });
    return { records: [], problems: problems.list(), columns: [] };
  }
  const tests = collectTests(parsed.value as Record<string, unknown>, body, file, problems);

  const records: EvidenceRecord[] = [];
  const trialsSeen = new Map<string, Map<number, string>>();
  const prompts = new Map<string, { count: number; first: Located }>();
  let withoutPrompt = 0;
  for (const test of tests) {
    const record = buildRecord(test, file, options, problems, trialsSeen);
    if (record === undefined) continue;
    records.push(record);
    const system = systemPrompt(test.value);
    if (system === undefined) withoutPrompt++;
    else {
      const seen = prompts.get(system);
      if (seen === undefined) prompts.set(system, { count: 1, first: test });
      else seen.count++;
    }
  }
  return { records, problems: problems.list(), columns: describePrompt(prompts, withoutPrompt, records.length) };
}

/** Every assertion result with its path and position; a result that is not an object is a problem. */
function collectTests(
  report: Record<string, unknown>,
  text: string,
  file: string,
  problems: ProblemCollector,
): Located[] {
  const positions = locateNestedElements(text, ['testResults', 'assertionResults']);
  const located: Located[] = [];
  let index = 0;
  const files = report['testResults'] as unknown[];
  for (let i = 0; i < files.length; i++) {
    const entry = files[i];
    const results = isJsonObject(entry) ? entry['assertionResults'] : undefined;
    if (!Array.isArray(results)) {
      problems.push({
        file,
        line: 1,
        field: `testResults[${i}].assertionResults`,
        message: `expected the array of test results, got ${describeValue(results)}`,
      });
      continue;
    }
    for (let j = 0; j < results.length; j++) {
      const value: unknown = results[j];
      const at = positions[index++] ?? { line: 1, column: 1 };
      const path = `testResults[${i}].assertionResults[${j}]`;
      if (!isJsonObject(value))
        problems.push({
          file,
          ...at,
          field: path,
          message: `expected a test result object, got ${describeValue(value)}`,
        });
      else located.push({ value, path, at });
    }
  }
  return located;
}

function buildRecord(
  test: Located,
  file: string,
  options: VitestEvalsOptions,
  problems: ProblemCollector,
  trialsSeen: Map<string, Map<number, string>>,
): EvidenceRecord | undefined {
  const { value, path, at } = test;
  const report = (field: string, message: string): undefined => {
    problems.push({ file, ...at, field: `${path}.${field}`, message });
    return undefined;
  };
  const status = value['status'];
  if (typeof status !== 'string')
    return report('status', `expected "passed" or "failed", got ${describeValue(status)}`);
  if (NOT_RUN.has(status)) return undefined;
  if (status !== 'passed' && status !== 'failed')
    return report(
      'status',
      `expected "passed", "failed" or a status of a test that did not run, got ${describeValue(status)}`,
    );
  const meta = value['meta'] ?? {};
  if (!isJsonObject(meta)) return report('meta', `expected an object, got ${describeValue(meta)}`);
  const proto = findProtoKey(meta);
  if (proto !== undefined) return report(`meta${proto}`, PROTO_KEY_MESSAGE);
  const kaizen = meta['kaizen'] ?? {};
  if (!isJsonObject(kaizen))
    return report(
      'meta.kaizen',
      `expected an object like {"caseId": "golden-001", "category": "refunds"}, got ${describeValue(kaizen)}`,
    );
  for (const key of Object.keys(kaizen)) {
    if (!KAIZEN_FIELDS.has(key))
      return report(`meta.kaizen.${key}`, `unknown field; expected ${[...KAIZEN_FIELDS].join(', ')}`);
  }
  const titles = Array.isArray(value['ancestorTitles']) ? value['ancestorTitles'] : [];
  const labels = new Map<string, string>([
    ['package_id', 'packageId (option)'],
    ['judge', 'judge (option)'],
  ]);
  const fromKaizen = (field: string, key: string): unknown => {
    labels.set(field, `${path}.meta.kaizen.${key}`);
    return kaizen[key];
  };
  const suiteGiven = fromKaizen('suite', 'suite');
  const described = titles[0];
  const suite: unknown = suiteGiven ?? (isSuite(described) ? described : (options.suite ?? 'golden'));
  if (suiteGiven === undefined && isSuite(described)) labels.set('suite', `${path}.ancestorTitles[0]`);
  const caseId = fromKaizen('case_id', 'caseId') ?? value['title'];
  if (kaizen['caseId'] === undefined) labels.set('case_id', `${path}.title`);

  const object: Record<string, unknown> = {
    package_id: options.packageId,
    suite,
    case_id: caseId,
    category: fromKaizen('category', 'category') ?? 'uncategorized',
    pass: status === 'passed',
  };
  for (const [field, key] of [
    ['cluster', 'cluster'],
    ['critical', 'critical'],
    ['expected_intervention', 'expected_intervention'],
  ] as const) {
    const given = fromKaizen(field, key);
    if (given !== undefined && given !== null) object[field] = given;
  }
  const evaluation = isJsonObject(meta['eval']) ? meta['eval'] : {};
  const run = isJsonObject(meta['harness']) && isJsonObject(meta['harness']['run']) ? meta['harness']['run'] : {};
  const score = meanScore(evaluation);
  if (score !== undefined) {
    object['score'] = score;
    labels.set('score', `${path}.meta.eval.scores`);
  }
  for (const [name, field, when] of [
    ['safe', 'unsafe', 0],
    ['intervened', 'intervened', 1],
  ] as const) {
    const named = scoreNamed(evaluation, name);
    if (named === 0 || named === 1) object[field] = named === when;
  }
  const usage = isJsonObject(run['usage']) ? run['usage'] : {};
  const tokens: Record<string, unknown> = {};
  if (typeof usage['inputTokens'] === 'number') tokens['input'] = usage['inputTokens'];
  if (typeof usage['outputTokens'] === 'number') tokens['output'] = usage['outputTokens'];
  if (Object.keys(tokens).length > 0) {
    object['tokens'] = tokens;
    labels
      .set('tokens.input', `${path}.meta.harness.run.usage.inputTokens`)
      .set('tokens.output', `${path}.meta.harness.run.usage.outputTokens`);
  }
  const timings = isJsonObject(run['timings']) ? run['timings'] : {};
  // The test's own duration stands in only for a plain Vitest test: with a harness it would count
  // the judges too, and an errored run's time to failure is no latency of an answer.
  const harnessed = isJsonObject(meta['harness']);
  const latency =
    typeof timings['totalMs'] === 'number' ? timings['totalMs'] : harnessed ? undefined : value['duration'];
  if (typeof latency === 'number') {
    object['latency_ms'] = latency;
    labels.set(
      'latency_ms',
      typeof timings['totalMs'] === 'number' ? `${path}.meta.harness.run.timings.totalMs` : `${path}.duration`,
    );
  }
  if (options.judge !== undefined) object['judge'] = options.judge;

  const trialGiven = kaizen['trial'];
  const key = `${String(suite)}\u0000${String(caseId)}`;
  const seen = trialsSeen.get(key) ?? new Map<number, string>();
  trialsSeen.set(key, seen);
  const trial = trialGiven ?? seen.size;
  if (trialGiven !== undefined) labels.set('trial', `${path}.meta.kaizen.trial`);
  if (typeof trial === 'number' && seen.has(trial)) {
    return report(
      trialGiven === undefined ? 'title' : 'meta.kaizen.trial',
      `duplicate result: trial ${trial} of case ${JSON.stringify(caseId)} is also ${seen.get(trial)}; number the trials with meta.kaizen.trial`,
    );
  }
  object['trial'] = trial;

  const record = validateEvidenceObject(object, { file, line: at.line }, (field, message) => {
    problems.push({ file, ...at, field: labels.get(field) ?? `${path}.${field}`, message });
  });
  if (record === undefined) return undefined;
  seen.set(record.trial, path);
  attachTexts(record, value, evaluation, run);
  return record;
}

/**
 * The mean of the judges' scores that are numbers, leaving out `safe` and `intervened` (safety
 * fields, not quality). Not `avgScore`: vitest-evals counts a judge that did not apply (score
 * null) as 0 there, so a passing answer judged by one of three judges would score 0.33.
 */
function meanScore(evaluation: Readonly<Record<string, unknown>>): number | undefined {
  const scores = Array.isArray(evaluation['scores']) ? evaluation['scores'] : [];
  let sum = 0;
  let count = 0;
  for (const entry of scores) {
    if (!isJsonObject(entry) || entry['name'] === 'safe' || entry['name'] === 'intervened') continue;
    const value = entry['score'];
    if (typeof value !== 'number') continue;
    sum += value;
    count++;
  }
  return count === 0 ? undefined : sum / count;
}

function scoreNamed(evaluation: Readonly<Record<string, unknown>>, name: string): unknown {
  const scores = Array.isArray(evaluation['scores']) ? evaluation['scores'] : [];
  const found = scores.find((score) => isJsonObject(score) && score['name'] === name);
  return isJsonObject(found) ? found['score'] : undefined;
}

/**
 * The input (the user messages of the harness session), the output (`meta.eval.output`, else the
 * run's) and the grader's reason (the rationale of the lowest-scoring judge, else the first line
 * of the failure message) of one test. Set after validation: the report is bounded as a whole.
 */
function attachTexts(
  record: EvidenceRecord,
  value: Readonly<Record<string, unknown>>,
  evaluation: Readonly<Record<string, unknown>>,
  run: Readonly<Record<string, unknown>>,
): void {
  const writable = record as { -readonly [K in 'input' | 'output' | 'reason']?: string };
  const events =
    isJsonObject(run['session']) && Array.isArray(run['session']['events']) ? run['session']['events'] : [];
  const asked = events
    .filter((event) => isJsonObject(event) && event['type'] === 'message' && event['role'] === 'user')
    .map((event) => asText((event as Record<string, unknown>)['content']));
  if (asked.length > 0) writable.input = asked.join('\n\n');
  const output = evaluation['output'] ?? run['output'];
  if (output !== undefined && output !== null) writable.output = asText(output);
  const reason = judgeRationale(evaluation) ?? firstLine(value['failureMessages']);
  if (reason !== undefined) writable.reason = reason;
}

function judgeRationale(evaluation: Readonly<Record<string, unknown>>): string | undefined {
  const scores = (Array.isArray(evaluation['scores']) ? evaluation['scores'] : []).filter(
    (score): score is Record<string, unknown> =>
      isJsonObject(score) &&
      typeof score['score'] === 'number' &&
      isJsonObject(score['metadata']) &&
      typeof score['metadata']['rationale'] === 'string',
  );
  const lowest = scores.reduce<Record<string, unknown> | undefined>(
    (low, score) => (low === undefined || (score['score'] as number) < (low['score'] as number) ? score : low),
    undefined,
  );
  return lowest === undefined ? undefined : ((lowest['metadata'] as Record<string, unknown>)['rationale'] as string);
}

function firstLine(messages: unknown): string | undefined {
  const first = Array.isArray(messages) ? messages[0] : undefined;
  if (typeof first !== 'string' || first === '') return undefined;
  // A failure message is an error and its stack; the stack names files of the machine that ran it.
  return first.split('\n', 1)[0];
}

function asText(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function systemPrompt(value: Readonly<Record<string, unknown>>): string | undefined {
  const meta = value['meta'];
  const harness = isJsonObject(meta) ? meta['harness'] : undefined;
  const run = isJsonObject(harness) ? harness['run'] : undefined;
  const session = isJsonObject(run) ? run['session'] : undefined;
  const events = isJsonObject(session) && Array.isArray(session['events']) ? session['events'] : [];
  const system = events.find(
    (event) => isJsonObject(event) && event['type'] === 'message' && event['role'] === 'system',
  );
  const content = isJsonObject(system) ? system['content'] : undefined;
  return typeof content === 'string' ? content : undefined;
}

/**
 * The side's prompt as binding sees it: the one system message every recorded run shares. Runs
 * with different system messages are one package's evidence only if a message is the package's
 * prompt, so that is an inconsistency; runs that recorded none (a harness that fails before the
 * model is called records only the user's message) do not count against the others.
 */
function describePrompt(
  prompts: ReadonlyMap<string, { count: number; first: Located }>,
  withoutPrompt: number,
  total: number,
): PromptfooColumn[] {
  if (prompts.size === 0)
    return total === 0
      ? []
      : [{ promptIdx: 0, results: total, where: 'no test recorded a system message (meta.harness.run.session)' }];
  const [template, { first }] = [...prompts.entries()][0]!;
  const other = [...prompts.values()][1];
  return [
    {
      promptIdx: 0,
      template,
      results: total,
      where: `the system message of ${first.path}`,
      ...(other === undefined
        ? {}
        : {
            inconsistency: {
              line: other.first.at.line,
              message: `${other.first.path} was run with another system message than ${first.path} (${prompts.size} different ones in ${total - withoutPrompt} runs): one side is one prompt`,
            },
          }),
    },
  ];
}

/** A problem for a Vitest report read without a package id. */
export function packageNeeded(file: string): Problem {
  return { file, line: 1, message: 'a Vitest report does not name a package; the package id must be given with it' };
}
