import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { renderCsv } from '../../src/report/csv.js';
import { renderJunit } from '../../src/report/junit.js';
import { writeResults } from '../../src/results/write.js';
import type { OutputPaths, RunResults } from '../../src/types.js';
import { makeTempDir } from '../helpers/files.js';
import { failingRow, loadExampleResults } from '../report/make-results.js';

async function writeAndRead(results: RunResults): Promise<{ json: string; files: string[] }> {
  const temp = await makeTempDir();
  const paths: OutputPaths = {
    json: path.join(temp.dir, 'out', 'results.json'),
    jsonl: path.join(temp.dir, 'out', 'results.jsonl'),
    csv: path.join(temp.dir, 'out', 'results.csv'),
    report: path.join(temp.dir, 'out', 'report.md'),
    junit: path.join(temp.dir, 'out', 'junit.xml'),
  };
  try {
    await writeResults(results, paths);
    const files = await Promise.all([paths.csv, paths.report, paths.junit].map((file) => readFile(file, 'utf8')));
    return { json: await readFile(paths.json, 'utf8'), files };
  } finally {
    await temp.remove();
  }
}

function withRows(count: number): RunResults {
  const results = loadExampleResults();
  const model = results.models[0]!.name;
  const outputs = ['plain answer', '答案是 42。', 'line one\nline two', 'quote " backslash \\ tab \t', '😀 emoji, "=SUM(A1)"'];
  results.cases = Array.from({ length: count }, (_, index) => failingRow(model, index, outputs[index % outputs.length]!));
  return results;
}

describe('writeResults', () => {
  test('results.json equals JSON.stringify of the example', async () => {
    const results = loadExampleResults();
    const { json } = await writeAndRead(results);
    expect(json).toBe(`${JSON.stringify(results, null, 2)}\n`);
  });

  test('results.json with no rows', async () => {
    const results = withRows(0);
    const { json } = await writeAndRead(results);
    expect(json).toBe(`${JSON.stringify(results, null, 2)}\n`);
    expect(json).toContain('\n  "cases": [],\n');
  });

  test('results.json with one row', async () => {
    const results = withRows(1);
    const { json } = await writeAndRead(results);
    expect(json).toBe(`${JSON.stringify(results, null, 2)}\n`);
  });

  test('results.json written in several chunks', async () => {
    const results = withRows(1234);
    const { json, files } = await writeAndRead(results);
    expect(json).toBe(`${JSON.stringify(results, null, 2)}\n`);
    expect(JSON.parse(json)).toEqual(results);
    for (const text of files) expect(text.length).toBeGreaterThan(0);
  });

  test('CSV and JUnit written in several chunks', async () => {
    const results = withRows(1234);
    const { files } = await writeAndRead(results);
    const [csv, , junit] = files;

    expect(csv).toBe(renderCsv(results));
    expect(csv!.split('\uFEFF')).toHaveLength(2);
    expect(csv!.split('timestamp,run_id,')).toHaveLength(2);
    expect(junit).toBe(renderJunit(results));
    expect(junit!.match(/<testcase /g)).toHaveLength(1234);
  });
});
