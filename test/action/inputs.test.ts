// The Action's input parsing and request building, in process over an injected input reader: every
// input rule and message, without a runner. test/e2e/action.test.ts runs the bundled Action.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { eventOf } from '../../src/action/event.ts';
import { parseInputs } from '../../src/action/inputs.ts';
import { checkLimitsOf, requestOf } from '../../src/action/request.ts';
import { DEFAULT_LIMITS } from '../../src/github/checks.ts';
import { formatProblem, InputError } from '../../src/problem.ts';
import { ROOT } from '../gates/scenario.ts';

/** An input reader over a table of values, as `core.getInput` reads INPUT_* variables (trimmed, '' when unset). */
const reader =
  (values: Record<string, string>) =>
  (name: string): string =>
    (values[name] ?? '').trim();

function problemsOf(values: Record<string, string>): string[] {
  try {
    parseInputs(reader(values));
  } catch (error: unknown) {
    if (error instanceof InputError) return error.problems.map(formatProblem);
    throw error;
  }
  return [];
}

describe('parseInputs', () => {
  it('reads every input action.yml declares, and no other', () => {
    const declared = Object.keys(
      (parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as { inputs: Record<string, unknown> }).inputs,
    );
    const asked = new Set<string>();
    parseInputs((name) => {
      asked.add(name);
      return '';
    });
    expect([...asked].toSorted()).toEqual(declared.toSorted());
  });

  it('gives the documented defaults when nothing is set, optional inputs absent rather than empty', () => {
    const inputs = parseInputs(reader({}));
    expect(inputs).toEqual({
      mode: 'auto',
      manifests: [],
      gateUntouched: false,
      parentEvidence: [],
      candidateEvidence: [],
      evidence: [],
      evidenceFormat: 'auto',
      allowUnpaired: false,
      publicKeys: '.kaizen-gate/keys',
      comment: 'always',
      failOn: new Set(['reject', 'hold']),
      outDir: 'kaizen-gate-report',
    });
  });

  it('reads every input', () => {
    const inputs = parseInputs(
      reader({
        'github-token': 'ghs_token',
        mode: 'gate',
        base: 'origin/main',
        head: 'HEAD~1',
        manifests: 'manifests/a.yaml\n\n  manifests/b.yaml  \n',
        'parent-evidence': 'p1.jsonl\np2.jsonl',
        'candidate-evidence': 'c.jsonl',
        evidence: 'both.json',
        'evidence-format': 'promptfoo',
        'parent-side': 'label=v1',
        'candidate-side': 'promptIdx=3',
        policy: 'gates/strict.yaml',
        seed: '42',
        'allow-unpaired': 'TRUE',
        'signing-key': '-----BEGIN PRIVATE KEY-----\nabc\n-----END PRIVATE KEY-----',
        'public-keys': 'keys',
        comment: 'on-failure',
        'fail-on': 'reject, needs_approval',
        'out-dir': 'out',
      }),
    );
    expect(inputs).toMatchObject({
      token: 'ghs_token',
      mode: 'gate',
      base: 'origin/main',
      head: 'HEAD~1',
      manifests: ['manifests/a.yaml', 'manifests/b.yaml'],
      parentEvidence: ['p1.jsonl', 'p2.jsonl'],
      candidateEvidence: ['c.jsonl'],
      evidence: ['both.json'],
      evidenceFormat: 'promptfoo',
      parentSide: { label: 'v1' },
      candidateSide: { promptIdx: 3 },
      policy: 'gates/strict.yaml',
      seed: 42,
      allowUnpaired: true,
      publicKeys: 'keys',
      comment: 'on-failure',
      failOn: new Set(['reject', 'needs_approval']),
      outDir: 'out',
    });
    expect(inputs.signingKey).toContain('BEGIN PRIVATE KEY');
  });

  it('fail-on: none fails on no decision', () => {
    expect(parseInputs(reader({ 'fail-on': 'none' })).failOn.size).toBe(0);
  });

  it.each<[string, Record<string, string>, string[]]>([
    [
      'a misspelt boolean',
      { 'allow-unpaired': 'yes please' },
      ['input allow-unpaired: Expected `allow-unpaired` to be true or false, got "yes please".'],
    ],
    [
      'a negative seed',
      { seed: '-1' },
      ['input seed: Expected `seed` to be an integer from 0 to 4294967295, got "-1".'],
    ],
    [
      'a seed beyond 32 bits',
      { seed: '4294967296' },
      ['input seed: Expected `seed` to be an integer from 0 to 4294967295, got "4294967296".'],
    ],
    [
      'an unknown comment mode',
      { comment: 'sometimes' },
      ['input comment: Expected `comment` to be one of always, on-change, on-failure, off, got "sometimes".'],
    ],
    [
      'an unknown fail-on decision',
      { 'fail-on': 'explode' },
      ['input fail-on: Expected `fail-on` to list reject, hold, needs_approval or none, got "explode".'],
    ],
    [
      'an unknown mode',
      { mode: 'shadow' },
      ['input mode: Expected `mode` to be one of auto, gate, record, canary, rollback, got "shadow".'],
    ],
    [
      'an unknown evidence format',
      { 'evidence-format': 'csv' },
      [
        'input evidence-format: Expected `evidence-format` to be one of auto, jsonl, promptfoo, vitest-evals, got "csv".',
      ],
    ],
    [
      'a side selector without a key',
      { 'parent-side': 'v1' },
      ['input parent-side: Expected `parent-side` to be promptIdx=N, provider=ID or label=TEXT, got "v1".'],
    ],
    [
      'a negative promptIdx',
      { 'candidate-side': 'promptIdx=-1' },
      ['input candidate-side: Expected `candidate-side` promptIdx to be a non-negative integer, got "-1".'],
    ],
    [
      'all at once, in input order',
      { 'allow-unpaired': 'yes please', seed: '-1', comment: 'sometimes', 'fail-on': 'explode' },
      [
        'input allow-unpaired: Expected `allow-unpaired` to be true or false, got "yes please".',
        'input comment: Expected `comment` to be one of always, on-change, on-failure, off, got "sometimes".',
        'input fail-on: Expected `fail-on` to list reject, hold, needs_approval or none, got "explode".',
        'input seed: Expected `seed` to be an integer from 0 to 4294967295, got "-1".',
      ],
    ],
  ])('%s is an error naming the input and what was expected', (_name, values, expected) => {
    expect(problemsOf(values)).toEqual(expected);
  });
});

describe('requestOf', () => {
  const event = eventOf({
    eventName: 'pull_request',
    payload: { pull_request: { number: 7, base: { sha: 'b'.repeat(40) }, head: { sha: 'h'.repeat(40) } } },
    sha: 'm'.repeat(40),
    runId: 9,
    serverUrl: 'https://github.com',
    repository: 'acme/app',
  });
  const inputs = (values: Record<string, string>) =>
    parseInputs(reader({ 'parent-evidence': 'p.jsonl', 'candidate-evidence': 'c.jsonl', ...values }));

  it('takes the base from the pull request and gates the checked-out commit', () => {
    const request = requestOf(inputs({}), event, '/workspace');
    expect(request).toMatchObject({
      base: 'b'.repeat(40),
      head: 'HEAD',
      repo: '/workspace',
      parentEvidence: ['p.jsonl'],
      candidateEvidence: ['c.jsonl'],
      outDir: 'kaizen-gate-report',
    });
    expect(request.context).toEqual({ repository: 'acme/app', pull_request: 7 });
    expect(request.signing).toEqual({
      unsignedReason: 'no signing-key input: pull requests from forks get no secrets',
    });
  });

  it.each<[string, Record<string, string>, string]>([
    [
      'no evidence at all',
      { 'parent-evidence': '', 'candidate-evidence': '' },
      'input parent-evidence: No evidence given: set `parent-evidence` and `candidate-evidence` (or `evidence` for files holding both sides). Or set `eval-command` to have the Action run the eval for both sides.',
    ],
    [
      'only one side',
      { 'candidate-evidence': '' },
      'input parent-evidence: `parent-evidence` and `candidate-evidence` go together: give both sides (missing `candidate-evidence`). Or set `eval-command` to have the Action run the eval for both sides.',
    ],
    [
      'eval-command beside candidate evidence',
      { 'eval-command': 'npm run eval' },
      "input candidate-evidence: `eval-command` produces the candidate's evidence; remove `candidate-evidence` (or remove `eval-command` and give both sides' files).",
    ],
    [
      'a glob matching nothing',
      { 'candidate-evidence': 'nowhere/*.jsonl' },
      'input candidate-evidence: The glob "nowhere/*.jsonl" matches no file in the workspace.',
    ],
  ])('%s is an input problem', (_name, values, expected) => {
    let problems: string[] = [];
    try {
      requestOf(inputs(values), event, '/nonexistent-workspace');
    } catch (error: unknown) {
      if (!(error instanceof InputError)) throw error;
      problems = error.problems.map(formatProblem);
    }
    expect(problems).toEqual([expected]);
  });

  it('a push without a before commit names the base input', () => {
    const push = eventOf({
      eventName: 'push',
      payload: { before: '0'.repeat(40) },
      sha: 'm'.repeat(40),
      runId: 9,
      serverUrl: 'https://github.com',
      repository: 'acme/app',
    });
    expect(() => requestOf(inputs({}), push, '/w')).toThrow(InputError);
    expect(push.base).toBeUndefined();
  });
});

describe('eval inputs', () => {
  const runtime = { env: { PATH: '/bin' }, clock: () => new Date('2026-03-01T00:00:00Z') };
  const event = eventOf({
    eventName: 'pull_request',
    payload: { pull_request: { number: 7, base: { sha: 'b'.repeat(40) }, head: { sha: 'h'.repeat(40) } } },
    sha: 'm'.repeat(40),
    runId: 9,
    serverUrl: 'https://github.com',
    repository: 'acme/app',
  });

  it('with only eval-command set: both sides run, stored parent evidence reused (auto), the documented defaults', () => {
    const inputs = parseInputs(reader({ 'eval-command': 'npx promptfoo eval -o "$KAIZEN_GATE_OUTPUT"' }));
    expect(inputs.eval).toEqual({
      command: 'npx promptfoo eval -o "$KAIZEN_GATE_OUTPUT"',
      parentAuto: true,
      maxParentAgeMs: 7 * 86_400_000,
      concurrency: 2,
      timeoutMs: 3_600_000,
    });
    const request = requestOf(inputs, event, '/workspace', runtime);
    expect(request.eval).toMatchObject({
      command: 'npx promptfoo eval -o "$KAIZEN_GATE_OUTPUT"',
      parentFromFiles: false,
      dir: 'kaizen-gate-report/eval',
      extension: '.json',
      remote: 'origin',
      env: runtime.env,
    });
    expect(request.parentEvidence).toEqual([]);
  });

  it('parent-evidence: auto, files, and the limits', () => {
    const auto = parseInputs(
      reader({
        'eval-command': 'x',
        'parent-evidence': 'auto',
        'max-parent-age': '0',
        'eval-concurrency': '4',
        'eval-timeout': '90s',
        'evidence-format': 'jsonl',
        'out-dir': 'out/',
      }),
    );
    expect(auto.eval).toMatchObject({ parentAuto: true, maxParentAgeMs: 0, concurrency: 4, timeoutMs: 90_000 });
    expect(requestOf(auto, event, '/w', runtime).eval).toMatchObject({ dir: 'out/eval', extension: '.jsonl' });
    const files = parseInputs(reader({ 'eval-command': 'x', 'parent-evidence': 'evals/parent.json' }));
    expect(files.eval?.parentAuto).toBe(false);
    expect(requestOf(files, event, '/w', runtime)).toMatchObject({
      parentEvidence: ['evals/parent.json'],
      eval: { parentFromFiles: true },
    });
  });

  it.each<[string, Record<string, string>, string[]]>([
    [
      'auto without eval-command',
      { 'parent-evidence': 'auto' },
      [
        'input parent-evidence: `parent-evidence: auto` needs `eval-command`: the parent is run with it when no fresh evidence is stored.',
      ],
    ],
    [
      'auto among files',
      { 'eval-command': 'x', 'parent-evidence': 'auto\np.json' },
      [
        'input parent-evidence: Expected `parent-evidence` to be `auto` alone or a list of files, got `auto` among files.',
      ],
    ],
    [
      'a bad age',
      { 'eval-command': 'x', 'max-parent-age': 'a week' },
      [
        'input max-parent-age: Expected `max-parent-age` to be a duration such as 90s, 30m, 12h or 7d (or 0), got "a week".',
      ],
    ],
    [
      'no concurrency',
      { 'eval-command': 'x', 'eval-concurrency': '0' },
      ['input eval-concurrency: Expected `eval-concurrency` to be a positive integer of at most 64, got "0".'],
    ],
    [
      'a zero timeout',
      { 'eval-command': 'x', 'eval-timeout': '0' },
      ['input eval-timeout: Expected `eval-timeout` to be a duration such as 90s, 30m, 12h or 7d, got "0".'],
    ],
  ])('%s is an error naming the input', (_name, values, expected) => {
    expect(problemsOf(values)).toEqual(expected);
  });
});

describe('checkLimitsOf (test hook)', () => {
  it('keeps GitHub’s limits unless lowered to a positive integer within them', () => {
    expect(checkLimitsOf(undefined)).toBe(DEFAULT_LIMITS);
    expect(checkLimitsOf('2000').summary).toBe(2000);
    expect(() => checkLimitsOf('0')).toThrow(/KAIZEN_GATE_SUMMARY_LIMIT/);
    expect(() => checkLimitsOf(String(DEFAULT_LIMITS.summary + 1))).toThrow(/KAIZEN_GATE_SUMMARY_LIMIT/);
  });
});
