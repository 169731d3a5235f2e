// The pass-rate history of recent runs (history.json), which scheduled runs carry forward from one
// run to the next and draw as trend charts. Field names are snake_case like results.json's.

import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

import { InputError } from '../errors.js';
import { wilsonInterval, type Interval } from '../stats/wilson.js';
import { displayPath } from '../suite/files.js';
import type { RunResults } from '../types.js';

/** Name of the copy written into the output folder, so that uploading the folder carries it forward. */
export const HISTORY_FILE_NAME = 'history.json';

/** One model of one run. */
export interface HistoryModel {
  name: string;
  total: number;
  passed: number;
  errors: number;
  /** passed / total, in [0, 1]. */
  pass_rate: number;
  /** 95% Wilson interval of `pass_rate`; null when the model has no rows. */
  pass_rate_ci: Interval | null;
  /** 95th percentile of latency in milliseconds, or null. */
  latency_p95_ms: number | null;
  /** Total cost in US dollars, or null without pricing. */
  cost_usd: number | null;
}

/** One run: its id, when it finished, and each model's figures. */
export interface HistoryRun {
  run_id: string;
  /** ISO 8601, UTC. */
  finished_at: string;
  /** True when the run ended before every row was done, so its figures cover fewer cases. */
  partial: boolean;
  models: HistoryModel[];
}

/** The history file: runs oldest first. */
export interface RunHistory {
  schema_version: 1;
  runs: HistoryRun[];
}

export interface HistorySettings {
  /** Absolute path of the history file. */
  file: string;
  /** Runs kept, the newest ones. */
  keep: number;
}

export interface RecordHistoryOptions {
  /** Folder of the results files, where a copy named history.json is written. */
  outputDir: string;
  /** history.json of the baseline artifact, used when the history file does not exist. */
  fallback?: string;
  log?: (line: string) => void;
}

/** Summarises a run for the history. */
export function historyEntry(results: RunResults): HistoryRun {
  return {
    run_id: results.run.id,
    finished_at: results.run.finished_at,
    partial: results.run.partial,
    models: results.models.map((model) => ({
      name: model.name,
      total: model.total,
      passed: model.passed,
      errors: model.errors,
      pass_rate: model.pass_rate,
      pass_rate_ci: wilsonInterval(model.passed, model.total),
      latency_p95_ms: model.latency_ms.p95,
      cost_usd: model.cost_usd,
    })),
  };
}

/**
 * Adds `run` to `history` and keeps the newest `keep` runs, ordered by `finished_at`. A run with the
 * same `run_id` as an earlier entry replaces it. Returns a new object.
 */
export function appendRun(history: RunHistory | undefined, run: HistoryRun, keep: number): RunHistory {
  const runs = (history?.runs ?? []).filter((entry) => entry.run_id !== run.run_id);
  runs.push(run);
  runs.sort((a, b) => a.finished_at.localeCompare(b.finished_at));
  return { schema_version: 1, runs: runs.slice(Math.max(0, runs.length - keep)) };
}

/** Parses a history file; throws an InputError that names `shown` when it is not one. */
export function parseHistory(text: string, shown: string): RunHistory {
  const fix = 'delete the file to start a new history';
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new InputError({ file: shown, problem: `the history is not valid JSON (${(error as Error).message})`, fix });
  }

  const history = value as Partial<RunHistory>;
  if (history?.schema_version !== 1 || !Array.isArray(history.runs)) {
    throw new InputError({ file: shown, problem: 'the history is not an llm-bench history.json (schema_version 1 with runs)', fix });
  }
  history.runs.forEach((run, index) => {
    const valid =
      typeof run?.run_id === 'string' &&
      typeof run.finished_at === 'string' &&
      Array.isArray(run.models) &&
      run.models.every((model) => typeof model?.name === 'string' && typeof model.pass_rate === 'number');
    if (!valid) {
      throw new InputError({ file: shown, field: `runs[${index}]`, problem: 'expected run_id, finished_at and models with name and pass_rate', fix });
    }
  });
  return history as RunHistory;
}

/**
 * Reads the history (the history file, or else `options.fallback`), appends this run, keeps the
 * newest `settings.keep` runs, and writes the result to the history file and to history.json in
 * the output folder. Throws an InputError when the existing history is not valid.
 */
export async function recordHistory(settings: HistorySettings, results: RunResults, options: RecordHistoryOptions): Promise<RunHistory> {
  const log = options.log ?? (() => {});
  const displayed = displayPath(settings.file);
  const existing = await readOptionalFile(settings.file);

  let history: RunHistory | undefined;
  if (existing !== undefined) {
    history = parseHistory(existing, displayed);
  } else if (options.fallback !== undefined) {
    history = parseHistory(options.fallback, `${HISTORY_FILE_NAME} of the baseline artifact`);
    log(`History: ${displayed} does not exist, so the ${history.runs.length} run(s) of the baseline artifact's ${HISTORY_FILE_NAME} are continued`);
  }

  const updated = appendRun(history, historyEntry(results), settings.keep);
  const text = `${JSON.stringify(updated, null, 2)}\n`;
  const copy = path.join(options.outputDir, HISTORY_FILE_NAME);
  for (const file of new Set([settings.file, copy])) {
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, text, 'utf8');
  }
  log(`History: ${updated.runs.length} run(s) in ${displayed}`);
  return updated;
}

async function readOptionalFile(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      return undefined;
    }
    throw error;
  }
}
