// The sticky PR comment against the fake GitHub over real HTTP.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deleteStickyComment, upsertStickyComment, type StickyComment } from '../../src/github/comment.ts';
import { ACTIONS_BOT_LOGIN, lookupTokenIdentity } from '../../src/github/identity.ts';
import { utf8Length } from '../../src/github/limits.ts';
import { setupOctokit, type Octokit } from '../../src/github/octokit.ts';
import { ACTIONS_BOT, startGitHubServer, type FakeUser, type GitHubServer } from '../support/github-server.ts';

let server: GitHubServer;
let octokit: Octokit;
let token: string;
let tokens = 0;
beforeEach(async () => {
  server = await startGitHubServer();
  // A token per test: the client paces writes per token, which would otherwise carry over between tests.
  token = `ghs_test_${++tokens}`;
  octokit = setupOctokit(token, { baseUrl: server.url, backoffUnitMs: 5 });
});
afterEach(async () => {
  expect(server.invalidRequests).toEqual([]);
  await server.close();
});

const marker = '<!-- kaizen-gate:sticky:policy-qa -->';
const target = { owner: 'acme', repo: 'app', issueNumber: 12, marker, author: ACTIONS_BOT_LOGIN };
const human: FakeUser = { login: 'octocat', id: 583231, type: 'User' };
const onIssue = () => server.state.comments.filter((c) => c.issue_number === 12);

describe('upsertStickyComment', () => {
  it('creates the comment once and updates it on the next run, reading past 120 other comments', async () => {
    for (let i = 0; i < 120; i++)
      server.seedComment({
        owner: 'acme',
        repo: 'app',
        issueNumber: 12,
        body: `review ${i}`,
        user: i % 2 ? human : ACTIONS_BOT,
      });

    const first = await upsertStickyComment(octokit, { ...target, body: 'Run 1: reject' });
    expect(first.action).toBe('created');
    const second = await upsertStickyComment(octokit, { ...target, body: 'Run 2: approve' });
    expect(second).toMatchObject({ id: first.id, action: 'updated' });

    const sticky = onIssue().filter((c) => c.body.startsWith(marker));
    expect(sticky).toHaveLength(1);
    expect(sticky[0]?.body).toBe(`${marker}\nRun 2: approve`);
    expect(first.htmlUrl).toBe(`https://github.com/acme/app/pull/12#issuecomment-${first.id}`);

    const listings = server.requests
      .filter((r) => r.operationId === 'issues/list-comments')
      .map((r) => r.query['page'] ?? '1');
    // 120 seeded → two pages of 100, the sticky one on page 2; after creating, one more listing looks for a
    // concurrent run's comment.
    expect(listings).toEqual(['1', '2', '1', '2', '1', '2']);
    expect(server.requests.map((r) => r.operationId).filter((id) => id !== 'issues/list-comments')).toEqual([
      'issues/create-comment',
      'issues/update-comment',
    ]);
  });

  it('with onlyIfPresent, refreshes an existing comment but never creates one', async () => {
    const none = await upsertStickyComment(octokit, { ...target, body: 'approve' }, { onlyIfPresent: true });
    expect(none.action).toBe('absent');
    expect(server.requests.filter((r) => r.operationId === 'issues/create-comment')).toHaveLength(0);

    const created = await upsertStickyComment(octokit, { ...target, body: 'reject' });
    const refreshed = await upsertStickyComment(octokit, { ...target, body: 'approve' }, { onlyIfPresent: true });
    expect(refreshed).toMatchObject({ id: created.id, action: 'updated' });
    expect(
      onIssue()
        .filter((c) => c.body.startsWith(marker))
        .map((c) => c.body),
    ).toEqual([`${marker}\napprove`]);
  });

  it('leaves an identical comment alone', async () => {
    const first = await upsertStickyComment(octokit, { ...target, body: 'same' });
    const again = await upsertStickyComment(octokit, { ...target, body: 'same' });
    expect(again).toMatchObject({ id: first.id, action: 'unchanged' });
    expect(server.requests.filter((r) => r.method !== 'GET')).toHaveLength(1);
  });

  it('ignores replies that quote the marker and other markers', async () => {
    server.seedComment({
      owner: 'acme',
      repo: 'app',
      issueNumber: 12,
      body: `> ${marker}\n> Run 1: reject\n\nWhy?`,
      user: human,
    });
    server.seedComment({
      owner: 'acme',
      repo: 'app',
      issueNumber: 12,
      body: '<!-- kaizen-gate:sticky:other -->\nother package',
    });
    const result = await upsertStickyComment(octokit, { ...target, body: 'verdict' });
    expect(result.action).toBe('created');
    expect(onIssue()).toHaveLength(3);
  });

  it('adopts only comments by `author`: a PR author’s marker comment with a fake verdict is never edited', async () => {
    const fake = server.seedComment({
      owner: 'acme',
      repo: 'app',
      issueNumber: 12,
      body: `${marker}\n## ✅ APPROVE`,
      user: human,
    });
    const otherBot = server.seedComment({
      owner: 'acme',
      repo: 'app',
      issueNumber: 12,
      body: `${marker}\n## ✅ APPROVE`,
      user: { login: 'helper-app[bot]', id: 77, type: 'Bot' },
    });
    const result = await upsertStickyComment(octokit, { ...target, body: 'Rejected: quality −8 pp' });
    expect(result.action).toBe('created');
    expect([fake.id, otherBot.id]).not.toContain(result.id);
    expect(fake.body).toBe(`${marker}\n## ✅ APPROVE`);
    expect(server.requests.filter((r) => r.operationId === 'issues/update-comment')).toEqual([]);
    // The author's own comment is adopted, an old one without a head too.
    const own = server.seedComment({
      owner: 'acme',
      repo: 'app',
      issueNumber: 12,
      body: `${marker}\nold verdict`,
      user: human,
    });
    expect((await upsertStickyComment(octokit, { ...target, author: 'octocat', body: 'mine' })).id).toBe(
      own.id < fake.id ? own.id : fake.id,
    );
  });

  it('fits sections into the limit, marker included', async () => {
    const body: StickyComment['body'] = [
      { title: 'Verdict', body: 'Approve ✅', priority: 2 },
      { title: 'Cases', body: '🧪'.repeat(100), priority: 1 },
    ];
    await upsertStickyComment(octokit, { ...target, body }, { limit: 120 });
    const sent = onIssue()[0]?.body ?? '';
    expect(sent).toBe(`${marker}\n## Verdict\n\nApprove ✅\n\n_… Cases omitted (see report.json / full report)_`);
    expect(utf8Length(sent)).toBeLessThanOrEqual(120);
  });

  it('keeps an oversized plain body under GitHub’s 65 536 limit', async () => {
    await upsertStickyComment(octokit, { ...target, body: '表'.repeat(70_000) });
    const sent = onIssue()[0]?.body ?? '';
    expect(sent.startsWith(`${marker}\n表表`)).toBe(true);
    expect(utf8Length(sent)).toBeLessThanOrEqual(65_536);
  });

  it.each(['kaizen-gate', '<!-- a -- b -->', '<!-- two\nlines -->'])('rejects the marker %j', async (bad) => {
    await expect(upsertStickyComment(octokit, { ...target, marker: bad, body: 'x' })).rejects.toThrow(TypeError);
    expect(server.requests).toEqual([]);
  });
});

const line = (head: string): string => `<!-- kaizen-gate:sticky:policy-qa head=${head} -->`;

describe('upsertStickyComment with heads', () => {
  const h1 = '1'.repeat(40);
  const h2 = '2'.repeat(40);
  const h3 = '3'.repeat(40);
  const sticky = () => onIssue().filter((c) => c.body.startsWith('<!-- kaizen-gate:sticky:policy-qa'));

  it('writes the head into the marker and updates its own comment for the same head', async () => {
    server.seedPull({ owner: 'acme', repo: 'app', number: 12, head_sha: h1 });
    const first = await upsertStickyComment(octokit, { ...target, headSha: h1, body: 'one' });
    const again = await upsertStickyComment(octokit, { ...target, headSha: h1, body: 'two' });
    expect(again).toMatchObject({ id: first.id, action: 'updated' });
    expect(sticky().map((c) => c.body)).toEqual([`${line(h1)}\ntwo`]);
    // Same head: nothing to decide, so the pull request is never asked for its head.
    expect(server.requests.filter((r) => r.operationId === 'pulls/get')).toEqual([]);
  });

  it('a run for a head that is no longer current never overwrites the comment of the newer head', async () => {
    server.seedPull({ owner: 'acme', repo: 'app', number: 12, head_sha: h2 });
    const newer = server.seedComment({ owner: 'acme', repo: 'app', issueNumber: 12, body: `${line(h2)}\nRejected` });
    const stale = await upsertStickyComment(octokit, { ...target, headSha: h1, body: 'Approved' });
    expect(stale).toMatchObject({ id: newer.id, action: 'superseded', supersededBy: h2 });
    expect(sticky().map((c) => c.body)).toEqual([`${line(h2)}\nRejected`]);
    // The current head replaces a comment for an older one (or one written before heads were recorded).
    server.seedPull({ owner: 'acme', repo: 'app', number: 12, head_sha: h3 });
    expect(await upsertStickyComment(octokit, { ...target, headSha: h3, body: 'Held' })).toMatchObject({
      id: newer.id,
      action: 'updated',
    });
    expect(sticky().map((c) => c.body)).toEqual([`${line(h3)}\nHeld`]);
  });

  it('fails rather than guess when the pull request’s head cannot be read', async () => {
    server.seedComment({ owner: 'acme', repo: 'app', issueNumber: 12, body: `${line(h2)}\nRejected` });
    await expect(upsertStickyComment(octokit, { ...target, headSha: h1, body: 'Approved' })).rejects.toMatchObject({
      status: 404,
    });
    expect(sticky().map((c) => c.body)).toEqual([`${line(h2)}\nRejected`]);
  });

  // Both runs list the comments before either creates one (creation is held back), so both create.
  it.each([
    { name: 'the older head creates first', delays: [0, 150] },
    { name: 'the newer head creates first', delays: [150, 0] },
  ])('two concurrent runs leave one comment, for the newer head ($name)', async ({ delays }) => {
    server.seedPull({ owner: 'acme', repo: 'app', number: 12, head_sha: h2 });
    server.inject({
      method: 'POST',
      path: '/repos/{owner}/{repo}/issues/{issue_number}/comments',
      delayMs: 300,
      times: 2,
    });
    const other = setupOctokit(`${token}_other`, { baseUrl: server.url, backoffUnitMs: 5 });
    const run = async (client: Octokit, head: string, body: string, delay: number) => {
      await new Promise((resolve) => setTimeout(resolve, delay));
      return upsertStickyComment(client, { ...target, headSha: head, body });
    };
    const [older, newer] = await Promise.all([
      run(octokit, h1, 'from h1', delays[0]!),
      run(other, h2, 'from h2', delays[1]!),
    ]);
    expect(server.requests.filter((r) => r.operationId === 'issues/create-comment')).toHaveLength(2);
    expect(sticky().map((c) => c.body)).toEqual([`${line(h2)}\nfrom h2`]);
    expect(newer.id).toBe(sticky()[0]!.id);
    // The older run reports the comment it made (and the newer run took over) or the one it found newer.
    expect(['created', 'superseded']).toContain(older.action);
  });
});

describe('lookupTokenIdentity', () => {
  it('asks GitHub who a user token is, and falls back to github-actions[bot] for an installation token', async () => {
    const pat = setupOctokit('ghp_personal', { baseUrl: server.url });
    await server.close();
    server = await startGitHubServer({ users: { ghp_personal: human } });
    const personal = setupOctokit('ghp_personal', { baseUrl: server.url, backoffUnitMs: 5 });
    expect(await lookupTokenIdentity(personal)).toEqual({ login: 'octocat', source: 'api' });
    const installation = setupOctokit(token, { baseUrl: server.url, backoffUnitMs: 5 });
    expect(await lookupTokenIdentity(installation)).toMatchObject({
      login: 'github-actions[bot]',
      appSlug: 'github-actions',
      source: 'fallback',
    });
    expect(server.requests.map((r) => `${r.operationId} ${r.status}`)).toEqual([
      'users/get-authenticated 200',
      'users/get-authenticated 403',
    ]);
    expect(pat).toBeDefined();
  });
});

describe('deleteStickyComment', () => {
  it('deletes only the sticky comments', async () => {
    const keep = server.seedComment({ owner: 'acme', repo: 'app', issueNumber: 12, body: 'unrelated' });
    const { id } = await upsertStickyComment(octokit, { ...target, body: 'verdict' });
    expect(await deleteStickyComment(octokit, target)).toEqual([id]);
    expect(onIssue().map((c) => c.id)).toEqual([keep.id]);
  });
});
