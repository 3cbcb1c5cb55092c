// A recording fake of the GitHub REST endpoints kaizen-gate calls, served over real HTTP on
// 127.0.0.1. Every request is checked against GitHub's published OpenAPI description (the subset in
// test/fixtures/github/openapi-subset.json, extracted by scripts/extract-openapi-subset.mjs): the
// operation must exist, path and query parameters and the JSON body must match their schemas, and
// GitHub's documented server-side rules (summary bytesize, comment length, …) must hold. A request
// that fails gets 422 (404 for an unknown operation, 400 for malformed JSON, 401 without a token)
// and lands in `invalidRequests`, which every test asserts is empty. Faults queued with `inject`
// apply to valid requests only.
import { readFileSync } from 'node:fs';
import { createServer, STATUS_CODES, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';

/** The user a token authenticates as. */
export interface FakeUser {
  readonly login: string;
  readonly id: number;
  readonly type: 'Bot' | 'User';
}

/** What GITHUB_TOKEN authenticates as. */
export const ACTIONS_BOT: FakeUser = { login: 'github-actions[bot]', id: 41898282, type: 'Bot' };

/** One request as received, with the validation errors found (empty when valid). */
export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly query: Readonly<Record<string, string>>;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly body: unknown;
  readonly operationId: string | undefined;
  readonly errors: readonly string[];
  readonly fault: Fault | undefined;
  /** `performance.now()` when the request arrived, to measure waits between retries. */
  readonly receivedAt: number;
  status: number;
}

/** A scripted failure or delay for requests matching `method` and `path` (a pathname, operation template or RegExp). */
export interface Fault {
  readonly method?: string;
  readonly path?: string | RegExp;
  readonly status?: number;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: unknown;
  readonly delayMs?: number;
  /** How many matching requests it applies to. Default 1. */
  readonly times?: number;
}

/** A check run as the fake stores it, annotations accumulated over create and updates. */
export interface FakeCheckRun {
  readonly id: number;
  readonly owner: string;
  readonly repo: string;
  readonly head_sha: string;
  name: string;
  external_id: string | undefined;
  details_url: string | undefined;
  status: string;
  conclusion: string | undefined;
  readonly started_at: string;
  completed_at: string | undefined;
  output: { title?: string; summary?: string; text?: string };
  readonly annotations: unknown[];
  /** The GitHub App that created the run (check runs belong to apps): the creating bot's login without `[bot]`. */
  readonly app_slug: string;
}

/** An issue or pull request comment. */
export interface FakeComment {
  readonly id: number;
  readonly owner: string;
  readonly repo: string;
  readonly issue_number: number;
  body: string;
  readonly user: FakeUser;
  readonly created_at: string;
  updated_at: string;
}

/** A pull request, as much as the action reads of it. */
export interface FakePull {
  readonly owner: string;
  readonly repo: string;
  readonly number: number;
  readonly head_sha: string;
  readonly head_ref: string;
  readonly base_sha: string;
  readonly base_ref: string;
  readonly fork: boolean;
  readonly title: string;
  /** Default open. */
  readonly state?: 'open' | 'closed';
  readonly body?: string;
}

/** Everything the fake holds; tests read it and may seed it. */
export interface FakeState {
  readonly checkRuns: FakeCheckRun[];
  readonly comments: FakeComment[];
  readonly pulls: FakePull[];
}

/** Options of {@link startGitHubServer}. */
export interface GitHubServerOptions {
  /** Token → user; a token not listed authenticates as {@link ACTIONS_BOT}. */
  readonly users?: Readonly<Record<string, FakeUser>>;
  /**
   * Whether a branch exists in the repository (e.g. in a test's bare origin): creating a pull
   * request from one that does not is refused with 422, as GitHub does. Default: every branch exists.
   */
  readonly branchExists?: (branch: string) => boolean;
}

/** A running fake; `close()` it in `afterEach`. */
export interface GitHubServer {
  readonly url: string;
  readonly requests: readonly RecordedRequest[];
  readonly invalidRequests: readonly RecordedRequest[];
  readonly state: FakeState;
  inject(fault: Fault): void;
  seedComment(comment: {
    owner: string;
    repo: string;
    issueNumber: number;
    body: string;
    user?: FakeUser;
  }): FakeComment;
  /** Adds a pull request, or replaces the one with the same number (a push moves its head). */
  seedPull(pull: Omit<FakePull, 'fork' | 'title' | 'base_sha' | 'base_ref' | 'head_ref'> & Partial<FakePull>): FakePull;
  /** Adds a check run as another app or an earlier attempt left it. */
  seedCheckRun(run: {
    owner: string;
    repo: string;
    head_sha: string;
    name: string;
    external_id?: string;
    app_slug?: string;
    conclusion?: string;
    summary?: string;
  }): FakeCheckRun;
  close(): Promise<void>;
}

/** Starts the fake on 127.0.0.1 at a free port. */
export async function startGitHubServer(options: GitHubServerOptions = {}): Promise<GitHubServer> {
  const state: FakeState = { checkRuns: [], comments: [], pulls: [] };
  const requests: RecordedRequest[] = [];
  const faults: { fault: Fault; remaining: number }[] = [];
  let nextId = 1000;
  let url = '';

  const seedComment: GitHubServer['seedComment'] = (seed) => {
    const now = new Date().toISOString();
    const comment: FakeComment = {
      id: nextId++,
      owner: seed.owner,
      repo: seed.repo,
      issue_number: seed.issueNumber,
      body: seed.body,
      user: seed.user ?? ACTIONS_BOT,
      created_at: now,
      updated_at: now,
    };
    state.comments.push(comment);
    return comment;
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) send(res, 500, { message: `fake GitHub crashed: ${String(error)}` });
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const receivedAt = performance.now();
    const target = new URL(req.url ?? '/', url);
    const method = (req.method ?? 'GET').toLowerCase();
    const raw = await readBody(req);
    const errors: string[] = [];
    let body: unknown;
    if (raw !== '') {
      try {
        body = JSON.parse(raw);
      } catch {
        errors.push('body: Problems parsing JSON');
      }
    }
    const matched = matchOperation(method, target.pathname);
    if (matched === undefined)
      errors.push(`${method.toUpperCase()} ${target.pathname}: no such operation in the OpenAPI subset`);
    const query = Object.fromEntries(target.searchParams);
    if (matched !== undefined && errors.length === 0) errors.push(...validateRequest(matched, query, body, req));
    const user = userFor(req.headers.authorization, options.users);
    if (user === undefined) errors.push('authorization: missing or malformed');

    const fault = errors.length === 0 ? takeFault(faults, method, target.pathname, matched?.operation.path) : undefined;
    const record: RecordedRequest = {
      method: method.toUpperCase(),
      path: target.pathname,
      query,
      headers: { ...req.headers },
      body,
      operationId: matched?.operation.operationId,
      errors,
      fault,
      receivedAt,
      status: 0,
    };
    requests.push(record);

    if (errors.length > 0) {
      record.status =
        raw !== '' && body === undefined ? 400 : matched === undefined ? 404 : user === undefined ? 401 : 422;
      return send(res, record.status, { message: STATUS_CODES[record.status], errors, documentation_url: DOCS });
    }
    if (fault?.delayMs !== undefined) await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
    if (res.destroyed) return;
    if (fault?.status !== undefined) {
      record.status = fault.status;
      return send(
        res,
        fault.status,
        fault.body ?? { message: STATUS_CODES[fault.status], documentation_url: DOCS },
        fault.headers,
      );
    }
    const reply = routes[matched!.operation.operationId]!({
      params: matched!.params,
      query,
      body,
      user: user!,
      base: url,
      now: new Date().toISOString(),
      nextId: () => nextId++,
    });
    record.status = reply.status;
    send(res, reply.status, reply.body, reply.headers);
  }

  const routes = createRoutes(state, options.branchExists ?? (() => true));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url,
    requests,
    get invalidRequests() {
      return requests.filter((request) => request.errors.length > 0);
    },
    state,
    inject: (fault) => faults.push({ fault, remaining: fault.times ?? 1 }),
    seedComment,
    seedPull: (pull) => {
      const full: FakePull = {
        fork: false,
        title: `PR #${pull.number}`,
        base_sha: '0'.repeat(40),
        base_ref: 'main',
        head_ref: `feature-${pull.number}`,
        ...pull,
      };
      const index = state.pulls.findIndex(
        (p) => p.owner === full.owner && p.repo === full.repo && p.number === full.number,
      );
      if (index >= 0) state.pulls.splice(index, 1, full);
      else state.pulls.push(full);
      return full;
    },
    seedCheckRun: (seed) => {
      const now = new Date().toISOString();
      const run: FakeCheckRun = {
        id: nextId++,
        owner: seed.owner,
        repo: seed.repo,
        head_sha: seed.head_sha,
        name: seed.name,
        external_id: seed.external_id,
        details_url: undefined,
        status: 'completed',
        conclusion: seed.conclusion ?? 'success',
        started_at: now,
        completed_at: now,
        output: seed.summary === undefined ? {} : { title: 'seeded', summary: seed.summary },
        annotations: [],
        app_slug: seed.app_slug ?? 'github-actions',
      };
      state.checkRuns.push(run);
      return run;
    },
    close: () =>
      new Promise((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

const DOCS = 'https://docs.github.com/rest';

// ---- OpenAPI subset: loaded and compiled once per process ------------------------------------

interface Parameter {
  readonly name: string;
  readonly in: string;
  readonly required?: boolean;
  readonly schema: object;
  readonly 'x-multi-segment'?: boolean;
}

interface SubsetOperation {
  readonly method: string;
  readonly path: string;
  readonly operationId: string;
  readonly parameters: readonly Parameter[];
  readonly requestBody?: { readonly required?: boolean; readonly content: Record<string, { readonly schema: object }> };
}

interface CompiledOperation {
  readonly operation: SubsetOperation;
  readonly pattern: RegExp;
  readonly names: readonly string[];
  readonly literalLength: number;
  readonly validateParameters: ValidateFunction;
  readonly validateBody: ValidateFunction | undefined;
}

const subset = JSON.parse(readFileSync(new URL('../fixtures/github/openapi-subset.json', import.meta.url), 'utf8')) as {
  readonly operations: readonly SubsetOperation[];
};

// Unknown keywords (description, example, x-github) are annotations; an unknown format must not be
// skipped silently, so the logger throws.
const strictLogger = {
  log() {},
  warn: (message: unknown) => {
    throw new Error(`OpenAPI subset: ${String(message)}`);
  },
  error: (message: unknown) => {
    throw new Error(`OpenAPI subset: ${String(message)}`);
  },
};
const bodyAjv = new Ajv({ strict: false, allErrors: true, logger: strictLogger });
const parameterAjv = new Ajv({ strict: false, allErrors: true, coerceTypes: true, logger: strictLogger });
for (const ajv of [bodyAjv, parameterAjv]) {
  ajv.addFormat('date-time', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/);
  ajv.addFormat('int64', { type: 'number', validate: (value: number) => Number.isSafeInteger(value) });
  ajv.addFormat('uri', { type: 'string', validate: (value: string) => URL.canParse(value) });
  ajv.addFormat('repo.nwo', /^[\w.-]+\/[\w.-]+$/);
}

const compiled: readonly CompiledOperation[] = subset.operations.map((operation) => {
  const names: string[] = [];
  const source = operation.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    names.push(name);
    const multi = operation.parameters.some((p) => p.name === name && p['x-multi-segment'] === true);
    return multi ? '(.+)' : '([^/]+)';
  });
  const inRequest = operation.parameters.filter((p) => p.in === 'path' || p.in === 'query');
  const body = operation.requestBody?.content['application/json']?.schema;
  return {
    operation,
    pattern: new RegExp(`^${source}$`),
    names,
    literalLength: operation.path.replace(/\{\w+\}/g, '').length,
    validateParameters: parameterAjv.compile({
      type: 'object',
      properties: Object.fromEntries(inRequest.map((p) => [p.name, p.schema])),
      required: inRequest.filter((p) => p.required === true).map((p) => p.name),
      additionalProperties: false,
    }),
    validateBody: body === undefined ? undefined : bodyAjv.compile(body),
  };
});

function matchOperation(
  method: string,
  pathname: string,
): { operation: SubsetOperation; params: Record<string, string>; compiled: CompiledOperation } | undefined {
  let best: { operation: SubsetOperation; params: Record<string, string>; compiled: CompiledOperation } | undefined;
  for (const candidate of compiled) {
    if (candidate.operation.method !== method) continue;
    const match = candidate.pattern.exec(pathname);
    if (match === null || (best !== undefined && best.compiled.literalLength >= candidate.literalLength)) continue;
    const params = Object.fromEntries(candidate.names.map((name, i) => [name, decodeURIComponent(match[i + 1] ?? '')]));
    best = { operation: candidate.operation, params, compiled: candidate };
  }
  return best;
}

function validateRequest(
  matched: { compiled: CompiledOperation; params: Record<string, string> },
  query: Record<string, string>,
  body: unknown,
  req: IncomingMessage,
): string[] {
  const { compiled: op } = matched;
  const errors: string[] = [];
  const parameters: Record<string, unknown> = { ...query, ...matched.params };
  if (!op.validateParameters(parameters)) errors.push(...describe('parameters', op.validateParameters.errors));
  if (op.validateBody === undefined) {
    if (body !== undefined) errors.push('body: this operation takes no request body');
  } else if (body === undefined) {
    if (op.operation.requestBody?.required === true) errors.push('body: required');
  } else {
    if (!/^application\/json\b/.test(req.headers['content-type'] ?? ''))
      errors.push(`content-type: expected application/json, got ${req.headers['content-type'] ?? 'none'}`);
    if (!op.validateBody(body)) errors.push(...describe('body', op.validateBody.errors));
    else errors.push(...githubRules(op.operation.operationId, body as Record<string, unknown>));
  }
  return errors;
}

function describe(where: string, errors: readonly ErrorObject[] | null | undefined): string[] {
  return (errors ?? []).map(
    (e) => `${where}${e.instancePath || ''}: ${e.message ?? e.keyword} ${JSON.stringify(e.params)}`,
  );
}

const encoder = new TextEncoder();

/** Rules GitHub enforces beyond the schema, with GitHub's own wording where it is known. */
function githubRules(operationId: string, body: Record<string, unknown>): string[] {
  const errors: string[] = [];
  if (operationId === 'checks/create' || operationId === 'checks/update') {
    const output = (body['output'] ?? {}) as Record<string, unknown>;
    for (const field of ['summary', 'text']) {
      const value = output[field];
      if (typeof value === 'string' && encoder.encode(value).length > 65535)
        errors.push(`${field} exceeds a maximum bytesize of 65535`);
    }
    if (operationId === 'checks/create' && body['status'] === 'completed' && body['conclusion'] === undefined) {
      errors.push('conclusion: required when status is completed');
    }
    const annotations = (output['annotations'] ?? []) as Record<string, unknown>[];
    annotations.forEach((a, i) => {
      const start = a['start_line'] as number;
      const end = a['end_line'] as number;
      if (start < 1 || end < start) errors.push(`annotations[${i}]: lines must satisfy 1 ≤ start_line ≤ end_line`);
      if (start !== end && (a['start_column'] !== undefined || a['end_column'] !== undefined)) {
        errors.push(`annotations[${i}]: start_column and end_column are only allowed when start_line equals end_line`);
      }
      if (typeof a['title'] === 'string' && [...a['title']].length > 255)
        errors.push(`annotations[${i}].title: longer than 255 characters`);
      if (typeof a['message'] === 'string' && encoder.encode(a['message']).length > 65536)
        errors.push(`annotations[${i}].message: larger than 64 KB`);
    });
  }
  if (
    (operationId === 'issues/create-comment' || operationId === 'issues/update-comment') &&
    typeof body['body'] === 'string'
  ) {
    if ([...body['body']].length > 65536) errors.push('Body is too long (maximum is 65536 characters)');
  }
  return errors;
}

// ---- Behaviour --------------------------------------------------------------------------------

interface RouteInput {
  readonly params: Record<string, string>;
  readonly query: Record<string, string>;
  readonly body: unknown;
  readonly user: FakeUser;
  readonly base: string;
  readonly now: string;
  nextId(): number;
}

interface Reply {
  readonly status: number;
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
}

type Route = (input: RouteInput) => Reply;

function createRoutes(state: FakeState, branchExists: (branch: string) => boolean): Record<string, Route> {
  const notFound: Reply = { status: 404, body: { message: 'Not Found', documentation_url: DOCS } };

  return {
    'checks/create': ({ params, body, now, nextId, base, user }) => {
      const input = body as Record<string, unknown>;
      if (user.type !== 'Bot')
        return { status: 403, body: { message: 'You must authenticate via a GitHub App.', documentation_url: DOCS } };
      const run: FakeCheckRun = {
        id: nextId(),
        owner: params['owner']!,
        repo: params['repo']!,
        head_sha: String(input['head_sha']),
        name: String(input['name']),
        external_id: input['external_id'] as string | undefined,
        details_url: input['details_url'] as string | undefined,
        status: input['conclusion'] === undefined ? String(input['status'] ?? 'queued') : 'completed',
        conclusion: input['conclusion'] as string | undefined,
        started_at: now,
        completed_at: undefined,
        output: {},
        annotations: [],
        app_slug: user.login.replace(/\[bot\]$/, ''),
      };
      applyCheckRunUpdate(run, input, now);
      state.checkRuns.push(run);
      return { status: 201, body: checkRunJson(run, base) };
    },
    'checks/update': ({ params, body, now, base, user }) => {
      const run = state.checkRuns.find((r) => sameRepo(params)(r) && r.id === Number(params['check_run_id']));
      if (run === undefined) return notFound;
      // Only the app that created a check run may change it.
      if (user.login.replace(/\[bot\]$/, '') !== run.app_slug)
        return {
          status: 403,
          body: {
            message: 'Invalid app_id `15368` - check run can only be modified by the GitHub App that created it.',
            documentation_url: DOCS,
          },
        };
      applyCheckRunUpdate(run, body as Record<string, unknown>, now);
      return { status: 200, body: checkRunJson(run, base) };
    },
    'checks/list-for-ref': ({ params, query, base }) => {
      let runs = state.checkRuns.filter((r) => sameRepo(params)(r) && r.head_sha === params['ref']);
      if (query['check_name'] !== undefined) runs = runs.filter((r) => r.name === query['check_name']);
      if (query['status'] !== undefined) runs = runs.filter((r) => r.status === query['status']);
      if ((query['filter'] ?? 'latest') === 'latest')
        runs = runs.filter((r) => !runs.some((o) => o.name === r.name && o.id > r.id));
      runs = runs.toSorted((a, b) => b.id - a.id);
      const page = paginate(
        runs,
        query,
        base,
        `/repos/${params['owner']}/${params['repo']}/commits/${params['ref']}/check-runs`,
      );
      return {
        status: 200,
        body: { total_count: runs.length, check_runs: page.items.map((r) => checkRunJson(r, base)) },
        headers: page.headers,
      };
    },
    'issues/list-comments': ({ params, query, base }) => {
      let comments = state.comments.filter(
        (c) => sameRepo(params)(c) && c.issue_number === Number(params['issue_number']),
      );
      if (query['since'] !== undefined) comments = comments.filter((c) => c.updated_at >= query['since']!);
      comments = comments.toSorted((a, b) => a.id - b.id);
      const page = paginate(
        comments,
        query,
        base,
        `/repos/${params['owner']}/${params['repo']}/issues/${params['issue_number']}/comments`,
      );
      return { status: 200, body: page.items.map((c) => commentJson(c, base)), headers: page.headers };
    },
    'issues/create-comment': ({ params, body, user, now, nextId, base }) => {
      const comment: FakeComment = {
        id: nextId(),
        owner: params['owner']!,
        repo: params['repo']!,
        issue_number: Number(params['issue_number']),
        body: String((body as Record<string, unknown>)['body']),
        user,
        created_at: now,
        updated_at: now,
      };
      state.comments.push(comment);
      return { status: 201, body: commentJson(comment, base) };
    },
    'issues/update-comment': ({ params, body, now, base }) => {
      const comment = state.comments.find((c) => sameRepo(params)(c) && c.id === Number(params['comment_id']));
      if (comment === undefined) return notFound;
      comment.body = String((body as Record<string, unknown>)['body']);
      comment.updated_at = now;
      return { status: 200, body: commentJson(comment, base) };
    },
    'issues/delete-comment': ({ params }) => {
      const index = state.comments.findIndex((c) => sameRepo(params)(c) && c.id === Number(params['comment_id']));
      if (index === -1) return notFound;
      state.comments.splice(index, 1);
      return { status: 204 };
    },
    'users/get-authenticated': ({ user, base }) =>
      // Installation tokens (GITHUB_TOKEN) may not ask who they are.
      user.type === 'Bot'
        ? {
            status: 403,
            body: {
              message: 'Resource not accessible by integration',
              documentation_url: 'https://docs.github.com/rest/users/users#get-the-authenticated-user',
              status: '403',
            },
          }
        : {
            status: 200,
            body: {
              login: user.login,
              id: user.id,
              node_id: `U_${user.id}`,
              type: user.type,
              site_admin: false,
              url: `${base}/users/${encodeURIComponent(user.login)}`,
              html_url: `https://github.com/${user.login}`,
            },
          },
    'pulls/get': ({ params, base }) => {
      const pull = state.pulls.find((p) => sameRepo(params)(p) && p.number === Number(params['pull_number']));
      return pull === undefined ? notFound : { status: 200, body: pullJson(pull, base) };
    },
    'pulls/list': ({ params, query, base }) => {
      const wanted = query['state'] ?? 'open';
      let pulls = state.pulls.filter(
        (p) => sameRepo(params)(p) && (wanted === 'all' || (p.state ?? 'open') === wanted),
      );
      // `head` is `user:ref`; a head without the user is ignored, as GitHub does.
      const head = /^([^:]+):(.+)$/.exec(query['head'] ?? '');
      if (head) pulls = pulls.filter((p) => !p.fork && p.owner === head[1] && p.head_ref === head[2]);
      if (query['base'] !== undefined) pulls = pulls.filter((p) => p.base_ref === query['base']);
      pulls = pulls.toSorted((a, b) => b.number - a.number);
      const page = paginate(pulls, query, base, `/repos/${params['owner']}/${params['repo']}/pulls`);
      return { status: 200, body: page.items.map((p) => pullJson(p, base)), headers: page.headers };
    },
    'pulls/create': ({ params, body, base }) => {
      const input = body as Record<string, unknown>;
      const invalid = (field: string, code: string, message?: string): Reply => ({
        status: 422,
        body: {
          message: 'Validation Failed',
          errors: [{ resource: 'PullRequest', field, code, ...(message ? { message } : {}) }],
          documentation_url: DOCS,
        },
      });
      const headRef = String(input['head'] ?? '').replace(/^[^:]+:/, '');
      if (typeof input['title'] !== 'string' || input['title'] === '') return invalid('title', 'missing_field');
      if (!branchExists(headRef)) return invalid('head', 'invalid');
      if (!branchExists(String(input['base']))) return invalid('base', 'invalid');
      if (
        state.pulls.some(
          (p) =>
            sameRepo(params)(p) &&
            (p.state ?? 'open') === 'open' &&
            p.head_ref === headRef &&
            p.base_ref === input['base'],
        )
      ) {
        return invalid('', 'custom', `A pull request already exists for ${params['owner']}:${headRef}.`);
      }
      const number = Math.max(0, ...state.pulls.map((p) => p.number)) + 1;
      const pull: FakePull = {
        owner: params['owner']!,
        repo: params['repo']!,
        number,
        head_sha: '0'.repeat(40),
        head_ref: headRef,
        base_sha: '0'.repeat(40),
        base_ref: String(input['base']),
        fork: false,
        title: input['title'],
        state: 'open',
        ...(typeof input['body'] === 'string' ? { body: input['body'] } : {}),
      };
      state.pulls.push(pull);
      return { status: 201, body: pullJson(pull, base) };
    },
    'repos/list-pull-requests-associated-with-commit': ({ params, query, base }) => {
      const pulls = state.pulls.filter((p) => sameRepo(params)(p) && p.head_sha === params['commit_sha']);
      const page = paginate(
        pulls,
        query,
        base,
        `/repos/${params['owner']}/${params['repo']}/commits/${params['commit_sha']}/pulls`,
      );
      return { status: 200, body: page.items.map((p) => pullJson(p, base)), headers: page.headers };
    },
  };
}

function sameRepo(params: Record<string, string>): (item: { owner: string; repo: string }) => boolean {
  return (item) => item.owner === params['owner'] && item.repo === params['repo'];
}

function applyCheckRunUpdate(run: FakeCheckRun, input: Record<string, unknown>, now: string): void {
  for (const key of ['name', 'external_id', 'details_url', 'status', 'conclusion'] as const) {
    if (typeof input[key] === 'string') run[key] = input[key];
  }
  if (input['conclusion'] !== undefined) run.status = 'completed';
  if (run.status === 'completed')
    run.completed_at = typeof input['completed_at'] === 'string' ? input['completed_at'] : now;
  const output = input['output'] as Record<string, unknown> | undefined;
  if (output === undefined) return;
  for (const key of ['title', 'summary', 'text'] as const) {
    if (typeof output[key] === 'string') run.output[key] = output[key];
  }
  // GitHub appends annotations on every update rather than replacing them.
  if (Array.isArray(output['annotations'])) run.annotations.push(...(output['annotations'] as unknown[]));
}

function checkRunJson(run: FakeCheckRun, base: string): Record<string, unknown> {
  const api = `${base}/repos/${run.owner}/${run.repo}/check-runs/${run.id}`;
  return {
    id: run.id,
    node_id: `CR_${run.id}`,
    head_sha: run.head_sha,
    external_id: run.external_id ?? '',
    url: api,
    html_url: `https://github.com/${run.owner}/${run.repo}/runs/${run.id}`,
    details_url: run.details_url ?? 'https://github.com/features/actions',
    status: run.status,
    conclusion: run.conclusion ?? null,
    started_at: run.started_at,
    completed_at: run.completed_at ?? null,
    output: {
      title: run.output.title ?? null,
      summary: run.output.summary ?? null,
      text: run.output.text ?? null,
      annotations_count: run.annotations.length,
      annotations_url: `${api}/annotations`,
    },
    name: run.name,
    check_suite: { id: 1 },
    app: {
      id: run.app_slug === 'github-actions' ? 15368 : 900000 + run.app_slug.length,
      slug: run.app_slug,
      name: run.app_slug,
    },
    pull_requests: [],
  };
}

function commentJson(comment: FakeComment, base: string): Record<string, unknown> {
  const api = `${base}/repos/${comment.owner}/${comment.repo}`;
  return {
    id: comment.id,
    node_id: `IC_${comment.id}`,
    url: `${api}/issues/comments/${comment.id}`,
    html_url: `https://github.com/${comment.owner}/${comment.repo}/pull/${comment.issue_number}#issuecomment-${comment.id}`,
    issue_url: `${api}/issues/${comment.issue_number}`,
    body: comment.body,
    user: { ...comment.user, node_id: `U_${comment.user.id}` },
    created_at: comment.created_at,
    updated_at: comment.updated_at,
    author_association: comment.user.type === 'Bot' ? 'NONE' : 'MEMBER',
  };
}

function pullJson(pull: FakePull, base: string): Record<string, unknown> {
  const repo = (fork: boolean) => ({
    full_name: fork ? `fork-owner/${pull.repo}` : `${pull.owner}/${pull.repo}`,
    fork,
  });
  return {
    id: pull.number * 10,
    number: pull.number,
    state: pull.state ?? 'open',
    title: pull.title,
    body: pull.body ?? null,
    url: `${base}/repos/${pull.owner}/${pull.repo}/pulls/${pull.number}`,
    html_url: `https://github.com/${pull.owner}/${pull.repo}/pull/${pull.number}`,
    head: { sha: pull.head_sha, ref: pull.head_ref, repo: repo(pull.fork) },
    base: { sha: pull.base_sha, ref: pull.base_ref, repo: repo(false) },
  };
}

/** One page of `items` with GitHub's Link header (per_page defaults to 30 and is capped at 100). */
function paginate<T>(
  items: readonly T[],
  query: Record<string, string>,
  base: string,
  path: string,
): { items: T[]; headers: Record<string, string> } {
  const perPage = Math.min(100, Math.max(1, Number(query['per_page'] ?? 30)));
  const page = Math.max(1, Number(query['page'] ?? 1));
  const last = Math.max(1, Math.ceil(items.length / perPage));
  const link = (n: number, rel: string) => {
    const target = new URL(path, base);
    for (const [key, value] of Object.entries(query)) target.searchParams.set(key, value);
    target.searchParams.set('page', String(n));
    return `<${target.href}>; rel="${rel}"`;
  };
  const links = [
    ...(page > 1 ? [link(page - 1, 'prev')] : []),
    ...(page < last ? [link(page + 1, 'next'), link(last, 'last')] : []),
    ...(page > 1 ? [link(1, 'first')] : []),
  ];
  return {
    items: items.slice((page - 1) * perPage, page * perPage),
    headers: links.length > 0 ? { link: links.join(', ') } : {},
  };
}

function takeFault(
  faults: { fault: Fault; remaining: number }[],
  method: string,
  pathname: string,
  template: string | undefined,
): Fault | undefined {
  const entry = faults.find(({ fault, remaining }) => {
    if (remaining <= 0) return false;
    if (fault.method !== undefined && fault.method.toLowerCase() !== method) return false;
    if (fault.path === undefined) return true;
    return typeof fault.path === 'string'
      ? fault.path === pathname || fault.path === template
      : fault.path.test(pathname);
  });
  if (entry === undefined) return undefined;
  entry.remaining--;
  return entry.fault;
}

function userFor(
  authorization: string | undefined,
  users: Readonly<Record<string, FakeUser>> | undefined,
): FakeUser | undefined {
  const token = /^(?:token|bearer)\s+(\S+)$/i.exec(authorization ?? '')?.[1];
  if (token === undefined) return undefined;
  return users?.[token] ?? ACTIONS_BOT;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Readonly<Record<string, string>> = {},
): void {
  if (res.destroyed) return;
  const text = status === 204 || body === undefined ? '' : JSON.stringify(body);
  res.writeHead(status, { ...(text === '' ? {} : { 'content-type': 'application/json; charset=utf-8' }), ...headers });
  res.end(text);
}
