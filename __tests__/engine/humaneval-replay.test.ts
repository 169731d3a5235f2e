import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { runEngine } from '../../src/engine.js';
import { makeTempDir, SHARED_DATA } from '../helpers/files.js';

const HUMANEVAL = path.join(SHARED_DATA, 'humaneval');

describe('HumanEval replay end to end', () => {
  test('example samples give pass@1 = 0.5', async () => {
    const config = [
      'suite:',
      `  - { path: ${path.join(HUMANEVAL, 'example_problem.jsonl')}, format: humaneval, defaults: { timeout_s: 3 } }`,
      'models:',
      `  - { name: samples, outputs: ${path.join(HUMANEVAL, 'example_samples.jsonl')} }`,
      'pass_at_k: [1, 5, 10]',
    ].join('\n');
    const temp = await makeTempDir({ 'llm-bench.yml': config });
    const { results } = await runEngine({ configPath: path.join(temp.dir, 'llm-bench.yml') });
    await temp.remove();

    const model = results.models[0]!;
    expect(model).toMatchObject({ total: 6, passed: 3, errors: 0 });
    expect(model.pass_at_k).toEqual({ '1': 0.5, '5': 1 });
    expect(results.cases.map((row) => row.sample)).toEqual([0, 1, 2, 3, 4, 5]);
  });

  test('canonical solutions pass 164 of 164', async () => {
    const problems = (await readFile(path.join(HUMANEVAL, 'HumanEval.jsonl'), 'utf8')).trim().split('\n').map((line) => JSON.parse(line));
    const replay = problems.map((problem) => JSON.stringify({ task_id: problem.task_id, completion: problem.canonical_solution })).join('\n');
    const config = `suite:\n  - { path: ${path.join(HUMANEVAL, 'HumanEval.jsonl')}, format: humaneval }\nmodels:\n  - { name: canonical, outputs: canonical.jsonl }\n`;
    const temp = await makeTempDir({ 'llm-bench.yml': config, 'canonical.jsonl': replay });
    const { results } = await runEngine({ configPath: path.join(temp.dir, 'llm-bench.yml') });
    await temp.remove();

    expect(results.models[0]).toMatchObject({ total: 164, passed: 164, errors: 0 });
    expect(results.models[0]!.pass_at_k).toEqual({ '1': 1 });
  }, 120_000);
});
