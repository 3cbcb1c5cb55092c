import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { DEFAULT_KEYS_DIR } from '../audit/keyring.ts';
import { loadKeyring } from '../io/keyring-files.ts';
import type { Keyring } from '../io/keyring-files.ts';
import { DEFAULT_CANARY_POLICY, DEFAULT_JUDGE_COMPARISON } from '../delivery/canary-policy.ts';
import type { CanaryPolicy } from '../delivery/canary-policy.ts';
import { rollbackPullRequestBody } from '../delivery/rollback.ts';
import { runRollbackStage } from '../stages/rollback.ts';
import {
  loadStagePackage,
  parseWindow,
  readAndAggregate,
  recordStageReport,
  runCanaryStage,
  runShadowStage,
} from '../stages/run.ts';
import { findRepoRoot } from '../git/git.ts';
import { formatProblem, InputError } from '../problem.ts';
import { renderStageMarkdown, renderStageText } from '../report/stage-render.ts';
import { stageConclusion } from '../report/stage.ts';
import type { AttestedStageReport } from '../report/stage.ts';
import { EngineUnavailableError } from '../telemetry/duckdb.ts';
import { describeSummary } from '../telemetry/problems.ts';
import type { TelemetryFile } from '../telemetry/read.ts';
import { repoOption } from './command.ts';
import type { Command } from './command.ts';
import { readInputFile, toRepoPath, writeFileAtomic } from '../io/files.ts';
import { writeReportFiles } from '../io/report-files.ts';
import { UsageError } from './io.ts';
import type { CommandContext } from './manifest-commands.ts';
import { EXIT } from '../outcome.ts';

const keyOptions = { key: { type: 'string', multiple: true }, 'keys-dir': { type: 'string' } } as const;
const outputOptions = {
  out: { type: 'string' },
  format: { type: 'string' },
  'signing-key': { type: 'string' },
  record: { type: 'boolean' },
  push: { type: 'string' },
} as const;
const telemetryOptions = { telemetry: { type: 'string', multiple: true }, engine: { type: 'string' } } as const;

const OUTPUT_HELP = `  --out DIR            write report.json, report.md (and report.intoto.json when signed) there
  --format FMT         text (default), json or markdown on stdout
  --signing-key FILE   sign the report (Ed25519 or P-256 PEM), as check does
  --record             record the report as a note on the commit in refs/notes/kaizen-gate
  --push REMOTE        also push the note (and for rollback the pointer commit) to REMOTE
  --key PUB, --keys-dir DIR   trusted public keys (default ${DEFAULT_KEYS_DIR}/ in the repository)
  --repo DIR           repository root (default: the git top level of the working directory)`;

/** shadow, canary, rollback and telemetry: the stages after the offline gate. */
export const STAGE_COMMANDS: Record<string, Command> = {
  telemetry: {
    summary: 'validate and aggregate telemetry (JSON Lines, gzip, Parquet)',
    usage:
      'kaizen-gate telemetry FILE… [--window 1h] [--application APP] [--engine stream|duckdb] [--format text|json]',
    options: {
      ...repoOption,
      window: { type: 'string' },
      application: { type: 'string' },
      engine: { type: 'string' },
      format: { type: 'string' },
    },
    help: `Reads telemetry events (one JSON object per line, gzip or not, or Parquet rows; schema
manifests/schema/telemetry-event.schema.json), reports every invalid record as file:line field: message
with a summary per field, and prints the trace completeness per cohort and the number of aggregated
groups (package, cohort, window, cluster). --engine duckdb aggregates with DuckDB (optional
dependency @duckdb/node-api) instead; it does not locate problems.

Exit status: 0 every event valid, 2 some event is invalid (all listed) or a file cannot be read.`,
    run: (ctx, values, positionals) => engineErrorsAsUsage(runTelemetry(ctx, values, positionals)),
  },
  shadow: {
    summary: 'compare the candidate with its parent on replayed production requests',
    usage: 'kaizen-gate shadow --manifest PATH --telemetry FILE… [--commit REF] [--cohort shadow] [options]',
    options: {
      ...repoOption,
      ...keyOptions,
      ...outputOptions,
      ...telemetryOptions,
      manifest: { type: 'string' },
      commit: { type: 'string' },
      cohort: { type: 'string' },
    },
    help: `Pairs the candidate's answers to replayed requests (telemetry with cohort shadow) with the parent's
answers to the same request ids, and runs the paired outcome gates (quality, safety, execution failure,
cost per success; clustered by user) and the behavioural diff (output length, refusals, tool calls,
structured output, retries, citations, finish reasons, tool mix; KS, PSI, chi-square with effect sizes).

Options:
  --manifest PATH      the candidate manifest (at --commit, default HEAD)
  --telemetry FILE     telemetry files (repeatable)
  --cohort NAME        the candidate's shadow cohort (default shadow)
${OUTPUT_HELP}

Exit status: 0 passed, 1 failed, 4 inconclusive, 2 invalid input.`,
    run: (ctx, values) => engineErrorsAsUsage(runShadowCommand(ctx, values)),
  },
  canary: {
    summary: 'analyse a canary against the holdout: promote, continue or roll back',
    usage: 'kaizen-gate canary --manifest PATH --telemetry FILE… [--window 1h] [--at TIME] [options]',
    options: {
      ...repoOption,
      ...keyOptions,
      ...outputOptions,
      ...telemetryOptions,
      manifest: { type: 'string' },
      commit: { type: 'string' },
      window: { type: 'string' },
      at: { type: 'string' },
      'canary-cohort': { type: 'string' },
      'holdout-cohort': { type: 'string' },
      split: { type: 'string' },
      step: { type: 'string' },
      alpha: { type: 'string' },
      'judge-comparison': { type: 'boolean' },
    },
    help: `Compares the canary cohort (the candidate) with the holdout (the parent) on the manifest's
delivery.rollback_metric and the guard metrics (quality, safety, latency, cost, soft failures and the
side-effect level's rollback triggers), window by window, with the user (assignment_key) as the unit.
The intervals are always valid: run it every hour and a canary that changes nothing is still rolled
back at most alpha of the time. The split is checked first (sample-ratio mismatch).

Options:
  --manifest PATH          the candidate manifest (at --commit, default HEAD); names the parent
  --telemetry FILE         telemetry files (repeatable)
  --window DUR             window length, e.g. 1h (default), 30m, 1d
  --at TIME                the look's time, RFC 3339 (default: now); later events are ignored
  --canary-cohort NAME     default canary_05
  --holdout-cohort NAME    default holdout
  --split C:H              planned shares of canary and holdout, e.g. 5:95 (default: from the names)
  --step PCT               traffic percent the canary serves now (default: from its cohort name)
  --alpha A                error budget over all looks (default 0.05)
  --judge-comparison       use paired judge comparisons (LLMOps P10: alert above 15 % losses,
                           promote on a significant 10 % win margin)
  --engine ENGINE          stream (default) or duckdb
${OUTPUT_HELP}

Exit status: 0 promote, 1 roll back, 3 promotion needs approval (levels 2–3), 4 continue, 2 invalid input.`,
    run: (ctx, values) => engineErrorsAsUsage(runCanaryCommand(ctx, values)),
  },
  rollback: {
    summary: 'point an application back at its last signed, approved package',
    usage: 'kaizen-gate rollback APPLICATION [--to PACKAGE_ID] [--dry-run] [--pointer PATH] [options]',
    options: {
      ...repoOption,
      ...keyOptions,
      ...outputOptions,
      to: { type: 'string' },
      'dry-run': { type: 'boolean' },
      pointer: { type: 'string' },
      branch: { type: 'string' },
      'pr-body': { type: 'string' },
    },
    help: `Rewrites the application's GitOps pointer (default deploy/APPLICATION.yaml) to the newest earlier
release whose signed record (verified against trusted keys, from refs/notes/kaizen-gate) says approve
and that was not itself rolled back, or to --to PACKAGE_ID, which is refused with the reason when it
has no such record. Every rollback first rehearses: the target manifest validates under today's
schema and every artifact exists at its digest at the target commit. Then it commits the pointer.

Options:
  --to PACKAGE_ID      the package to go back to
  --dry-run            rehearse only: show the checks and the pointer change, write nothing
  --pointer PATH       the pointer file (default deploy/APPLICATION.yaml)
  --branch NAME        commit on a new branch (for a pull request) instead of the current one
  --pr-body FILE       write the pull-request body (Markdown) there
${OUTPUT_HELP}

Exit status: 0 rolled back or rehearsed, 1 refused (the reason is printed), 2 invalid input.`,
    run: (ctx, values, positionals) => runRollbackCommand(ctx, values, positionals),
  },
};

/** DuckDB missing is a usage problem (exit 2 with the install hint), not an internal error. */
async function engineErrorsAsUsage(run: Promise<number>): Promise<number> {
  try {
    return await run;
  } catch (error: unknown) {
    if (error instanceof EngineUnavailableError) throw new UsageError(error.message);
    throw error;
  }
}

function repoOf(ctx: CommandContext, values: Record<string, unknown>): string {
  const explicit = values.repo as string | undefined;
  const repo = explicit ? resolve(ctx.cwd, explicit) : (findRepoRoot(ctx.cwd) ?? ctx.cwd);
  if (!findRepoRoot(repo)) throw new InputError([{ file: repo, message: 'not inside a git repository (use --repo)' }]);
  return repo;
}

function telemetryFiles(ctx: CommandContext, paths: readonly string[] | undefined): TelemetryFile[] {
  if (!paths || paths.length === 0)
    throw new UsageError('give the telemetry: --telemetry FILE (repeatable; JSON Lines, gzip or Parquet)');
  const missing = paths.filter((p) => !existsSync(resolve(ctx.cwd, p)) || !statSync(resolve(ctx.cwd, p)).isFile());
  if (missing.length > 0)
    throw new InputError(missing.map((file) => ({ file, message: 'telemetry file does not exist' })));
  return paths.map((p) => ({ path: resolve(ctx.cwd, p), label: p }));
}

function engineOf(values: Record<string, unknown>): 'stream' | 'duckdb' {
  const engine = (values.engine as string | undefined) ?? 'stream';
  if (engine !== 'stream' && engine !== 'duckdb')
    throw new UsageError(`--engine must be stream or duckdb, got "${engine}"`);
  return engine;
}

/** Trusted keys from --key, --keys-dir, or the repository's keys folder, with its revocation list. */
function trustedKeys(ctx: CommandContext, repo: string, values: Record<string, unknown>): Keyring {
  const keysDir = values['keys-dir'] as string | undefined;
  return loadKeyring({
    cwd: ctx.cwd,
    repo,
    keyFiles: (values.key as string[] | undefined) ?? [],
    ...(keysDir !== undefined ? { keysDir } : {}),
    repoDefault: true,
    namesRelativeTo: repo,
  });
}

function signingKeyOf(ctx: CommandContext, values: Record<string, unknown>): string | undefined {
  const path = values['signing-key'] as string | undefined;
  return path === undefined ? undefined : readInputFile(resolve(ctx.cwd, path), 'signing key').toString('utf8');
}

/** Writes the report files, prints the chosen format, records the note; returns the exit status. */
function present(
  ctx: CommandContext,
  values: Record<string, unknown>,
  repo: string,
  attested: AttestedStageReport,
  recordOn: string | undefined,
): number {
  const format = (values.format as string | undefined) ?? 'text';
  if (!['text', 'json', 'markdown'].includes(format))
    throw new UsageError(`--format must be text, json or markdown, got "${format}"`);
  const json = `${JSON.stringify(attested.report, null, 2)}\n`;
  const out = values.out as string | undefined;
  if (out !== undefined) {
    const markdown = renderStageMarkdown(attested.report);
    writeReportFiles(resolve(ctx.cwd, out), {
      json,
      markdown,
      ...(attested.envelope ? { envelope: attested.envelope } : {}),
    });
  }
  ctx.stdout(
    format === 'json'
      ? json
      : format === 'markdown'
        ? renderStageMarkdown(attested.report)
        : renderStageText(attested.report),
  );
  if (values.record === true && recordOn !== undefined)
    ctx.stderr(`kaizen-gate: ${recordStageReport(repo, recordOn, attested, values.push !== undefined)}\n`);
  return stageConclusion(attested.report).exit;
}

async function runTelemetry(
  ctx: CommandContext,
  values: Record<string, unknown>,
  positionals: readonly string[],
): Promise<number> {
  const files = telemetryFiles(ctx, positionals);
  const windowMs = parseWindow((values.window as string | undefined) ?? '1h');
  const read = await readAndAggregate(files, {
    windowMs,
    engine: engineOf(values),
    ...(values.application !== undefined ? { application: values.application as string } : {}),
  });
  if ((values.format as string | undefined) === 'json') {
    ctx.stdout(
      `${JSON.stringify({ problems: read.problems, completeness: read.table.completeness, unattributed: read.table.unattributed, groups: read.table.rows.length, columns: read.table.columns, rows: read.table.rows.map((r) => ({ ...r, values: Array.from(r.values) })) }, null, 2)}\n`,
    );
  } else {
    const p = read.problems;
    const invalid =
      read.engine === 'duckdb'
        ? 'not validated (DuckDB reads typed columns; --engine stream locates bad records)'
        : `${p.invalid_events.toLocaleString('en-US')} invalid`;
    ctx.stdout(
      `${p.events_read.toLocaleString('en-US')} events read (${read.engine}); ${invalid}; ${read.table.rows.length.toLocaleString('en-US')} groups; ${read.table.unattributed.toLocaleString('en-US')} without package_id.\n`,
    );
    for (const c of read.table.completeness) {
      const share = (x: number): string => `${((100 * x) / Math.max(1, c.events)).toFixed(1)} %`;
      ctx.stdout(
        `  ${c.cohort}: ${c.events.toLocaleString('en-US')} events; package id ${share(c.with_package)}, prompt hash ${share(c.with_prompt_hash)}, retrieval manifest ${share(c.with_retrieval)}, tool trace ${share(c.with_tool_trace)}, all four ${share(c.complete_all)}\n`,
      );
    }
  }
  if (read.problems.problems === 0) return EXIT.ok;
  const lines = [
    ...read.problems.located.map(formatProblem),
    ...(read.problems.truncated
      ? [`… and ${read.problems.problems - read.problems.located.length} more problems`]
      : []),
    'Summary:',
    ...describeSummary(read.problems).map((l) => `  ${l}`),
  ];
  ctx.stderr(`${lines.join('\n')}\n`);
  return EXIT.invalid;
}

async function runShadowCommand(ctx: CommandContext, values: Record<string, unknown>): Promise<number> {
  const repo = repoOf(ctx, values);
  const manifest = values.manifest as string | undefined;
  if (!manifest) throw new UsageError('shadow needs --manifest PATH: the candidate package');
  const pkg = loadStagePackage(
    repo,
    (values.commit as string | undefined) ?? 'HEAD',
    toRepoPath(repo, resolve(ctx.cwd, manifest)),
  );
  const signingKey = signingKeyOf(ctx, values);
  const attested = await runShadowStage({
    pkg,
    files: telemetryFiles(ctx, values.telemetry as string[] | undefined),
    ...(values.cohort ? { shadowCohort: values.cohort as string } : {}),
    ...(signingKey ? { signingKey } : {}),
  });
  return present(ctx, values, repo, attested, pkg.commit);
}

function parseTime(text: string): number {
  const ms = Date.parse(text);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(text) || Number.isNaN(ms))
    throw new InputError([
      { file: '--at', message: `expected an RFC 3339 time such as 2026-04-26T12:00:00Z, got "${text}"` },
    ]);
  return ms;
}

function canaryPolicyOf(values: Record<string, unknown>): CanaryPolicy {
  const alphaText = values.alpha as string | undefined;
  const alpha = alphaText === undefined ? DEFAULT_CANARY_POLICY.alpha : Number(alphaText);
  if (!(alpha > 0 && alpha < 0.5))
    throw new UsageError(`Expected \`--alpha\` to be a number in (0, 0.5), got ${alphaText}.`);
  return {
    ...DEFAULT_CANARY_POLICY,
    alpha,
    ...(values['judge-comparison'] === true ? { judge_comparison: DEFAULT_JUDGE_COMPARISON } : {}),
  };
}

async function runCanaryCommand(ctx: CommandContext, values: Record<string, unknown>): Promise<number> {
  const repo = repoOf(ctx, values);
  const manifest = values.manifest as string | undefined;
  if (!manifest) throw new UsageError('canary needs --manifest PATH: the candidate package');
  const pkg = loadStagePackage(
    repo,
    (values.commit as string | undefined) ?? 'HEAD',
    toRepoPath(repo, resolve(ctx.cwd, manifest)),
  );
  const split = values.split as string | undefined;
  let shares: [number, number] | undefined;
  if (split !== undefined) {
    const match = /^(\d+(?:\.\d+)?):(\d+(?:\.\d+)?)$/.exec(split);
    if (!match || !(Number(match[1]) > 0 && Number(match[2]) > 0))
      throw new UsageError(`--split must be CANARY:HOLDOUT shares such as 5:95, got "${split}"`);
    shares = [Number(match[1]), Number(match[2])];
  }
  const stepText = values.step as string | undefined;
  const step = stepText === undefined ? undefined : Number(stepText);
  if (step !== undefined && !(step > 0 && step <= 100))
    throw new UsageError(`--step must be a percent in (0, 100], got "${stepText}"`);
  const { trusted } = trustedKeys(ctx, repo, values);
  const signingKey = signingKeyOf(ctx, values);
  const attested = await runCanaryStage({
    pkg,
    files: telemetryFiles(ctx, values.telemetry as string[] | undefined),
    windowMs: parseWindow((values.window as string | undefined) ?? '1h'),
    lookMs: values.at !== undefined ? parseTime(values.at as string) : Date.now(),
    canaryCohort: (values['canary-cohort'] as string | undefined) ?? 'canary_05',
    holdoutCohort: (values['holdout-cohort'] as string | undefined) ?? 'holdout',
    policy: canaryPolicyOf(values),
    trusted,
    engine: engineOf(values),
    ...(step !== undefined ? { currentStep: step } : {}),
    ...(shares ? { shares } : {}),
    ...(signingKey ? { signingKey } : {}),
  });
  return present(ctx, values, repo, attested, pkg.commit);
}

function runRollbackCommand(
  ctx: CommandContext,
  values: Record<string, unknown>,
  positionals: readonly string[],
): number {
  if (positionals.length !== 1)
    throw new UsageError("rollback needs exactly one APPLICATION (the manifest's application field)");
  const repo = repoOf(ctx, values);
  const { trusted, revoked } = trustedKeys(ctx, repo, values);
  const signingKey = signingKeyOf(ctx, values);
  const started = performance.now();
  const run = runRollbackStage({
    repo,
    application: positionals[0]!,
    dryRun: values['dry-run'] === true,
    trusted,
    revokedIds: revoked,
    record: values.record === true,
    ...(values.to !== undefined ? { to: values.to as string } : {}),
    ...(values.pointer !== undefined ? { pointerPath: values.pointer as string } : {}),
    ...(values.branch !== undefined ? { branch: values.branch as string } : {}),
    ...(values.push !== undefined ? { push: values.push as string } : {}),
    ...(signingKey ? { signingKey } : {}),
  });
  const prBody = values['pr-body'] as string | undefined;
  if (prBody !== undefined)
    writeFileAtomic(
      resolve(ctx.cwd, prBody),
      rollbackPullRequestBody(run.result, run.attested.report.decision.summary),
    );
  const status = present(ctx, { ...values, record: false }, repo, run.attested, undefined);
  if (run.noteMessage) ctx.stderr(`kaizen-gate: ${run.noteMessage}\n`);
  ctx.stderr(
    `kaizen-gate: rollback ${run.result.dry_run ? 'rehearsal ' : ''}took ${((performance.now() - started) / 1000).toFixed(2)} s\n`,
  );
  return status;
}
