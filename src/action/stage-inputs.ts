/**
 * The inputs of `mode: canary` and `mode: rollback`, read and checked in one place, and the inputs
 * each mode does not read: one set for another mode is an error, so a workflow that meant
 * `mode: canary` but kept `evidence:` from its gate job is told so instead of silently ignored.
 */
import { DEFAULT_CANARY_POLICY } from '../delivery/canary-policy.ts';
import { parseDuration } from '../options.ts';
import type { Problem } from '../problem.ts';

/** Reads one input the way `core.getInput` does: the trimmed value, `''` when unset. */
type InputReader = (name: string) => string;

/** The modes of the Action. */
export const MODES = ['auto', 'gate', 'record', 'canary', 'rollback'] as const;

/** One of {@link MODES}. */
export type Mode = (typeof MODES)[number];

/** `mode: canary`: analyse the canary against the holdout on the release commit. */
export interface CanaryInputs {
  readonly kind: 'canary';
  /** The candidate package's manifest, a repository path. */
  readonly manifest: string;
  /** Telemetry paths or globs, relative to the workspace. */
  readonly telemetry: readonly string[];
  /** The release commit; default the newest mainline commit that changed `manifest`. */
  readonly commit?: string;
  readonly windowMs: number;
  /** The look's instant (epoch ms); default the time of the run. */
  readonly atMs?: number;
  readonly engine: 'stream' | 'duckdb';
  readonly canaryCohort: string;
  readonly holdoutCohort: string;
  readonly shares?: readonly [number, number];
  readonly alpha: number;
  /** The GitOps pointer file; default `deploy/APPLICATION.yaml`. */
  readonly pointer?: string;
}

/** `mode: rollback`: point the application back at a signed, approved release through a pull request. */
export interface RollbackInputs {
  readonly kind: 'rollback';
  readonly application: string;
  /** The package id to go back to; default the newest earlier release with a verified approval. */
  readonly target?: string;
  readonly dryRun: boolean;
  readonly pointer?: string;
}

/** The inputs of a stage mode. */
export type StageInputs = CanaryInputs | RollbackInputs;

/** Inputs read only by the gate and record modes (those with a default in action.yml are always set, so not listed). */
const GATE_ONLY = [
  'base',
  'head',
  'manifests',
  'eval-command',
  'parent-evidence',
  'candidate-evidence',
  'evidence',
  'parent-side',
  'candidate-side',
  'policy',
  'seed',
  'look',
] as const;
const CANARY_ONLY = [
  'manifest',
  'telemetry',
  'commit',
  'window',
  'at',
  'engine',
  'canary-cohort',
  'holdout-cohort',
  'split',
  'alpha',
] as const;
const ROLLBACK_ONLY = ['application', 'target', 'dry-run'] as const;

const READ_BY: Readonly<Record<string, string>> = {
  ...Object.fromEntries(GATE_ONLY.map((name) => [name, 'modes gate and record'])),
  ...Object.fromEntries(CANARY_ONLY.map((name) => [name, 'mode canary'])),
  ...Object.fromEntries(ROLLBACK_ONLY.map((name) => [name, 'mode rollback'])),
  pointer: 'modes canary and rollback',
};

/**
 * Checks that no input of another mode is set, and parses the stage inputs when `mode` is a stage.
 * Problems are appended to `problems` (`input NAME: message`), so the caller lists every one at once.
 */
export function parseStageInputs(getInput: InputReader, mode: Mode, problems: Problem[]): StageInputs | undefined {
  const report = (name: string, message: string): void => {
    problems.push({ file: `input ${name}`, message });
  };
  const optional = (name: string): string | undefined => {
    const value = getInput(name).trim();
    return value === '' ? undefined : value;
  };
  const reads = (name: string): boolean =>
    mode === 'canary'
      ? (CANARY_ONLY as readonly string[]).includes(name) || name === 'pointer'
      : mode === 'rollback'
        ? (ROLLBACK_ONLY as readonly string[]).includes(name) || name === 'pointer'
        : (GATE_ONLY as readonly string[]).includes(name);
  for (const [name, readBy] of Object.entries(READ_BY)) {
    if (optional(name) !== undefined && !reads(name)) {
      const modeName = mode === 'auto' ? 'mode auto (gate or record)' : `mode ${mode}`;
      report(name, `\`${name}\` is read by ${readBy}; ${modeName} does not use it. Remove it, or set \`mode\`.`);
    }
  }
  if (mode === 'canary') return canaryInputs(getInput, optional, report);
  if (mode === 'rollback') return rollbackInputs(optional, report);
  return undefined;
}

function canaryInputs(
  getInput: InputReader,
  optional: (name: string) => string | undefined,
  report: (name: string, message: string) => void,
): CanaryInputs {
  const manifest = optional('manifest');
  if (manifest === undefined)
    report('manifest', 'mode canary needs `manifest`: the repository path of the candidate package’s manifest.');
  const telemetry = getInput('telemetry')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
  if (telemetry.length === 0)
    report(
      'telemetry',
      'mode canary needs `telemetry`: the telemetry files (JSON Lines, gzip or Parquet), one path or glob per line.',
    );
  const window = parseDuration(optional('window') ?? '1h', '`window`');
  if ('error' in window) report('window', window.error);
  const atText = optional('at');
  const atMs = atText === undefined ? undefined : Date.parse(atText);
  if (atText !== undefined && (!/^\d{4}-\d{2}-\d{2}T/.test(atText) || Number.isNaN(atMs))) {
    report('at', `Expected \`at\` to be an RFC 3339 time such as 2026-04-26T12:00:00Z, got "${atText}".`);
  }
  const engine = optional('engine') ?? 'stream';
  if (engine !== 'stream' && engine !== 'duckdb')
    report('engine', `Expected \`engine\` to be one of stream, duckdb, got "${engine}".`);
  const split = optional('split');
  const match = split === undefined ? null : /^(\d+(?:\.\d+)?):(\d+(?:\.\d+)?)$/.exec(split);
  const shares = match ? ([Number(match[1]), Number(match[2])] as const) : undefined;
  if (split !== undefined && !(shares !== undefined && shares[0] > 0 && shares[1] > 0)) {
    report(
      'split',
      `Expected \`split\` to be the planned canary and holdout shares as C:H, e.g. 5:95, got "${split}".`,
    );
  }
  const alphaText = optional('alpha');
  const alpha = alphaText === undefined ? DEFAULT_CANARY_POLICY.alpha : Number(alphaText);
  if (!(alpha > 0 && alpha < 0.5))
    report('alpha', `Expected \`alpha\` to be a number in (0, 0.5), got "${alphaText}".`);
  const commit = optional('commit');
  const pointer = optional('pointer');
  return {
    kind: 'canary',
    manifest: manifest ?? '',
    telemetry,
    ...(commit !== undefined ? { commit } : {}),
    windowMs: 'value' in window ? window.value : 0,
    ...(atMs !== undefined && !Number.isNaN(atMs) ? { atMs } : {}),
    engine: engine === 'duckdb' ? 'duckdb' : 'stream',
    canaryCohort: optional('canary-cohort') ?? 'canary_05',
    holdoutCohort: optional('holdout-cohort') ?? 'holdout',
    ...(shares !== undefined ? { shares } : {}),
    alpha,
    ...(pointer !== undefined ? { pointer } : {}),
  };
}

function rollbackInputs(
  optional: (name: string) => string | undefined,
  report: (name: string, message: string) => void,
): RollbackInputs {
  const application = optional('application');
  if (application === undefined)
    report('application', 'mode rollback needs `application`: the `application` field of the manifests to roll back.');
  const dryRun = optional('dry-run');
  if (dryRun !== undefined && !['true', 'True', 'TRUE', 'false', 'False', 'FALSE'].includes(dryRun)) {
    report('dry-run', `Expected \`dry-run\` to be true or false, got "${dryRun}".`);
  }
  const target = optional('target');
  const pointer = optional('pointer');
  return {
    kind: 'rollback',
    application: application ?? '',
    ...(target !== undefined ? { target } : {}),
    dryRun: dryRun !== undefined && /^true$/i.test(dryRun),
    ...(pointer !== undefined ? { pointer } : {}),
  };
}
