// The bundled action on a pull request with `baseline: { base_ref: true }`. The base branch's suite
// runs in the same job from a local git repository. A harder suite on the pull request branch is a
// regression that fails the step and shows in the comment.
import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';

import type { RunResults } from '../../src/types.js';
import { startGitHubApi, type GitHubApi } from '../../test-server/github-api.js';
import type { TestServer } from '../../test-server/server.js';
import { runBundledAction } from '../helpers/action.js';
import { startScriptedServer } from '../helpers/bench.js';
import { makeTempDir } from '../helpers/files.js';

const run = promisify(execFile);
const CASES = 10;

/** Every model repeats the prompt, so a case passes when its prompt contains the expected word. */
const SCRIPT = `
models:
  "*": { echo: true }
`;

/** On the base branch each prompt contains its answer; on the pull request branch none does. */
function suite(hard: boolean): string {
  return Array.from({ length: CASES }, (_, index) => {
    const prompt = hard ? `Guess the secret word of case ${index}.` : `Repeat the word secret${index}.`;
    return `- { id: word-${index}, type: qa, prompt: "${prompt}", expected: secret${index}, match: contains }`;
  }).join('\n');
}

function config(server: TestServer): string {
  return [
    'suite: prompts/',
    'models:',
    `  - { name: bot, base_url: "${server.url}/v1", api_key_env: MODEL_KEY, model: bot }`,
    'baseline: { base_ref: true }',
    'regression: { max_drop: 0.05, alpha: 0.05 }',
  ].join('\n');
}

async function git(dir: string, ...args: string[]): Promise<void> {
  await run('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.invalid', '-c', 'commit.gpgsign=false', ...args], { cwd: dir });
}

describe('bundled action with a base ref', () => {
  let server: TestServer;
  let github: GitHubApi;

  beforeAll(async () => {
    server = await startScriptedServer(SCRIPT);
    github = await startGitHubApi({ token: 'gh-token-base' });
  });

  afterAll(async () => {
    await server.close();
    await github.close();
  });

  test('harder pull request suite is a regression', async () => {
    const workspace = await makeTempDir({ 'llm-bench.yml': config(server), 'prompts/words.yml': suite(false) });
    await git(workspace.dir, 'init', '-q', '-b', 'main');
    await git(workspace.dir, 'add', '.');
    await git(workspace.dir, 'commit', '-q', '-m', 'Add the easy suite');
    await git(workspace.dir, 'checkout', '-q', '-b', 'feature');
    await writeFile(path.join(workspace.dir, 'prompts/words.yml'), suite(true));
    await git(workspace.dir, 'commit', '-q', '-am', 'Make the suite harder');

    const inputs = { config: 'llm-bench.yml', 'github-token': 'gh-token-base', comment: 'auto' };
    const action = await runBundledAction({ workspace: workspace.dir, apiUrl: github.url, inputs, env: { MODEL_KEY: 'sk-model-key-base', GITHUB_BASE_REF: 'main', GITHUB_HEAD_REF: 'feature' }, pullRequest: 21 });
    const results = JSON.parse(await readFile(path.join(workspace.dir, 'llm-bench-results/results.json'), 'utf8')) as RunResults;
    await workspace.remove();

    expect(action.code).toBe(1);
    expect(action.stdout).toMatch(/::error::The gate failed\. Regression: bot: pass rate 1\.00 → 0\.00/);
    expect(action.stdout).toContain('baseline: Loaded 10 cases');
    expect(action.outputs['passed']).toBe('false');
    expect(action.summary).toContain('❌ **Gate failed** (1 regression against the baseline) · 1 model · 10 cases');

    const comparison = results.models[0].baseline!;
    expect(comparison.verdict).toBe('regression');
    expect(comparison.newly_failing).toHaveLength(CASES);
    expect(comparison.p_value).toBe(2 * 0.5 ** CASES);
    expect(results.baseline?.source).toMatch(/^base-ref:main@[0-9a-f]{12}$/);
    expect(results.gate).toEqual({ passed: false, failures: [] });

    const comments = github.state.comments.filter((comment) => comment.issueNumber === 21);
    expect(comments).toHaveLength(1);
    const body = comments[0].body;
    expect(body).toContain('### Compared with baseline');
    expect(body).toMatch(/Baseline: `base-ref:main@[0-9a-f]{12}`\./);
    expect(body).toContain('| bot | 100% | 0% | ▼ −100 pp | ❌ **regression** · pass rate 1.00 → 0.00');
    expect(body).toContain('[word-0](https://github.example/octo/shop/blob/abc123/prompts/words.yml#L1)');
    expect(action.summary).toContain('❌ **regression**');
  });
});
