import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { VERSION } from '../../src/version.js';
import { mathCasesYaml, startScriptedServer } from '../helpers/bench.js';
import { runCli, startCli } from '../helpers/cli.js';
import { makeTempDir, REPO_ROOT } from '../helpers/files.js';

const KEY = 'sk-live-do-not-leak-7f3a9';

/** A model that answers "What is i + 1?" correctly after `latency_ms`. */
function adderScript(extra = ''): string {
  const rules = Array.from({ length: 200 }, (_, i) => `      - { contains: "What is ${i} + 1?", reply: "It is ${i + 1}." }`).join('\n');
  return `require_api_key: ${KEY}\nmodels:\n  m:\n${extra}    rules:\n${rules}\n`;
}

function configYaml(url: string, extra = ''): string {
  return `suite: cases.yml\nmodels:\n  - { name: m, base_url: "${url}/v1", api_key_env: MODEL_KEY, model: m, pricing: { input_per_mtok: 1, output_per_mtok: 1 } }\n${extra}`;
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true });
  const files: string[] = [];
  for (const entry of entries) {
    const file = path.join(dir, entry);
    if ((await stat(file)).isFile()) files.push(file);
  }
  return files;
}

describe('command line', () => {
  test('version matches package.json', async () => {
    const run = await runCli(['--version'], { cwd: REPO_ROOT });
    const pkg = JSON.parse(await readFile(path.join(REPO_ROOT, 'package.json'), 'utf8'));

    expect(run.code).toBe(0);
    expect(run.stdout.trim()).toBe(VERSION);
    expect(VERSION).toBe(pkg.version);
  });

  test('invalid config exits 2 with the fix', async () => {
    const temp = await makeTempDir({ 'llm-bench.yml': 'suite: cases.yml\nmodels:\n  - { name: m, base_url: "http://127.0.0.1:9/v1", model: m }\nconcurency: 4\n', 'cases.yml': mathCasesYaml(1) });
    const run = await runCli(['run'], { cwd: temp.dir });
    await temp.remove();

    expect(run.code).toBe(2);
    expect(run.stderr).toBe('error: llm-bench.yml:4: concurency: unknown key "concurency". Fix: did you mean "concurrency"?\n');
  });

  test('validate checks without a key', async () => {
    const temp = await makeTempDir({ 'llm-bench.yml': configYaml('http://127.0.0.1:9'), 'cases.yml': mathCasesYaml(3) });
    const run = await runCli(['validate'], { cwd: temp.dir });
    await temp.remove();

    expect(run.code).toBe(0);
    expect(run.stdout).toBe('llm-bench.yml is valid: 3 cases, 1 model(s).\n');
  });

  test('unknown flag exits 2', async () => {
    const run = await runCli(['run', '--confg', 'x.yml'], { cwd: REPO_ROOT });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^error: Unknown option '--confg'.*Run llm-bench --help for the options\.\n$/);
  });

  test('all 500s: error rows, report, exit 1', async () => {
    const server = await startScriptedServer(adderScript('    faults: [{ status: 500 }]\n'));
    const temp = await makeTempDir({ 'llm-bench.yml': configYaml(server.url, 'retries: 1\n'), 'cases.yml': mathCasesYaml(20) });
    const started = performance.now();
    const run = await runCli(['run'], { cwd: temp.dir, env: { MODEL_KEY: KEY } });
    const seconds = (performance.now() - started) / 1000;
    const results = JSON.parse(await readFile(path.join(temp.dir, 'llm-bench-results/results.json'), 'utf8'));
    await server.close();
    await temp.remove();

    expect(run.code).toBe(1);
    expect(seconds).toBeLessThan(15);
    expect(results.models[0]).toMatchObject({ total: 20, errors: 20, error_rate: 1 });
    expect(results.models[0].retries).toBeGreaterThanOrEqual(10);
    expect(results.models[0].stopped).toMatch(/cases in a row failed after 1 retry each \(last: HTTP 500/);
    expect(results.cases.every((row: { error: string | null }) => row.error !== null)).toBe(true);
    expect(run.stderr).toContain('threshold not met: m all error_rate 1.000 > 0');
    expect(run.stdout).toContain('| m | 0% (0/20) | 20 (100%) |');
  });

  test('SIGTERM keeps rows; --resume finishes', async () => {
    const server = await startScriptedServer(adderScript('    latency_ms: 40\n'));
    const temp = await makeTempDir({ 'llm-bench.yml': configYaml(server.url, 'concurrency: 2\n'), 'cases.yml': mathCasesYaml(60) });
    const env = { MODEL_KEY: KEY };

    const { child, done } = startCli(['run', '--quiet'], { cwd: temp.dir, env });
    await new Promise((resolve) => setTimeout(resolve, 700));
    child.kill('SIGTERM');
    const cancelled = await done;
    const jsonlAfterCancel = (await readFile(path.join(temp.dir, 'llm-bench-results/results.jsonl'), 'utf8')).trim().split('\n');
    const requestsAfterCancel = server.stats().total;

    const resumed = await runCli(['run', '--resume', '--quiet'], { cwd: temp.dir, env });
    const requestsAfterResume = server.stats().total;
    const results = JSON.parse(await readFile(path.join(temp.dir, 'llm-bench-results/results.json'), 'utf8'));
    await server.close();
    await temp.remove();

    expect(cancelled.code).toBe(143);
    expect(cancelled.stderr).toMatch(/SIGTERM received: stopping/);
    expect(cancelled.stderr).toMatch(/partial run: cancelled; \d+ rows were not run/);
    const finished = jsonlAfterCancel.length;
    expect(finished).toBeGreaterThan(0);
    expect(finished).toBeLessThan(60);

    expect(resumed.code).toBe(0);
    expect(resumed.stderr).toContain(`Resumed: ${finished} rows reused`);
    expect(requestsAfterResume - requestsAfterCancel).toBe(60 - finished);
    expect(results.models[0]).toMatchObject({ total: 60, passed: 60, errors: 0 });
    expect(results.run.partial).toBe(false);
  });

  test('API key appears in no file or log', async () => {
    // Half the requests fail, so error messages, retries and reports are all exercised.
    const server = await startScriptedServer(adderScript('    faults: [{ status: 401, rate: 0.3 }, { status: 500, rate: 0.2 }]\n'));
    const temp = await makeTempDir({ 'llm-bench.yml': configYaml(server.url, 'retries: 1\ncache: .cache\n'), 'cases.yml': mathCasesYaml(30) });
    const run = await runCli(['run', '--verbose'], { cwd: temp.dir, env: { MODEL_KEY: KEY } });
    const sent = server.requests.map((request) => request.headers['authorization']);
    const results = await readFile(path.join(temp.dir, 'llm-bench-results/results.json'), 'utf8');

    const written = await filesUnder(temp.dir);
    const leaks: string[] = [];
    for (const file of written) if ((await readFile(file, 'utf8')).includes(KEY)) leaks.push(path.relative(temp.dir, file));
    await server.close();
    await temp.remove();

    expect(sent).toContain(`Bearer ${KEY}`);
    expect(written.length).toBeGreaterThanOrEqual(6);
    expect(leaks).toEqual([]);
    expect(run.stdout).not.toContain(KEY);
    expect(run.stderr).not.toContain(KEY);
    expect(results).toMatch(/HTTP 401/);
  });
});
