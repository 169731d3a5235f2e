import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { runEngine } from '../../src/engine.js';
import type { RunResults } from '../../src/types.js';
import { makeTempDir, SHARED_DATA } from '../helpers/files.js';

describe('GSM8K replay end to end', () => {
  test('6B fine-tuned outputs pass 286 of 1,319', async () => {
    const config = [
      'suite:',
      `  - path: ${path.join(SHARED_DATA, 'gsm8k/test.jsonl')}`,
      '    format: gsm8k',
      'models:',
      '  - name: gpt3-6b-finetuned',
      `    outputs: ${path.join(SHARED_DATA, 'gsm8k/outputs_6b_finetuning.jsonl')}`,
      'thresholds:',
      '  pass_rate: 0.2',
    ].join('\n');
    const temp = await makeTempDir({ 'llm-bench.yml': config });

    const { results, paths } = await runEngine({ configPath: path.join(temp.dir, 'llm-bench.yml') });
    const written = JSON.parse(await readFile(paths.json, 'utf8')) as RunResults;
    await temp.remove();

    expect(results.models[0]).toMatchObject({ name: 'gpt3-6b-finetuned', total: 1319, passed: 286, failed: 1033, errors: 0 });
    expect(results.models[0]!.pass_rate).toBeCloseTo(0.2168, 4);
    expect(results.gate.passed).toBe(true);
    expect(written.models[0]!.passed).toBe(286);
    expect(written.cases).toHaveLength(1319);
  });
});
