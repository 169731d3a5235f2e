// Failed calls of the providers against the scripted test server: what is retried, what stops a
// model, and how the error reads.

import { runBenchmark, type RunOutcome } from '../../src/runner/run.js';
import type { ModelScript } from '../../test-server/script.js';
import { startTestServer, type TestServer } from '../../test-server/server.js';
import { FAST_BACKOFF, loadBench, mathCasesYaml } from '../helpers/bench.js';

/** Answers "What is i + 1?" with i + 1 for the first ten cases. */
function adder(extra: ModelScript = {}): ModelScript {
  return { ...extra, rules: Array.from({ length: 10 }, (_, i) => ({ contains: `What is ${i} + 1?`, reply: `${i + 1}` })) };
}

/** Runs `count` math cases against one model of the given config lines, served by `script`. */
async function runOne(script: ModelScript, modelLines: (server: TestServer) => string, options: { count?: number; top?: string } = {}): Promise<{ outcome: RunOutcome; server: TestServer }> {
  const server = await startTestServer({ script: { models: { m: script } } });
  const config = `suite: cases.yml
${options.top ?? ''}models:
  - name: m
    api_key_env: TEST_KEY
    model: m
${modelLines(server)}
`;
  const bench = await loadBench(config, { 'cases.yml': mathCasesYaml(options.count ?? 1) });
  try {
    const outcome = await runBenchmark(bench.config, bench.cases, { backoff: FAST_BACKOFF });
    return { outcome, server };
  } finally {
    await server.close();
    await bench.remove();
  }
}

const anthropic = (server: TestServer): string => `    provider: anthropic\n    base_url: ${server.url}`;
const streamed = (server: TestServer): string => `    base_url: ${server.url}/v1\n    stream: true`;
const openai = (server: TestServer): string => `    base_url: ${server.url}/v1\n    concurrency: 1`;

const UNSUPPORTED_MAX_TOKENS = JSON.stringify({
  error: {
    message: "Unsupported parameter: 'max_tokens' is not supported with this model. Use 'max_completion_tokens' instead.",
    type: 'invalid_request_error',
    param: 'max_tokens',
    code: 'unsupported_parameter',
  },
});

describe('provider failures', () => {
  test('anthropic 529 retried, then answered', async () => {
    const { outcome, server } = await runOne(adder({ fail_first: { count: 1, status: 529 } }), anthropic);
    const row = outcome.rows[0]!;

    expect(row.error).toBeNull();
    expect(row.pass).toBe(true);
    expect(row.retries).toBe(1);
    expect(server.stats().byStatus).toEqual({ '200': 1, '529': 1 });
  });

  test('anthropic cut-off body retried', async () => {
    const { outcome } = await runOne(adder({ fail_first: { count: 1, kind: 'truncated' } }), anthropic);

    expect(outcome.rows[0]!.error).toBeNull();
    expect(outcome.rows[0]!.retries).toBe(1);
  });

  test('anthropic connection reset retried', async () => {
    const { outcome } = await runOne(adder({ fail_first: { count: 1, kind: 'reset' } }), anthropic);

    expect(outcome.rows[0]!.error).toBeNull();
    expect(outcome.rows[0]!.retries).toBe(1);
  });

  test('anthropic error body read, 401 not retried', async () => {
    const script = { ...adder(), fail_first: { count: 5, status: 401 } };
    const { outcome } = await runOne(script, anthropic);
    const row = outcome.rows[0]!;

    expect(row.error).toBe('HTTP 401: authentication_error: Unauthorized (injected by the llm-bench test server)');
    expect(row.retries).toBe(0);
  });

  test('anthropic anthropic_version header overridden', async () => {
    const server = await startTestServer({ script: { models: { m: adder() } } });
    const bench = await loadBench(`suite: cases.yml
models:
  - name: m
    provider: anthropic
    base_url: ${server.url}/
    model: m
    anthropic_version: "2024-01-01"
    params: { max_tokens: 64, temperature: 0 }
`, { 'cases.yml': mathCasesYaml(1) });
    const outcome = await runBenchmark(bench.config, bench.cases, { backoff: FAST_BACKOFF });
    const request = server.requests[0]!;
    await server.close();
    await bench.remove();

    expect(outcome.rows[0]!.pass).toBe(true);
    expect(request.headers['anthropic-version']).toBe('2024-01-01');
    expect(request.headers['x-api-key']).toBeUndefined();
    expect(request.body).toMatchObject({ max_tokens: 64, temperature: 0 });
  });

  test('azure unknown deployment not retried', async () => {
    const server = await startTestServer({ script: { models: { known: adder() } } });
    const bench = await loadBench(`suite: cases.yml
models:
  - name: az
    provider: azure
    endpoint: ${server.url}
    deployment: missing-deployment
    api_version: 2024-10-21
    api_key_env: TEST_KEY
`, { 'cases.yml': mathCasesYaml(1) });
    const outcome = await runBenchmark(bench.config, bench.cases, { backoff: FAST_BACKOFF });
    await server.close();
    await bench.remove();

    expect(outcome.rows[0]!.error).toMatch(/^HTTP 404: The API deployment for this resource does not exist/);
    expect(outcome.rows[0]!.retries).toBe(0);
  });

  test('unsupported parameter stops the model with the fix', async () => {
    const script = adder({ fail_first: { count: 100, status: 400, body: UNSUPPORTED_MAX_TOKENS } });
    const { outcome, server } = await runOne(script, openai, { count: 4 });
    const expected =
      "HTTP 400: Unsupported parameter: 'max_tokens' is not supported with this model. Use 'max_completion_tokens' instead. " +
      'Fix: this model wants max_completion_tokens instead of max_tokens in params';

    expect(server.stats().total).toBe(1);
    expect(outcome.rows).toHaveLength(4);
    expect(outcome.rows[0]!.error).toBe(expected);
    expect(outcome.rows[0]!.retries).toBe(0);
    expect(outcome.stopped['m']).toBe(`${expected}; its remaining cases were not run`);
    expect(outcome.rows.slice(1).every((row) => row.error === outcome.stopped['m'])).toBe(true);
  });

  test('HTTP 401 stops the model, naming api_key_env', async () => {
    const { outcome, server } = await runOne(adder({ fail_first: { count: 100, status: 401 } }), openai, { count: 4 });

    expect(server.stats().total).toBe(1);
    expect(outcome.rows[0]!.error).toBe('HTTP 401: Unauthorized (injected by the llm-bench test server)');
    expect(outcome.stopped['m']).toMatch(/^HTTP 401: .*; check that TEST_KEY \(api_key_env\) holds a valid key for http:\/\/127\.0\.0\.1:\d+\/v1; its remaining cases were not run$/);
    expect(outcome.rows.slice(1).every((row) => row.error === outcome.stopped['m'])).toBe(true);
  });

  test('HTTP 404 stops the model, naming base_url and model', async () => {
    const { outcome, server } = await runOne(adder({ fail_first: { count: 100, status: 404 } }), openai, { count: 3 });

    expect(server.stats().total).toBe(1);
    expect(outcome.stopped['m']).toMatch(/^HTTP 404: .*; check base_url \(http:\/\/127\.0\.0\.1:\d+\/v1\) and model \(m\): the server knows no such endpoint or model; its remaining cases were not run$/);
  });

  test('other HTTP 400 neither retried nor stopping', async () => {
    const { outcome, server } = await runOne(adder({ fail_first: { count: 100, status: 400 } }), openai, { count: 2 });

    expect(server.stats().total).toBe(2);
    expect(outcome.rows.map((row) => row.error)).toEqual([
      'HTTP 400: Bad Request (injected by the llm-bench test server)',
      'HTTP 400: Bad Request (injected by the llm-bench test server)',
    ]);
    expect(outcome.stopped).toEqual({});
  });

  test('stream broken midway retried', async () => {
    const { outcome, server } = await runOne(adder({ fail_first: { count: 1, kind: 'truncated' } }), streamed);
    const row = outcome.rows[0]!;

    expect(server.stats().byFault).toEqual({ truncated: 1 });
    expect(row.error).toBeNull();
    expect(row.pass).toBe(true);
    expect(row.retries).toBe(1);
    expect(row.ttft_ms).toBeGreaterThan(0);
  });

  test('stream with unreadable chunk retried', async () => {
    const { outcome } = await runOne(adder({ fail_first: { count: 1, kind: 'malformed' } }), streamed);

    expect(outcome.rows[0]!.error).toBeNull();
    expect(outcome.rows[0]!.retries).toBe(1);
  });

  test('broken stream reported once retries run out', async () => {
    const { outcome } = await runOne(adder({ fail_first: { count: 10, kind: 'truncated' } }), (server) => `${streamed(server)}\n    retries: 1`);

    expect(outcome.rows[0]!.error).toBe('the stream ended before the answer was complete (no finish_reason); the connection probably broke off');
    expect(outcome.rows[0]!.retries).toBe(1);
  });

  test('stream stalled midway times out', async () => {
    const stalled = adder({ chunk_delay_ms: 5000 });
    const { outcome } = await runOne(stalled, (server) => `${streamed(server)}\n    retries: 0`, { top: 'timeout_s: 0.3\n' });

    expect(outcome.rows[0]!.error).toBe('request timed out after 0.3 s');
  });
});
