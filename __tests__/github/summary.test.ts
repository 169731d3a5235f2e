import { readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';

import { writeJobSummary, writeOutputs } from '../../src/github/summary.js';
import { JOB_SUMMARY_MAX_BYTES } from '../../src/report/limits.js';
import { makeTempDir } from '../helpers/files.js';
import { loadExampleResults, makeFailingResults } from '../report/make-results.js';

const savedEnv = { summary: process.env.GITHUB_STEP_SUMMARY, output: process.env.GITHUB_OUTPUT };
let temp: Awaited<ReturnType<typeof makeTempDir>>;
let summaryFile: string;
let outputFile: string;

// @actions/core keeps the summary path from its first write, so one file serves every test.
beforeAll(async () => {
  temp = await makeTempDir();
  summaryFile = path.join(temp.dir, 'step-summary.md');
  outputFile = path.join(temp.dir, 'output.txt');
  process.env.GITHUB_STEP_SUMMARY = summaryFile;
  process.env.GITHUB_OUTPUT = outputFile;
});

beforeEach(async () => {
  await writeFile(summaryFile, '');
  await writeFile(outputFile, '');
});

afterAll(async () => {
  restoreEnv('GITHUB_STEP_SUMMARY', savedEnv.summary);
  restoreEnv('GITHUB_OUTPUT', savedEnv.output);
  await temp.remove();
});

function restoreEnv(name: string, value: string | undefined): void {
  if (value === undefined) {
    delete process.env[name];
  } else {
    process.env[name] = value;
  }
}

/** Runs `action` and returns what it wrote to stdout, where @actions/core writes workflow commands. */
async function captureStdout(action: () => Promise<unknown>): Promise<string> {
  const write = process.stdout.write;
  let captured = '';
  process.stdout.write = ((chunk: string | Uint8Array) => {
    captured += chunk.toString();
    return true;
  }) as typeof process.stdout.write;
  try {
    await action();
  } finally {
    process.stdout.write = write;
  }
  return captured;
}

/** Parses the `name<<delimiter` blocks that @actions/core appends to `$GITHUB_OUTPUT`. */
function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const block = /^([\w-]+)<<(\S+)\n([\s\S]*?)\n\2$/gm;
  for (const [, name, , value] of text.matchAll(block)) {
    outputs[name] = value;
  }
  return outputs;
}

describe('writeJobSummary', () => {
  test('writes the report', async () => {
    let result: Awaited<ReturnType<typeof writeJobSummary>>;
    const stdout = await captureStdout(async () => {
      result = await writeJobSummary(loadExampleResults());
    });
    const written = await readFile(summaryFile, 'utf8');

    expect(written).toContain('❌ **Gate failed**');
    expect(written).toContain('#### qwen2.5-7b (2 failing)');
    expect(written).toContain('### Errors');
    expect(result!).toEqual({ bytes: Buffer.byteLength(written), omittedRows: 0 });
    expect(stdout).not.toContain('::warning');
  });

  test('trims to the 1 MiB limit with a warning', async () => {
    await writeFile(summaryFile, 'x'.repeat(900_000));
    const results = makeFailingResults(5000, ['model-a', 'model-b'], (index) => `答案 ${index} ` + 'y'.repeat(300));

    let result: Awaited<ReturnType<typeof writeJobSummary>>;
    const stdout = await captureStdout(async () => {
      result = await writeJobSummary(results);
    });
    const size = (await stat(summaryFile)).size;

    expect(size).toBeLessThanOrEqual(JOB_SUMMARY_MAX_BYTES);
    expect(size).toBeGreaterThan(JOB_SUMMARY_MAX_BYTES * 0.95);
    expect(result!.omittedRows).toBeGreaterThan(0);
    expect(stdout).toContain(`::warning::The job summary was trimmed to fit GitHub's limit of ${JOB_SUMMARY_MAX_BYTES} bytes per step`);
  });

  test('writes rendered Markdown as it is', async () => {
    await writeJobSummary('## Report\n\nAll good.\n');

    expect(await readFile(summaryFile, 'utf8')).toBe('## Report\n\nAll good.\n');
  });

  test('cuts long Markdown with a warning', async () => {
    await writeFile(summaryFile, 'x'.repeat(1_000_000));
    const markdown = Array.from({ length: 4000 }, (_, index) => `| row ${index} | 北京 |`).join('\n');

    const stdout = await captureStdout(() => writeJobSummary(markdown));
    const written = (await readFile(summaryFile, 'utf8')).slice(1_000_000);

    expect((await stat(summaryFile)).size).toBeLessThanOrEqual(JOB_SUMMARY_MAX_BYTES);
    expect(written).toMatch(/^\| row 0 \| 北京 \|\n/);
    expect(written).toMatch(/\| 北京 \|\n\n_Report cut to stay within GitHub's size limit/);
    expect(stdout).toContain('::warning::The job summary was trimmed');
    expect(stdout).toContain('the end of the report is cut');
  });

  test('skips outside GitHub Actions', async () => {
    delete process.env.GITHUB_STEP_SUMMARY;
    try {
      let result: Awaited<ReturnType<typeof writeJobSummary>>;
      const stdout = await captureStdout(async () => {
        result = await writeJobSummary(loadExampleResults());
      });

      expect(result!).toBeUndefined();
      expect(stdout).toContain('GITHUB_STEP_SUMMARY is not set');
    } finally {
      process.env.GITHUB_STEP_SUMMARY = summaryFile;
    }
  });
});

describe('writeOutputs', () => {
  test('sets every output', async () => {
    const paths = {
      json: 'out/results.json',
      jsonl: 'out/results.jsonl',
      csv: 'out/results.csv',
      report: 'out/report.md',
      junit: 'out/junit.xml',
    };
    writeOutputs(loadExampleResults(), paths);
    const outputs = parseOutputs(await readFile(outputFile, 'utf8'));

    expect(outputs).toEqual({
      passed: 'false',
      'pass-rate': JSON.stringify({ 'gpt-4o-mini': 5 / 6, 'qwen2.5-7b': 0.5 }),
      'results-json': 'out/results.json',
      'results-csv': 'out/results.csv',
      report: 'out/report.md',
      junit: 'out/junit.xml',
    });
  });

  test('passed is true when the gate passed', async () => {
    const results = loadExampleResults();
    results.gate = { passed: true, failures: [] };
    writeOutputs(results, { json: 'a', jsonl: 'e', csv: 'b', report: 'c', junit: 'd' });
    const outputs = parseOutputs(await readFile(outputFile, 'utf8'));

    expect(outputs.passed).toBe('true');
  });
});
