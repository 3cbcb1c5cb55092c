/**
 * Every input of action.yml, read and checked in one place. Pure over the reader it is given (the
 * entry passes `@actions/core`'s getInput), so it is unit-tested without a runner.
 */
import type { PromptfooSideSelector } from '../evidence/promptfoo.ts';
import { EVAL_DEFAULTS, EVIDENCE_FORMATS } from '../options.ts';
import {
  parseDuration,
  parseEvidenceFormat,
  parseLook,
  parsePositiveInteger,
  parseSeed,
  parseSideSelector,
} from '../options.ts';
import type { EvidenceFormatChoice, Parsed } from '../options.ts';
import { InputError } from '../problem.ts';
import type { Problem } from '../problem.ts';
import type { RunOutcome } from '../outcome.ts';
import { MODES, parseStageInputs } from './stage-inputs.ts';
import type { Mode, StageInputs } from './stage-inputs.ts';

/** Reads one input the way `core.getInput` does: the trimmed value, `''` when unset. */
export type InputReader = (name: string) => string;

/** When the sticky PR comment is written. */
export type CommentMode = 'always' | 'on-change' | 'on-failure' | 'off';
/** Decisions that may fail the step. */
export type FailOn = Extract<RunOutcome, 'reject' | 'hold' | 'needs_approval'>;

/** The Action's inputs, parsed and checked. Optional inputs that were not set are absent. */
export interface ActionInputs {
  readonly token?: string;
  readonly mode: Mode;
  readonly base?: string;
  readonly head?: string;
  /** Repository paths or globs limiting which manifests are considered. */
  readonly manifests: readonly string[];
  /** Gate every selected package, not only the ones the change touches. */
  readonly gateUntouched: boolean;
  readonly parentEvidence: readonly string[];
  readonly candidateEvidence: readonly string[];
  readonly evidence: readonly string[];
  readonly evidenceFormat: EvidenceFormatChoice;
  readonly parentSide?: PromptfooSideSelector;
  readonly candidateSide?: PromptfooSideSelector;
  readonly policy?: string;
  readonly seed?: number;
  /** Which look at the package pairs this run is; default from the audit trail. */
  readonly look?: number;
  readonly allowUnpaired: boolean;
  readonly signingKey?: string;
  readonly publicKeys: string;
  readonly comment: CommentMode;
  readonly failOn: ReadonlySet<FailOn>;
  readonly outDir: string;
  /** Set when `eval-command` is: the Action runs the eval for the evidence. */
  readonly eval?: EvalInputs;
  /** Set in `mode: canary` and `mode: rollback`. */
  readonly stage?: StageInputs;
}

/** The eval inputs, once `eval-command` is set. */
export interface EvalInputs {
  readonly command: string;
  /** `parent-evidence: auto` (or unset): reuse stored parent evidence when fresh, else run the parent. */
  readonly parentAuto: boolean;
  readonly maxParentAgeMs: number;
  readonly concurrency: number;
  readonly timeoutMs: number;
}

// The YAML 1.2 core schema booleans, as `core.getBooleanInput` accepts them.
const TRUE = ['true', 'True', 'TRUE'];
const FALSE = ['false', 'False', 'FALSE'];

/**
 * Parses every input, collecting all problems before failing, so one run lists every misspelt input
 * at once. A misspelt boolean is an error, never false.
 *
 * @throws InputError naming each bad input (`input NAME`) and what was expected.
 */
export function parseInputs(getInput: InputReader): ActionInputs {
  const problems: Problem[] = [];
  const report = (name: string, message: string): void => {
    problems.push({ file: `input ${name}`, message });
  };
  const optional = (name: string): string | undefined => {
    const value = getInput(name).trim();
    return value === '' ? undefined : value;
  };
  const lines = (name: string): string[] =>
    getInput(name)
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '');
  const checked = <T>(name: string, parsed: Parsed<T>): T | undefined => {
    if ('value' in parsed) return parsed.value;
    report(name, parsed.error);
    return undefined;
  };
  const choice = <T extends string>(name: string, choices: readonly T[], fallback: T): T => {
    const value = optional(name) ?? fallback;
    if ((choices as readonly string[]).includes(value)) return value as T;
    report(name, `Expected \`${name}\` to be one of ${choices.join(', ')}, got "${value}".`);
    return fallback;
  };
  const boolean = (name: string): boolean => {
    const value = optional(name);
    if (value === undefined || FALSE.includes(value)) return false;
    if (TRUE.includes(value)) return true;
    report(name, `Expected \`${name}\` to be true or false, got "${value}".`);
    return false;
  };
  const text = <T>(name: string, parse: (value: string, label: string) => Parsed<T>): T | undefined => {
    const value = optional(name);
    return value === undefined ? undefined : checked(name, parse(value, `\`${name}\``));
  };

  const failOn = new Set<FailOn>();
  for (const part of (optional('fail-on') ?? 'reject,hold')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    if (part === 'none') continue;
    if (part === 'reject' || part === 'hold' || part === 'needs_approval') failOn.add(part);
    else report('fail-on', `Expected \`fail-on\` to list reject, hold, needs_approval or none, got "${part}".`);
  }
  const token = optional('github-token');
  const base = optional('base');
  const head = optional('head');
  const policy = optional('policy');
  const signingKey = optional('signing-key');
  const seed = text('seed', parseSeed);
  const look = text('look', parseLook);
  const parentSide = text('parent-side', parseSideSelector);
  const evalCommand = optional('eval-command');
  const withDefault = <T>(
    name: string,
    fallback: string,
    parse: (value: string, label: string) => Parsed<T>,
  ): T | undefined => checked(name, parse(optional(name) ?? fallback, `\`${name}\``));
  const maxParentAgeMs = withDefault('max-parent-age', EVAL_DEFAULTS.maxParentAge, (v, l) => parseDuration(v, l, true));
  const evalConcurrency = withDefault('eval-concurrency', EVAL_DEFAULTS.concurrency, (v, l) =>
    parsePositiveInteger(v, l, 64),
  );
  const evalTimeoutMs = withDefault('eval-timeout', EVAL_DEFAULTS.timeout, (v, l) => parseDuration(v, l));
  const parentLines = lines('parent-evidence');
  const parentAuto = parentLines.includes('auto');
  if (parentAuto && parentLines.length > 1) {
    report(
      'parent-evidence',
      'Expected `parent-evidence` to be `auto` alone or a list of files, got `auto` among files.',
    );
  }
  const mode = choice('mode', MODES, 'auto');
  if (parentAuto && evalCommand === undefined && (mode === 'gate' || mode === 'record' || mode === 'auto')) {
    report(
      'parent-evidence',
      '`parent-evidence: auto` needs `eval-command`: the parent is run with it when no fresh evidence is stored.',
    );
  }
  const candidateSide = text('candidate-side', parseSideSelector);
  const stage = parseStageInputs(getInput, mode, problems);
  const inputs: ActionInputs = {
    ...(token !== undefined ? { token } : {}),
    mode,
    ...(base !== undefined ? { base } : {}),
    ...(head !== undefined ? { head } : {}),
    manifests: lines('manifests'),
    gateUntouched: boolean('gate-untouched'),
    parentEvidence: parentAuto ? [] : parentLines,
    candidateEvidence: lines('candidate-evidence'),
    evidence: lines('evidence'),
    evidenceFormat: text('evidence-format', parseEvidenceFormat) ?? EVIDENCE_FORMATS[0],
    ...(parentSide ? { parentSide } : {}),
    ...(candidateSide ? { candidateSide } : {}),
    ...(policy !== undefined ? { policy } : {}),
    ...(seed !== undefined ? { seed } : {}),
    ...(look !== undefined ? { look } : {}),
    allowUnpaired: boolean('allow-unpaired'),
    ...(signingKey !== undefined ? { signingKey } : {}),
    publicKeys: optional('public-keys') ?? '.kaizen-gate/keys',
    comment: choice('comment', ['always', 'on-change', 'on-failure', 'off'], 'always'),
    failOn,
    outDir: optional('out-dir') ?? 'kaizen-gate-report',
    ...(evalCommand === undefined
      ? {}
      : {
          eval: {
            command: evalCommand,
            parentAuto: parentAuto || parentLines.length === 0,
            maxParentAgeMs: maxParentAgeMs ?? 0,
            concurrency: evalConcurrency ?? 1,
            timeoutMs: evalTimeoutMs ?? 1,
          },
        }),
    ...(stage !== undefined ? { stage } : {}),
  };
  if (problems.length > 0)
    throw new InputError(problems, `${problems.length} invalid input${problems.length === 1 ? '' : 's'}`);
  return inputs;
}
