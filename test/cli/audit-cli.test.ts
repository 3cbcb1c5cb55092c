/**
 * keygen, verify and log through the CLI entry point, on real repositories with a history of
 * releases whose signed reports are recorded as git notes and read back on fresh clones.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli.ts';
import type { LogEntry } from '../../src/audit/log.ts';
import { recordNote } from '../../src/git/notes.ts';
import { keyIdOf } from '../../src/report/keys.ts';
import { attestReport } from '../../src/report/attest.ts';
import { preAuthEncoding } from '../../src/report/sign.ts';
import type { Envelope } from '../../src/report/sign.ts';
import { buildStatement, canonicalJson, PAYLOAD_TYPE } from '../../src/report/statement.ts';
import type { Report } from '../../src/report/model.ts';
import { sign } from 'node:crypto';
import {
  buildReleaseHistory,
  cloneOf,
  commitAt,
  fixtureKey,
  fixtureKeyPath,
  releaseReport,
  signedEnvelope,
  writePackage,
} from '../support/audit-repo.ts';
import type { Clone, ReleaseHistory } from '../support/audit-repo.ts';
import { runGit } from '../support/git-repo.ts';

const ED25519_ID = 'sha256:8360ab527f71c2c9ad92ae2db5c21ed80091dcd4cc3904776a7c8bb1fea95631';
const P256_ID = 'sha256:62f5b5cb2e37370a15c6c54447a519783e93081ef6b91c6cb3ac5616c9744e5d';
const OTHER_ID = 'sha256:23a5cbbc6bd0b1e75a18f39af0260a014da48998be7d2c30e82c18fa173f30d6';

interface Result {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

async function cli(cwd: string, ...args: string[]): Promise<Result> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { cwd, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

const saved = process.env.GIT_CONFIG_GLOBAL;
const cleanups: (() => void)[] = [];
let history: ReleaseHistory;
const scratch = mkdtempSync(join(tmpdir(), 'kaizen-audit-cli-'));
cleanups.push(() => rmSync(scratch, { recursive: true, force: true }));
let scratchCount = 0;
const scratchDir = (): string => {
  scratchCount += 1;
  const dir = join(scratch, String(scratchCount));
  mkdirSync(dir);
  return dir;
};

beforeAll(() => {
  process.env.GIT_CONFIG_GLOBAL = '/dev/null';
  history = buildReleaseHistory((repo, commit, note) => recordNote({ repo, commit, note, push: true }));
  cleanups.push(history.cleanup);
});
afterAll(() => {
  if (saved === undefined) delete process.env.GIT_CONFIG_GLOBAL;
  else process.env.GIT_CONFIG_GLOBAL = saved;
  for (const cleanup of cleanups) cleanup();
});

/** Every ref of the origin and where it points, read from its files: what a clone of it would get. */
function originState(): string {
  const refs = readdirSync(join(history.origin, 'refs'), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .toSorted()
    .map((file) => `${file} ${readFileSync(file, 'utf8')}`);
  const packed = join(history.origin, 'packed-refs');
  return [...refs, existsSync(packed) ? readFileSync(packed, 'utf8') : ''].join('\n');
}

// Clones of an unchanged origin, made with git once and copied per test (one test adds releases:
// its later clones come from a new template).
const templates = new Map<string, string>();

/** A fresh clone of origin with the notes fetched the documented way. */
function freshClone(fetchNotes = true): Clone {
  const key = `${fetchNotes}\0${originState()}`;
  let template = templates.get(key);
  if (template === undefined) {
    const clone = cloneOf(history.origin);
    cleanups.push(clone.cleanup);
    if (fetchNotes) clone.git('fetch', '--quiet', 'origin', 'refs/notes/*:refs/notes/*');
    template = clone.dir;
    templates.set(key, template);
  }
  const parent = mkdtempSync(join(tmpdir(), 'kaizen-clone-'));
  cleanups.push(() => rmSync(parent, { recursive: true, force: true }));
  const dir = join(parent, 'clone');
  cpSync(template, dir, { recursive: true });
  return {
    dir,
    git: (...args: string[]) => runGit(dir, args),
    cleanup: () => rmSync(parent, { recursive: true, force: true }),
  };
}

async function logJson(dir: string, ...args: string[]): Promise<{ code: number; entries: LogEntry[]; stderr: string }> {
  const result = await cli(dir, 'log', '--format', 'json', ...args);
  expect(result.stderr).not.toMatch(/internal error/);
  const parsed = JSON.parse(result.stdout) as { schema: string; entries: LogEntry[] };
  expect(parsed.schema).toBe('kaizen-gate/log/v1');
  return { code: result.code, entries: parsed.entries, stderr: result.stderr };
}

/** Parses RFC 4180 CSV (quoted fields, doubled quotes, CRLF records) — an independent reader for the test. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  expect(field).toBe('');
  return rows;
}

const summaryRow = (e: LogEntry): unknown[] => [
  e.id,
  e.date,
  e.manifest,
  e.package_id,
  e.commit,
  e.status,
  e.signature_status,
  e.decision ?? null,
];

describe('kaizen-gate log', () => {
  it('reads the Kaizen log of every release back on a fresh clone after fetching the notes', async () => {
    const clone = freshClone();
    const { code, entries, stderr } = await logJson(clone.dir);
    // Trusted keys exist, so signatures are required: the unsigned record of sql-r2 fails the audit.
    expect(stderr).toBe(
      'kaizen-gate: 1 release has an unsigned record while signatures are required: KZ-2026-004 (--allow-unsigned to accept them)\n',
    );
    expect(code).toBe(1);
    expect(await logJson(clone.dir, '--allow-unsigned')).toMatchObject({ code: 0, stderr: '', entries });
    const c = history.commits;
    expect(entries.map(summaryRow)).toEqual([
      ['KZ-2025-001', '2025-12-30', 'manifests/policy-qa.yaml', 'qa-r1', c.qa1, 'approved', 'verified', 'approve'],
      [
        'KZ-2025-002',
        '2025-12-31',
        'manifests/sql.yaml',
        'sql-r1',
        c.sql1,
        'needs approval',
        'verified',
        'needs_approval',
      ],
      ['KZ-2026-001', '2026-01-05', 'manifests/policy-qa.yaml', 'qa-r2', c.qa2, 'approved', 'verified', 'approve'],
      ['KZ-2026-002', '2026-01-06', 'manifests/policy-qa.yaml', 'qa-r3', c.qa3, 'rolled back', 'verified', 'reject'],
      ['KZ-2026-003', '2026-01-07', 'manifests/policy-qa.yaml', 'qa-r4', c.qa4, 'approved', 'verified', 'approve'],
      // An unsigned record is anyone's claim: it gets no decision of its own.
      ['KZ-2026-004', '2026-01-09', 'manifests/sql.yaml', 'sql-r2', c.sql2, 'unsigned', 'unsigned', null],
      ['KZ-2026-005', '2026-01-10', 'manifests/sql-analytics.yaml', 'sql-r3', c.sql3, 'unrecorded', 'none', null],
    ]);
    const byId = new Map(entries.map((e) => [e.id, e]));
    expect(byId.get('KZ-2025-001')).toMatchObject({
      owner: '@ana-lima',
      problem: 'Employees wait days for HR answers',
      measure: 'new package: First release of the HR assistant',
      result: 'approve; quality +0.5 pp [−1.0, +2.0], latency +2.0 % [−3.0, +8.0]',
      signature: `verified with ${ED25519_ID} (.kaizen-gate/keys/ed25519.pub.pem)`,
    });
    expect(byId.get('KZ-2025-002')?.signature).toBe(`verified with ${P256_ID} (.kaizen-gate/keys/p256.pub.pem)`);
    expect(byId.get('KZ-2026-001')).toMatchObject({
      measure: 'prompt_patch: Require citations and an effective date',
      result: 'approve; quality +1.2 pp [−0.4, +2.8], latency +2.0 % [−3.0, +8.0]',
      signature: `verified with ${ED25519_ID} (.kaizen-gate/keys/ed25519.pub.pem); 1 evidence file not in the commit, not checked`,
    });
    // The merged branch is one release: the merge commit, diffed against its first parent.
    expect(byId.get('KZ-2026-002')).toMatchObject({
      measure: 'retrieval_refresh: Retrieve 12 passages instead of 8',
      result: 'reject; quality −3.1 pp [−5.0, −1.2], latency +2.0 % [−3.0, +8.0]',
      rolled_back_by: 'KZ-2026-003',
    });
    expect(byId.get('KZ-2026-003')?.classes).toEqual(['retrieval_refresh', 'rollback']);
    expect(byId.get('KZ-2026-004')).toMatchObject({
      signature: 'unsigned',
      result: 'unsigned claim, not verified: hold; quality +0.1 pp [−1.0, +1.2], latency +35.0 % [+25.0, +46.0]',
    });
    // Followed across the rename; a rename with edits is a release of its own.
    expect(byId.get('KZ-2026-005')).toMatchObject({
      measure: 'no_behaviour_change: Rename the manifest',
      result: '—',
      signature: 'none',
      owner: '@omar-d',
    });
  });

  it('shows every release as unrecorded until the notes are fetched (a rollback is seen in the history alone)', async () => {
    const clone = freshClone(false);
    const { code, entries } = await logJson(clone.dir);
    expect(code).toBe(0);
    expect(entries.map((e) => [e.id, e.status, e.signature])).toEqual([
      ['KZ-2025-001', 'unrecorded', 'none'],
      ['KZ-2025-002', 'unrecorded', 'none'],
      ['KZ-2026-001', 'unrecorded', 'none'],
      ['KZ-2026-002', 'rolled back', 'none'],
      ['KZ-2026-003', 'unrecorded', 'none'],
      ['KZ-2026-004', 'unrecorded', 'none'],
      ['KZ-2026-005', 'unrecorded', 'none'],
    ]);
  });

  it('selects manifests by current or earlier path, keeping the repository-wide IDs', async () => {
    const clone = freshClone();
    const current = await logJson(clone.dir, 'manifests/sql-analytics.yaml');
    const earlier = await logJson(clone.dir, 'manifests/sql.yaml');
    expect(current.entries.map((e) => e.id)).toEqual(['KZ-2025-002', 'KZ-2026-004', 'KZ-2026-005']);
    expect(earlier.entries).toEqual(current.entries);
    expect((await logJson(join(clone.dir, 'manifests'), '.')).entries).toHaveLength(7);
    const missing = await cli(clone.dir, 'log', 'manifests/nope.yaml');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('manifests/nope.yaml: no version of a kaizen-gate manifest at this path');
  });

  it('renders RFC 4180 CSV that an independent parser reads back to the same fields', async () => {
    const clone = freshClone();
    const { entries } = await logJson(clone.dir);
    const csv = await cli(clone.dir, 'log', '--format', 'csv', '--allow-unsigned');
    expect(csv.code).toBe(0);
    expect(csv.stdout.endsWith('\r\n')).toBe(true);
    expect(csv.stdout.replaceAll('\r\n', '')).not.toMatch(/\n/);
    // Commas and quotes in a problem statement are quoted, quotes doubled.
    expect(csv.stdout).toContain('"Analysts, ""ad hoc"" queries, and a backlog"');
    const rows = parseCsv(csv.stdout);
    expect(rows[0]).toEqual([
      'id',
      'date',
      'owner',
      'problem',
      'measure',
      'result',
      'status',
      'package_id',
      'manifest',
      'commit',
      'signature',
    ]);
    expect(rows.slice(1)).toEqual(
      entries.map((e) => [
        e.id,
        e.date,
        e.owner,
        e.problem,
        e.measure,
        e.result,
        e.status,
        e.package_id,
        e.manifest,
        e.commit,
        e.signature,
      ]),
    );
  });

  it('renders an escaped Markdown table and an aligned terminal table', async () => {
    const clone = freshClone();
    const markdown = await cli(clone.dir, 'log', '--format', 'markdown');
    const lines = markdown.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('| ID | Date | Owner | Problem | Measure | Result | Status | Package | Commit | Signature |');
    expect(lines).toHaveLength(2 + 7);
    // Every row has exactly the 10 cells: no unescaped `|` from the text.
    for (const line of lines.slice(2)) expect(line.split(/(?<!\\)\|/).length - 2).toBe(10);
    expect(markdown.stdout).toContain('@\u200dana-lima');
    expect(markdown.stdout).toContain(
      '| prompt_patch: Require citations and an effective date | approve; quality +1.2 pp \\[−0.4, +2.8\\]',
    );
    const table = await cli(clone.dir, 'log', '--allow-unsigned');
    expect(table.code).toBe(0);
    const rows = table.stdout.trimEnd().split('\n');
    expect(rows[0]).toMatch(/^ID {11}Date {8}Owner/);
    expect(rows).toHaveLength(8);
    const statusColumn = rows[0]!.indexOf('Status');
    expect(rows[4]!.slice(statusColumn)).toMatch(/^rolled back /);
  });

  it('exits 1 when a replayed INVALID record sits beside a genuine one, naming the release', async () => {
    const clone = freshClone();
    // qa2's envelope copied onto qa4, whose own record is genuine: the genuine one is still shown.
    const note = JSON.stringify(history.envelopes.qa2);
    clone.git(
      '-c',
      'user.name=x',
      '-c',
      'user.email=x@x',
      'notes',
      '--ref=refs/notes/kaizen-gate',
      'append',
      '-m',
      note,
      history.commits.qa4,
    );
    const run = await cli(clone.dir, 'log', '--format', 'json', '--allow-unsigned', 'manifests/policy-qa.yaml');
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('kaizen-gate: 1 release has an INVALID record: KZ-2026-003\n');
    const qa4 = (JSON.parse(run.stdout) as { entries: LogEntry[] }).entries.find((e) => e.id === 'KZ-2026-003');
    expect(qa4).toMatchObject({ status: 'approved', signature_status: 'verified', invalid_records: 1 });
  });

  it('keeps every ID when releases are added, and flags an untrusted or re-targeted record as INVALID', async () => {
    const clone = freshClone();
    const before = (await logJson(clone.dir)).entries;
    const { work, commits } = history;
    // A later release signed by a key nobody trusts, and a valid envelope copied onto another commit.
    work.git('pull', '--quiet', '--ff-only', 'origin', 'main');
    writePackage(work, {
      path: 'manifests/policy-qa.yaml',
      application: 'policy-qa',
      packageId: 'qa-r5',
      parent: 'qa-r4',
      changeType: 'prompt_patch',
      summary: 'Shorter answers',
      problem: 'Answers are long',
      owner: '@ana-lima',
      prompt: 'You answer HR policy questions briefly.\n',
    });
    const qa5 = commitAt(work, 'policy-qa: shorter', '2026-01-11T09:00:00Z');
    work.git('push', '--quiet', 'origin', 'main');
    const report = releaseReport(work, {
      commit: qa5,
      base: commits.sql3,
      manifests: ['manifests/policy-qa.yaml'],
      outcome: { quality: [0.4, -0.8, 1.6] },
    });
    recordNote({
      repo: work.dir,
      commit: qa5,
      note: JSON.stringify(signedEnvelope(report, 'ed25519-other.key.pem')),
      push: true,
    });
    recordNote({ repo: work.dir, commit: commits.qa4, note: JSON.stringify(history.envelopes.qa2), push: true });

    const after = freshClone();
    const { code, entries } = await logJson(after.dir);
    expect(code).toBe(1);
    expect(entries.slice(0, before.length).map((e) => [e.id, e.commit, e.manifest])).toEqual(
      before.map((e) => [e.id, e.commit, e.manifest]),
    );
    const added = entries.at(-1)!;
    expect(added).toMatchObject({
      id: 'KZ-2026-006',
      package_id: 'qa-r5',
      status: 'unverified',
      signature_status: 'invalid',
      result: '—',
    });
    expect(added.signature).toMatch(
      new RegExp(`^INVALID: The envelope is signed by ${OTHER_ID}, which is not a trusted key \\(trusted: `),
    );
    const qa4 = entries.find((e) => e.id === 'KZ-2026-003')!;
    expect(qa4).toMatchObject({ status: 'approved', signature_status: 'verified', records: 2 });
    expect(qa4.signature).toBe(`verified with ${ED25519_ID} (.kaizen-gate/keys/ed25519.pub.pem); and 1 INVALID record`);
  });

  it('refuses signatures by a revoked key listed in revoked.txt', async () => {
    const clone = freshClone();
    writeFileSync(
      join(clone.dir, '.kaizen-gate/keys/revoked.txt'),
      `# P-256 laptop key, leaked 2026-02-01\n${P256_ID}  laptop\n`,
    );
    const { code, entries } = await logJson(clone.dir, 'manifests/sql-analytics.yaml');
    expect(code).toBe(1);
    expect(entries[0]).toMatchObject({
      id: 'KZ-2025-002',
      status: 'unverified',
      signature: `INVALID: The envelope is signed by key ${P256_ID} (.kaizen-gate/keys/p256.pub.pem), which is revoked.`,
    });
    writeFileSync(join(clone.dir, '.kaizen-gate/keys/revoked.txt'), 'not-a-key-id\n');
    const bad = await cli(clone.dir, 'log');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain(
      'revoked.txt:1:1: expected a key id such as sha256:<64 hex digits>, found "not-a-key-id"',
    );
  });

  it('refuses a shallow clone, whose history would give wrong IDs', async () => {
    const parent = scratchDir();
    execFileSync('git', ['clone', '--quiet', '--depth', '2', `file://${history.origin}`, join(parent, 'shallow')], {
      env: { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null' },
    });
    const result = await cli(join(parent, 'shallow'), 'log');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      'the clone is shallow, so the release history would be incomplete and the KZ ids wrong; fetch the full history',
    );
  });

  it('rejects an unknown format with exit 2', async () => {
    const result = await cli(history.work.dir, 'log', '--format', 'xml');
    expect(result).toMatchObject({ code: 2 });
    expect(result.stderr).toContain('--format must be one of table, markdown, csv, json, got "xml"');
  });
});

/** Writes an envelope (or any text) to a file and returns its path. */
function envelopeFile(content: Envelope | string): string {
  const path = join(scratchDir(), 'report.intoto.json');
  writeFileSync(path, typeof content === 'string' ? content : `${JSON.stringify(content, null, 2)}\n`);
  return path;
}

function mapPayload(envelope: Envelope, edit: (text: string) => string): Envelope {
  const payload = Buffer.from(edit(Buffer.from(envelope.payload, 'base64').toString('utf8'))).toString('base64');
  return { ...envelope, payload };
}

/** Signs arbitrary payload bytes the DSSE way with a fixture key (for payloads our signer would never make). */
function signRaw(payload: string, keyFile = 'ed25519.key.pem'): Envelope {
  const bytes = Buffer.from(payload);
  const sig = sign(null, preAuthEncoding(PAYLOAD_TYPE, bytes), fixtureKey(keyFile));
  return {
    payloadType: PAYLOAD_TYPE,
    payload: bytes.toString('base64'),
    signatures: [{ keyid: ED25519_ID, sig: sig.toString('base64') }],
  };
}

const qa3 = (): Envelope => history.envelopes.qa3;

describe('kaizen-gate verify', () => {
  const pub = fixtureKeyPath('ed25519.pub.pem');
  const verify = (envelope: string, ...args: string[]): Promise<Result> =>
    cli(history.work.dir, 'verify', envelope, ...(args.includes('--key') ? [] : ['--key', pub]), ...args);

  it('verifies a report for its commit and prints the decision and every gate verdict', async () => {
    const result = await verify(envelopeFile(history.envelopes.qa3), '--commit', history.commits.qa3);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe(
      `VALID: signed by ${ED25519_ID} (${pub}) for commit ${history.commits.qa3}; 5 subject files match.`,
    );
    expect(lines[1]).toBe('Decision: reject — Rejected: the quality gate failed.');
    expect(lines.slice(3)).toEqual([
      'policy-qa qa-r3 (manifests/policy-qa.yaml): reject',
      '  manifest  pass  Every artifact matches its recorded digest and the evidence is bound to these packages (fixture).',
      '  quality   fail  −3.1 pp (95% CI −5.0 to −1.2 pp)  Pass rate dropped beyond the 2.0 pp margin.',
      '  latency   pass  ×1.020 (95% CI ×0.970 to ×1.080)  p95 latency within the 20 % limit.',
    ]);
  });

  it('defaults --commit to HEAD and --repo to the working directory', async () => {
    const clone = freshClone();
    const stale = await cli(clone.dir, 'verify', envelopeFile(history.envelopes.qa4), '--key', pub);
    expect(stale.code).toBe(1);
    expect(stale.stderr).toContain(
      `The report was signed for commit ${history.commits.qa4}, not ${clone.git('rev-parse', 'HEAD')}`,
    );
  });

  it('looks evidence that is not in the commit up under --evidence-dir (default the work tree)', async () => {
    const file = envelopeFile(history.envelopes.qa2);
    const commit = history.commits.qa2;
    const absent = await verify(file, '--commit', commit);
    expect(absent.code).toBe(1);
    expect(absent.stderr).toBe(
      `INVALID: The evidence file evidence/qa-r2.jsonl is neither in commit ${commit.slice(0, 12)} nor under ${history.work.dir}; pass --evidence-dir with the evidence the report was made from.\n  What to do: Point --evidence-dir at the folder holding the evidence files by their repository paths (CI artefacts: download them first).\n`,
    );
    const dir = scratchDir();
    mkdirSync(join(dir, 'evidence'));
    writeFileSync(join(dir, history.qa2Evidence.path), history.qa2Evidence.bytes);
    const present = await verify(file, '--commit', commit, '--evidence-dir', dir);
    expect(present.code).toBe(0);
    expect(present.stdout).toMatch(/^VALID: .*; 6 subject files match\.$/m);
    writeFileSync(join(dir, history.qa2Evidence.path), `${history.qa2Evidence.bytes}{"extra":true}\n`);
    const changed = await verify(file, '--commit', commit, '--evidence-dir', dir);
    expect(changed.code).toBe(1);
    expect(changed.stderr).toBe(
      `INVALID: 1 subject does not match the files at ${commit}: evidence/qa-r2.jsonl (content changed).\n  What to do: ${CHANGED_ADVICE}\n`,
    );
  });

  const CHANGED_ADVICE =
    'A file changed after the report was made. Verify the report at the commit it names with the evidence it was made from (--evidence-dir), or run check again on the files as they are.';
  const cases: [string, () => Envelope | string, string[], RegExp][] = [
    [
      'a tampered payload',
      () => mapPayload(qa3(), (t) => t.replace('"outcome":"reject"', '"outcome":"approve"')),
      [],
      /^INVALID: The signature by trusted key sha256:8360\S+ \(.*\) does not verify: the payload or the signature was changed after signing\.\n {2}What to do: \S.*\n$/,
    ],
    [
      'a wrong key',
      qa3,
      ['--key', fixtureKeyPath('ed25519-other.pub.pem')],
      new RegExp(
        `^INVALID: The envelope is signed by ${ED25519_ID}, which is not a trusted key \\(trusted: ${OTHER_ID} .*\\)\\.\\n {2}What to do: \\S.*\\n$`,
      ),
    ],
    [
      'a report for another commit',
      qa3,
      ['--commit-override'],
      /^INVALID: The report was signed for commit [0-9a-f]{40}, not [0-9a-f]{40}[;.]/,
    ],
    [
      'an unknown payloadType',
      () => ({ ...qa3(), payloadType: 'application/json' }),
      [],
      /^INVALID: The envelope's payloadType is "application\/json", expected "application\/vnd\.in-toto\+json" \(an in-toto statement\)\.\n {2}What to do: \S.*\n$/,
    ],
    [
      'malformed base64 in the payload',
      () => ({ ...qa3(), payload: `${qa3().payload.slice(0, 40)}!${qa3().payload.slice(40)}` }),
      [],
      /^INVALID: The envelope's payload is not valid base64: character 41 \("!"\) is not in the base64 alphabet\.\n {2}What to do: \S.*\n$/,
    ],
    [
      'malformed base64 in the signature',
      () => ({ ...qa3(), signatures: [{ keyid: ED25519_ID, sig: 'ab$c' }] }),
      [],
      /^INVALID: Signature 1 is not valid base64: character 3 \("\$"\) is not in the base64 alphabet\.\n {2}What to do: \S.*\n$/,
    ],
    [
      'malformed JSON',
      () => '{"payloadType": "application/vnd.in-toto+json", ',
      [],
      /^INVALID: The envelope is not JSON\.\n {2}What to do: \S.*\n$/,
    ],
    [
      'a signed payload that is not JSON',
      () => signRaw('not json'),
      [],
      /^INVALID: The signed payload is not JSON\.\n {2}What to do: \S.*\n$/,
    ],
    [
      'a signed statement whose predicate is not a report',
      () =>
        signRaw(
          canonicalJson(
            buildStatement([{ name: 'git+commit', digest: { gitCommit: 'a'.repeat(40) } }], { decision: 'approve' }),
          ),
        ),
      [],
      /^INVALID: The signed predicate is not a kaizen-gate report \(schema missing, expected "kaizen-gate\/report\/v1"\)\.\n {2}What to do: \S.*\n$/,
    ],
  ];

  it.each(cases)('exits 1 with one sentence for %s', async (_name, make, extra, expected) => {
    const args =
      extra[0] === '--commit-override'
        ? ['--commit', history.commits.qa4]
        : [...extra, '--commit', history.commits.qa3];
    const result = await verify(envelopeFile(make()), ...args);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(expected);
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(2);
  });

  it('exits 1 when a subject file differs from the commit (a report made before the prompt changed)', async () => {
    const report: Report = {
      ...history.reports.qa3,
      subject: {
        ...history.reports.qa3.subject,
        artifacts: history.reports.qa3.subject.artifacts.map((a) =>
          a.path.endsWith('system.md') ? { ...a, sha256: 'f'.repeat(64) } : a,
        ),
      },
    };
    const result = await verify(
      envelopeFile(signedEnvelope(report, 'ed25519.key.pem')),
      '--commit',
      history.commits.qa3,
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      `INVALID: 1 subject does not match the files at ${history.commits.qa3}: apps/policy-qa/prompts/system.md (content changed).\n  What to do: ${CHANGED_ADVICE}\n`,
    );
  });

  it('exits 1 for a key listed as revoked in --keys-dir, and applies the repository revocation list to --key', async () => {
    const dir = scratchDir();
    writeFileSync(join(dir, 'ci.pem'), fixtureKey('ed25519.pub.pem'));
    writeFileSync(join(dir, 'revoked.txt'), `${ED25519_ID}\n`);
    const file = envelopeFile(qa3());
    const viaDir = await cli(history.work.dir, 'verify', file, '--keys-dir', dir, '--commit', history.commits.qa3);
    expect(viaDir.code).toBe(1);
    expect(viaDir.stderr).toMatch(
      new RegExp(
        `^INVALID: The envelope is signed by key ${ED25519_ID} \\(.*ci\\.pem\\), which is revoked\\.\\n {2}What to do: \\S.*\\n$`,
      ),
    );
    const clone = freshClone();
    writeFileSync(join(clone.dir, '.kaizen-gate/keys/revoked.txt'), `${ED25519_ID} compromised\n`);
    const viaRepo = await cli(clone.dir, 'verify', file, '--key', pub, '--commit', history.commits.qa3);
    expect(viaRepo.code).toBe(1);
    expect(viaRepo.stderr).toContain('which is revoked.');
  });

  it.each([
    ['no key', ['verify', 'report.intoto.json'], /verify needs a trusted public key: --key PUB/],
    ['a missing envelope file', ['verify', 'nope.json', '--key', pub], /nope\.json: envelope does not exist/],
    [
      'a missing key file',
      ['verify', 'ENVELOPE', '--key', 'missing.pem'],
      /missing\.pem: public key file does not exist/,
    ],
    ['no envelope', ['verify', '--key', pub], /verify needs exactly one ENVELOPE file/],
    [
      'an empty keys folder',
      ['verify', 'ENVELOPE', '--keys-dir', 'EMPTY'],
      /no trusted public key in .* \(files ending in \.pem or \.pub\)/,
    ],
    [
      'a keys folder that does not exist',
      ['verify', 'ENVELOPE', '--keys-dir', '/no/such/dir'],
      /\/no\/such\/dir: keys folder does not exist/,
    ],
    [
      'an envelope and --from-notes',
      ['verify', 'ENVELOPE', '--from-notes', 'HEAD', '--key', pub],
      /either an ENVELOPE file or --from-notes/,
    ],
    [
      'a commit that does not exist',
      ['verify', 'ENVELOPE', '--key', pub, '--commit', 'no-such-ref'],
      /--commit: no-such-ref does not name a commit/,
    ],
  ])('exits 2 for %s', async (_name, args, expected) => {
    const file = envelopeFile(qa3());
    const empty = scratchDir();
    const result = await cli(
      history.work.dir,
      ...args.map((a) => (a === 'ENVELOPE' ? file : a === 'EMPTY' ? empty : a)),
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(expected);
  });

  it('--from-notes verifies every record on a commit of a fresh clone', async () => {
    const clone = freshClone();
    const ok = await cli(clone.dir, 'verify', '--from-notes', history.commits.qa3, '--keys-dir', '.kaizen-gate/keys');
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain(
      `VALID: signed by ${ED25519_ID} (.kaizen-gate/keys/ed25519.pub.pem) for commit ${history.commits.qa3}`,
    );
    const unsigned = await cli(
      clone.dir,
      'verify',
      '--from-notes',
      history.commits.sql2,
      '--keys-dir',
      '.kaizen-gate/keys',
    );
    expect(unsigned.code).toBe(1);
    expect(unsigned.stderr).toBe(
      "INVALID: The report is unsigned (no signing-key input: pull requests from forks get no secrets), so there is nothing to verify.\n  What to do: Sign reports with `check --signing-key KEY --out DIR` (or the Action's signing-key input); an unsigned report proves nothing.\n",
    );
    const none = await cli(
      clone.dir,
      'verify',
      '--from-notes',
      history.commits.yamlOnly,
      '--keys-dir',
      '.kaizen-gate/keys',
    );
    expect(none.code).toBe(1);
    expect(none.stderr).toContain(
      `commit ${history.commits.yamlOnly} has no report in refs/notes/kaizen-gate; fetch the notes first`,
    );
  });
});

describe('kaizen-gate keygen', () => {
  it.each(['ed25519', 'ecdsa-p256'] as const)(
    'writes a %s pair, the private key with mode 0600, and never prints it',
    async (algorithm) => {
      const dir = join(scratchDir(), 'keys');
      const result = await cli(scratch, 'keygen', '--out', dir, '--algorithm', algorithm);
      expect(result.code).toBe(0);
      const privatePem = readFileSync(join(dir, 'kaizen-gate.key'), 'utf8');
      const publicPem = readFileSync(join(dir, 'kaizen-gate.pub'), 'utf8');
      expect(statSync(join(dir, 'kaizen-gate.key')).mode & 0o777).toBe(0o600);
      expect(privatePem).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
      expect(publicPem).toMatch(/^-----BEGIN PUBLIC KEY-----\n/);
      expect(result.stdout).toContain(`Public key: ${join(dir, 'kaizen-gate.pub')}\nKey id: ${keyIdOf(publicPem)}\n`);
      const secretBody = privatePem.split('\n').filter((l) => l && !l.startsWith('-----'));
      for (const line of secretBody) expect(result.stdout + result.stderr).not.toContain(line);
      expect(result.stdout).not.toContain('PRIVATE KEY-----');
    },
  );

  it('refuses to overwrite an existing key and leaves it untouched', async () => {
    const dir = scratchDir();
    expect((await cli(scratch, 'keygen', '--out', dir)).code).toBe(0);
    const before = readFileSync(join(dir, 'kaizen-gate.key'), 'utf8');
    const again = await cli(scratch, 'keygen', '--out', dir);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain(`${join(dir, 'kaizen-gate.key')}: already exists; keygen never overwrites a key`);
    expect(readFileSync(join(dir, 'kaizen-gate.key'), 'utf8')).toBe(before);
  });

  it.each([
    [['keygen'], /keygen needs --out DIR/],
    [['keygen', '--out', 'x', '--algorithm', 'rsa'], /--algorithm must be ed25519 or ecdsa-p256, got "rsa"/],
  ])('exits 2 for %j', async (args, expected) => {
    const result = await cli(scratchDir(), ...args);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(expected);
  });
});

/** Runs openssl; a missing binary fails the test with a message saying so. */
function openssl(args: readonly string[], cwd: string): { status: number | null; out: string } {
  const run = spawnSync('openssl', args, { cwd, encoding: 'utf8' });
  if (run.error !== undefined)
    throw new Error(`openssl is required by this test but could not be run (${run.error.message})`);
  return { status: run.status, out: `${run.stdout}${run.stderr}` };
}

describe('openssl accepts what the CLI path signs and verifies', () => {
  it.each([
    [
      'ed25519',
      ['pkeyutl', '-verify', '-pubin', '-inkey', 'kaizen-gate.pub', '-rawin', '-in', 'pae.bin', '-sigfile', 'sig.bin'],
      /Signature Verified Successfully/,
    ],
    [
      'ecdsa-p256',
      ['dgst', '-sha256', '-verify', 'kaizen-gate.pub', '-signature', 'sig.bin', 'pae.bin'],
      /Verified OK/,
    ],
  ] as const)(
    '%s: keygen → signed report.intoto.json → kaizen-gate verify → openssl over the PAE rebuilt with jq and printf',
    async (algorithm, verifyArgs, ok) => {
      const dir = scratchDir();
      expect((await cli(dir, 'keygen', '--out', dir, '--algorithm', algorithm)).code).toBe(0);
      const attested = attestReport(history.reports.qa3, readFileSync(join(dir, 'kaizen-gate.key'), 'utf8'), 'test');
      // Written the way the Action writes it.
      writeFileSync(join(dir, 'report.intoto.json'), `${JSON.stringify(attested.envelope, null, 2)}\n`);
      const ours = await cli(
        history.work.dir,
        'verify',
        join(dir, 'report.intoto.json'),
        '--key',
        join(dir, 'kaizen-gate.pub'),
        '--commit',
        history.commits.qa3,
      );
      expect(ours.code).toBe(0);

      const recipe = [
        `jq -r .payload report.intoto.json | base64 -d > payload.json`,
        `jq -r '.signatures[0].sig' report.intoto.json | base64 -d > sig.bin`,
        `printf 'DSSEv1 28 application/vnd.in-toto+json %d ' "$(wc -c < payload.json)" > pae.bin`,
        `cat payload.json >> pae.bin`,
      ].join(' && ');
      execFileSync('sh', ['-c', recipe], { cwd: dir });
      const accepted = openssl(verifyArgs, dir);
      expect(accepted.out).toMatch(ok);
      expect(accepted.status).toBe(0);
      // The subjects an auditor compares with sha256sum of the files at the commit.
      const payload = JSON.parse(readFileSync(join(dir, 'payload.json'), 'utf8')) as {
        subject: { name: string; digest: Record<string, string> }[];
      };
      expect(payload.subject.find((s) => s.name === 'git+commit')?.digest).toEqual({ gitCommit: history.commits.qa3 });

      const pae = readFileSync(join(dir, 'pae.bin'));
      pae[pae.length - 5] = (pae[pae.length - 5] ?? 0) ^ 0x01;
      writeFileSync(join(dir, 'pae.bin'), pae);
      const refused = openssl(verifyArgs, dir);
      expect(refused.status).not.toBe(0);
      expect(refused.out).not.toMatch(ok);
    },
  );
});
