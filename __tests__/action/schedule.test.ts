// The bundled action on scheduled runs with an artifact baseline. Each run compares with the
// previous run's uploaded output folder, and the history grows and is drawn in the job summary. One
// tracking issue is opened by a drop, updated while the drop lasts and closed on recovery.
import { readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';

import { zipSync } from 'fflate';

import type { RunHistory } from '../../src/results/history.js';
import type { RunResults } from '../../src/types.js';
import { startGitHubApi, type GitHubApi } from '../../test-server/github-api.js';
import { parseScript } from '../../test-server/script.js';
import type { TestServer } from '../../test-server/server.js';
import { runBundledAction, type ActionRun } from '../helpers/action.js';
import { startScriptedServer } from '../helpers/bench.js';
import { makeTempDir } from '../helpers/files.js';

const TOKEN = 'gh-token-nightly';
const OWNER = 'octo';
const REPO = 'shop';
const ARTIFACT = 'llm-bench-results';
const CASES = 12;
const MARKER = '<!-- llm-bench-drift:llm-bench.yml -->';

/** Returns a script where the model repeats each prompt, except that it replies "no idea" to the first `failing` cases. */
function script(failing: number): string {
  const rules = failing === 0 ? '' : `\n    rules:\n      - { match: "secret(${Array.from({ length: failing }, (_, index) => index).join('|')})\\\\.", reply: "no idea" }`;
  return `models:\n  "*":\n    echo: true${rules}\n`;
}

function suite(): string {
  return Array.from({ length: CASES }, (_, index) => `- { id: word-${index}, type: qa, prompt: "Repeat the word secret${index}.", expected: secret${index}, match: contains }`).join('\n');
}

function config(server: TestServer): string {
  return [
    'suite: prompts/',
    'models:',
    `  - { name: bot, base_url: "${server.url}/v1", api_key_env: MODEL_KEY, model: bot }`,
    `baseline: { artifact: { name: ${ARTIFACT} } }`,
    'regression: { max_drop: 0.05, alpha: 0.05 }',
    'history: { file: .llm-bench/history.json, keep: 30 }',
  ].join('\n');
}

/** Zips the output folder as actions/upload-artifact does, with its files at the root. */
async function zipFolder(folder: string): Promise<Uint8Array> {
  const files: Record<string, Uint8Array> = {};
  for (const name of await readdir(folder)) {
    files[name] = await readFile(path.join(folder, name));
  }
  return zipSync(files);
}

describe('bundled action on a schedule', () => {
  let server: TestServer;
  let github: GitHubApi;

  beforeAll(async () => {
    server = await startScriptedServer(script(0));
    github = await startGitHubApi({ token: TOKEN });
  });

  afterAll(async () => {
    await server.close();
    await github.close();
  });

  test('drop opens, persists and recovery closes the issue', async () => {
    const workspace = await makeTempDir({ 'llm-bench.yml': config(server), 'prompts/words.yml': suite() });
    const outputDir = path.join(workspace.dir, 'llm-bench-results');
    const historyFile = path.join(workspace.dir, '.llm-bench/history.json');
    const inputs = { config: 'llm-bench.yml', 'github-token': TOKEN };

    /** Runs the action as scheduled workflow run `id`, then uploads the output folder as its artifact. */
    async function nightly(id: number, failing: number): Promise<{ action: ActionRun; results: RunResults; history: RunHistory }> {
      server.setScript(parseScript(script(failing), 'script.yml'));
      github.state.addWorkflowRun(OWNER, REPO, { id, createdAt: `2025-03-0${id - 1000}T03:00:00Z`, status: 'in_progress', conclusion: null });

      const action = await runBundledAction({ workspace: workspace.dir, apiUrl: github.url, inputs, eventName: 'schedule', env: { MODEL_KEY: 'sk-model-key-nightly', GITHUB_RUN_ID: String(id) } });

      const run = github.state.workflowRuns.find((item) => item.id === id)!;
      run.status = 'completed';
      run.conclusion = action.code === 0 ? 'success' : 'failure';
      github.state.addArtifact(OWNER, REPO, id, ARTIFACT, await zipFolder(outputDir));
      const results = JSON.parse(await readFile(path.join(outputDir, 'results.json'), 'utf8')) as RunResults;
      const history = JSON.parse(await readFile(historyFile, 'utf8')) as RunHistory;
      return { action, results, history };
    }

    const first = await nightly(1001, 0);
    const drop = await nightly(1002, 8);
    const issueAfterDrop = { ...github.state.issues[0] };
    // The cache missed: the history comes back from the previous run's artifact.
    await rm(historyFile);
    const worse = await nightly(1003, 10);
    const issueAfterWorse = { ...github.state.issues[0] };
    const recovered = await nightly(1004, 0);
    await workspace.remove();

    expect(first.action.code).toBe(0);
    expect(first.results.baseline?.source).toBe('none:workflow 7001 has no finished run on branch main yet');
    expect(first.action.stdout).toMatch(/::warning::No baseline to compare with/);
    expect(first.action.stdout).toContain('Drift issue not needed (every model is within bounds)');

    expect(drop.action.code).toBe(1);
    expect(drop.results.baseline?.source).toBe(`artifact:${ARTIFACT}@1001`);
    expect(drop.results.models[0].baseline?.verdict).toBe('regression');
    expect(drop.results.models[0].baseline?.p_value).toBe(2 * 0.5 ** 8);
    expect(issueAfterDrop.state).toBe('open');
    expect(issueAfterDrop.labels).toEqual(['llm-bench-drift']);
    expect(issueAfterDrop.title).toBe('llm-bench drift: bot out of bounds (llm-bench.yml)');
    expect(issueAfterDrop.body).toContain(MARKER);
    expect(issueAfterDrop.body).toContain('| bot | 100% | 33.3% (95% CI 13.8%–60.9%) | ▼ −66.7 pp | 8 |');
    expect(issueAfterDrop.body).toContain('Latest run: [run 1002-1](https://github.example/octo/shop/actions/runs/1002)');
    expect(issueAfterDrop.body).toContain('[word-0](https://github.example/octo/shop/blob/abc123/prompts/words.yml#L1)');

    expect(worse.action.code).toBe(0);
    expect(worse.results.baseline?.source).toBe(`artifact:${ARTIFACT}@1002`);
    expect(worse.action.stdout).toMatch(/Drift issue updated \(out of bounds: bot\): http:\/\/127\.0\.0\.1:\d+\/octo\/shop\/issues\/1/);
    expect(issueAfterWorse.body).toContain('- pass rate 16.7% is still more than 5 pp below 100%, its level before the drop that run 1002-1 found');

    expect(recovered.action.code).toBe(0);
    expect(recovered.results.models[0].baseline?.verdict).toBe('improvement');
    expect(github.state.issues).toHaveLength(1);
    expect(github.state.issues[0].state).toBe('closed');
    const comments = github.state.commentsOn(OWNER, REPO, 1).map((comment) => comment.body);
    expect(comments).toHaveLength(2);
    expect(comments[0]).toMatch(/^Still out of bounds\.\n\nLatest run: \[run 1003-1\]/);
    expect(comments[1]).toMatch(/^✅ Back within bounds in \[run 1004-1\]\(https:\/\/github\.example\/octo\/shop\/actions\/runs\/1004\): bot 100%\./);

    expect([first, drop, worse, recovered].map((night) => night.history.runs.length)).toEqual([1, 2, 3, 4]);
    expect(recovered.history.runs.map((entry) => entry.run_id)).toEqual(['1001-1', '1002-1', '1003-1', '1004-1']);
    expect(recovered.history.runs.map((entry) => entry.models[0].pass_rate)).toEqual([1, 4 / 12, 2 / 12, 1]);
    expect(worse.action.stdout).toContain("the 2 run(s) of the baseline artifact's history.json are continued");

    const summary = recovered.action.summary;
    expect(summary.indexOf('## Pass-rate trend')).toBeLessThan(summary.indexOf('## llm-bench results'));
    expect(summary).toContain('```mermaid\nxychart-beta\n    title "bot pass rate"\n');
    expect(summary).toMatch(/ {4}x-axis \["\d\d-\d\d[^\]]*"\]/);
    expect(summary).toContain('    y-axis "Pass rate (%)" 0 --> 100\n    line [100, 33.3, 16.7, 100]\n```');
    expect(drop.action.summary).toContain('    line [100, 33.3]\n');
  });
});
