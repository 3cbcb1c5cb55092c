import { randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { InputError } from '../problem.ts';
import { attestReport } from '../report/attest.ts';
import { renderMarkdown } from '../report/markdown.ts';
import type { Envelope } from '../report/sign.ts';
import type { Report } from '../report/model.ts';
import { exitCodeOf } from '../report/model.ts';
import { renderText } from '../report/text.ts';
import { gatherAndRun, parseSideSelector } from './gather.ts';
import { readInputFile, toRepoPath, UsageError } from './io.ts';
import type { CommandContext } from './manifest-commands.ts';
import { repoRootOf } from './manifest-commands.ts';
import { describeUncommitted, uncommittedFiles } from './worktree-state.ts';

/** Flags of `kaizen-gate check`, as parsed by the CLI. */
export interface CheckFlags {
  readonly base?: string;
  readonly head?: string;
  readonly repo?: string;
  readonly 'parent-evidence'?: string[];
  readonly 'candidate-evidence'?: string[];
  readonly evidence?: string[];
  readonly 'parent-side'?: string;
  readonly 'candidate-side'?: string;
  readonly policy?: string;
  readonly seed?: string;
  readonly out?: string;
  readonly format?: string;
  readonly 'allow-unpaired'?: boolean;
  readonly 'evidence-format'?: string;
  readonly 'signing-key'?: string;
}

/**
 * Writes report.json, report.md and (when signed) report.intoto.json into `dir` as a set: all are
 * staged beside their targets and renamed into place, and if a later rename fails the earlier ones
 * are rolled back (the previous files restored), so a reader never sees a new report.json beside
 * an old report.md or envelope. A stale envelope from an earlier signed run is removed with the
 * set. A failure is an InputError naming the path, with nothing half-written left behind.
 */
export function writeReportFiles(dir: string, report: Report, envelope?: Envelope): { json: string; markdown: string; envelope?: string } {
  const json = join(dir, 'report.json');
  const markdown = join(dir, 'report.md');
  const signed = join(dir, 'report.intoto.json');
  writeFilesTogether(dir, [
    [json, serialiseReport(report)],
    [markdown, renderMarkdown(report)],
    ...(envelope ? [[signed, `${JSON.stringify(envelope, null, 2)}\n`] as const] : []),
  ]);
  if (!envelope) rmSync(signed, { force: true });
  return { json, markdown, ...(envelope ? { envelope: signed } : {}) };
}

function writeFilesTogether(dir: string, files: readonly (readonly [string, string])[]): void {
  const suffix = randomBytes(6).toString('hex');
  const staged: string[] = [];
  const backups = new Map<string, string>();
  const committed: string[] = [];
  let failedAt = dir;
  try {
    mkdirSync(dir, { recursive: true });
    for (const [path, text] of files) {
      failedAt = path;
      const temp = `${path}.${suffix}.tmp`;
      staged.push(temp);
      writeFileSync(temp, text);
    }
    for (const [index, [path]] of files.entries()) {
      failedAt = path;
      if (existsSync(path) && statSync(path).isFile()) {
        const backup = `${path}.${suffix}.bak`;
        copyFileSync(path, backup);
        backups.set(path, backup);
      }
      renameSync(staged[index]!, path);
      committed.push(path);
    }
  } catch (error: unknown) {
    for (const path of committed.toReversed()) {
      const backup = backups.get(path);
      if (backup) renameSync(backup, path);
      else rmSync(path, { force: true });
    }
    throw new InputError([{ file: failedAt, message: `cannot write the report: ${describeWriteError(error)}; nothing was written` }]);
  } finally {
    for (const leftover of [...staged, ...backups.values()]) rmSync(leftover, { force: true });
  }
}

function describeWriteError(error: unknown): string {
  const code = (error as { code?: string }).code;
  switch (code) {
    case 'EEXIST':
    case 'ENOTDIR':
      return 'a file is in the way where a directory is needed (--out names a directory)';
    case 'EISDIR':
      return 'a directory is in the way where the file should go';
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return 'permission denied';
    case 'ENOSPC':
      return 'no space left on the device';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}

/** The report as written to disk: stable key order (construction order), two-space indent, final newline. */
export function serialiseReport(report: Report): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

/** `check`: run the gates and print the decision. Exit 0 approve, 1 reject/hold, 3 needs approval. */
export function runCheck(ctx: CommandContext, positionals: readonly string[], flags: CheckFlags, isTty: boolean): number {
  const format = flags.format ?? 'text';
  if (!['text', 'json', 'markdown'].includes(format)) throw new UsageError(`--format must be text, json or markdown, got "${format}"`);
  if (!flags.base) throw new UsageError('check needs --base <git-ref>: the commit holding the parent packages (e.g. origin/main)');
  let seed: number | undefined;
  if (flags.seed !== undefined) {
    seed = Number(flags.seed);
    if (!/^\d+$/.test(flags.seed) || !Number.isSafeInteger(seed) || seed > 0xffffffff) {
      throw new UsageError(`Expected --seed to be an integer from 0 to 4294967295, got "${flags.seed}"`);
    }
  }
  const evidenceFormat = flags['evidence-format'] ?? 'auto';
  if (evidenceFormat !== 'auto' && evidenceFormat !== 'jsonl' && evidenceFormat !== 'promptfoo') {
    throw new UsageError(`--evidence-format must be auto, jsonl or promptfoo, got "${evidenceFormat}"`);
  }
  const repo = repoRootOf(ctx.cwd, flags.repo);
  // Without --head, a work tree with nothing uncommitted is HEAD: gate that commit, so the report can be verified.
  const own = [...(flags['parent-evidence'] ?? []), ...(flags['candidate-evidence'] ?? []), ...(flags.evidence ?? []), flags.out, flags['signing-key']];
  const uncommitted = flags.head === undefined ? uncommittedFiles(repo, own.filter((p) => p !== undefined).map((p) => toRepoPath(repo, resolve(ctx.cwd, p)))) : [];
  const head = flags.head ?? (uncommitted.length === 0 ? 'HEAD' : undefined);
  const report = gatherAndRun({
    cwd: ctx.cwd,
    repo,
    base: flags.base,
    ...(head !== undefined ? { head } : {}),
    manifests: positionals.map((p) => toRepoPath(repo, resolve(ctx.cwd, p))),
    parentEvidence: flags['parent-evidence'] ?? [],
    candidateEvidence: flags['candidate-evidence'] ?? [],
    evidence: flags.evidence ?? [],
    ...(flags.policy !== undefined ? { policy: flags.policy } : {}),
    ...(seed !== undefined ? { seed } : {}),
    ...(flags['parent-side'] ? { parentSide: parseSideSelector(flags['parent-side'], '--parent-side') } : {}),
    ...(flags['candidate-side'] ? { candidateSide: parseSideSelector(flags['candidate-side'], '--candidate-side') } : {}),
    ...(flags['allow-unpaired'] ? { allowUnpaired: true } : {}),
    evidenceFormat,
  });
  const key = flags['signing-key'] === undefined ? undefined : readInputFile(resolve(ctx.cwd, flags['signing-key']), 'signing key').toString('utf8');
  if (key !== undefined && flags.out === undefined) throw new UsageError('--signing-key needs --out DIR: the signed envelope is written there as report.intoto.json');
  const attested = attestReport(report, key, 'no --signing-key given');
  const final = attested.report;
  if (flags.out !== undefined) writeReportFiles(resolve(ctx.cwd, flags.out), final, attested.envelope);
  if (uncommitted.length > 0) ctx.stderr(describeUncommitted(uncommitted));
  if (format === 'json') ctx.stdout(serialiseReport(final));
  else if (format === 'markdown') ctx.stdout(renderMarkdown(final));
  else ctx.stdout(renderText(final, { color: isTty, ...(flags.out !== undefined ? { outDir: flags.out } : {}) }));
  return exitCodeOf(final.decision.outcome);
}
