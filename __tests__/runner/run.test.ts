import { readFile } from 'node:fs/promises';
import { runBenchmark } from '../../src/runner/run.js';
import type { TestServer } from '../../test-server/server.js';
import { FAST_BACKOFF, loadBench, mathCasesYaml, startScriptedServer } from '../helpers/bench.js';

const ANSWER_ALL = `
seed: 3
models:
  m:
    rules:
      - match: "What is (\\\\d+) \\\\+ 1"
        reply: "echo"
    echo: true
`;

function configFor(server: TestServer, extra = ''): string {
  return `suite: cases.yml
models:
  - name: m
    base_url: ${server.url}/v1
    api_key_env: TEST_KEY
    model: m
    pricing: { input_per_mtok: 1, output_per_mtok: 2 }
    params: { max_tokens: 20 }
concurrency: 16
${extra}`;
}

/** A script whose model answers "What is i + 1?" with i + 1, after the given faults. */
function adderScript(faults = '', extra = ''): string {
  const rules = Array.from({ length: 1000 }, (_, i) => `      - { contains: "What is ${i} + 1?", reply: "The answer is ${i + 1}." }`).join('\n');
  return `seed: 11\nmodels:\n  m:\n${faults}${extra}    rules:\n${rules}\n`;
}

describe('runBenchmark', () => {
  test('scores answers with latency, usage and cost', async () => {
    const server = await startScriptedServer(adderScript());
    const bench = await loadBench(configFor(server), { 'cases.yml': mathCasesYaml(20) });
    const outcome = await runBenchmark(bench.config, bench.cases, { backoff: FAST_BACKOFF });
    const jsonl = (await readFile(bench.config.output.jsonl, 'utf8')).trim().split('\n');
    await server.close();
    await bench.remove();

    expect(outcome.rows).toHaveLength(20);
    expect(outcome.rows.map((row) => row.id)).toEqual(Array.from({ length: 20 }, (_, i) => `q${i}`));
    expect(outcome.rows.every((row) => row.pass)).toBe(true);
    const row = outcome.rows[0]!;
    expect(row.latency_ms).toBeGreaterThan(0);
    expect(row.usage!.total_tokens).toBeGreaterThan(0);
    expect(row.cost_usd).toBeCloseTo((row.usage!.prompt_tokens * 1 + row.usage!.completion_tokens * 2) / 1e6, 12);
    expect(row.finish_reason).toBe('stop');
    expect(jsonl).toHaveLength(20);
    expect(outcome.partialReason).toBeNull();
  });

  test('sends the API key and never stores it', async () => {
    const server = await startScriptedServer(`require_api_key: sk-test-secret-123\n${ANSWER_ALL}`);
    const bench = await loadBench(configFor(server), { 'cases.yml': mathCasesYaml(2) });
    const outcome = await runBenchmark(bench.config, bench.cases);
    const jsonl = await readFile(bench.config.output.jsonl, 'utf8');
    await server.close();
    await bench.remove();

    expect(outcome.rows.map((row) => row.error)).toEqual([null, null]);
    expect(jsonl).not.toContain('sk-test-secret-123');
  });

  test('1,000 cases with 20% faults finish without errors', async () => {
    const faults = '    faults: [{ status: 429, rate: 0.1 }, { status: 500, rate: 0.1 }]\n';
    // Which requests fail depends on the order they arrive in. With the default 5 retries a case fails
    // all 6 attempts with probability 0.2^6, so about 6% of runs would lose one of 1,000 cases; 8
    // retries (0.2^9 per case) keep the test from flaking.
    const server = await startScriptedServer(adderScript(faults));
    const bench = await loadBench(configFor(server, 'concurrency: 32\nretries: 8\n').replace('concurrency: 16\n', ''), { 'cases.yml': mathCasesYaml(1000) });
    const warnings: string[] = [];
    const outcome = await runBenchmark(bench.config, bench.cases, { backoff: FAST_BACKOFF, warn: (line) => warnings.push(line) });
    const stats = server.stats();
    await server.close();
    await bench.remove();

    const retries = outcome.rows.reduce((sum, row) => sum + row.retries, 0);
    expect(outcome.rows).toHaveLength(1000);
    expect(outcome.rows.filter((row) => row.error !== null)).toHaveLength(0);
    expect(outcome.rows.every((row) => row.pass)).toBe(true);
    expect(retries).toBe((stats.byStatus['429'] ?? 0) + (stats.byStatus['500'] ?? 0));
    expect(retries).toBeGreaterThan(150);
    expect(warnings).toEqual([expect.stringMatching(/^m: \d+ retries \(HTTP (429|500) ×\d+, HTTP (429|500) ×\d+\)\.$/)]);
  });

  test('all 500s end as error rows in bounded time', async () => {
    const server = await startScriptedServer(adderScript('    faults: [{ status: 500 }]\n'));
    const bench = await loadBench(configFor(server), { 'cases.yml': mathCasesYaml(50) });
    const started = performance.now();
    const outcome = await runBenchmark(bench.config, bench.cases, { backoff: FAST_BACKOFF });
    const seconds = (performance.now() - started) / 1000;
    await server.close();
    await bench.remove();

    expect(outcome.rows).toHaveLength(50);
    expect(outcome.rows.every((row) => row.error !== null)).toBe(true);
    expect(outcome.rows.filter((row) => row.error!.startsWith('HTTP 500')).length).toBeGreaterThanOrEqual(10);
    expect(outcome.rows.filter((row) => row.retries === 5).length).toBeGreaterThanOrEqual(10);
    expect(outcome.stopped['m']).toMatch(/^\d+ cases in a row failed after 5 retries each \(last: HTTP 500: .*\), which looks like an outage/);
    expect(seconds).toBeLessThan(10);
  });

  test('quota wait stops the model quickly', async () => {
    const server = await startScriptedServer(adderScript('    faults: [{ status: 429, retry_after: "86400" }]\n'));
    const bench = await loadBench(configFor(server), { 'cases.yml': mathCasesYaml(30) });
    const started = performance.now();
    const outcome = await runBenchmark(bench.config, bench.cases, { backoff: FAST_BACKOFF });
    const seconds = (performance.now() - started) / 1000;
    const requests = server.stats().total;
    await server.close();
    await bench.remove();

    expect(seconds).toBeLessThan(5);
    expect(outcome.stopped['m']).toMatch(/asked to wait 86400 s .* more than max_retry_wait_s \(60 s\); a quota is probably used up/);
    expect(outcome.rows.every((row) => row.error !== null)).toBe(true);
    expect(requests).toBeLessThanOrEqual(16);
  });

  test('unreachable server stops the model', async () => {
    const closed = await startScriptedServer(adderScript());
    const url = closed.url;
    await closed.close();
    const config = `suite: cases.yml\nmodels:\n  - { name: m, base_url: "${url}/v1", model: m }\nconcurrency: 4\nretries: 2\n`;
    const bench = await loadBench(config, { 'cases.yml': mathCasesYaml(40) });
    const started = performance.now();
    const outcome = await runBenchmark(bench.config, bench.cases, { backoff: FAST_BACKOFF });
    const seconds = (performance.now() - started) / 1000;
    await bench.remove();

    expect(seconds).toBeLessThan(5);
    expect(outcome.stopped['m']).toMatch(/^no connection could be made after 3 attempts \(connection failed: connect ECONNREFUSED 127\.0\.0\.1:\d+\); check base_url/);
    expect(outcome.rows).toHaveLength(40);
    expect(outcome.rows.filter((row) => row.retries > 0).length).toBeLessThanOrEqual(4);
  });

  test('transient status with short Retry-After is honoured', async () => {
    const server = await startScriptedServer(adderScript('    fail_first: { count: 1, status: 503, retry_after: "1" }\n'));
    const bench = await loadBench(configFor(server), { 'cases.yml': mathCasesYaml(1) });
    const started = performance.now();
    const outcome = await runBenchmark(bench.config, bench.cases, { backoff: FAST_BACKOFF });
    const elapsed = performance.now() - started;
    await server.close();
    await bench.remove();

    expect(outcome.rows[0]).toMatchObject({ pass: true, retries: 1, error: null });
    expect(elapsed).toBeGreaterThanOrEqual(950);
  });

  test('malformed bodies are retried, then recorded', async () => {
    const server = await startScriptedServer(adderScript('    faults: [{ kind: malformed }]\n'));
    const bench = await loadBench(configFor(server, 'retries: 1\n'), { 'cases.yml': mathCasesYaml(3) });
    const outcome = await runBenchmark(bench.config, bench.cases, { backoff: FAST_BACKOFF });
    await server.close();
    await bench.remove();

    expect(outcome.rows.map((row) => row.error)).toEqual(Array(3).fill(expect.stringMatching(/^malformed response/)));
    expect(outcome.rows.every((row) => row.retries === 1)).toBe(true);
  });

  test('empty and cut-off answers keep their reason', async () => {
    const script = `models:\n  m:\n    rules:\n      - { contains: "What is 0", reply: "" }\n      - { contains: "What is 1", reply: "The sum is", finish_reason: length }\n`;
    const server = await startScriptedServer(script);
    const bench = await loadBench(configFor(server), { 'cases.yml': mathCasesYaml(2) });
    const outcome = await runBenchmark(bench.config, bench.cases);
    await server.close();
    await bench.remove();

    expect(outcome.rows[0]).toMatchObject({ pass: false, error: null, output: '' });
    expect(outcome.rows[0]!.reason).toMatch(/^empty answer/);
    expect(outcome.rows[1]).toMatchObject({ pass: false, error: null, finish_reason: 'length' });
    expect(outcome.rows[1]!.reason).toMatch(/cut at the token limit/);
  });

  test('budget stops new requests', async () => {
    const server = await startScriptedServer(adderScript());
    // Each answer is about 5 tokens × $100,000 per million output tokens ≈ $0.50, estimated
    // beforehand at max_tokens 20 ≈ $2.
    const config = configFor(server, 'budget_usd: 5\nconcurrency: 1\n').replace('concurrency: 16\n', '').replace('output_per_mtok: 2', 'output_per_mtok: 100000');
    const bench = await loadBench(config, { 'cases.yml': mathCasesYaml(40) });
    const outcome = await runBenchmark(bench.config, bench.cases);
    const requests = server.stats().total;
    await server.close();
    await bench.remove();

    expect(outcome.rows.length).toBeGreaterThan(0);
    expect(outcome.rows.length).toBeLessThan(40);
    expect(requests).toBe(outcome.rows.length);
    expect(outcome.budget!.spent_usd).toBeLessThanOrEqual(5);
    expect(outcome.partialReason).toMatch(/^budget_usd 5 reached: \$\d+\.\d{4} spent, and the next request, estimated at \$2\.\d{4} .*, would have passed it; \d+ rows were not run$/);
  });

  test('cache serves repeated requests', async () => {
    const server = await startScriptedServer(adderScript());
    const bench = await loadBench(configFor(server, 'cache: .cache\n'), { 'cases.yml': mathCasesYaml(5) });
    const first = await runBenchmark(bench.config, bench.cases);
    const second = await runBenchmark(bench.config, bench.cases);
    const requests = server.stats().total;
    await server.close();
    await bench.remove();

    expect(requests).toBe(5);
    expect(first.rows.every((row) => !row.cached)).toBe(true);
    expect(second.rows.every((row) => row.cached && row.pass)).toBe(true);
    expect(second.rows.map((row) => row.output)).toEqual(first.rows.map((row) => row.output));
  });

  test('resume skips finished rows', async () => {
    const server = await startScriptedServer(adderScript('    fail_first: { count: 4, status: 400 }\n'));
    const bench = await loadBench(configFor(server, 'concurrency: 1\n').replace('concurrency: 16\n', ''), { 'cases.yml': mathCasesYaml(10) });
    const first = await runBenchmark(bench.config, bench.cases);
    const afterFirst = server.stats().total;
    const resumed = await runBenchmark(bench.config, bench.cases, { resume: true });
    const afterResume = server.stats().total;
    await server.close();
    await bench.remove();

    expect(first.rows.filter((row) => row.error !== null)).toHaveLength(4);
    expect(afterFirst).toBe(10);
    expect(afterResume - afterFirst).toBe(4);
    expect(resumed.rows).toHaveLength(10);
    expect(resumed.rows.every((row) => row.pass)).toBe(true);
  });

  test('cancel keeps finished rows', async () => {
    const server = await startScriptedServer(adderScript('    latency_ms: 50\n'));
    const bench = await loadBench(configFor(server, 'concurrency: 2\n').replace('concurrency: 16\n', ''), { 'cases.yml': mathCasesYaml(40) });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 300);
    const outcome = await runBenchmark(bench.config, bench.cases, { signal: controller.signal });
    const jsonl = (await readFile(bench.config.output.jsonl, 'utf8')).trim().split('\n');
    await server.close();
    await bench.remove();

    expect(outcome.rows.length).toBeGreaterThan(2);
    expect(outcome.rows.length).toBeLessThan(40);
    expect(outcome.rows.every((row) => row.error === null)).toBe(true);
    expect(jsonl).toHaveLength(outcome.rows.length);
    expect(outcome.partialReason).toMatch(/^cancelled; \d+ rows were not run$/);
  });
});
