// The sticky PR comment against the fake GitHub over real HTTP.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deleteStickyComment, upsertStickyComment, type StickyComment } from '../../src/github/comment.ts';
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
const target = { owner: 'acme', repo: 'app', issueNumber: 12, marker };
const human: FakeUser = { login: 'octocat', id: 583231, type: 'User' };
const onIssue = () => server.state.comments.filter((c) => c.issue_number === 12);

describe('upsertStickyComment', () => {
  it('creates the comment once and updates it on the next run, reading past 120 other comments', async () => {
    for (let i = 0; i < 120; i++) server.seedComment({ owner: 'acme', repo: 'app', issueNumber: 12, body: `review ${i}`, user: i % 2 ? human : ACTIONS_BOT });

    const first = await upsertStickyComment(octokit, { ...target, body: 'Run 1: reject' });
    expect(first.action).toBe('created');
    const second = await upsertStickyComment(octokit, { ...target, body: 'Run 2: approve' });
    expect(second).toMatchObject({ id: first.id, action: 'updated' });

    const sticky = onIssue().filter((c) => c.body.startsWith(marker));
    expect(sticky).toHaveLength(1);
    expect(sticky[0]?.body).toBe(`${marker}\nRun 2: approve`);
    expect(first.htmlUrl).toBe(`https://github.com/acme/app/pull/12#issuecomment-${first.id}`);

    const listings = server.requests.filter((r) => r.operationId === 'issues/list-comments').map((r) => r.query['page'] ?? '1');
    expect(listings).toEqual(['1', '2', '1', '2']); // 120 seeded → two pages of 100, and the sticky one lands on page 2
    expect(server.requests.map((r) => r.operationId).filter((id) => id !== 'issues/list-comments')).toEqual(['issues/create-comment', 'issues/update-comment']);
  });

  it('with onlyIfPresent, refreshes an existing comment but never creates one', async () => {
    const none = await upsertStickyComment(octokit, { ...target, body: 'approve' }, { onlyIfPresent: true });
    expect(none.action).toBe('absent');
    expect(server.requests.filter((r) => r.operationId === 'issues/create-comment')).toHaveLength(0);

    const created = await upsertStickyComment(octokit, { ...target, body: 'reject' });
    const refreshed = await upsertStickyComment(octokit, { ...target, body: 'approve' }, { onlyIfPresent: true });
    expect(refreshed).toMatchObject({ id: created.id, action: 'updated' });
    expect(onIssue().filter((c) => c.body.startsWith(marker)).map((c) => c.body)).toEqual([`${marker}\napprove`]);
  });

  it('leaves an identical comment alone', async () => {
    const first = await upsertStickyComment(octokit, { ...target, body: 'same' });
    const again = await upsertStickyComment(octokit, { ...target, body: 'same' });
    expect(again).toMatchObject({ id: first.id, action: 'unchanged' });
    expect(server.requests.filter((r) => r.method !== 'GET')).toHaveLength(1);
  });

  it('ignores replies that quote the marker and other markers', async () => {
    server.seedComment({ owner: 'acme', repo: 'app', issueNumber: 12, body: `> ${marker}\n> Run 1: reject\n\nWhy?`, user: human });
    server.seedComment({ owner: 'acme', repo: 'app', issueNumber: 12, body: '<!-- kaizen-gate:sticky:other -->\nother package' });
    const result = await upsertStickyComment(octokit, { ...target, body: 'verdict' });
    expect(result.action).toBe('created');
    expect(onIssue()).toHaveLength(3);
  });

  it('prefers a bot’s comment over a person’s with the same marker, and honours `author`', async () => {
    const person = server.seedComment({ owner: 'acme', repo: 'app', issueNumber: 12, body: `${marker}\ncopied by hand`, user: human });
    const bot = server.seedComment({ owner: 'acme', repo: 'app', issueNumber: 12, body: `${marker}\nold verdict` });
    expect((await upsertStickyComment(octokit, { ...target, body: 'new verdict' })).id).toBe(bot.id);
    expect((await upsertStickyComment(octokit, { ...target, author: 'octocat', body: 'mine' })).id).toBe(person.id);
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

describe('deleteStickyComment', () => {
  it('deletes only the sticky comments', async () => {
    const keep = server.seedComment({ owner: 'acme', repo: 'app', issueNumber: 12, body: 'unrelated' });
    const { id } = await upsertStickyComment(octokit, { ...target, body: 'verdict' });
    expect(await deleteStickyComment(octokit, target)).toEqual([id]);
    expect(onIssue().map((c) => c.id)).toEqual([keep.id]);
  });
});
