// The artifact baseline against the GitHub API stand-in: finding the previous run's artifact,
// downloading and unzipping it, and every way of finding none.
import { zipSync, strToU8 } from 'fflate';

import { downloadArtifactBaseline } from '../../src/baseline/artifact.js';
import type { BaselineContext } from '../../src/baseline/sources.js';
import { InputError } from '../../src/errors.js';
import type { GitHubAccess } from '../../src/github/artifacts.js';
import type { RunResults } from '../../src/types.js';
import { startGitHubApi, type GitHubApi } from '../../test-server/github-api.js';
import { makeRows, makeRun, outcomes } from './make-runs.js';

const TOKEN = 'gh-artifact-token';
const OWNER = 'octo';
const REPO = 'shop';
const NAME = 'llm-bench-results';
const SOURCE = { kind: 'artifact', name: NAME } as const;

function runWithId(id: string): RunResults {
  const results = makeRun(makeRows(outcomes(3, 1)));
  return { ...results, run: { ...results.run, id } };
}

function zipOf(files: Record<string, string>): Uint8Array {
  return zipSync(Object.fromEntries(Object.entries(files).map(([name, text]) => [name, strToU8(text)])));
}

describe('artifact baseline', () => {
  let github: GitHubApi;
  let lines: string[];

  beforeEach(async () => {
    github = await startGitHubApi({ token: TOKEN });
    lines = [];
  });

  afterEach(async () => {
    await github.close();
  });

  function context(access: Partial<GitHubAccess> = {}, env: NodeJS.ProcessEnv = {}): BaselineContext {
    return {
      configFile: '/nowhere/llm-bench.yml',
      env,
      runConfig: () => Promise.reject(new Error('not used')),
      log: (line) => lines.push(line),
      github: { token: TOKEN, owner: OWNER, repo: REPO, apiUrl: github.url, runId: '900', ...access },
    };
  }

  /** The current run (900) and finished runs of the same workflow, oldest first. */
  function seedRuns(): { older: number; newer: number } {
    const state = github.state;
    const older = state.addWorkflowRun(OWNER, REPO, { id: 801, createdAt: '2025-03-01T03:00:00Z' }).id;
    const newer = state.addWorkflowRun(OWNER, REPO, { id: 802, createdAt: '2025-03-02T03:00:00Z', conclusion: 'failure' }).id;
    state.addWorkflowRun(OWNER, REPO, { id: 803, createdAt: '2025-03-02T05:00:00Z', headBranch: 'feature' });
    state.addWorkflowRun(OWNER, REPO, { id: 804, createdAt: '2025-03-02T06:00:00Z', workflowId: 9999, workflowPath: '.github/workflows/other.yml' });
    state.addWorkflowRun(OWNER, REPO, { id: 900, createdAt: '2025-03-03T03:00:00Z', status: 'in_progress', conclusion: null });
    return { older, newer };
  }

  test('takes the newest finished run with the artifact', async () => {
    const { older, newer } = seedRuns();
    github.state.addArtifact(OWNER, REPO, older, NAME, zipOf({ 'results.json': JSON.stringify(runWithId('old')) }));
    github.state.addArtifact(OWNER, REPO, newer, NAME, zipOf({ 'results.json': JSON.stringify(runWithId('new')), 'history.json': '{"schema_version":1,"runs":[]}' }));
    github.state.addArtifact(OWNER, REPO, 803, NAME, zipOf({ 'results.json': JSON.stringify(runWithId('feature')) }));

    const loaded = await downloadArtifactBaseline(SOURCE, context());

    expect(loaded.results?.run.id).toBe('new');
    expect(loaded.source).toBe(`artifact:${NAME}@802`);
    expect(loaded.results ? loaded.history : undefined).toBe('{"schema_version":1,"runs":[]}');
    expect(lines.join('\n')).toContain(`artifact "${NAME}" of run 802 on main`);
    const paths = github.state.requests.map((request) => request.path);
    expect(paths).toContain(`/repos/${OWNER}/${REPO}`);
    expect(paths).toContain(`/repos/${OWNER}/${REPO}/actions/runs/900`);
    expect(paths).toContain(`/repos/${OWNER}/${REPO}/actions/workflows/7001/runs?branch=main&status=completed&per_page=20`);
    expect(paths.some((path) => path.startsWith('/_artifact-blobs/'))).toBe(true);
  });

  test('skips expired artifacts and other names', async () => {
    const { older, newer } = seedRuns();
    github.state.addArtifact(OWNER, REPO, older, NAME, zipOf({ 'out/results.json': JSON.stringify(runWithId('old')) }));
    github.state.addArtifact(OWNER, REPO, newer, NAME, zipOf({ 'results.json': JSON.stringify(runWithId('expired')) }), { expired: true });
    github.state.addArtifact(OWNER, REPO, newer, 'coverage', zipOf({ 'results.json': JSON.stringify(runWithId('coverage')) }));

    const loaded = await downloadArtifactBaseline(SOURCE, context());

    expect(loaded.results?.run.id).toBe('old');
    expect(loaded.source).toBe(`artifact:${NAME}@801`);
  });

  test('prefers results.json nearest the root', async () => {
    const { newer } = seedRuns();
    const zip = zipOf({ 'a/b/results.json': JSON.stringify(runWithId('deep')), 'a/results.json': JSON.stringify(runWithId('shallow')) });
    github.state.addArtifact(OWNER, REPO, newer, NAME, zip);

    const loaded = await downloadArtifactBaseline(SOURCE, context());

    expect(loaded.results?.run.id).toBe('shallow');
  });

  test('never takes the current run', async () => {
    seedRuns();
    github.state.addArtifact(OWNER, REPO, 900, NAME, zipOf({ 'results.json': JSON.stringify(runWithId('current')) }));

    const loaded = await downloadArtifactBaseline(SOURCE, context());

    expect(loaded.results).toBeUndefined();
    expect(loaded).toMatchObject({ source: `artifact:${NAME}`, reason: expect.stringContaining('none of the last 2 finished runs of workflow 7001 on branch main') });
  });

  test('configured workflow and branch', async () => {
    seedRuns();
    github.state.addArtifact(OWNER, REPO, 804, NAME, zipOf({ 'results.json': JSON.stringify(runWithId('other')) }));
    github.state.addArtifact(OWNER, REPO, 803, NAME, zipOf({ 'results.json': JSON.stringify(runWithId('feature')) }));

    const byFile = await downloadArtifactBaseline({ ...SOURCE, workflow: 'other.yml' }, context({ runId: undefined }));
    const byBranch = await downloadArtifactBaseline({ ...SOURCE, branch: 'feature' }, context());

    expect(byFile.results?.run.id).toBe('other');
    expect(byBranch.results?.run.id).toBe('feature');
  });

  test('no finished run yet', async () => {
    github.state.addWorkflowRun(OWNER, REPO, { id: 900, status: 'in_progress', conclusion: null });

    const loaded = await downloadArtifactBaseline(SOURCE, context());

    expect(loaded).toEqual({ source: `artifact:${NAME}`, reason: 'workflow 7001 has no finished run on branch main yet' });
  });

  test('403 names the permission', async () => {
    seedRuns();
    github.state.actionsPermission = 'none';

    const loaded = await downloadArtifactBaseline(SOURCE, context());

    expect(loaded.results).toBeUndefined();
    expect(loaded.results ? '' : loaded.reason).toMatch(/HTTP 403: Resource not accessible by integration.*permissions: actions: read/);
  });

  test('outside a workflow run needs the workflow', async () => {
    const loaded = await downloadArtifactBaseline(SOURCE, context({ runId: undefined }));

    expect(loaded.results ? '' : loaded.reason).toMatch(/set baseline\.artifact\.workflow/);
  });

  test('reads GITHUB_TOKEN without github access', async () => {
    const { newer } = seedRuns();
    github.state.addArtifact(OWNER, REPO, newer, NAME, zipOf({ 'results.json': JSON.stringify(runWithId('env')) }));
    const env = { GITHUB_TOKEN: TOKEN, GITHUB_REPOSITORY: `${OWNER}/${REPO}`, GITHUB_API_URL: github.url, GITHUB_RUN_ID: '900' };

    const loaded = await downloadArtifactBaseline(SOURCE, { ...context(undefined, env), github: undefined });
    const none = await downloadArtifactBaseline(SOURCE, { ...context(), github: undefined });

    expect(loaded.results?.run.id).toBe('env');
    expect(none.results ? '' : none.reason).toMatch(/^no GitHub token/);
  });

  test('wrong token is a reason', async () => {
    seedRuns();

    const loaded = await downloadArtifactBaseline(SOURCE, context({ token: 'wrong' }));

    expect(loaded.results ? '' : loaded.reason).toMatch(/HTTP 401: Bad credentials/);
  });

  test('artifact without results.json', async () => {
    const { newer } = seedRuns();
    github.state.addArtifact(OWNER, REPO, newer, NAME, zipOf({ 'report.md': '# report' }));

    const loaded = await downloadArtifactBaseline(SOURCE, context());

    expect(loaded).toEqual({ source: `artifact:${NAME}@802`, reason: `artifact "${NAME}" of run 802 has no results.json; upload the whole output folder (output.dir) under that name` });
  });

  test('broken zip is a reason', async () => {
    const { newer } = seedRuns();
    github.state.addArtifact(OWNER, REPO, newer, NAME, strToU8('not a zip file at all'));

    const loaded = await downloadArtifactBaseline(SOURCE, context());

    expect(loaded.results ? '' : loaded.reason).toMatch(/^could not read artifact "llm-bench-results" of run 802: /);
  });

  test('corrupt results.json is an error', async () => {
    const { newer } = seedRuns();
    github.state.addArtifact(OWNER, REPO, newer, NAME, zipOf({ 'results.json': '{"schema_version": 1, "models": [' }));

    const loading = downloadArtifactBaseline(SOURCE, context());

    await expect(loading).rejects.toThrow(InputError);
    await expect(downloadArtifactBaseline(SOURCE, context())).rejects.toThrow(/results\.json in artifact "llm-bench-results" of run 802: the baseline is not valid JSON/);
  });
});
