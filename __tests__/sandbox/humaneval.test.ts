import { mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { scoreCode } from '../../src/scorers/code.js';
import type { CodeCase } from '../../src/types.js';

const dataDir = path.resolve(process.cwd(), '../shared/data/humaneval');

interface Problem {
  task_id: string;
  prompt: string;
  canonical_solution: string;
  test: string;
  entry_point: string;
}

function readJsonl<T>(file: string): T[] {
  return readFileSync(path.join(dataDir, file), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as T);
}

function toCase(problem: Problem, timeoutS: number): CodeCase {
  return {
    id: problem.task_id,
    type: 'code',
    messages: [{ role: 'user', content: problem.prompt }],
    tags: [],
    source: { file: 'HumanEval.jsonl', line: 1 },
    language: 'python',
    codePrefix: problem.prompt,
    tests: problem.test,
    entryPoint: problem.entry_point,
    timeoutS,
  };
}

describe('HumanEval canonical solutions', () => {
  test('all 164 pass', async () => {
    const problems = readJsonl<Problem>('HumanEval.jsonl');
    expect(problems).toHaveLength(164);

    const started = Date.now();
    const results = await Promise.all(problems.map((problem) => scoreCode(problem.canonical_solution, toCase(problem, 10))));
    const seconds = (Date.now() - started) / 1000;

    const failed = results.flatMap((result, index) => (result.pass ? [] : [`${problems[index]!.task_id}: ${result.reason}`]));
    expect(failed).toEqual([]);
    expect(results.filter((result) => result.pass)).toHaveLength(164);
    expect(results.every((result) => result.details.shape === 'prompt+body')).toBe(true);
    expect(seconds).toBeLessThan(60);
  }, 120_000);

  test('whole functions pass too', async () => {
    const problems = readJsonl<Problem>('HumanEval.jsonl').slice(0, 20);

    const results = await Promise.all(
      problems.map((problem) => {
        const whole = `Here is the function:\n\n\`\`\`python\n${problem.prompt}${problem.canonical_solution}\n\`\`\`\n`;
        return scoreCode(whole, toCase(problem, 10));
      }),
    );

    const failed = results.flatMap((result, index) => (result.pass ? [] : [`${problems[index]!.task_id}: ${result.reason}`]));
    expect(failed).toEqual([]);
    expect(results.every((result) => result.details.shape === 'prompt-imports+function')).toBe(true);
  }, 60_000);
});

describe('HumanEval example samples', () => {
  let sentinelRoot: string;
  let sentinel: string;

  beforeAll(async () => {
    sentinelRoot = await mkdtemp(path.join(os.tmpdir(), 'llm-bench-sentinel-'));
    sentinel = path.join(sentinelRoot, 'tmp');
    await mkdir(sentinel);
    await writeFile(path.join(sentinel, 'keep.txt'), 'keep');
  });

  afterAll(async () => {
    await rm(sentinelRoot, { recursive: true, force: true });
  });

  test('3 of 6 pass', async () => {
    const [problem] = readJsonl<Problem>('example_problem.jsonl');
    const samples = readJsonl<{ task_id: string; completion: string }>('example_samples.jsonl');
    expect(samples).toHaveLength(6);

    const cwd = process.cwd();
    process.chdir(sentinelRoot);
    let results;
    try {
      results = await Promise.all(samples.map((sample) => scoreCode(sample.completion, toCase(problem!, 3))));
    } finally {
      process.chdir(cwd);
    }

    expect(results.map((result) => result.pass)).toEqual([false, false, false, true, true, true]);

    const [removal, sleeper, reader] = results;
    expect(removal!.reason).toMatch(/FileNotFoundError|No such file/);
    expect((await stat(path.join(sentinel, 'keep.txt'))).isFile()).toBe(true);

    expect(sleeper!.details.timedOut).toBe(true);
    expect(sleeper!.reason).toBe('timed out after 3 s; process group killed');
    expect(sleeper!.details.durationMs).toBeLessThan(4500);

    expect(reader!.reason).toMatch(/^EOFError/);
    expect(reader!.details.durationMs).toBeLessThan(1500);
  }, 30_000);

  test('shell rm leaves the sentinel', async () => {
    const [problem] = readJsonl<Problem>('example_problem.jsonl');
    const completion = [
      '    import subprocess',
      `    subprocess.run("rm -rf tmp ../tmp ~/tmp ${sentinel} ${sentinelRoot}", shell=True)`,
      '    return 1',
    ].join('\n');

    const cwd = process.cwd();
    process.chdir(sentinelRoot);
    try {
      const result = await scoreCode(completion, toCase(problem!, 3));
      expect(result.pass).toBe(true);
    } finally {
      process.chdir(cwd);
    }

    expect((await stat(path.join(sentinel, 'keep.txt'))).isFile()).toBe(true);
  });
});
