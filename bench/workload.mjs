// The benchmark's workload: a math suite, the llm-bench config that runs it, and the same cases in
// promptfoo's format, all written to one temporary folder.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Model id the test server is asked for; with no script, the server echoes the last user message. */
export const BENCH_MODEL = 'bench-model';

/** One case in ten expects a wrong number, so that the report and the gate see failures too. */
const FAILING_EVERY = 10;

/**
 * Writes `count` math cases to DIR/cases.jsonl. The test server echoes each prompt, and the prompt
 * ends with the sum, so the math scorer reads the last number of the answer as the model's answer.
 */
export function writeSuite(dir, count) {
  const lines = [];
  const expectedById = [];
  for (let index = 0; index < count; index++) {
    const left = (index * 7919) % 1000;
    const right = (index * 104_729) % 997;
    const sum = left + right;
    const expected = index % FAILING_EVERY === FAILING_EVERY - 1 ? sum + 1 : sum;
    const prompt = `Case ${index}: add ${left} and ${right}. Reply with a short sentence that ends with the sum. The sum is ${sum}`;
    lines.push(JSON.stringify({ id: `m${index}`, type: 'math', tags: ['bench'], prompt, expected }));
    expectedById.push({ prompt, expected });
  }

  const file = path.join(dir, 'cases.jsonl');
  writeFileSync(file, `${lines.join('\n')}\n`);
  return { file, cases: expectedById };
}

/** Writes DIR/llm-bench.yml for one model on the test server at `url`; results go to DIR/results. */
export function writeConfig(dir, { url, concurrency }) {
  const text = [
    'suite: cases.jsonl',
    'models:',
    `  - name: ${BENCH_MODEL}`,
    `    base_url: ${url}/v1`,
    `    model: ${BENCH_MODEL}`,
    '    params: { temperature: 0, max_tokens: 256 }',
    '    pricing: { input_per_mtok: 1.0, output_per_mtok: 2.0 }',
    'system: You are a calculator. Answer with one sentence.',
    `concurrency: ${concurrency}`,
    'timeout_s: 60',
    'thresholds:',
    '  pass_rate: 0.5',
    'output:',
    '  dir: results',
    '',
  ].join('\n');

  const file = path.join(dir, 'llm-bench.yml');
  writeFileSync(file, text);
  return file;
}

/**
 * Writes the same workload for promptfoo: DIR/promptfoo/promptfooconfig.yaml and tests.csv. Each
 * test asserts that the answer contains the expected number, which is the closest built-in check to
 * llm-bench's math scorer.
 */
export function writePromptfooConfig(dir, { url, cases }) {
  const folder = path.join(dir, 'promptfoo');
  mkdirSync(folder, { recursive: true });
  const rows = cases.map(({ prompt, expected }) => `${csvField(prompt)},${csvField(`contains:${expected}`)}`);
  writeFileSync(path.join(folder, 'tests.csv'), `prompt,__expected\n${rows.join('\n')}\n`);

  const config = [
    'description: llm-bench side-by-side workload',
    'prompts:',
    "  - '{{prompt}}'",
    'providers:',
    `  - id: openai:chat:${BENCH_MODEL}`,
    '    config:',
    `      apiBaseUrl: ${url}/v1`,
    '      apiKey: no-key',
    '      temperature: 0',
    '      max_tokens: 256',
    'tests: file://tests.csv',
    '',
  ].join('\n');
  const file = path.join(folder, 'promptfooconfig.yaml');
  writeFileSync(file, config);
  return file;
}

function csvField(text) {
  return `"${text.replaceAll('"', '""')}"`;
}
