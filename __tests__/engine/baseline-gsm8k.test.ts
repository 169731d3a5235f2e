// End to end on GSM8K: a perfect baseline (the reference solutions replayed) against the authors'
// published 6B fine-tuned outputs on the first 60 test problems, compared through `baseline: file`.
// The discordant counts and the exact McNemar p-value are computed again here, from the same files,
// with a plain loop and BigInt binomial sums.
import { readFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

import { runEngine } from '../../src/engine.js';
import type { RunResults } from '../../src/types.js';
import { makeTempDir, SHARED_DATA } from '../helpers/files.js';

const CASES = 60;
const MODEL = 'gsm8k-model';
const TEST_FILE = path.join(SHARED_DATA, 'gsm8k/test.jsonl');
const OUTPUTS_FILE = path.join(SHARED_DATA, 'gsm8k/outputs_6b_finetuning.jsonl');

function readLines<T>(file: string, count: number): T[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .slice(0, count)
    .map((line) => JSON.parse(line) as T);
}

/** Returns the text after `#### ` with commas dropped, the data set authors' rule. */
function expectedAnswer(answer: string): string {
  return answer.slice(answer.lastIndexOf('#### ') + '#### '.length).trim().replace(/,/g, '');
}

/** Returns the last number of the text (on its last `A:` line when it has one), commas dropped. */
function finalNumber(text: string): string | undefined {
  const answerLines = text.split('\n').filter((line) => line.trimStart().startsWith('A:'));
  const scope = answerLines.length > 0 ? answerLines[answerLines.length - 1] : text;
  const numbers = scope.replace(/,/g, '').match(/-?\d+(?:\.\d+)?/g);
  return numbers === null ? undefined : numbers[numbers.length - 1];
}

function passes(output: string, expected: string): boolean {
  const value = finalNumber(output);
  return value !== undefined && Number(value) === Number(expected);
}

/** Two-sided exact McNemar p-value: 2 × Σ_{i ≤ min(b, c)} C(b + c, i) / 2^(b + c), at most 1. */
function exactMcnemar(b: number, c: number): number {
  const n = BigInt(b + c);
  let coefficient = 1n;
  let sum = 1n;
  for (let i = 1n; i <= BigInt(Math.min(b, c)); i++) {
    coefficient = (coefficient * (n - i + 1n)) / i;
    sum += coefficient;
  }
  return Math.min(1, Number(2n * sum) / Number(2n ** n));
}

function config(outputs: string, resultsDir: string, baseline?: string): string {
  return [
    'suite:',
    `  - { path: ${JSON.stringify(TEST_FILE)}, format: gsm8k, limit: ${CASES} }`,
    'models:',
    `  - { name: ${MODEL}, outputs: ${JSON.stringify(outputs)} }`,
    `output: { dir: ${JSON.stringify(resultsDir)} }`,
    'regression: { max_drop: 0.05, alpha: 0.05 }',
    ...(baseline === undefined ? [] : [`baseline: { file: ${JSON.stringify(baseline)} }`]),
  ].join('\n');
}

describe('GSM8K baseline end to end', () => {
  test('6B outputs regress against the reference solutions', async () => {
    const tests = readLines<{ question: string; answer: string }>(TEST_FILE, CASES);
    const outputs = readLines<{ index: number; output: string }>(OUTPUTS_FILE, CASES);
    const temp = await makeTempDir();
    const replay = path.join(temp.dir, 'reference.jsonl');
    await writeFile(replay, tests.map((line, index) => JSON.stringify({ index, output: line.answer })).join('\n') + '\n');
    await writeFile(path.join(temp.dir, 'base.yml'), config(replay, path.join(temp.dir, 'base-results')));
    await writeFile(path.join(temp.dir, 'head.yml'), config(OUTPUTS_FILE, path.join(temp.dir, 'head-results'), path.join(temp.dir, 'base-results/results.json')));

    const base = await runEngine({ configPath: path.join(temp.dir, 'base.yml') });
    const head = await runEngine({ configPath: path.join(temp.dir, 'head.yml') });
    const written = JSON.parse(await readFile(head.paths.json, 'utf8')) as RunResults;
    await temp.remove();

    let newlyFailing = 0;
    let newlyPassing = 0;
    tests.forEach((line, index) => {
      const expected = expectedAnswer(line.answer);
      const basePass = passes(line.answer, expected);
      const headPass = passes(outputs[index].output, expected);
      if (basePass && !headPass) newlyFailing++;
      if (!basePass && headPass) newlyPassing++;
    });
    const expectedP = exactMcnemar(newlyFailing, newlyPassing);

    expect(base.results.models[0]).toMatchObject({ total: CASES, passed: CASES });
    const comparison = written.models[0].baseline!;
    expect(comparison.pairs).toBe(CASES);
    expect(comparison.newly_failing).toHaveLength(newlyFailing);
    expect(comparison.newly_passing).toHaveLength(newlyPassing);
    expect(newlyFailing).toBeGreaterThan(40);
    expect(Math.abs(comparison.p_value - expectedP) / expectedP).toBeLessThan(1e-9);
    expect(comparison.verdict).toBe('regression');
    expect(comparison.pass_rate).toBe(1);
    expect(comparison.head_pass_rate).toBeCloseTo(written.models[0].pass_rate, 12);

    expect(written.gate.passed).toBe(false);
    expect(written.gate.failures).toEqual([]);
    expect(written.baseline?.source).toMatch(/^file:.*base-results\/results\.json$/);
    expect(written.baseline?.failures).toEqual([{ model: MODEL, scope: 'all', verdict: 'regression', reason: comparison.reason }]);
    expect(head.report).toContain('❌ **regression**');
  });
});
