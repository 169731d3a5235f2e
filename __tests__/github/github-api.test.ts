// The GitHub REST API stand-in, driven through octokit as the product drives it.

import { getOctokit } from '@actions/github';

import { startGitHubApi, type GitHubApi, type Route } from '../../test-server/github-api.js';

const OWNER = 'octo-org';
const REPO = 'octo-repo';

let api: GitHubApi;
let octokit: ReturnType<typeof getOctokit>;

beforeEach(async () => {
  api = await startGitHubApi();
  octokit = getOctokit('test-token', { baseUrl: api.url });
});

afterEach(async () => {
  await api.close();
});

describe('GitHub API stand-in comments', () => {
  test('returns GitHub-shaped comments', async () => {
    const { data, status } = await octokit.rest.issues.createComment({ owner: OWNER, repo: REPO, issue_number: 3, body: 'hi' });

    expect(status).toBe(201);
    expect(data).toMatchObject({ body: 'hi', user: { login: 'github-actions[bot]', type: 'Bot' } });
    expect(data.created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(data.updated_at).toBe(data.created_at);
  });

  test('pages comments with a Link header', async () => {
    for (let index = 0; index < 5; index++) {
      api.state.addComment(OWNER, REPO, 3, `c${index}`);
    }
    const page = await octokit.rest.issues.listComments({ owner: OWNER, repo: REPO, issue_number: 3, per_page: 2, page: 2 });

    expect(page.data.map((comment) => comment.body)).toEqual(['c2', 'c3']);
    expect(page.headers.link).toContain('page=3>; rel="next"');
    expect(page.headers.link).toContain('page=1>; rel="prev"');
  });

  test('paginate collects every page', async () => {
    for (let index = 0; index < 7; index++) {
      api.state.addComment(OWNER, REPO, 3, `c${index}`);
    }
    const all = await octokit.paginate(octokit.rest.issues.listComments, { owner: OWNER, repo: REPO, issue_number: 3, per_page: 3 });

    expect(all).toHaveLength(7);
  });

  test('updating a missing comment gives 404', async () => {
    await expect(octokit.rest.issues.updateComment({ owner: OWNER, repo: REPO, comment_id: 1, body: 'x' })).rejects.toMatchObject({
      status: 404,
    });
  });

  test('rejects a body over 65,536 characters', async () => {
    const body = '字'.repeat(65_537);

    await expect(octokit.rest.issues.createComment({ owner: OWNER, repo: REPO, issue_number: 3, body })).rejects.toMatchObject({
      status: 422,
    });
  });
});

describe('GitHub API stand-in issues', () => {
  test('creates, lists and closes an issue', async () => {
    const created = await octokit.rest.issues.create({ owner: OWNER, repo: REPO, title: 'Regression', body: 'b', labels: ['llm-bench'] });
    await octokit.rest.issues.create({ owner: OWNER, repo: REPO, title: 'Other' });

    const labelled = await octokit.rest.issues.listForRepo({ owner: OWNER, repo: REPO, labels: 'llm-bench', state: 'open' });
    expect(labelled.data.map((issue) => issue.number)).toEqual([created.data.number]);

    await octokit.rest.issues.update({ owner: OWNER, repo: REPO, issue_number: created.data.number, state: 'closed' });
    const open = await octokit.rest.issues.listForRepo({ owner: OWNER, repo: REPO, labels: 'llm-bench', state: 'open' });
    const closed = await octokit.rest.issues.listForRepo({ owner: OWNER, repo: REPO, labels: 'llm-bench', state: 'closed' });

    expect(open.data).toHaveLength(0);
    expect(closed.data[0]).toMatchObject({ title: 'Regression', state: 'closed', labels: [{ name: 'llm-bench' }] });
    expect(closed.data[0].closed_at).not.toBeNull();
  });

  test('comments on an issue', async () => {
    const issue = api.state.addIssue(OWNER, REPO, { title: 'Nightly' });
    await octokit.rest.issues.createComment({ owner: OWNER, repo: REPO, issue_number: issue.number, body: 'still failing' });

    expect(api.state.commentsOn(OWNER, REPO, issue.number).map((comment) => comment.body)).toEqual(['still failing']);
  });

  test('rejects an issue without title', async () => {
    await expect(octokit.rest.issues.create({ owner: OWNER, repo: REPO, title: '' })).rejects.toMatchObject({ status: 422 });
  });

  test('rejects an invalid state', async () => {
    const issue = api.state.addIssue(OWNER, REPO, { title: 'x' });
    const update = fetch(`${api.url}/repos/${OWNER}/${REPO}/issues/${issue.number}`, {
      method: 'PATCH',
      headers: { authorization: 'token test-token', 'content-type': 'application/json' },
      body: JSON.stringify({ state: 'merged' }),
    });

    expect((await update).status).toBe(422);
    expect(issue.state).toBe('open');
  });
});

describe('GitHub API stand-in requests', () => {
  test('accepts a Bearer token', async () => {
    const response = await fetch(`${api.url}/repos/${OWNER}/${REPO}/issues`, { headers: { authorization: 'Bearer test-token' } });

    expect(response.status).toBe(200);
  });

  test('rejects a missing token', async () => {
    const response = await fetch(`${api.url}/repos/${OWNER}/${REPO}/issues`);

    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ message: 'Requires authentication' });
  });

  test('unknown routes give 404', async () => {
    await expect(octokit.request('GET /repos/{owner}/{repo}/actions/runs', { owner: OWNER, repo: REPO })).rejects.toMatchObject({
      status: 404,
    });
  });

  test('extra routes extend the stand-in', async () => {
    await api.close();
    const runs: Route = {
      method: 'GET',
      pattern: /^\/repos\/([^/]+)\/([^/]+)\/actions\/runs$/,
      handle: ({ params }) => ({ status: 200, body: { total_count: 0, workflow_runs: [], repo: params.join('/') } }),
    };
    api = await startGitHubApi({ routes: [runs] });
    octokit = getOctokit('test-token', { baseUrl: api.url });

    const { data } = await octokit.request('GET /repos/{owner}/{repo}/actions/runs', { owner: OWNER, repo: REPO });

    expect(data).toMatchObject({ total_count: 0, repo: `${OWNER}/${REPO}` });
  });
});
