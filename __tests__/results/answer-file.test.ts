import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { AnswerFile } from '../../src/results/answer-file.js';
import { writeResults } from '../../src/results/write.js';
import type { CaseResult, OutputPaths, RunResults } from '../../src/types.js';
import { makeTempDir } from '../helpers/files.js';
import { failingRow, loadExampleResults } from '../report/make-results.js';

const TEXTS = ['plain answer', '答案是 42。', '', 'line one\nline two', '😀 "quoted" \\ tab \t', 'x'.repeat(100_000)];

function rowWith(output: string | null, reasoning: string | null): CaseResult {
  return { ...failingRow('m', 0, 'placeholder'), output, reasoning };
}

describe('AnswerFile', () => {
  test('stored row reads back its texts', () => {
    const file = new AnswerFile();
    const rows = TEXTS.map((text, index) => rowWith(text, TEXTS[TEXTS.length - 1 - index]!));
    const stored = rows.map((row) => file.keep(row));

    expect(stored.map((row) => row.output)).toEqual(TEXTS);
    expect(stored.map((row) => row.reasoning)).toEqual([...TEXTS].reverse());
  });

  test('null answer and reasoning stay null', () => {
    const stored = new AnswerFile().keep(rowWith(null, null));
    expect(stored.output).toBeNull();
    expect(stored.reasoning).toBeNull();
  });

  test('stored row has the same JSON', () => {
    const row = rowWith('答案是 42。', 'thinking…');
    expect(JSON.stringify(new AnswerFile().keep(row))).toBe(JSON.stringify(row));
  });

  test('full disk keeps the row in memory', () => {
    class FullDisk extends AnswerFile {
      override write(): never {
        throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
      }
    }
    const row = rowWith('答案', 'thinking');
    expect(new FullDisk().keep(row)).toBe(row);
  });

  test('no file is left in the folder', async () => {
    const temp = await makeTempDir();
    try {
      const file = new AnswerFile(temp.dir);
      file.keep(rowWith('answer', null));
      expect(await readdir(temp.dir)).toEqual([]);
    } finally {
      await temp.remove();
    }
  });

  test('stored rows give the same files', async () => {
    const plain = loadExampleResults();
    const file = new AnswerFile();
    const fromFile: RunResults = { ...plain, cases: plain.cases.map((row) => file.keep(row)) };

    const [plainFiles, storedFiles] = await Promise.all([writeAll(plain), writeAll(fromFile)]);
    expect(storedFiles).toEqual(plainFiles);
  });
});

/** Writes every result file and returns their texts. */
async function writeAll(results: RunResults): Promise<string[]> {
  const temp = await makeTempDir();
  const paths: OutputPaths = {
    json: path.join(temp.dir, 'results.json'),
    jsonl: path.join(temp.dir, 'results.jsonl'),
    csv: path.join(temp.dir, 'results.csv'),
    report: path.join(temp.dir, 'report.md'),
    junit: path.join(temp.dir, 'junit.xml'),
  };
  try {
    await writeResults(results, paths);
    return await Promise.all([paths.json, paths.csv, paths.report, paths.junit].map((file) => readFile(file, 'utf8')));
  } finally {
    await temp.remove();
  }
}
