import { closeSync, existsSync, mkdirSync, openSync, statSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildKaizenLog } from '../audit/log.ts';
import { DEFAULT_KEYS_DIR, REVOKED_FILE } from '../audit/keyring.ts';
import { loadKeyring } from '../io/keyring-files.ts';
import type { Keyring } from '../io/keyring-files.ts';
import { LOG_FORMATS, renderLog } from '../audit/render-log.ts';
import type { LogFormat } from '../audit/render-log.ts';
import { renderRefused, renderVerified } from '../audit/render-verify.ts';
import { verifyRecord } from '../audit/verify-record.ts';
import type { RecordContext, RecordResult } from '../audit/verify-record.ts';
import { digestsAtCommits, findRepoRoot, readerAtWorktree, resolveCommit } from '../git/git.ts';
import { readYamlHistory } from '../git/history.ts';
import { NOTES_REF, readAllNotes, readNotes } from '../git/notes.ts';
import { storedEvidenceDigest } from '../git/evidence-store.ts';
import { InputError } from '../problem.ts';
import { generateSigningKeyPair } from '../report/keys.ts';
import type { KeyAlgorithm } from '../report/keys.ts';
import { repoOption } from './command.ts';
import type { Command } from './command.ts';
import { readInputFile, toRepoPath } from '../io/files.ts';
import { UsageError } from './io.ts';
import type { CommandContext } from './manifest-commands.ts';
import { repoRootOf } from './manifest-commands.ts';
import { sha256Hex } from '../digest.ts';
import { EXIT } from '../outcome.ts';

const keyOptions = { key: { type: 'string', multiple: true }, 'keys-dir': { type: 'string' } } as const;

/** keygen, verify and log: the auditor's commands. */
export const AUDIT_COMMANDS: Record<string, Command> = {
  keygen: {
    summary: 'create a signing key pair for reports',
    usage: 'kaizen-gate keygen --out DIR [--algorithm ed25519|ecdsa-p256]',
    options: { out: { type: 'string' }, algorithm: { type: 'string' } },
    help: `Writes a new key pair into DIR: kaizen-gate.key (PKCS#8 PEM private key, created with mode 0600)
and kaizen-gate.pub (SPKI PEM public key). Existing files are never overwritten. The private key is
never printed: store the file's content as the Action's signing-key secret, then delete it. Commit
the public key to ${DEFAULT_KEYS_DIR}/ (any name ending in .pem or .pub) so verify and log trust it.

Options:
  --out DIR         folder to write the two files to (created if missing)
  --algorithm ALG   ed25519 (default, deterministic signatures) or ecdsa-p256 (cosign's default type)

Exit status: 0 written, 2 invalid usage or a file already exists.`,
    run: (ctx, values) => runKeygen(ctx, values.out as string | undefined, values.algorithm as string | undefined),
  },
  verify: {
    summary: 'verify a signed report (report.intoto.json or git notes) for a commit',
    usage:
      'kaizen-gate verify ENVELOPE --key PUB [--key PUB…] [--keys-dir DIR] [--commit SHA] [--repo DIR] [--evidence-dir DIR]\n       kaizen-gate verify --from-notes COMMIT --key PUB [options]',
    options: {
      ...repoOption,
      ...keyOptions,
      commit: { type: 'string' },
      'evidence-dir': { type: 'string' },
      'from-notes': { type: 'string' },
    },
    help: `Checks a DSSE envelope: its signature by a trusted, non-revoked key; that the signed statement is
for --commit; that every subject's sha256 matches the file — candidate manifests, artifacts and
evidence at --commit, parent manifests (named path@sha) at that sha. Evidence files that are not in
the commit are looked up under --evidence-dir. Then prints the decision and every gate's verdict.

Options:
  --key PUB            trusted public key, PEM (repeatable)
  --keys-dir DIR       trust every *.pem / *.pub in DIR; DIR/${REVOKED_FILE} lists revoked key ids
  --commit SHA         the commit the report must be for (default HEAD)
  --evidence-dir DIR   where evidence files not in the commit are (default: the repository's work tree)
  --from-notes COMMIT  verify every report recorded on COMMIT in ${NOTES_REF} (instead of ENVELOPE)
  --repo DIR           repository root (default: the git top level of the working directory)

Revocation: ${REVOKED_FILE} in --keys-dir, or else in the repository's ${DEFAULT_KEYS_DIR}/, applies to
--key keys too.

Exit status: 0 valid, 1 not valid (one sentence says why), 2 invalid usage (missing file, no key).`,
    run: (ctx, values, positionals) => runVerify(ctx, values, positionals),
  },
  log: {
    summary: 'print the Kaizen log of manifest releases with verified signatures; exit 1 on any INVALID record',
    usage:
      'kaizen-gate log [manifest…] [--format table|markdown|csv|json] [--key PUB…] [--keys-dir DIR] [--require-signed | --allow-unsigned] [--repo DIR]',
    options: {
      ...repoOption,
      ...keyOptions,
      format: { type: 'string' },
      'require-signed': { type: 'boolean' },
      'allow-unsigned': { type: 'boolean' },
    },
    help: `Walks the first-parent history of HEAD and prints one entry per released manifest version:
ID (KZ-YYYY-NNN), date, owner, problem, measure (change classes and summary), result (decision and
headline deltas), status, package, commit and signature status. Reports are read from the git
notes in ${NOTES_REF}; on a fresh clone fetch them first:
  git fetch origin 'refs/notes/*:refs/notes/*'

Manifests are discovered as every command discovers them (a YAML document with apiVersion
kaizen-gate/v1 and kind Package, anywhere in the repository). IDs number every manifest version in
the repository per calendar year (UTC commit date), in the order commits entered the first-parent
history, then by path; adding releases never renumbers. Only a verified record gives an entry its
decision: an unsigned record's claim is shown as such, with status "unsigned".

Options:
  --format FMT       table (default), markdown, csv (RFC 4180) or json
  --key PUB          trusted public key, PEM (repeatable)
  --keys-dir DIR     trusted keys folder (default ${DEFAULT_KEYS_DIR} in the repository)
  --require-signed   exit 1 when any shown release has an unsigned record (the default when
                     trusted keys exist)
  --allow-unsigned   do not fail on unsigned records, even with trusted keys
  --repo DIR         repository root (default: the git top level of the working directory)

Without manifest arguments, every manifest of the repository at HEAD is shown, with its history
followed across renames.

Exit status: 0 printed, 1 some record is INVALID (or unsigned, when signatures are required), 2
invalid usage.`,
    run: (ctx, values, positionals) => runLog(ctx, values, positionals),
  },
};

/** `keygen --out DIR`: writes the pair; the private key file is created 0600 and never printed. */
function runKeygen(ctx: CommandContext, out: string | undefined, algorithmFlag: string | undefined): number {
  if (!out) throw new UsageError('keygen needs --out DIR: the folder to write kaizen-gate.key and kaizen-gate.pub to');
  const algorithm = algorithmFlag ?? 'ed25519';
  if (algorithm !== 'ed25519' && algorithm !== 'ecdsa-p256')
    throw new UsageError(`--algorithm must be ed25519 or ecdsa-p256, got "${algorithm}"`);
  const dir = resolve(ctx.cwd, out);
  const privatePath = join(dir, 'kaizen-gate.key');
  const publicPath = join(dir, 'kaizen-gate.pub');
  const existing = [privatePath, publicPath].filter((path) => existsSync(path));
  if (existing.length > 0) {
    throw new InputError(
      existing.map((file) => ({
        file,
        message: 'already exists; keygen never overwrites a key (choose another --out folder)',
      })),
    );
  }
  const pair = generateSigningKeyPair(algorithm as KeyAlgorithm);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  // Created with 0600 in the open call itself: there is no moment at which the key is readable by others.
  writeNewFile(privatePath, pair.privateKeyPem, 0o600);
  writeNewFile(publicPath, pair.publicKeyPem, 0o644);
  ctx.stdout(
    `Public key: ${publicPath}\nKey id: ${pair.keyid}\n` +
      `Private key written to ${privatePath} (mode 0600); store its content as the signing-key secret and keep it out of the repository.\n` +
      `Trust the public key by committing it, e.g. cp ${publicPath} ${DEFAULT_KEYS_DIR}/<name>.pub\n`,
  );
  return EXIT.ok;
}

function writeNewFile(path: string, text: string, mode: number): void {
  let fd: number;
  try {
    fd = openSync(path, 'wx', mode);
  } catch (error: unknown) {
    const code = (error as { code?: string }).code;
    throw new InputError([
      {
        file: path,
        message:
          code === 'EEXIST'
            ? 'already exists; keygen never overwrites a key'
            : `cannot be created (${code ?? String(error)})`,
      },
    ]);
  }
  try {
    writeSync(fd, text);
  } finally {
    closeSync(fd);
  }
}

/** Trusted keys from --key files and a keys folder, with the revocation list beside them. */
function loadCliKeyring(
  ctx: CommandContext,
  repo: string,
  values: Record<string, unknown>,
  defaultDir: boolean,
): Keyring {
  const keysDir = values['keys-dir'] as string | undefined;
  return loadKeyring({
    cwd: ctx.cwd,
    repo,
    keyFiles: (values.key as string[] | undefined) ?? [],
    ...(keysDir !== undefined ? { keysDir } : {}),
    repoDefault: defaultDir,
    namesRelativeTo: ctx.cwd,
  });
}

/** `verify ENVELOPE` or `verify --from-notes COMMIT`: exit 0 valid, 1 not, 2 usage. */
function runVerify(ctx: CommandContext, values: Record<string, unknown>, positionals: readonly string[]): number {
  const fromNotes = values['from-notes'] as string | undefined;
  if (fromNotes === undefined && positionals.length !== 1)
    throw new UsageError(
      'verify needs exactly one ENVELOPE file (e.g. kaizen-gate-report/report.intoto.json), or --from-notes COMMIT',
    );
  if (fromNotes !== undefined && positionals.length > 0)
    throw new UsageError('verify takes either an ENVELOPE file or --from-notes COMMIT, not both');
  if (values.key === undefined && values['keys-dir'] === undefined) {
    throw new UsageError(
      `verify needs a trusted public key: --key PUB (repeatable) or --keys-dir DIR (e.g. ${DEFAULT_KEYS_DIR})`,
    );
  }
  const envelopePath = positionals[0];
  const envelopeText =
    envelopePath === undefined ? undefined : readInputFile(resolve(ctx.cwd, envelopePath), 'envelope').toString('utf8');
  const repo = repoRootOf(ctx.cwd, values.repo as string | undefined);
  if (!findRepoRoot(repo))
    throw new InputError([
      { file: repo, message: 'not inside a git repository; verify checks subjects against a commit (use --repo)' },
    ]);
  const keyring = loadCliKeyring(ctx, repo, values, false);
  if (keyring.trusted.length === 0)
    throw new UsageError(
      `no trusted public key in ${String(values['keys-dir'])} (files ending in .pem or .pub); pass --key PUB`,
    );
  const commitFlag = values.commit as string | undefined;
  const commit = resolveCommit(
    repo,
    fromNotes ?? commitFlag ?? 'HEAD',
    fromNotes !== undefined ? '--from-notes' : '--commit',
  );
  if (fromNotes !== undefined && commitFlag !== undefined && resolveCommit(repo, commitFlag, '--commit') !== commit) {
    throw new UsageError(
      '--commit and --from-notes name different commits; a note is verified for the commit it is attached to',
    );
  }
  const evidenceDir = resolve(ctx.cwd, (values['evidence-dir'] as string | undefined) ?? repo);
  if (!existsSync(evidenceDir) || !statSync(evidenceDir).isDirectory())
    throw new InputError([{ file: evidenceDir, message: 'evidence folder does not exist' }]);
  const readEvidence = readerAtWorktree(evidenceDir);
  const context: RecordContext = {
    trusted: keyring.trusted,
    revokedIds: keyring.revoked,
    commit,
    digestAt: digestsAtCommits(repo),
    evidenceDigest: (path) => {
      // Reused parent evidence is named by its place in the store, where git finds it.
      const stored = storedEvidenceDigest(repo, path);
      if (stored !== undefined) return stored;
      const read = readEvidence(path);
      return read.kind === 'file' ? sha256Hex(read.bytes) : undefined;
    },
    evidenceWhere: `under ${evidenceDir}`,
  };

  if (envelopeText !== undefined) return printResult(ctx, verifyRecord(envelopeText, context), commit, '');
  const notes = readNotes(repo, commit);
  if (notes.length === 0) {
    ctx.stderr(
      `kaizen-gate: commit ${commit} has no report in ${NOTES_REF}; fetch the notes first: git fetch origin 'refs/notes/*:refs/notes/*'\n`,
    );
    return EXIT.failed;
  }
  let status: number = EXIT.ok;
  for (const note of notes) {
    const prefix = notes.length > 1 ? `[note line ${note.line}] ` : '';
    if (printResult(ctx, verifyRecord(note.text, context), commit, prefix) !== EXIT.ok) status = EXIT.failed;
  }
  return status;
}

function printResult(ctx: CommandContext, result: RecordResult, commit: string, prefix: string): number {
  if (result.kind === 'verified') {
    ctx.stdout(`${prefix}${renderVerified(result, commit)}`);
    return EXIT.ok;
  }
  ctx.stderr(`${prefix}${renderRefused(result)}`);
  return EXIT.failed;
}

/**
 * `log [manifest…]`: the Kaizen log, as an audit: exit 1 when any record of a shown release is
 * INVALID, or unsigned while signatures are required (by default whenever trusted keys exist).
 */
function runLog(ctx: CommandContext, values: Record<string, unknown>, positionals: readonly string[]): number {
  const format = (values.format as string | undefined) ?? 'table';
  if (!(LOG_FORMATS as readonly string[]).includes(format))
    throw new UsageError(`--format must be one of ${LOG_FORMATS.join(', ')}, got "${format}"`);
  if (values['require-signed'] === true && values['allow-unsigned'] === true)
    throw new UsageError('--require-signed and --allow-unsigned contradict each other; give one');
  const repo = repoRootOf(ctx.cwd, values.repo as string | undefined);
  if (!findRepoRoot(repo))
    throw new InputError([
      { file: repo, message: 'not inside a git repository; log reads the git history (use --repo)' },
    ]);
  const keyring = loadCliKeyring(ctx, repo, values, true);
  const requireSigned =
    values['require-signed'] === true || (keyring.trusted.length > 0 && values['allow-unsigned'] !== true);
  if (requireSigned && keyring.trusted.length === 0)
    throw new UsageError(
      `--require-signed needs trusted public keys: --key PUB, --keys-dir DIR or ${DEFAULT_KEYS_DIR}/ in the repository`,
    );
  const digestAt = digestsAtCommits(repo);
  const entries = buildKaizenLog({
    changes: readYamlHistory(repo),
    notes: readAllNotes(repo),
    verify: (commit, text) =>
      verifyRecord(text, { trusted: keyring.trusted, revokedIds: keyring.revoked, commit, digestAt }),
    ...(positionals.length > 0 ? { select: positionals.map((p) => toRepoPath(repo, resolve(ctx.cwd, p))) } : {}),
  });
  if (keyring.trusted.length === 0 && entries.some((e) => e.records > 0)) {
    ctx.stderr(
      `kaizen-gate: no trusted public keys (--key, --keys-dir or ${DEFAULT_KEYS_DIR}/); signatures cannot be verified.\n`,
    );
  }
  if (entries.length === 0 && positionals.length === 0) {
    ctx.stderr('kaizen-gate: no kaizen-gate manifests in the repository at HEAD; nothing to show.\n');
  }
  ctx.stdout(renderLog(entries, format as LogFormat));
  const invalid = entries.filter((e) => e.invalid_records > 0);
  const unsigned = requireSigned ? entries.filter((e) => e.unsigned_records > 0) : [];
  if (invalid.length > 0) {
    const ids = invalid.map((e) => e.id).join(', ');
    ctx.stderr(
      `kaizen-gate: ${count(invalid.length, 'release')} ${invalid.length === 1 ? 'has' : 'have'} an INVALID record: ${ids}\n`,
    );
  }
  if (unsigned.length > 0) {
    const ids = unsigned.map((e) => e.id).join(', ');
    const have = `${count(unsigned.length, 'release')} ${unsigned.length === 1 ? 'has' : 'have'}`;
    ctx.stderr(
      `kaizen-gate: ${have} an unsigned record while signatures are required: ${ids} (--allow-unsigned to accept them)\n`,
    );
  }
  return invalid.length > 0 || unsigned.length > 0 ? EXIT.failed : EXIT.ok;
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
