// Reads the file `promptfoo eval -o results.json` writes. Field names follow promptfoo's own
// types in github.com/promptfoo/promptfoo: `OutputFile`, `EvaluateSummaryV3`, `EvaluateResult`
// and `GradingResult` in src/types/index.ts, `TokenUsage` in src/types/shared.ts, and
// src/evaluator.ts, where every repeat and every expanded var combination gets its own testIdx
// and results are appended in completion order (so neither index identifies a case).
import { createHash } from 'node:crypto';
import { type Problem, ProblemCollector } from '../problem.ts';
import { describeValue, findProtoKey, isJsonObject, PROTO_KEY_MESSAGE } from './fields.ts';
import { stableJson } from '../stable-json.ts';
import { locateArrayElements, parseJsonText } from './json-text.ts';
import type { EvidenceParse } from './jsonl.ts';
import { type EvidenceRecord, isSuite, type Judge, type Suite } from './record.ts';
import { validateEvidenceObject } from './validate.ts';

/** Picks one column of a promptfoo eval (one prompt × provider) as one side of the comparison. */
export interface PromptfooSideSelector {
  readonly promptIdx?: number;
  /** Matches the provider's id or its label. */
  readonly provider?: string;
  /**
   * Matches the prompt's label as stored, or the label the config gave it: promptfoo 0.123.1 stores
   * a file prompt labelled `v1` as `v1: prompt_v1.txt: Answer from…`, so `v1` matches the part
   * before the first `: ` too.
   */
  readonly label?: string;
}

/** One column of a promptfoo eval as read for one side, with what binding needs to know of it. */
export interface PromptfooColumn {
  readonly promptIdx: number;
  readonly label?: string;
  readonly provider?: string;
  readonly providerLabel?: string;
  /** The column's prompt template, `results.prompts[promptIdx].raw`, when the file holds it as text. */
  readonly template?: string;
  /** Where a result's own prompt contradicts the template (results assembled from other runs, or edited). */
  readonly inconsistency?: { readonly line: number; readonly message: string };
  /** How many results the side took from the column. */
  readonly results: number;
  /** Where the prompt text comes from, for formats other than promptfoo (e.g. a Vitest run's system message). */
  readonly where?: string;
}

/** What the promptfoo reader returns: the records and problems, and the columns the side was read from. */
export interface PromptfooParse extends EvidenceParse {
  readonly columns: readonly PromptfooColumn[];
}

/** One column present in a promptfoo output file. */
export interface PromptfooSide {
  readonly promptIdx: number;
  readonly provider?: string;
  readonly providerLabel?: string;
  readonly label?: string;
  /** How many results (tests × repeats) the column holds. */
  readonly results: number;
}

/**
 * How to turn promptfoo results into evidence records. Per test, `testCase.metadata` may carry
 * `caseId`, `suite`, `category`, `cluster`, `critical`, `expected_intervention` and `judge`
 * ({id, version}). Per trial, a metric (assertion `metric:`) named `safe` scoring 0 marks the
 * output unsafe, and one named `intervened` scoring 1 marks an intervention; without it the
 * provider's `isRefusal` or `guardrails.flagged` say whether it intervened. A result that errored
 * (failureReason 2) has `success: false` and counts as a failed trial. `critical` and
 * `expected_intervention` may be the strings "true"/"false" that promptfoo's CSV test files give.
 * The row `score` is carried over only inside [0, 1]: an assertion that returns a raw number
 * (`output.length / 10`) makes promptfoo's weighted score leave that range; such a score is no
 * fraction and is left out, so the score metric uses pass for a case none of whose trials has one.
 */
export interface PromptfooOptions {
  /** promptfoo knows nothing of packages: the caller says which one the results are for. */
  readonly packageId: string;
  /** Suite of results whose `metadata.suite` is absent; `golden` by default. */
  readonly suite?: Suite;
  readonly side?: PromptfooSideSelector;
  /** Judge of results whose `metadata.judge` is absent (e.g. the manifest's pinned judge). */
  readonly judge?: Judge;
}

interface LoadedResult {
  readonly index: number;
  readonly value: Readonly<Record<string, unknown>>;
  readonly line: number;
  readonly side: Omit<PromptfooSide, 'results'>;
}

const SIDE_HINT = 'choose one with a side selector (promptIdx, provider or label)';

/** Lists the columns (promptIdx, provider, prompt label) in a promptfoo output file. */
export function listPromptfooSides(text: string, file: string): { sides: PromptfooSide[]; problems: Problem[] } {
  const problems = new ProblemCollector();
  const loaded = loadResults(text, file, problems);
  return { sides: countSides(loaded?.results ?? []), problems: problems.list() };
}

/**
 * Converts one side of a promptfoo output file into evidence records. A case is keyed by
 * `testCase.metadata.caseId`, else by a hash of the test's description (unless it is the
 * positional `Row #N` promptfoo gives tests-file rows without one) and vars; repeats of a case
 * are its trials, numbered in testIdx order.
 */
export function parsePromptfooEvidence(text: string, file: string, options: PromptfooOptions): PromptfooParse {
  const problems = new ProblemCollector();
  const loaded = loadResults(text, file, problems);
  if (loaded === undefined) return { records: [], problems: problems.list(), columns: [] };
  const { results } = loaded;
  const selector = options.side;
  const sides = countSides(results);
  const selected = results.filter((result) => selector === undefined || matchesSide(result.side, selector));
  if (selector === undefined && sides.length > 1) {
    problems.push({
      file,
      line: 1,
      field: 'results.results',
      message: `holds ${sides.length} sides: ${sides.map(formatSide).join('; ')}; ${SIDE_HINT}`,
    });
    return { records: [], problems: problems.list(), columns: [] };
  }
  if (selector !== undefined && selected.length === 0 && results.length > 0) {
    problems.push({
      file,
      line: 1,
      field: 'results.results',
      message: `no result matches the side ${formatSelector(selector)}; present: ${sides.map(formatSide).join('; ')}`,
    });
    return { records: [], problems: problems.list(), columns: [] };
  }
  const matched = countSides(selected);
  if (selector !== undefined && new Set(matched.map((side) => side.promptIdx)).size > 1) {
    problems.push({
      file,
      line: 1,
      field: 'results.results',
      message: `the side ${formatSelector(selector)} matches ${matched.length} columns: ${matched.map(formatSide).join('; ')}; one side is one column: select it with promptIdx=N`,
    });
    return { records: [], problems: problems.list(), columns: [] };
  }

  const groups = new Map<string, { draft: Draft; result: LoadedResult }[]>();
  for (const result of selected) {
    const draft = draftRecord(result, file, options, problems);
    if (draft === undefined) continue;
    const key = `${draft.suite}\u0000${draft.caseId}`;
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [{ draft, result }]);
    else group.push({ draft, result });
  }

  const records: EvidenceRecord[] = [];
  for (const group of groups.values()) {
    group.sort((a, b) => a.draft.testIdx - b.draft.testIdx || a.result.index - b.result.index);
    const first = group[0];
    for (let trial = 0; trial < group.length; trial++) {
      const entry = group[trial];
      if (entry === undefined || first === undefined) continue;
      if (!checkSameTest(entry, group[trial - 1], first, file, problems)) continue;
      const record = buildRecord(entry.draft, entry.result, trial, file, options, problems);
      if (record !== undefined) records.push(record);
    }
  }
  records.sort((a, b) => a.source.line - b.source.line || a.trial - b.trial);
  return { records, problems: problems.list(), columns: describeColumns(selected, matched, loaded.prompts) };
}

/** A selector as the user writes it on the command line: `label=v1`, `provider=echo`, `promptIdx=1`. */
function formatSelector(selector: PromptfooSideSelector): string {
  const parts = Object.entries(selector).map(([key, value]) => `${key}=${String(value)}`);
  return parts.length === 1 ? parts[0]! : `{${parts.join(', ')}}`;
}

/**
 * The columns a side was read from, with each one's template (`results.prompts[promptIdx].raw`)
 * and the first result whose own prompt contradicts it: a promptId naming another prompt, or a
 * rendered prompt that is not the template with its variables filled in.
 */
function describeColumns(
  selected: readonly LoadedResult[],
  sides: readonly PromptfooSide[],
  prompts: readonly unknown[],
): PromptfooColumn[] {
  return sides.map((side) => {
    const entry = prompts[side.promptIdx];
    const raw = isJsonObject(entry) ? entry['raw'] : undefined;
    const id = isJsonObject(entry) ? entry['id'] : undefined;
    const template = typeof raw === 'string' ? raw : undefined;
    let inconsistency: PromptfooColumn['inconsistency'];
    for (const result of selected) {
      if (inconsistency !== undefined || result.side.promptIdx !== side.promptIdx) continue;
      const path = `results.results[${result.index}]`;
      const promptId = result.value['promptId'];
      if (typeof promptId === 'string' && typeof id === 'string' && promptId !== id) {
        inconsistency = {
          line: result.line,
          message: `${path}.promptId is ${quoteLabel(promptId)}, but results.prompts[${side.promptIdx}].id is ${quoteLabel(id)}: the results were not made with the prompt the file lists for their column`,
        };
      } else if (template !== undefined) {
        const prompt = result.value['prompt'];
        const rendered = isJsonObject(prompt) ? prompt['raw'] : undefined;
        if (typeof rendered === 'string' && !fitsTemplate(rendered, template)) {
          inconsistency = {
            line: result.line,
            message: `${path}.prompt.raw is not results.prompts[${side.promptIdx}].raw with its variables filled in: the results were made with another prompt`,
          };
        }
      }
    }
    return {
      promptIdx: side.promptIdx,
      ...(side.label === undefined ? {} : { label: side.label }),
      ...(side.provider === undefined ? {} : { provider: side.provider }),
      ...(side.providerLabel === undefined ? {} : { providerLabel: side.providerLabel }),
      ...(template === undefined ? {} : { template }),
      ...(inconsistency === undefined ? {} : { inconsistency }),
      results: side.results,
    };
  });
}

/**
 * Whether `rendered` can be `template` with its `{{ … }}` placeholders filled in: the text between
 * placeholders must appear in order, the first piece at the start and the last at the end.
 * Templates with control blocks (`{% … %}`) can repeat or drop text, so they are not judged.
 */
export function fitsTemplate(rendered: string, template: string): boolean {
  if (template.includes('{%')) return true;
  const pieces = trimNewlines(template).split(/\{\{[\s\S]*?\}\}|\{#[\s\S]*?#\}/);
  const text = trimNewlines(rendered);
  const first = pieces[0] ?? '';
  if (pieces.length === 1) return text === first;
  if (!text.startsWith(first)) return false;
  const last = pieces.at(-1) ?? '';
  let position = first.length;
  for (const piece of pieces.slice(1, -1)) {
    const found = text.indexOf(piece, position);
    if (found < 0) return false;
    position = found + piece.length;
  }
  return text.length - last.length >= position && text.endsWith(last);
}

/** Text without its trailing line ends: an editor's final newline is no part of a prompt. */
export function trimNewlines(text: string): string {
  let end = text.length;
  while (end > 0 && (text.charCodeAt(end - 1) === 0x0a || text.charCodeAt(end - 1) === 0x0d)) end--;
  return text.slice(0, end);
}

function loadResults(
  text: string,
  file: string,
  problems: ProblemCollector,
): { results: LoadedResult[]; prompts: readonly unknown[] } | undefined {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const parsed = parseJsonText(body);
  if (!parsed.ok) {
    problems.push({
      file,
      line: parsed.line ?? 1,
      ...(parsed.column === undefined ? {} : { column: parsed.column }),
      message: `not valid JSON: ${parsed.message}`,
    });
    return undefined;
  }
  const summary = isJsonObject(parsed.value) ? parsed.value['results'] : undefined;
  if (!isJsonObject(summary)) {
    problems.push({
      file,
      line: 1,
      field: 'results',
      message:
        'expected a promptfoo output file (`promptfoo eval -o results.json`): an object whose `results` holds the eval summary',
    });
    return undefined;
  }
  if (summary['version'] !== 3) {
    problems.push({
      file,
      line: 1,
      field: 'results.version',
      message: `expected 3 (promptfoo's EvaluateSummaryV3), got ${describeValue(summary['version'])}; export the results with a current promptfoo`,
    });
    return undefined;
  }
  const results = summary['results'];
  if (!Array.isArray(results)) {
    problems.push({
      file,
      line: 1,
      field: 'results.results',
      message: `expected the array of eval results, got ${describeValue(results)}`,
    });
    return undefined;
  }
  const lines = locateArrayElements(body, ['results', 'results']);
  const prompts = Array.isArray(summary['prompts']) ? (summary['prompts'] as unknown[]) : [];
  const loaded: LoadedResult[] = [];
  for (let index = 0; index < results.length; index++) {
    const value: unknown = results[index];
    const line = lines[index] ?? 1;
    const path = `results.results[${index}]`;
    if (!isJsonObject(value)) {
      problems.push({
        file,
        line,
        field: path,
        message: `expected an eval result object, got ${describeValue(value)}`,
      });
      continue;
    }
    const promptIdx = value['promptIdx'];
    if (typeof promptIdx !== 'number' || !Number.isSafeInteger(promptIdx) || promptIdx < 0) {
      problems.push({
        file,
        line,
        field: `${path}.promptIdx`,
        message: `expected a non-negative integer, got ${describeValue(promptIdx)}`,
      });
      continue;
    }
    loaded.push({
      index,
      value,
      line,
      side: { promptIdx, ...readProvider(value['provider']), ...readPromptLabel(value['prompt']) },
    });
  }
  return { results: loaded, prompts };
}

function readProvider(provider: unknown): { provider?: string; providerLabel?: string } {
  if (typeof provider === 'string') return { provider };
  if (!isJsonObject(provider)) return {};
  const id = provider['id'];
  const label = provider['label'];
  // promptfoo writes `"label": ""` for every provider the config names without one.
  return {
    ...(typeof id === 'string' ? { provider: id } : {}),
    ...(typeof label === 'string' && label !== '' ? { providerLabel: label } : {}),
  };
}

function readPromptLabel(prompt: unknown): { label?: string } {
  const label = isJsonObject(prompt) ? prompt['label'] : undefined;
  return typeof label === 'string' ? { label } : {};
}

/** A label for a message: promptfoo labels a prompt without one by its whole text. */
function quoteLabel(label: string): string {
  return JSON.stringify(label.length > 60 ? `${label.slice(0, 60)}…` : label);
}

function matchesSide(side: LoadedResult['side'], selector: PromptfooSideSelector): boolean {
  return (
    (selector.promptIdx === undefined || side.promptIdx === selector.promptIdx) &&
    (selector.provider === undefined ||
      side.provider === selector.provider ||
      side.providerLabel === selector.provider) &&
    (selector.label === undefined || side.label === selector.label || configLabel(side.label) === selector.label)
  );
}

/** The label the config gave a prompt: promptfoo prefixes a file prompt's stored label with it and `: `. */
function configLabel(label: string | undefined): string | undefined {
  const colon = label?.indexOf(': ') ?? -1;
  return colon > 0 ? label!.slice(0, colon) : undefined;
}

function countSides(results: readonly LoadedResult[]): PromptfooSide[] {
  const sides = new Map<string, { side: LoadedResult['side']; results: number }>();
  for (const { side } of results) {
    const key = JSON.stringify([side.promptIdx, side.provider, side.providerLabel, side.label]);
    const seen = sides.get(key);
    if (seen === undefined) sides.set(key, { side, results: 1 });
    else seen.results++;
  }
  return [...sides.values()]
    .map(({ side, results: count }) => ({ ...side, results: count }))
    .toSorted(
      (a, b) => a.promptIdx - b.promptIdx || compareText(a.provider, b.provider) || compareText(a.label, b.label),
    );
}

function compareText(a: string | undefined, b: string | undefined): number {
  const x = a ?? '';
  const y = b ?? '';
  return x < y ? -1 : x > y ? 1 : 0;
}

function formatSide(side: PromptfooSide): string {
  const provider = side.provider === undefined ? '' : `, provider ${JSON.stringify(side.provider)}`;
  const providerLabel = side.providerLabel === undefined ? '' : ` (label ${quoteLabel(side.providerLabel)})`;
  const label = side.label === undefined ? '' : `, prompt label ${quoteLabel(side.label)}`;
  return `promptIdx ${side.promptIdx}${provider}${providerLabel}${label}: ${side.results} result${side.results === 1 ? '' : 's'}`;
}

const ROW_NUMBER = /^Row #\d+$/;

interface Draft {
  readonly suite: Suite;
  readonly caseId: string;
  readonly testIdx: number;
  readonly metadata: Readonly<Record<string, unknown>>;
  /** Vars and assertions: repeats of one test carry equal fingerprints. */
  readonly fingerprint: string;
  /** The test's vars as text, the case's input in the report. */
  readonly input?: string;
}

function draftRecord(
  result: LoadedResult,
  file: string,
  options: PromptfooOptions,
  problems: ProblemCollector,
): Draft | undefined {
  const path = `results.results[${result.index}]`;
  const report = (field: string, message: string): undefined => {
    problems.push({ file, line: result.line, field: `${path}.${field}`, message });
    return undefined;
  };
  const testCase = result.value['testCase'];
  if (!isJsonObject(testCase))
    return report('testCase', `expected the test case object, got ${describeValue(testCase)}`);
  const metadata = testCase['metadata'] ?? {};
  if (!isJsonObject(metadata)) return report('testCase.metadata', `expected an object, got ${describeValue(metadata)}`);
  const vars = testCase['vars'] ?? result.value['vars'] ?? {};
  for (const [name, value] of [
    ['testCase.metadata', metadata],
    ['testCase.vars', vars],
  ] as const) {
    const proto = findProtoKey(value);
    if (proto !== undefined) return report(`${name}${proto}`, PROTO_KEY_MESSAGE);
  }

  let suite: Suite = options.suite ?? 'golden';
  if (metadata['suite'] !== undefined) {
    if (!isSuite(metadata['suite']))
      return report(
        'testCase.metadata.suite',
        `expected "golden", "safety" or "shadow", got ${describeValue(metadata['suite'])}`,
      );
    suite = metadata['suite'];
  }
  let caseId: string;
  const declared = metadata['caseId'];
  if (declared !== undefined) {
    if (typeof declared !== 'string' || declared.trim() === '')
      return report('testCase.metadata.caseId', `expected a non-empty string, got ${describeValue(declared)}`);
    caseId = declared;
  } else {
    const described = testCase['description'] ?? result.value['description'] ?? null;
    // promptfoo names a test from a CSV, JSON or YAML tests file that has no description `Row #N`:
    // that is its position in the file, which an inserted row shifts, so it is no part of the key.
    const description = typeof described === 'string' && ROW_NUMBER.test(described) ? null : described;
    caseId = createHash('sha256')
      .update(stableJson([description, vars]))
      .digest('hex')
      .slice(0, 16);
  }
  const testIdx = result.value['testIdx'];
  return {
    suite,
    caseId,
    testIdx: typeof testIdx === 'number' && Number.isFinite(testIdx) ? testIdx : result.index,
    metadata,
    fingerprint: stableJson({ vars, assert: testCase['assert'] ?? null }),
    ...(isJsonObject(vars) && Object.keys(vars).length > 0 ? { input: varsText(vars) } : {}),
  };
}

/** Vars as `name: value` lines in promptfoo's order; a value that is not a string as its JSON. */
function varsText(vars: Readonly<Record<string, unknown>>): string {
  return Object.entries(vars)
    .map(([name, value]) => `${name}: ${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join('\n');
}

/**
 * The texts of one result for the report: the output (`response.output`, as JSON when it is not a
 * string) and the grader's reason (`gradingResult.reason`, else the error of a result that
 * errored). Set after validation: promptfoo's file is bounded as a whole, so its texts are not held
 * to the per-field limit of a JSONL line.
 */
function attachTexts(record: EvidenceRecord, draft: Draft, value: Readonly<Record<string, unknown>>): void {
  const writable = record as { -readonly [K in 'input' | 'output' | 'reason']?: string };
  if (draft.input !== undefined) writable.input = draft.input;
  const response = value['response'];
  const output = isJsonObject(response) ? response['output'] : undefined;
  if (typeof output === 'string') writable.output = output;
  else if (output !== undefined && output !== null) writable.output = JSON.stringify(output);
  const grading = value['gradingResult'];
  const reason = isJsonObject(grading) ? grading['reason'] : undefined;
  const error = value['error'];
  if (typeof reason === 'string' && reason !== '') writable.reason = reason;
  else if (typeof error === 'string' && error !== '') writable.reason = error;
}

type Entry = { readonly draft: Draft; readonly result: LoadedResult };

/** Reports a repeated testIdx, and two different tests that landed on one case key. */
function checkSameTest(
  entry: Entry,
  previous: Entry | undefined,
  first: Entry,
  file: string,
  problems: ProblemCollector,
): boolean {
  const path = `results.results[${entry.result.index}]`;
  if (previous !== undefined && previous.draft.testIdx === entry.draft.testIdx) {
    problems.push({
      file,
      line: entry.result.line,
      field: `${path}.testIdx`,
      message: `duplicate result: testIdx ${entry.draft.testIdx} of this side is also results.results[${previous.result.index}] (line ${previous.result.line})`,
    });
    return false;
  }
  if (entry.draft.fingerprint !== first.draft.fingerprint) {
    const how =
      entry.draft.metadata['caseId'] === undefined
        ? 'the same description and vars'
        : `metadata.caseId ${JSON.stringify(entry.draft.caseId)}`;
    problems.push({
      file,
      line: entry.result.line,
      field: `${path}.testCase`,
      message: `shares ${how} with results.results[${first.result.index}] (line ${first.result.line}) but runs different vars or assertions; give each test its own metadata.caseId`,
    });
    return false;
  }
  return true;
}

const METADATA_FIELDS = ['category', 'cluster', 'critical', 'expected_intervention'] as const;
const BOOLEAN_METADATA: ReadonlySet<string> = new Set(['critical', 'expected_intervention']);

/** promptfoo's CSV loader keeps `__metadata:critical` cells as text; only true/false is read as one. */
function csvBoolean(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const text = value.trim().toLowerCase();
  return text === 'true' ? true : text === 'false' ? false : value;
}

/** A finite number outside [0, 1]; anything else (NaN strings, overflow) is left to validation. */
function isOutsideUnit(value: unknown): boolean {
  return typeof value === 'number' && Number.isFinite(value) && (value < 0 || value > 1);
}

function buildRecord(
  draft: Draft,
  result: LoadedResult,
  trial: number,
  file: string,
  options: PromptfooOptions,
  problems: ProblemCollector,
): EvidenceRecord | undefined {
  const path = `results.results[${result.index}]`;
  const value = result.value;
  const labels = new Map<string, string>([
    ['package_id', 'packageId (option)'],
    ['pass', `${path}.success`],
    ['score', `${path}.score`],
    ['cost_usd', `${path}.cost`],
    ['latency_ms', `${path}.latencyMs`],
  ]);
  const object: Record<string, unknown> = {
    package_id: options.packageId,
    suite: draft.suite,
    case_id: draft.caseId,
    category: draft.metadata['category'] ?? 'uncategorized',
    trial,
  };
  const suiteId = draft.metadata['suiteId'] ?? draft.metadata['suite_id'];
  if (suiteId !== undefined && suiteId !== null) {
    object['suite_id'] = suiteId;
    labels.set(
      'suite_id',
      `${path}.testCase.metadata.${draft.metadata['suiteId'] === undefined ? 'suite_id' : 'suiteId'}`,
    );
  }
  for (const field of METADATA_FIELDS) {
    labels.set(field, `${path}.testCase.metadata.${field}`);
    const given = draft.metadata[field];
    if (given !== undefined && given !== null) object[field] = BOOLEAN_METADATA.has(field) ? csvBoolean(given) : given;
  }
  const present = (key: string): boolean => value[key] !== undefined && value[key] !== null;
  if (Object.hasOwn(value, 'success')) object['pass'] = value['success'];
  if (present('score') && !isOutsideUnit(value['score'])) object['score'] = value['score'];
  if (present('cost')) object['cost_usd'] = value['cost'];
  if (present('latencyMs')) object['latency_ms'] = value['latencyMs'];

  const response = value['response'];
  const usageFrom =
    isJsonObject(response) && isJsonObject(response['tokenUsage'])
      ? `${path}.response.tokenUsage`
      : `${path}.tokenUsage`;
  const usage =
    isJsonObject(response) && isJsonObject(response['tokenUsage']) ? response['tokenUsage'] : value['tokenUsage'];
  if (isJsonObject(usage)) {
    const tokens: Record<string, unknown> = {};
    if (usage['prompt'] !== undefined && usage['prompt'] !== null) tokens['input'] = usage['prompt'];
    if (usage['completion'] !== undefined && usage['completion'] !== null) tokens['output'] = usage['completion'];
    labels.set('tokens.input', `${usageFrom}.prompt`).set('tokens.output', `${usageFrom}.completion`);
    if (Object.keys(tokens).length > 0) object['tokens'] = tokens;
  }

  let failed = false;
  const named = isJsonObject(value['namedScores']) ? value['namedScores'] : {};
  for (const [metric, field, when] of [
    ['safe', 'unsafe', 0],
    ['intervened', 'intervened', 1],
  ] as const) {
    const score = named[metric];
    if (score === undefined) continue;
    if (score === 0 || score === 1) object[field] = score === when;
    else {
      failed = true;
      problems.push({
        file,
        line: result.line,
        field: `${path}.namedScores.${metric}`,
        message: `expected 0 or 1 (a metric named "${metric}" scores 1 when the trial was ${metric}), got ${describeValue(score)}`,
      });
    }
  }
  // Without an `intervened` metric, the provider's own signals say whether it intervened.
  if (object['intervened'] === undefined && isJsonObject(response)) {
    const refused = response['isRefusal'];
    const flagged = isJsonObject(response['guardrails']) ? response['guardrails']['flagged'] : undefined;
    if (typeof refused === 'boolean' || typeof flagged === 'boolean')
      object['intervened'] = refused === true || flagged === true;
  }
  const fromMetadata = draft.metadata['judge'] !== undefined;
  const judge = fromMetadata ? draft.metadata['judge'] : options.judge;
  if (judge !== undefined) {
    object['judge'] = judge;
    const where = fromMetadata ? `${path}.testCase.metadata.judge` : 'judge (option)';
    labels.set('judge', where).set('judge.id', `${where}.id`).set('judge.version', `${where}.version`);
  }

  const record = validateEvidenceObject(object, { file, line: result.line }, (field, message) => {
    problems.push({ file, line: result.line, field: labels.get(field) ?? `${path}.${field}`, message });
  });
  if (failed || record === undefined) return undefined;
  attachTexts(record, draft, value);
  return record;
}
