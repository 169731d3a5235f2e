// One engine run against every kind of model the providers support, served by the scripted test
// server on 127.0.0.1: OpenAI-compatible (plain, streamed with and without usage), thinking models
// (reasoning_content, <think>, reasoning tokens), Anthropic (with and without thinking) and Azure.

import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { countTokens } from 'gpt-tokenizer/encoding/o200k_base';
import { runEngine, type EngineResult } from '../../src/engine.js';
import type { CaseResult, ModelSummary } from '../../src/types.js';
import type { ModelScript, Rule, TestScript } from '../../test-server/script.js';
import { startTestServer, type TestServer } from '../../test-server/server.js';
import { TEST_KEY } from '../helpers/bench.js';
import { makeTempDir } from '../helpers/files.js';

const SYSTEM = 'Answer briefly.';

const CASES = `
- { id: add, type: math, prompt: "What is 17 + 25?", expected: 42, extract: first }
- { id: capital, type: qa, prompt: "What is the capital of France?", expected: Paris, match: exact }
- { id: colour, type: qa, prompt: "Which colour is the best?", expected: octarine }
`;

const PROMPTS: Record<string, string> = {
  add: 'What is 17 + 25?',
  capital: 'What is the capital of France?',
  colour: 'Which colour is the best?',
};

const ANSWERS: Record<string, string> = { add: '42', capital: 'Paris', colour: 'Blue' };

/** Thinking texts; the one for `add` starts with a wrong number, so scoring it would fail `extract: first`. */
const THOUGHTS: Record<string, string> = {
  add: 'First guess 41, then check: 17 + 25 = 42.',
  capital: 'The capital of France is Paris.',
  colour: 'Colours & <tags>: blue is calm.',
};

const CASE_IDS = ['add', 'capital', 'colour'];

/** A finished chat completion with reasoning tokens in its usage, sent as a raw body. */
const REASONING_TOKENS_BODY = JSON.stringify({
  id: 'chatcmpl-raw',
  object: 'chat.completion',
  created: 0,
  model: 'reasoning-tokens',
  choices: [{ index: 0, message: { role: 'assistant', content: '42', reasoning: 'Adding: 17 + 25 = 42.' }, finish_reason: 'stop' }],
  usage: { prompt_tokens: 20, completion_tokens: 30, total_tokens: 50, completion_tokens_details: { reasoning_tokens: 25 } },
});

function rules(options: { thinking?: 'field' | 'tag' } = {}): Rule[] {
  return CASE_IDS.map((id) => {
    const rule: Rule = { contains: PROMPTS[id], reply: ANSWERS[id] };
    if (options.thinking === 'field') rule.reasoning_content = THOUGHTS[id];
    if (options.thinking === 'tag') rule.reply = `<think>\n${THOUGHTS[id]}\n</think>\n\n${ANSWERS[id]}`;
    return rule;
  });
}

/** Streamed models send one code point per chunk with a pause, so that TTFT and speed are measurable. */
const STREAMED: ModelScript = { chunk_delay_ms: 3, stream_chunk_chars: 1 };

const SCRIPT: TestScript = {
  require_api_key: TEST_KEY,
  models: {
    plain: { rules: rules() },
    streamed: { ...STREAMED, rules: rules() },
    'streamed-no-usage': { ...STREAMED, stream_usage: false, rules: rules() },
    'reasoning-field': { rules: rules({ thinking: 'field' }) },
    'reasoning-streamed': { ...STREAMED, rules: rules({ thinking: 'field' }) },
    'think-tag': { rules: rules({ thinking: 'tag' }) },
    'reasoning-tokens': { faults: [{ kind: 'malformed', body: REASONING_TOKENS_BODY }] },
    claude: { rules: rules() },
    'claude-thinking': { rules: rules({ thinking: 'field' }) },
    'azure-dep': { rules: rules() },
    'azure-streamed-dep': { ...STREAMED, rules: rules() },
  },
};

const PRICING = 'pricing: { input_per_mtok: 1, output_per_mtok: 2 }';

function configFor(server: TestServer): string {
  const openai = (name: string, extra = ''): string => `
  - name: ${name}
    base_url: ${server.url}/v1
    api_key_env: TEST_KEY
    model: ${name}
    ${PRICING}${extra}`;
  const anthropic = (name: string): string => `
  - name: ${name}
    provider: anthropic
    base_url: ${server.url}
    api_key_env: TEST_KEY
    model: ${name}
    ${PRICING}`;
  const azure = (name: string, deployment: string, extra = ''): string => `
  - name: ${name}
    provider: azure
    endpoint: ${server.url}/
    deployment: ${deployment}
    api_version: 2024-10-21
    api_key_env: TEST_KEY
    ${PRICING}${extra}`;
  const stream = '\n    stream: true';

  return `suite: cases.yml
system: ${SYSTEM}
concurrency: 8
timeout_s: 10
models:${[
    openai('plain'),
    openai('streamed', stream),
    openai('streamed-no-usage', stream),
    openai('reasoning-field'),
    openai('reasoning-streamed', stream),
    openai('think-tag'),
    openai('reasoning-tokens'),
    anthropic('claude'),
    anthropic('claude-thinking'),
    azure('azure', 'azure-dep'),
    azure('azure-streamed', 'azure-streamed-dep', stream),
  ].join('')}
`;
}

const STREAMED_MODELS = new Set(['streamed', 'streamed-no-usage', 'reasoning-streamed', 'azure-streamed']);
const FIELD_REASONING_MODELS = new Set(['reasoning-field', 'reasoning-streamed', 'think-tag', 'claude-thinking']);

/** Returns the test server's token estimate: ceil(code points / 4) of all the given texts. */
function serverTokens(...texts: string[]): number {
  return Math.ceil(texts.reduce((sum, text) => sum + [...text].length, 0) / 4);
}

/** Returns the o200k_base token count of the texts, without the chat-format overhead. */
function localTokens(...texts: string[]): number {
  return texts.reduce((sum, text) => sum + countTokens(text), 0);
}

let server: TestServer;
let run: EngineResult;
let removeDir: () => Promise<void>;

beforeAll(async () => {
  server = await startTestServer({ script: SCRIPT });
  const temp = await makeTempDir({ 'cases.yml': CASES });
  removeDir = temp.remove;
  const configPath = path.join(temp.dir, 'llm-bench.yml');
  await writeFile(configPath, configFor(server), 'utf8');
  run = await runEngine({ configPath, env: process.env });
});

afterAll(async () => {
  await server.close();
  await removeDir();
});

function rowOf(model: string, id: string): CaseResult {
  const row = run.results.cases.find((item) => item.model === model && item.id === id);
  if (!row) throw new Error(`no row for ${model} ${id}`);
  return row;
}

function summaryOf(model: string): ModelSummary {
  const summary = run.results.models.find((item) => item.name === model);
  if (!summary) throw new Error(`no summary for ${model}`);
  return summary;
}

const ANSWERING_MODELS = ['plain', 'streamed', 'streamed-no-usage', 'reasoning-field', 'reasoning-streamed', 'think-tag', 'claude', 'claude-thinking', 'azure', 'azure-streamed'];

describe('every provider kind in one run', () => {
  test('rows have no errors', () => {
    expect(run.results.cases).toHaveLength(33);
    expect(run.results.cases.filter((row) => row.error !== null)).toEqual([]);
  });

  test.each(ANSWERING_MODELS)('%s: only the answer is scored', (model) => {
    expect(rowOf(model, 'add').output).toBe('42');
    expect(rowOf(model, 'add').pass).toBe(true);
    expect(rowOf(model, 'capital').output).toBe('Paris');
    expect(rowOf(model, 'capital').pass).toBe(true);
    expect(rowOf(model, 'colour').pass).toBe(false);
    expect(rowOf(model, 'add').finish_reason).toBe('stop');
  });

  test.each(ANSWERING_MODELS)('%s: reasoning stored apart', (model) => {
    for (const id of CASE_IDS) {
      expect(rowOf(model, id).reasoning).toBe(FIELD_REASONING_MODELS.has(model) ? THOUGHTS[id] : null);
    }
  });

  test.each(ANSWERING_MODELS.filter((model) => model !== 'streamed-no-usage'))('%s: usage from the API and cost', (model) => {
    for (const id of CASE_IDS) {
      const row = rowOf(model, id);
      const thought = FIELD_REASONING_MODELS.has(model) ? THOUGHTS[id] : '';
      // The <think> block reaches the server's count as part of the reply text.
      const reply = model === 'think-tag' ? `<think>\n${THOUGHTS[id]}\n</think>\n\n${ANSWERS[id]}` : ANSWERS[id] + thought;
      const expected = { prompt_tokens: serverTokens(SYSTEM, PROMPTS[id]), completion_tokens: serverTokens(reply) };

      expect(row.usage).toEqual({ ...expected, total_tokens: expected.prompt_tokens + expected.completion_tokens });
      expect(row.cost_usd).toBeCloseTo((expected.prompt_tokens * 1 + expected.completion_tokens * 2) / 1e6, 12);
    }
  });

  test('stream without usage: tokens counted locally', () => {
    for (const id of CASE_IDS) {
      const row = rowOf('streamed-no-usage', id);
      const prompt = localTokens(SYSTEM, PROMPTS[id]) + 3 * 2 + 3;
      const completion = localTokens(ANSWERS[id]);

      expect(row.usage).toEqual({ prompt_tokens: prompt, completion_tokens: completion, total_tokens: prompt + completion, estimated: true });
      expect(row.cost_usd).toBeCloseTo((prompt + completion * 2) / 1e6, 12);
    }
  });

  test('reasoning tokens read from completion_tokens_details', () => {
    const row = rowOf('reasoning-tokens', 'add');

    expect(row.output).toBe('42');
    expect(row.reasoning).toBe('Adding: 17 + 25 = 42.');
    expect(row.usage).toEqual({ prompt_tokens: 20, completion_tokens: 30, total_tokens: 50, reasoning_tokens: 25 });
    expect(row.cost_usd).toBeCloseTo((20 + 30 * 2) / 1e6, 12);
    expect(summaryOf('reasoning-tokens').tokens).toEqual({ prompt: 60, completion: 90, total: 150, reasoning: 75 });
  });

  test.each(ANSWERING_MODELS)('%s: latency, and TTFT when streamed', (model) => {
    for (const id of CASE_IDS) {
      const row = rowOf(model, id);
      expect(row.latency_ms).toBeGreaterThan(0);
      if (STREAMED_MODELS.has(model)) {
        expect(row.ttft_ms).toBeGreaterThan(0);
        expect(row.ttft_ms!).toBeLessThanOrEqual(row.latency_ms!);
      } else {
        expect(row.ttft_ms).toBeNull();
        expect(row.tokens_per_s).toBeNull();
      }
    }
  });

  test.each([...STREAMED_MODELS])('%s: output speed measured', (model) => {
    const row = rowOf(model, 'capital');
    const seconds = (row.latency_ms! - row.ttft_ms!) / 1000;

    expect(row.tokens_per_s).toBeGreaterThan(0);
    expect(row.tokens_per_s!).toBeCloseTo(row.usage!.completion_tokens / seconds, -1);
  });

  test('summaries carry TTFT and speed of streamed models only', () => {
    for (const summary of run.results.models) {
      if (STREAMED_MODELS.has(summary.name)) {
        expect(summary.ttft_ms?.p50).toBeGreaterThan(0);
        expect(summary.ttft_ms!.p95!).toBeGreaterThanOrEqual(summary.ttft_ms!.p50!);
        expect(summary.tokens_per_s?.p50).toBeGreaterThan(0);
      } else {
        expect(summary.ttft_ms).toBeNull();
        expect(summary.tokens_per_s).toBeNull();
      }
    }
  });

  test('report shows the streaming and reasoning columns', () => {
    expect(run.report).toContain('TTFT p50 / p95');
    expect(run.report).toContain('Tokens/s p50');
    expect(run.report).toContain('Reasoning tokens');
  });

  test('report folds the reasoning of a failing case, escaped', () => {
    expect(run.report).toContain('<details><summary>reasoning</summary>Colours &amp; &lt;tags&gt;: blue is calm.</details>');
  });
});

describe('requests on the wire', () => {
  const bodyOf = (predicate: (body: Record<string, unknown>, path: string) => boolean): { body: Record<string, unknown>; headers: Record<string, unknown>; path: string } => {
    const request = server.requests.find((item) => predicate(item.body as Record<string, unknown>, item.path));
    if (!request) throw new Error('request not found');
    return { body: request.body as Record<string, unknown>, headers: request.headers, path: request.path };
  };

  test('anthropic: system field, max_tokens, headers', () => {
    const request = bodyOf((body, path) => path === '/v1/messages' && body.model === 'claude');

    expect(request.body.system).toBe(SYSTEM);
    expect(request.body.max_tokens).toBe(1024);
    expect((request.body.messages as Array<{ role: string }>).map((message) => message.role)).toEqual(['user']);
    expect(request.headers['x-api-key']).toBe(TEST_KEY);
    expect(request.headers['anthropic-version']).toBe('2023-06-01');
    expect(request.headers.authorization).toBeUndefined();
  });

  test('azure: deployment path, api-version, api-key header', () => {
    const request = bodyOf((_, path) => path.startsWith('/openai/deployments/azure-dep/'));

    expect(request.path).toBe('/openai/deployments/azure-dep/chat/completions?api-version=2024-10-21');
    expect(request.headers['api-key']).toBe(TEST_KEY);
    expect(request.headers.authorization).toBeUndefined();
  });

  test('streamed request asks for usage', () => {
    const request = bodyOf((body) => body.model === 'streamed');

    expect(request.body.stream).toBe(true);
    expect(request.body.stream_options).toEqual({ include_usage: true });
  });
});
