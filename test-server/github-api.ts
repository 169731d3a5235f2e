// A stand-in for the parts of the GitHub REST API that llm-bench calls, for tests: issue comments,
// issues, the repository's default branch, workflow runs and their artifacts, with in-memory state
// that tests inspect and seed. It listens on 127.0.0.1 only.
//
// To stand in for more endpoints, or to make one fail, pass `routes` to `startGitHubApi`:
// they are tried before the built-in ones and get the same parsed request and state.

import http from 'node:http';
import type { AddressInfo } from 'node:net';

import { PR_COMMENT_MAX_CHARS } from '../src/report/limits.js';

/** GitHub rejects issue and comment bodies longer than this, in characters. */
const BODY_MAX_CHARS = PR_COMMENT_MAX_CHARS;
const REQUEST_MAX_BYTES = 10 * 1024 * 1024;
const DEFAULT_PER_PAGE = 30;
const MAX_PER_PAGE = 100;
const DOCS_URL = 'https://docs.github.com/rest';

export interface GitHubUser {
  login: string;
  id: number;
  type: 'Bot' | 'User';
}

export interface StoredComment {
  owner: string;
  repo: string;
  issueNumber: number;
  id: number;
  body: string;
  user: GitHubUser;
  createdAt: string;
  updatedAt: string;
}

export interface StoredIssue {
  owner: string;
  repo: string;
  number: number;
  id: number;
  title: string;
  body: string | null;
  state: 'open' | 'closed';
  labels: string[];
  user: GitHubUser;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
}

export interface StoredWorkflowRun {
  owner: string;
  repo: string;
  id: number;
  workflowId: number;
  /** Path of the workflow file, e.g. `.github/workflows/llm-bench.yml`; its base name also selects the workflow. */
  workflowPath: string;
  headBranch: string;
  event: string;
  status: 'queued' | 'in_progress' | 'completed';
  conclusion: 'success' | 'failure' | 'cancelled' | null;
  createdAt: string;
}

export interface StoredArtifact {
  owner: string;
  repo: string;
  id: number;
  runId: number;
  name: string;
  expired: boolean;
  /** The zip archive served by the download endpoint. */
  zip: Uint8Array;
  createdAt: string;
}

/** In-memory data of the stand-in; tests read it and seed it with `addComment`, `addIssue`, `addWorkflowRun` and `addArtifact`. */
export class GitHubApiState {
  readonly comments: StoredComment[] = [];
  readonly issues: StoredIssue[] = [];
  readonly workflowRuns: StoredWorkflowRun[] = [];
  readonly artifacts: StoredArtifact[] = [];
  /** `default_branch` of every repository. */
  defaultBranch = 'main';
  /** Permission of the token for the Actions API; `none` makes its endpoints answer 403 as GitHub does without `actions: read`. */
  actionsPermission: 'read' | 'none' = 'read';
  /** Every request received, as method and path with query, in order. */
  readonly requests: { method: string; path: string }[] = [];
  private nextId = 1000;

  constructor(readonly user: GitHubUser) {}

  addComment(owner: string, repo: string, issueNumber: number, body: string, user: GitHubUser = this.user): StoredComment {
    const now = timestamp();
    const comment = { owner, repo, issueNumber, id: this.nextId++, body, user, createdAt: now, updatedAt: now };
    this.comments.push(comment);
    return comment;
  }

  addIssue(owner: string, repo: string, fields: { title: string; body?: string | null; labels?: string[] }): StoredIssue {
    const now = timestamp();
    const issue: StoredIssue = {
      owner,
      repo,
      number: this.issues.filter((item) => item.owner === owner && item.repo === repo).length + 1,
      id: this.nextId++,
      title: fields.title,
      body: fields.body ?? null,
      state: 'open',
      labels: fields.labels ?? [],
      user: this.user,
      createdAt: now,
      updatedAt: now,
      closedAt: null,
    };
    this.issues.push(issue);
    return issue;
  }

  addWorkflowRun(owner: string, repo: string, fields: Partial<Omit<StoredWorkflowRun, 'owner' | 'repo'>> = {}): StoredWorkflowRun {
    const run: StoredWorkflowRun = {
      owner,
      repo,
      id: fields.id ?? this.nextId++,
      workflowId: fields.workflowId ?? 7001,
      workflowPath: fields.workflowPath ?? '.github/workflows/llm-bench.yml',
      headBranch: fields.headBranch ?? this.defaultBranch,
      event: fields.event ?? 'schedule',
      status: fields.status ?? 'completed',
      conclusion: fields.conclusion === undefined ? 'success' : fields.conclusion,
      createdAt: fields.createdAt ?? timestamp(),
    };
    this.workflowRuns.push(run);
    return run;
  }

  addArtifact(owner: string, repo: string, runId: number, name: string, zip: Uint8Array, fields: { expired?: boolean } = {}): StoredArtifact {
    const artifact = { owner, repo, id: this.nextId++, runId, name, expired: fields.expired ?? false, zip, createdAt: timestamp() };
    this.artifacts.push(artifact);
    return artifact;
  }

  commentsOn(owner: string, repo: string, issueNumber: number): StoredComment[] {
    return this.comments.filter((item) => item.owner === owner && item.repo === repo && item.issueNumber === issueNumber);
  }

  findIssue(owner: string, repo: string, issueNumber: number): StoredIssue | undefined {
    return this.issues.find((item) => item.owner === owner && item.repo === repo && item.number === issueNumber);
  }
}

export interface RouteRequest {
  /** Capture groups of the route's pattern, URL-decoded. */
  params: string[];
  query: URLSearchParams;
  /** Parsed JSON body, or undefined when the request had none. */
  body: unknown;
  state: GitHubApiState;
  /** Base URL of the stand-in, for URLs in responses. */
  baseUrl: string;
  /** Path of the request without the query, for pagination links. */
  pathname: string;
}

export interface RouteResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** Bytes sent as they are, in place of a JSON body. */
  raw?: { contentType: string; data: Uint8Array };
}

export interface Route {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  /** Matched against the path without the query. */
  pattern: RegExp;
  handle: (request: RouteRequest) => RouteResponse | Promise<RouteResponse>;
}

export interface GitHubApiOptions {
  /** Token that requests must send as `authorization: token X` or `Bearer X`; `test-token` by default. */
  token?: string;
  /** Author of comments and issues created through the API; `github-actions[bot]` by default. */
  user?: GitHubUser;
  /** Extra routes, tried before the built-in ones. */
  routes?: Route[];
}

export interface GitHubApi {
  url: string;
  state: GitHubApiState;
  close: () => Promise<void>;
}

/** Starts the stand-in on a free port of 127.0.0.1. */
export async function startGitHubApi(options: GitHubApiOptions = {}): Promise<GitHubApi> {
  const token = options.token ?? 'test-token';
  const state = new GitHubApiState(options.user ?? { login: 'github-actions[bot]', id: 41898282, type: 'Bot' });
  const routes = [...(options.routes ?? []), ...BUILT_IN_ROUTES];

  const server = http.createServer((request, response) => {
    handleRequest(request, response, { token, state, routes, baseUrl: url }).catch((error: unknown) => {
      sendJson(response, { status: 500, body: { message: `Stand-in failed: ${String(error)}` } });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;

  const close = async (): Promise<void> => {
    server.closeAllConnections();
    await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
  };
  return { url, state, close };
}

interface ServerContext {
  token: string;
  state: GitHubApiState;
  routes: Route[];
  baseUrl: string;
}

async function handleRequest(request: http.IncomingMessage, response: http.ServerResponse, context: ServerContext): Promise<void> {
  const target = new URL(request.url ?? '/', context.baseUrl);
  const method = request.method ?? 'GET';
  context.state.requests.push({ method, path: target.pathname + target.search });

  const denied = checkAuthorization(request.headers.authorization, context.token);
  if (denied !== undefined) {
    sendJson(response, denied);
    return;
  }

  const text = await readBody(request);
  if (text === undefined) {
    sendJson(response, { status: 413, body: { message: 'Request body too large' } });
    return;
  }
  let body: unknown;
  try {
    body = text === '' ? undefined : JSON.parse(text);
  } catch {
    sendJson(response, { status: 400, body: { message: 'Problems parsing JSON', documentation_url: DOCS_URL } });
    return;
  }

  for (const route of context.routes) {
    const match = route.method === method ? route.pattern.exec(target.pathname) : null;
    if (match === null) {
      continue;
    }
    const params = match.slice(1).map((param) => decodeURIComponent(param));
    const routeRequest = { params, query: target.searchParams, body, state: context.state, baseUrl: context.baseUrl, pathname: target.pathname };
    sendJson(response, await route.handle(routeRequest));
    return;
  }
  sendJson(response, { status: 404, body: { message: 'Not Found', documentation_url: DOCS_URL } });
}

function checkAuthorization(header: string | undefined, token: string): RouteResponse | undefined {
  if (header === undefined) {
    return { status: 401, body: { message: 'Requires authentication', documentation_url: DOCS_URL } };
  }
  const match = /^(?:token|bearer)\s+(\S+)$/i.exec(header.trim());
  if (match === null || match[1] !== token) {
    return { status: 401, body: { message: 'Bad credentials', documentation_url: DOCS_URL } };
  }
  return undefined;
}

/** Reads the request body as UTF-8, or returns undefined when it is larger than the cap. */
async function readBody(request: http.IncomingMessage): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > REQUEST_MAX_BYTES) {
      return undefined;
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function sendJson(response: http.ServerResponse, result: RouteResponse): void {
  const headers: Record<string, string> = { ...result.headers };
  if (result.raw !== undefined) {
    headers['content-type'] = result.raw.contentType;
    response.writeHead(result.status, headers).end(Buffer.from(result.raw.data));
    return;
  }
  if (result.body === undefined) {
    response.writeHead(result.status, headers).end();
    return;
  }
  headers['content-type'] = 'application/json; charset=utf-8';
  response.writeHead(result.status, headers).end(JSON.stringify(result.body));
}

// Built-in routes. Path segments: owner, repo, then the issue number or comment id.

const REPO = '/repos/([^/]+)/([^/]+)';

const BUILT_IN_ROUTES: Route[] = [
  { method: 'GET', pattern: new RegExp(`^${REPO}/issues/(\\d+)/comments$`), handle: listComments },
  { method: 'POST', pattern: new RegExp(`^${REPO}/issues/(\\d+)/comments$`), handle: createComment },
  { method: 'PATCH', pattern: new RegExp(`^${REPO}/issues/comments/(\\d+)$`), handle: updateComment },
  { method: 'GET', pattern: new RegExp(`^${REPO}/issues$`), handle: listIssues },
  { method: 'POST', pattern: new RegExp(`^${REPO}/issues$`), handle: createIssue },
  { method: 'PATCH', pattern: new RegExp(`^${REPO}/issues/(\\d+)$`), handle: updateIssue },
  { method: 'GET', pattern: new RegExp(`^${REPO}$`), handle: getRepository },
  { method: 'GET', pattern: new RegExp(`^${REPO}/actions/runs/(\\d+)$`), handle: actionsRoute(getWorkflowRun) },
  { method: 'GET', pattern: new RegExp(`^${REPO}/actions/workflows/([^/]+)/runs$`), handle: actionsRoute(listWorkflowRuns) },
  { method: 'GET', pattern: new RegExp(`^${REPO}/actions/runs/(\\d+)/artifacts$`), handle: actionsRoute(listRunArtifacts) },
  { method: 'GET', pattern: new RegExp(`^${REPO}/actions/artifacts/(\\d+)/zip$`), handle: actionsRoute(redirectToArtifactZip) },
  { method: 'GET', pattern: /^\/_artifact-blobs\/(\d+)\.zip$/, handle: actionsRoute(sendArtifactZip) },
];

function listComments({ params, query, state, baseUrl, pathname }: RouteRequest): RouteResponse {
  const [owner, repo, number] = params;
  const comments = state.commentsOn(owner, repo, Number(number)).sort((a, b) => a.id - b.id);
  return paginate(comments, query, baseUrl, pathname, (comment) => commentJson(comment, baseUrl));
}

function createComment({ params, body, state, baseUrl }: RouteRequest): RouteResponse {
  const [owner, repo, number] = params;
  const invalid = checkBody(body, 'IssueComment', true);
  if (invalid !== undefined) {
    return invalid;
  }

  const comment = state.addComment(owner, repo, Number(number), (body as { body: string }).body);
  return { status: 201, body: commentJson(comment, baseUrl) };
}

function updateComment({ params, body, state, baseUrl }: RouteRequest): RouteResponse {
  const [owner, repo, id] = params;
  const comment = state.comments.find((item) => item.owner === owner && item.repo === repo && item.id === Number(id));
  if (comment === undefined) {
    return { status: 404, body: { message: 'Not Found', documentation_url: DOCS_URL } };
  }
  const invalid = checkBody(body, 'IssueComment', true);
  if (invalid !== undefined) {
    return invalid;
  }

  comment.body = (body as { body: string }).body;
  comment.updatedAt = timestamp();
  return { status: 200, body: commentJson(comment, baseUrl) };
}

/** Lists issues newest first, filtered by `state` (`open` by default, `closed`, `all`) and `labels` (all must match). */
function listIssues({ params, query, state, baseUrl, pathname }: RouteRequest): RouteResponse {
  const [owner, repo] = params;
  const stateFilter = query.get('state') ?? 'open';
  const labels = (query.get('labels') ?? '').split(',').map((label) => label.trim()).filter((label) => label !== '');

  const issues = state.issues
    .filter((issue) => issue.owner === owner && issue.repo === repo)
    .filter((issue) => stateFilter === 'all' || issue.state === stateFilter)
    .filter((issue) => labels.every((label) => issue.labels.includes(label)))
    .sort((a, b) => b.number - a.number);
  return paginate(issues, query, baseUrl, pathname, (issue) => issueJson(issue, baseUrl));
}

function createIssue({ params, body, state, baseUrl }: RouteRequest): RouteResponse {
  const [owner, repo] = params;
  const fields = (body ?? {}) as { title?: unknown; body?: unknown; labels?: unknown };
  if (typeof fields.title !== 'string' || fields.title === '') {
    return validationFailed('Issue', 'title', 'missing_field');
  }
  const invalid = checkBody(body, 'Issue', false);
  if (invalid !== undefined) {
    return invalid;
  }

  const labels = Array.isArray(fields.labels) ? fields.labels.map((label) => labelName(label)) : [];
  const issue = state.addIssue(owner, repo, { title: fields.title, body: (fields.body as string | undefined) ?? null, labels });
  return { status: 201, body: issueJson(issue, baseUrl) };
}

function updateIssue({ params, body, state, baseUrl }: RouteRequest): RouteResponse {
  const [owner, repo, number] = params;
  const issue = state.findIssue(owner, repo, Number(number));
  if (issue === undefined) {
    return { status: 404, body: { message: 'Not Found', documentation_url: DOCS_URL } };
  }
  const fields = (body ?? {}) as { title?: unknown; body?: unknown; state?: unknown; labels?: unknown };
  if (fields.state !== undefined && fields.state !== 'open' && fields.state !== 'closed') {
    return validationFailed('Issue', 'state', 'invalid');
  }
  const invalid = checkBody(body, 'Issue', false);
  if (invalid !== undefined) {
    return invalid;
  }

  applyIssueUpdate(issue, fields);
  return { status: 200, body: issueJson(issue, baseUrl) };
}

function applyIssueUpdate(issue: StoredIssue, fields: { title?: unknown; body?: unknown; state?: unknown; labels?: unknown }): void {
  if (typeof fields.title === 'string') {
    issue.title = fields.title;
  }
  if (typeof fields.body === 'string' || fields.body === null) {
    issue.body = fields.body;
  }
  if (Array.isArray(fields.labels)) {
    issue.labels = fields.labels.map((label) => labelName(label));
  }
  if (fields.state === 'open') {
    issue.closedAt = null;
    issue.state = 'open';
  }
  if (fields.state === 'closed' && issue.state !== 'closed') {
    issue.closedAt = timestamp();
    issue.state = 'closed';
  }
  issue.updatedAt = timestamp();
}

/** Checks the `body` field: a string of at most 65,536 characters, required for comments. */
function checkBody(body: unknown, resource: string, required: boolean): RouteResponse | undefined {
  const value = (body as { body?: unknown } | undefined)?.body;
  if (value === undefined || value === null) {
    return required ? validationFailed(resource, 'body', 'missing_field') : undefined;
  }
  if (typeof value !== 'string') {
    return validationFailed(resource, 'body', 'invalid');
  }
  if ([...value].length > BODY_MAX_CHARS) {
    return {
      status: 422,
      body: {
        message: 'Validation Failed',
        errors: [{ resource, code: 'custom', field: 'body', message: `body is too long (maximum is ${BODY_MAX_CHARS} characters)` }],
        documentation_url: DOCS_URL,
      },
    };
  }
  return undefined;
}

function validationFailed(resource: string, field: string, code: string): RouteResponse {
  return { status: 422, body: { message: 'Validation Failed', errors: [{ resource, field, code }], documentation_url: DOCS_URL } };
}

/**
 * Returns one page of `items` as GitHub does: `per_page` (default 30, at most 100) and 1-based
 * `page`, with a `Link` header that has `next` and `last` (and `prev` and `first` after page 1).
 */
function paginate<T>(items: T[], query: URLSearchParams, baseUrl: string, pathname: string, toJson: (item: T) => unknown): RouteResponse {
  const perPage = Math.min(MAX_PER_PAGE, Math.max(1, Number(query.get('per_page') ?? DEFAULT_PER_PAGE) || DEFAULT_PER_PAGE));
  const page = Math.max(1, Number(query.get('page') ?? 1) || 1);
  const lastPage = Math.max(1, Math.ceil(items.length / perPage));
  const slice = items.slice((page - 1) * perPage, page * perPage);

  const pageUrl = (number: number): string => {
    const params = new URLSearchParams(query);
    params.set('per_page', String(perPage));
    params.set('page', String(number));
    return `<${baseUrl}${pathname}?${params.toString()}>`;
  };
  const links: string[] = [];
  if (page < lastPage) {
    links.push(`${pageUrl(page + 1)}; rel="next"`, `${pageUrl(lastPage)}; rel="last"`);
  }
  if (page > 1) {
    links.push(`${pageUrl(page - 1)}; rel="prev"`, `${pageUrl(1)}; rel="first"`);
  }

  const headers = links.length > 0 ? { link: links.join(', ') } : undefined;
  return { status: 200, body: slice.map(toJson), headers };
}

function commentJson(comment: StoredComment, baseUrl: string): Record<string, unknown> {
  const { owner, repo, issueNumber, id } = comment;
  return {
    id,
    node_id: `IC_${id}`,
    url: `${baseUrl}/repos/${owner}/${repo}/issues/comments/${id}`,
    html_url: `${baseUrl}/${owner}/${repo}/issues/${issueNumber}#issuecomment-${id}`,
    issue_url: `${baseUrl}/repos/${owner}/${repo}/issues/${issueNumber}`,
    body: comment.body,
    user: comment.user,
    author_association: 'NONE',
    created_at: comment.createdAt,
    updated_at: comment.updatedAt,
  };
}

function issueJson(issue: StoredIssue, baseUrl: string): Record<string, unknown> {
  const { owner, repo, number, id } = issue;
  return {
    id,
    node_id: `I_${id}`,
    number,
    url: `${baseUrl}/repos/${owner}/${repo}/issues/${number}`,
    html_url: `${baseUrl}/${owner}/${repo}/issues/${number}`,
    title: issue.title,
    body: issue.body,
    state: issue.state,
    labels: issue.labels.map((name, index) => ({ id: index + 1, name })),
    user: issue.user,
    comments: 0,
    created_at: issue.createdAt,
    updated_at: issue.updatedAt,
    closed_at: issue.closedAt,
  };
}

function labelName(label: unknown): string {
  if (typeof label === 'object' && label !== null && 'name' in label) {
    return String((label as { name: unknown }).name);
  }
  return String(label);
}

function getRepository({ params, state, baseUrl }: RouteRequest): RouteResponse {
  const [owner, repo] = params;
  return { status: 200, body: { id: 1, name: repo, full_name: `${owner}/${repo}`, default_branch: state.defaultBranch, html_url: `${baseUrl}/${owner}/${repo}` } };
}

/** Wraps an Actions API handler: 403 as GitHub sends it when the token lacks `actions: read`. */
function actionsRoute(handle: (request: RouteRequest) => RouteResponse): (request: RouteRequest) => RouteResponse {
  return (request) => {
    if (request.state.actionsPermission === 'none') {
      return { status: 403, body: { message: 'Resource not accessible by integration', documentation_url: DOCS_URL } };
    }
    return handle(request);
  };
}

function getWorkflowRun({ params, state, baseUrl }: RouteRequest): RouteResponse {
  const [owner, repo, id] = params;
  const run = state.workflowRuns.find((item) => item.owner === owner && item.repo === repo && item.id === Number(id));
  return run === undefined ? { status: 404, body: { message: 'Not Found', documentation_url: DOCS_URL } } : { status: 200, body: workflowRunJson(run, baseUrl) };
}

/**
 * Lists a workflow's runs newest first. The workflow is its id or its file's base name; `branch`
 * filters by head branch and `status` by status or conclusion, as GitHub does.
 */
function listWorkflowRuns({ params, query, state, baseUrl }: RouteRequest): RouteResponse {
  const [owner, repo, workflow] = params;
  const branch = query.get('branch');
  const status = query.get('status');
  const runs = state.workflowRuns
    .filter((run) => run.owner === owner && run.repo === repo)
    .filter((run) => String(run.workflowId) === workflow || run.workflowPath.split('/').pop() === workflow)
    .filter((run) => branch === null || run.headBranch === branch)
    .filter((run) => status === null || run.status === status || run.conclusion === status)
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id - a.id);

  const perPage = Math.min(MAX_PER_PAGE, Math.max(1, Number(query.get('per_page') ?? DEFAULT_PER_PAGE) || DEFAULT_PER_PAGE));
  const page = Math.max(1, Number(query.get('page') ?? 1) || 1);
  const slice = runs.slice((page - 1) * perPage, page * perPage);
  return { status: 200, body: { total_count: runs.length, workflow_runs: slice.map((run) => workflowRunJson(run, baseUrl)) } };
}

function listRunArtifacts({ params, query, state, baseUrl }: RouteRequest): RouteResponse {
  const [owner, repo, runId] = params;
  const name = query.get('name');
  const artifacts = state.artifacts.filter((item) => item.owner === owner && item.repo === repo && item.runId === Number(runId) && (name === null || item.name === name));
  return { status: 200, body: { total_count: artifacts.length, artifacts: artifacts.map((item) => artifactJson(item, baseUrl)) } };
}

/** Answers like GitHub: 302 to a short-lived download URL, or 410 for an expired artifact. */
function redirectToArtifactZip({ params, state, baseUrl }: RouteRequest): RouteResponse {
  const [owner, repo, id] = params;
  const artifact = state.artifacts.find((item) => item.owner === owner && item.repo === repo && item.id === Number(id));
  if (artifact === undefined) {
    return { status: 404, body: { message: 'Not Found', documentation_url: DOCS_URL } };
  }
  if (artifact.expired) {
    return { status: 410, body: { message: 'Artifact has expired', documentation_url: DOCS_URL } };
  }
  return { status: 302, headers: { location: `${baseUrl}/_artifact-blobs/${artifact.id}.zip` } };
}

function sendArtifactZip({ params, state }: RouteRequest): RouteResponse {
  const artifact = state.artifacts.find((item) => item.id === Number(params[0]));
  return artifact === undefined ? { status: 404, body: { message: 'Not Found' } } : { status: 200, raw: { contentType: 'application/zip', data: artifact.zip } };
}

function workflowRunJson(run: StoredWorkflowRun, baseUrl: string): Record<string, unknown> {
  const { owner, repo, id } = run;
  return {
    id,
    node_id: `WFR_${id}`,
    name: 'llm-bench',
    head_branch: run.headBranch,
    head_sha: 'abc123',
    path: run.workflowPath,
    run_number: id,
    run_attempt: 1,
    event: run.event,
    status: run.status,
    conclusion: run.conclusion,
    workflow_id: run.workflowId,
    url: `${baseUrl}/repos/${owner}/${repo}/actions/runs/${id}`,
    html_url: `${baseUrl}/${owner}/${repo}/actions/runs/${id}`,
    created_at: run.createdAt,
    updated_at: run.createdAt,
  };
}

function artifactJson(artifact: StoredArtifact, baseUrl: string): Record<string, unknown> {
  const { owner, repo, id } = artifact;
  return {
    id,
    node_id: `MDg6QXJ0aWZhY3Q${id}`,
    name: artifact.name,
    size_in_bytes: artifact.zip.byteLength,
    url: `${baseUrl}/repos/${owner}/${repo}/actions/artifacts/${id}`,
    archive_download_url: `${baseUrl}/repos/${owner}/${repo}/actions/artifacts/${id}/zip`,
    expired: artifact.expired,
    created_at: artifact.createdAt,
    updated_at: artifact.createdAt,
    expires_at: artifact.createdAt,
    workflow_run: { id: artifact.runId },
  };
}

/** Returns the current time as GitHub formats it: ISO 8601 in UTC, without milliseconds. */
function timestamp(): string {
  return new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
}
