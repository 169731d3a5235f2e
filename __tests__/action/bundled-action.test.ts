import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { startGitHubApi, type GitHubApi } from '../../test-server/github-api.js';
import type { TestServer } from '../../test-server/server.js';
import { runBundledAction } from '../helpers/action.js';
import { startScriptedServer } from '../helpers/bench.js';
import { makeTempDir } from '../helpers/files.js';

const SCRIPT = `
models:
  good:
    rules:
      - { contains: "2 + 2", reply: "2 + 2 = 4" }
      - { contains: "capital of France", reply: "Paris" }
  weak:
    rules:
      - { contains: "2 + 2", reply: "5" }
      - { contains: "capital of France", reply: "Lyon" }
`;

const SUITE = `
- { id: add, type: math, prompt: "What is 2 + 2?", expected: 4 }
- { id: capital, type: qa, prompt: "What is the capital of France?", expected: Paris }
`;

function config(server: TestServer, models: string[], passRate: number): string {
  const entries = models.map((name) => `  - { name: ${name}, base_url: "${server.url}/v1", api_key_env: MODEL_KEY, model: ${name} }`).join('\n');
  return `suite: prompts/\nmodels:\n${entries}\nthresholds:\n  pass_rate: ${passRate}\n`;
}

describe('bundled action on a pull request', () => {
  let server: TestServer;
  let github: GitHubApi;

  beforeAll(async () => {
    server = await startScriptedServer(SCRIPT);
    github = await startGitHubApi({ token: 'gh-token-xyz' });
  });

  afterAll(async () => {
    await server.close();
    await github.close();
  });

  test('second run updates the one comment', async () => {
    const workspace = await makeTempDir({ 'llm-bench.yml': config(server, ['good'], 0.5), 'prompts/basics.yml': SUITE });
    const inputs = { config: 'llm-bench.yml', 'github-token': 'gh-token-xyz', comment: 'auto', 'fail-on-threshold': 'true' };
    const env = { MODEL_KEY: 'sk-model-key-0001' };

    const first = await runBundledAction({ workspace: workspace.dir, apiUrl: github.url, inputs, env, pullRequest: 7 });
    const second = await runBundledAction({ workspace: workspace.dir, apiUrl: github.url, inputs, env, pullRequest: 7 });
    const results = JSON.parse(await readFile(path.join(workspace.dir, 'llm-bench-results/results.json'), 'utf8'));
    await workspace.remove();

    expect(first.code).toBe(0);
    expect(second.code).toBe(0);
    const comments = github.state.comments.filter((comment) => comment.issueNumber === 7);
    expect(comments).toHaveLength(1);
    expect(comments[0]!.body).toContain('<!-- llm-bench:llm-bench.yml -->');
    expect(comments[0]!.body).toContain('| good | 100% (2/2)');
    expect(comments[0]!.updatedAt >= comments[0]!.createdAt).toBe(true);
    expect(first.stdout).toMatch(/Pull request comment created/);
    expect(second.stdout).toMatch(/Pull request comment updated/);

    expect(second.outputs['passed']).toBe('true');
    expect(JSON.parse(second.outputs['pass-rate']!)).toEqual({ good: 1 });
    expect(second.outputs['results-json']).toBe(path.join(workspace.dir, 'llm-bench-results/results.json'));
    expect(second.outputs['results-csv']).toMatch(/results\.csv$/);
    expect(second.outputs['report']).toMatch(/report\.md$/);
    expect(second.summary).toContain('## llm-bench results');
    expect(results.models[0].passed).toBe(2);

    // The runner hides a masked value everywhere; the add-mask command itself is the one place it appears.
    expect(first.stdout.match(/::add-mask::sk-model-key-0001/g)).toHaveLength(1);
    for (const run of [first, second]) {
      const log = (run.stdout + run.stderr).replace('::add-mask::sk-model-key-0001', '');
      expect(log).not.toContain('sk-model-key-0001');
      expect(run.summary).not.toContain('sk-model-key-0001');
    }
  });

  test('threshold not met fails the step', async () => {
    const workspace = await makeTempDir({ 'llm-bench.yml': config(server, ['good', 'weak'], 0.9), 'prompts/basics.yml': SUITE });
    const inputs = { config: 'llm-bench.yml', 'github-token': 'gh-token-xyz', comment: 'never' };
    const run = await runBundledAction({ workspace: workspace.dir, apiUrl: github.url, inputs, env: { MODEL_KEY: 'k' }, pullRequest: 8 });
    await workspace.remove();

    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/::error::Thresholds not met: weak all pass_rate 0\.0%25 < 90\.0%25/);
    expect(run.outputs['passed']).toBe('false');
    expect(JSON.parse(run.outputs['pass-rate']!)).toEqual({ good: 1, weak: 0 });
    expect(github.state.comments.filter((comment) => comment.issueNumber === 8)).toHaveLength(0);
    expect(run.summary).toContain('Gate failed');
  });

  test('invalid config is annotated with its line', async () => {
    const workspace = await makeTempDir({ 'llm-bench.yml': 'suite: prompts/\nmodels:\n  - name: x\n    modle: y\n', 'prompts/basics.yml': SUITE });
    const run = await runBundledAction({ workspace: workspace.dir, apiUrl: github.url, inputs: { config: 'llm-bench.yml' } });
    await workspace.remove();

    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/::error file=llm-bench\.yml,line=4::llm-bench\.yml:4: models\[0\]\.modle: unknown key "modle"\. Fix: did you mean "model"\?/);
  });
});
