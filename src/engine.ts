import { loadConfig } from './config/load.js';
import { buildResults } from './results/build.js';
import { writeResults } from './results/write.js';
import type { ReportOptions } from './report/markdown.js';
import { runBenchmark } from './runner/run.js';
import { loadSuite } from './suite/load.js';
import type { Config, OutputPaths, RunResults } from './types.js';

export interface EngineOptions {
  configPath: string;
  /** Paths that override the config's `output:` settings. */
  outputs?: Partial<OutputPaths>;
  env?: NodeJS.ProcessEnv;
  runId?: string;
  log?: (line: string) => void;
  warn?: (line: string) => void;
  debug?: (line: string) => void;
  /** Aborting it cancels the run; the rows finished so far are still written. */
  signal?: AbortSignal;
  /** Reuse the finished rows of results.jsonl from an earlier, interrupted run. */
  resume?: boolean;
  /** Called once the config is valid, before any request; the action masks API keys here. */
  onConfig?: (config: Config) => void;
  reportOptions?: ReportOptions;
}

export interface EngineResult {
  config: Config;
  results: RunResults;
  paths: OutputPaths;
  report: string;
}

/**
 * The whole pipeline that both the action and the CLI run: validate config and suite, call and
 * score every case, aggregate, gate, and write the result files.
 */
export async function runEngine(options: EngineOptions): Promise<EngineResult> {
  const log = options.log ?? (() => {});
  const config = await loadConfig(options.configPath, { env: options.env });
  options.onConfig?.(config);

  const cases = await loadSuite(config);
  log(`Loaded ${cases.length} cases for ${config.models.length} model(s) from ${config.suite.length} suite entr${config.suite.length === 1 ? 'y' : 'ies'}`);

  const startedAt = new Date();
  const outcome = await runBenchmark(config, cases, { env: options.env, log, warn: options.warn, debug: options.debug, signal: options.signal, resume: options.resume });
  const results = buildResults(config, outcome, { id: options.runId, startedAt, finishedAt: new Date() });

  const paths = { ...config.output, ...options.outputs };
  const report = await writeResults(results, paths, options.reportOptions);
  return { config, results, paths, report };
}
