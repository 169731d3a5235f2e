// Scores the GSM8K authors' published 6B fine-tuned outputs against the test set's final answers.
// The authors' own correctness flags give 286 of 1,319 correct when the final answer is the number
// on the last `A:` line of each output.
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { scoreMath } from '../../src/scorers/math.js';
import type { MathCase } from '../../src/types.js';

const DATA_DIR = path.resolve(process.cwd(), '../shared/data/gsm8k');
const KNOWN_PASSED = 286;
const KNOWN_TOTAL = 1319;

interface TestLine {
  question: string;
  answer: string;
}

interface OutputLine {
  index: number;
  output: string;
}

function readJsonl<T>(file: string): T[] {
  const lines = readFileSync(path.join(DATA_DIR, file), 'utf8').split('\n');
  return lines.filter((line) => line.trim() !== '').map((line) => JSON.parse(line) as T);
}

/** Builds the case for test line `index`: the text after `#### `, commas dropped. */
function buildCase(line: TestLine, index: number, compare: MathCase['compare']): MathCase {
  const marker = line.answer.lastIndexOf('#### ');
  const expected = line.answer.slice(marker + '#### '.length).trim().replace(/,/g, '');

  return {
    id: `gsm8k-${index}`,
    type: 'math',
    messages: [{ role: 'user', content: line.question }],
    tags: ['gsm8k'],
    source: { file: 'test.jsonl', line: index + 1 },
    index,
    expected,
    extract: { kind: 'last' },
    tolerance: 0,
    compare,
  };
}

/** Indices whose last `A:` line, commas dropped, equals the expected text: the authors' reading. */
function passedByLastAnswerLine(tests: TestLine[], outputs: OutputLine[]): number[] {
  return outputs
    .filter(({ index, output }) => {
      const answerLines = output.split('\n').filter((line) => line.startsWith('A: '));
      const answer = answerLines[answerLines.length - 1]?.slice('A: '.length).trim().replace(/,/g, '');
      return answer === buildCase(tests[index]!, index, 'string').expected;
    })
    .map(({ index }) => index);
}

function passedIndices(tests: TestLine[], outputs: OutputLine[], compare: MathCase['compare']): number[] {
  return outputs
    .filter(({ index, output }) => scoreMath(output, buildCase(tests[index]!, index, compare)).pass)
    .map(({ index }) => index);
}

describe('GSM8K 6B fine-tuned outputs', () => {
  const tests = readJsonl<TestLine>('test.jsonl');
  const outputs = readJsonl<OutputLine>('outputs_6b_finetuning.jsonl');
  const reference = passedByLastAnswerLine(tests, outputs);

  test('data files have 1319 lines each', () => {
    expect(tests).toHaveLength(KNOWN_TOTAL);
    expect(outputs).toHaveLength(KNOWN_TOTAL);
  });

  test('last A: line reading passes 286', () => {
    expect(reference).toHaveLength(KNOWN_PASSED);
  });

  test('numeric compare passes 286 of 1319', () => {
    const passed = passedIndices(tests, outputs, 'numeric');

    expect(passed).toHaveLength(KNOWN_PASSED);
    expect(passed).toEqual(reference);
  });

  test('string compare passes 286 of 1319', () => {
    const passed = passedIndices(tests, outputs, 'string');

    expect(passed).toHaveLength(KNOWN_PASSED);
    expect(passed).toEqual(reference);
  });
});
