import path from 'node:path';

import { getOctokit } from '@actions/github';

import { commentMarker, upsertPullRequestComment, type Octokit } from '../../src/github/comment.js';
import { PR_COMMENT_MAX_CHARS } from '../../src/report/limits.js';
import { startGitHubApi, type GitHubApi } from '../../test-server/github-api.js';

const OWNER = 'octo-org';
const REPO = 'octo-repo';
const PR = 7;
const MARKER = commentMarker('bench/llm-bench.yml');

let api: GitHubApi;
let octokit: Octokit;

beforeEach(async () => {
  api = await startGitHubApi({ token: 'secret-token' });
  octokit = getOctokit('secret-token', { baseUrl: api.url });
});

afterEach(async () => {
  await api.close();
});

function upsert(body: string, marker = MARKER, issueNumber = PR): ReturnType<typeof upsertPullRequestComment> {
  return upsertPullRequestComment({ octokit, owner: OWNER, repo: REPO, issueNumber, body, marker });
}

function seedOtherComments(count: number): void {
  const someone = { login: 'someone', id: 1, type: 'User' as const };
  for (let index = 0; index < count; index++) {
    api.state.addComment(OWNER, REPO, PR, `comment ${index}`, someone);
  }
}

describe('upsertPullRequestComment', () => {
  test('first call creates the comment', async () => {
    const result = await upsert('report one');
    const comments = api.state.commentsOn(OWNER, REPO, PR);

    expect(result.action).toBe('created');
    expect(comments).toHaveLength(1);
    expect(comments[0].id).toBe(result.id);
    expect(comments[0].body).toBe(`${MARKER}\nreport one`);
    expect(result.url).toBe(`${api.url}/${OWNER}/${REPO}/issues/${PR}#issuecomment-${result.id}`);
  });

  test('second call updates the same comment', async () => {
    const first = await upsert('report one');
    const second = await upsert('report two');
    const comments = api.state.commentsOn(OWNER, REPO, PR);

    expect(second).toEqual({ action: 'updated', id: first.id, url: first.url });
    expect(comments).toHaveLength(1);
    expect(comments[0].body).toBe(`${MARKER}\nreport two`);
  });

  test('keeps a body that starts with the marker', async () => {
    await upsert(`${MARKER}\nalready marked`);

    expect(api.state.comments[0].body).toBe(`${MARKER}\nalready marked`);
  });

  test('finds its comment after more than 100 others', async () => {
    seedOtherComments(150);
    const first = await upsert('report one');
    seedOtherComments(20);
    const second = await upsert('report two');

    expect(second.action).toBe('updated');
    expect(second.id).toBe(first.id);
    expect(api.state.commentsOn(OWNER, REPO, PR)).toHaveLength(171);
    expect(api.state.requests.map((request) => request.path)).toContain(
      `/repos/${OWNER}/${REPO}/issues/${PR}/comments?per_page=100&page=2`,
    );
  });

  test('stops listing at the page with its comment', async () => {
    const existing = api.state.addComment(OWNER, REPO, PR, `${MARKER}\nold report`);
    seedOtherComments(250);
    const result = await upsert('new report');
    const listed = api.state.requests.filter((request) => request.method === 'GET');

    expect(result).toMatchObject({ action: 'updated', id: existing.id });
    expect(listed).toHaveLength(1);
  });

  test('different marker creates a second comment', async () => {
    const first = await upsert('report one');
    const other = await upsert('report of the other config', commentMarker('bench/nightly.yml'));

    expect(other.action).toBe('created');
    expect(other.id).not.toBe(first.id);
    expect(api.state.commentsOn(OWNER, REPO, PR)).toHaveLength(2);
  });

  test('ignores comments that quote the marker later', async () => {
    api.state.addComment(OWNER, REPO, PR, `> quoted\n${MARKER}`, { login: 'someone', id: 1, type: 'User' });
    const result = await upsert('report');

    expect(result.action).toBe('created');
  });

  test('other pull requests are left alone', async () => {
    await upsert('report for 7');
    const result = await upsert('report for 8', MARKER, 8);

    expect(result.action).toBe('created');
    expect(api.state.commentsOn(OWNER, REPO, 7)).toHaveLength(1);
    expect(api.state.commentsOn(OWNER, REPO, 8)).toHaveLength(1);
  });

  test('rejects a body over the limit before any request', async () => {
    const body = 'x'.repeat(PR_COMMENT_MAX_CHARS);

    await expect(upsert(body)).rejects.toThrow(/more than GitHub's limit of 65536/);
    expect(api.state.requests).toHaveLength(0);
  });

  test('wraps a bare marker text', async () => {
    const first = await upsert('report one', 'llm-bench:bench/llm-bench.yml');
    const body = api.state.comments[0].body;
    const second = await upsert('report two');

    expect(body).toBe(`${MARKER}\nreport one`);
    expect(second).toMatchObject({ action: 'updated', id: first.id });
  });

  test.each([
    ['dashes inside', 'llm-bench:a--b'],
    ['line break', 'llm-bench:a\nb'],
    ['closing bracket', 'llm-bench:a>b'],
    ['unclosed comment', '<!-- llm-bench:a'],
    ['empty comment', '<!-- -->'],
  ])('rejects a marker with %s', async (_name, marker) => {
    await expect(upsert('body', marker)).rejects.toThrow(/Invalid comment marker/);
    expect(api.state.requests).toHaveLength(0);
  });

  test('wrong token fails with 401', async () => {
    octokit = getOctokit('wrong-token', { baseUrl: api.url });

    await expect(upsert('body')).rejects.toMatchObject({ status: 401 });
    expect(api.state.comments).toHaveLength(0);
  });
});

describe('commentMarker', () => {
  test('uses the config path as key', () => {
    expect(commentMarker('bench/llm-bench.yml')).toBe('<!-- llm-bench:bench/llm-bench.yml -->');
  });

  test('two configs get two markers', () => {
    expect(commentMarker('a.yml')).not.toBe(commentMarker('b.yml'));
  });

  test('makes an absolute path relative to the root', () => {
    const root = path.resolve('/work/repo');

    expect(commentMarker(path.join(root, 'bench', 'x.yml'), root)).toBe('<!-- llm-bench:bench/x.yml -->');
  });

  test('drops a leading ./', () => {
    expect(commentMarker('./llm-bench.yml')).toBe(commentMarker('llm-bench.yml'));
  });

  test('hashes a path with other characters', () => {
    const marker = commentMarker('my bench/配置--v2.yml');

    expect(marker).toMatch(/^<!-- llm-bench:my_bench\/__-v2\.yml-[0-9a-f]{8} -->$/);
    expect(marker.slice(4, -3)).not.toContain('--');
  });

  test('similar unsafe paths keep different keys', () => {
    expect(commentMarker('a b.yml')).not.toBe(commentMarker('a_b.yml'));
    expect(commentMarker('a b.yml')).not.toBe(commentMarker('a:b.yml'));
  });
});
