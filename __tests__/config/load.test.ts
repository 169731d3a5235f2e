import path from 'node:path';
import { loadConfig } from '../../src/config/load.js';
import { InputError, InputErrors } from '../../src/errors.js';
import { makeTempDir } from '../helpers/files.js';

async function errorsFor(yaml: string, env: NodeJS.ProcessEnv = {}): Promise<string[]> {
  const temp = await makeTempDir({ 'llm-bench.yml': yaml });
  try {
    await loadConfig(path.join(temp.dir, 'llm-bench.yml'), { env });
  } catch (error) {
    if (error instanceof InputErrors) return error.errors.map((item) => item.message);
    if (error instanceof InputError) return [error.message];
    throw error;
  } finally {
    await temp.remove();
  }
  return [];
}

const VALID = `suite: prompts/
models:
  - name: qwen3-max
    base_url: https://dashscope.example/compatible-mode/v1
    api_key_env: DASHSCOPE_API_KEY
    model: qwen3-max
    params: { temperature: 0, max_tokens: 1024 }
    pricing: { input_per_mtok: 1.2, output_per_mtok: 6.0 }
  - name: gpt-5
    base_url: https://api.example/v1
    api_key_env: OPENAI_API_KEY
    model: gpt-5-chat
system: You are a helpful assistant.
concurrency: 8
timeout_s: 60
thresholds:
  pass_rate: 0.8
  types: { math: 0.9 }
  models: { gpt-5: { pass_rate: 0.85 } }
`;

describe('loadConfig', () => {
  test('valid config becomes typed settings', async () => {
    const temp = await makeTempDir({ 'llm-bench.yml': VALID });
    const config = await loadConfig(path.join(temp.dir, 'llm-bench.yml'), { env: { DASHSCOPE_API_KEY: 'k1', OPENAI_API_KEY: 'k2' } });
    await temp.remove();

    expect(config.models).toHaveLength(2);
    expect(config.models[0]!.pricing).toEqual({ inputPerMtok: 1.2, outputPerMtok: 6 });
    expect(config.models[0]!.params).toEqual({ temperature: 0, max_tokens: 1024 });
    expect(config.thresholds.passRate).toBe(0.8);
    expect(config.thresholds.types).toEqual({ math: 0.9 });
    expect(config.thresholds.models['gpt-5']!.passRate).toBe(0.85);
    expect(config.suite).toEqual([{ kind: 'files', pattern: 'prompts/', source: expect.objectContaining({ line: 1 }) }]);
    expect(config.output.json).toBe(path.join(temp.dir, 'llm-bench-results', 'results.json'));
  });

  test('empty API key variable reads as empty', async () => {
    const messages = await errorsFor(VALID, { DASHSCOPE_API_KEY: 'k1', OPENAI_API_KEY: '' });
    expect(messages).toEqual([expect.stringMatching(/llm-bench\.yml:11: models\[1\]\.api_key_env: environment variable OPENAI_API_KEY is empty\. Fix: .*check that the secret exists/)]);
  });

  test('bad field inside a suite entry is named', async () => {
    const config = VALID.replace(/^suite: .*$/m, 'suite:\n  - path: data.jsonl\n    limit: abc');
    const messages = await errorsFor(config, { DASHSCOPE_API_KEY: 'k1', OPENAI_API_KEY: 'k2' });
    expect(messages).toEqual([expect.stringMatching(/llm-bench\.yml:3: suite\[0\]\.limit: expected a number, got "abc"\. Fix: give a number$/)]);
  });

  test('unset API key variable names line, field and fix', async () => {
    const messages = await errorsFor(VALID, { DASHSCOPE_API_KEY: 'k1' });
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/llm-bench\.yml:11: models\[1\]\.api_key_env: environment variable OPENAI_API_KEY is not set\. Fix: .*secrets\.OPENAI_API_KEY/);
  });

  test('unknown key suggests the close one', async () => {
    const messages = await errorsFor(VALID.replace('timeout_s: 60', 'timeout: 60'), { DASHSCOPE_API_KEY: 'a', OPENAI_API_KEY: 'b' });
    expect(messages).toEqual([expect.stringMatching(/llm-bench\.yml:15: timeout: unknown key "timeout"\. Fix: did you mean "timeout_s"\?/)]);
  });

  test('wrong value type names value', async () => {
    const messages = await errorsFor(VALID.replace('concurrency: 8', 'concurrency: eight'), { DASHSCOPE_API_KEY: 'a', OPENAI_API_KEY: 'b' });
    expect(messages).toEqual([expect.stringMatching(/:14: concurrency: expected a number, got "eight"\. Fix: give a number/)]);
  });

  test('threshold for unknown model is rejected', async () => {
    const messages = await errorsFor(VALID.replace('gpt-5: { pass_rate: 0.85 }', 'gpt5: { pass_rate: 0.85 }'), { DASHSCOPE_API_KEY: 'a', OPENAI_API_KEY: 'b' });
    expect(messages).toEqual([expect.stringMatching(/thresholds\.models\.gpt5: no model is named "gpt5"\. Fix: use one of the model names: qwen3-max, gpt-5/)]);
  });

  test('duplicate model names and missing base_url', async () => {
    const yaml = `suite: p/\nmodels:\n  - name: a\n    model: m\n  - name: a\n    outputs: out.jsonl\n`;
    const messages = await errorsFor(yaml);
    expect(messages).toContainEqual(expect.stringMatching(/:3: models\[0\]\.base_url: missing/));
    expect(messages).toContainEqual(expect.stringMatching(/:5: models\[1\]\.name: duplicate model name "a"/));
  });

  test('invalid YAML reports line', async () => {
    const messages = await errorsFor('suite: [a\nmodels: x\n');
    expect(messages[0]).toMatch(/llm-bench\.yml:\d+: invalid YAML/);
  });

  test('missing file says how to fix', async () => {
    await expect(loadConfig('/nonexistent/llm-bench.yml')).rejects.toThrow(/config file not found\. Fix: create llm-bench\.yml/);
  });

  test('base URL variables are expanded', async () => {
    const yaml = 'suite: p/\nmodels:\n  - name: local\n    base_url: ${SERVER_URL}/v1\n    model: m\n';
    const temp = await makeTempDir({ 'c.yml': yaml });
    const config = await loadConfig(path.join(temp.dir, 'c.yml'), { env: { SERVER_URL: 'http://127.0.0.1:9' } });
    const unset = await loadConfig(path.join(temp.dir, 'c.yml'), { env: {} }).catch((error: Error) => error.message);
    await temp.remove();

    expect(config.models[0]!.baseUrl).toBe('http://127.0.0.1:9/v1');
    expect(unset).toMatch(/environment variable SERVER_URL used in/);
  });
});

describe('loadConfig messages', () => {
  const valid = 'suite: p/\nmodels:\n  - name: local\n    base_url: ${SERVER_URL}/v1\n    model: m\n';

  test('empty variable is rejected before calls', async () => {
    const messages = await errorsFor(valid, { SERVER_URL: '' });
    expect(messages).toEqual([expect.stringMatching(/:4: models\[0\]\.base_url: environment variable SERVER_URL used in .* is not set or empty/)]);
  });

  test('base URL must be http or https', async () => {
    const messages = await errorsFor(valid.replace('${SERVER_URL}/v1', 'localhost:8000/v1'));
    expect(messages).toEqual([expect.stringMatching(/:4: models\[0\]\.base_url: "localhost:8000\/v1" is not an http:\/\/ or https:\/\/ URL/)]);
  });

  test('each unknown key gets its own line', async () => {
    const messages = await errorsFor(`${valid.replace('${SERVER_URL}', 'http://127.0.0.1:9')}concurency: 2\nthreshold: {}\n`);
    expect(messages).toEqual([
      expect.stringMatching(/:6: concurency: unknown key "concurency"\. Fix: did you mean "concurrency"\?/),
      expect.stringMatching(/:7: threshold: unknown key "threshold"\. Fix: did you mean "thresholds"\?/),
    ]);
  });

  test('number out of range says the limit', async () => {
    const messages = await errorsFor(`${valid.replace('${SERVER_URL}', 'http://127.0.0.1:9')}timeout_s: -5\n`);
    expect(messages).toEqual([expect.stringMatching(/timeout_s: -5 is too small: it must be greater than 0\. Fix: use a value above 0$/)]);
  });

  test('unknown case type in thresholds', async () => {
    const messages = await errorsFor(`${valid.replace('${SERVER_URL}', 'http://127.0.0.1:9')}thresholds:\n  types: { maths: 0.9 }\n`);
    expect(messages[0]).toMatch(/thresholds\.types\.maths: unknown key "maths"\. Fix: did you mean "math"\?/);
  });
});
