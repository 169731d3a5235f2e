// The pass-rate history of scheduled runs: appending, trimming, the copy in the output folder, the
// artifact's history as a fallback, and invalid files.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

import { InputError } from '../../src/errors.js';
import { appendRun, historyEntry, parseHistory, recordHistory, type RunHistory } from '../../src/results/history.js';
import type { RunResults } from '../../src/types.js';
import { makeTempDir } from '../helpers/files.js';
import { makeRow, makeRows, makeRun, outcomes } from './make-runs.js';

function runAt(id: string, finishedAt: string, passed: number, failed: number): RunResults {
  const results = makeRun([...makeRows(outcomes(passed, failed)), makeRow({ id: 'x', model: 'model-b', pass: true, latencyMs: 250, costUsd: 0.5 })]);
  return { ...results, run: { ...results.run, id, finished_at: finishedAt } };
}

async function readHistory(file: string): Promise<RunHistory> {
  return JSON.parse(await readFile(file, 'utf8')) as RunHistory;
}

describe('historyEntry', () => {
  test('summarises each model', () => {
    const entry = historyEntry(runAt('r1', '2025-03-01T03:00:00.000Z', 8, 2));

    expect(entry.run_id).toBe('r1');
    expect(entry.finished_at).toBe('2025-03-01T03:00:00.000Z');
    expect(entry.partial).toBe(false);
    expect(entry.models.map((model) => model.name)).toEqual(['model-a', 'model-b']);
    expect(entry.models[0]).toMatchObject({ total: 10, passed: 8, errors: 0, pass_rate: 0.8, latency_p95_ms: 100, cost_usd: null });
    // Wilson 95% interval of 8/10.
    expect(entry.models[0].pass_rate_ci?.low).toBeCloseTo(0.4902, 4);
    expect(entry.models[0].pass_rate_ci?.high).toBeCloseTo(0.9433, 4);
    expect(entry.models[1]).toMatchObject({ total: 1, passed: 1, pass_rate: 1, latency_p95_ms: 250, cost_usd: 0.5 });
  });
});

describe('appendRun', () => {
  const run = (id: string, day: number): RunHistory['runs'][number] => ({ run_id: id, finished_at: `2025-03-0${day}T03:00:00Z`, partial: false, models: [] });

  test('keeps the newest runs in time order', () => {
    let history: RunHistory | undefined;
    for (const [id, day] of [['a', 1], ['c', 3], ['b', 2], ['d', 4]] as const) {
      history = appendRun(history, run(id, day), 3);
    }

    expect(history?.runs.map((entry) => entry.run_id)).toEqual(['b', 'c', 'd']);
  });

  test('replaces a run with the same id', () => {
    const first = appendRun(undefined, run('a', 1), 5);
    const again = appendRun(first, { ...run('a', 1), partial: true }, 5);

    expect(again.runs).toHaveLength(1);
    expect(again.runs[0].partial).toBe(true);
  });
});

describe('recordHistory', () => {
  test('grows the file to keep and copies it', async () => {
    const temp = await makeTempDir();
    const file = path.join(temp.dir, 'cache/history.json');
    const outputDir = path.join(temp.dir, 'out');

    for (let day = 1; day <= 4; day++) {
      await recordHistory({ file, keep: 3 }, runAt(`r${day}`, `2025-03-0${day}T03:00:00.000Z`, 5 + day, 5 - day), { outputDir });
    }
    const history = await readHistory(file);
    const copy = await readFile(path.join(outputDir, 'history.json'), 'utf8');
    await temp.remove();

    expect(history.schema_version).toBe(1);
    expect(history.runs.map((entry) => entry.run_id)).toEqual(['r2', 'r3', 'r4']);
    expect(history.runs.map((entry) => entry.models[0].pass_rate)).toEqual([0.7, 0.8, 0.9]);
    expect(copy).toBe(`${JSON.stringify(history, null, 2)}\n`);
  });

  test('continues the artifact history when the file is missing', async () => {
    const temp = await makeTempDir();
    const file = path.join(temp.dir, 'history.json');
    const fallback = JSON.stringify(appendRun(undefined, historyEntry(runAt('old', '2025-03-01T03:00:00.000Z', 9, 1)), 10));
    const lines: string[] = [];

    const history = await recordHistory({ file, keep: 10 }, runAt('new', '2025-03-02T03:00:00.000Z', 7, 3), { outputDir: temp.dir, fallback, log: (line) => lines.push(line) });
    const again = await recordHistory({ file, keep: 10 }, runAt('newer', '2025-03-03T03:00:00.000Z', 7, 3), { outputDir: temp.dir, fallback: '{"schema_version":1,"runs":[]}' });
    await temp.remove();

    expect(history.runs.map((entry) => entry.run_id)).toEqual(['old', 'new']);
    expect(lines[0]).toMatch(/does not exist, so the 1 run\(s\) of the baseline artifact's history\.json are continued/);
    expect(again.runs.map((entry) => entry.run_id)).toEqual(['old', 'new', 'newer']);
  });

  test('invalid file names the file and the fix', async () => {
    const temp = await makeTempDir({ 'history.json': '{"schema_version": 1, "runs": [{"run_id": 3}]}' });
    const file = path.join(temp.dir, 'history.json');

    const recording = recordHistory({ file, keep: 10 }, runAt('r', '2025-03-01T03:00:00.000Z', 1, 1), { outputDir: temp.dir });

    await expect(recording).rejects.toThrow(InputError);
    await expect(recordHistory({ file, keep: 10 }, runAt('r', '2025-03-01T03:00:00.000Z', 1, 1), { outputDir: temp.dir })).rejects.toThrow(
      /history\.json: runs\[0\]: expected run_id, finished_at and models with name and pass_rate\. Fix: delete the file to start a new history/,
    );
    await writeFile(file, 'not json');
    await expect(recordHistory({ file, keep: 10 }, runAt('r', '2025-03-01T03:00:00.000Z', 1, 1), { outputDir: temp.dir })).rejects.toThrow(/the history is not valid JSON/);
    await temp.remove();
  });

  test('parseHistory rejects another format', () => {
    expect(() => parseHistory('{"runs": []}', 'h.json')).toThrow(/h\.json: the history is not an llm-bench history\.json/);
    expect(() => parseHistory('null', 'h.json')).toThrow(/not an llm-bench history\.json/);
  });
});
