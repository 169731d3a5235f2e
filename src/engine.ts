import path from 'node:path';
import { loadConfig } from './config/load.js';
import { buildResults } from './results/build.js';
import { writeResults } from './results/write.js';
import type { ReportOptions } from './report/markdown.js';
import type { StatusLine } from './runner/progress.js';
import { runBenchmark } from './runner/run.js';
import { detectIsolation, isolationWarning, type IsolationReport } from './sandbox/isolation.js';
import { InputError } from './errors.js';
import { displayPath } from './suite/files.js';
import { loadSuite } from './suite/load.js';
import { compareRuns } from './baseline/compare.js';
import { loadBaseline, readResultsFile, type LoadedBaseline } from './baseline/sources.js';
import type { GitHubAccess } from './github/artifacts.js';
import { recordHistory, type RunHistory } from './results/history.js';
import type { BaselineSource, Case, Config, OutputPaths, RunResults } from './types.js';

export interface EngineOptions {
  configPath: string;
  /** Paths that override the config's `output:` settings. */
  outputs?: Partial<OutputPaths>;
  env?: NodeJS.ProcessEnv;
  runId?: string;
  log?: (line: string) => void;
  warn?: (line: string) => void;
  debug?: (line: string) => void;
  /** A terminal's status line, where progress is shown as a live bar instead of logged as lines. */
  statusLine?: StatusLine;
  /** Aborting it cancels the run; the rows finished so far are still written. */
  signal?: AbortSignal;
  /** Reuse the finished rows of results.jsonl from an earlier, interrupted run. */
  resume?: boolean;
  /** False for the baseline's own run, whose config may name a baseline of its own. */
  compareBaseline?: boolean;
  /** Baseline that replaces the config's `baseline:` section (the CLI's --baseline and --base-ref). */
  baseline?: BaselineSource;
  /** Called once the config is valid, before any request; the action masks API keys here. */
  onConfig?: (config: Config) => void;
  reportOptions?: ReportOptions;
  /** GitHub API access for artifact baselines; without it they read GITHUB_TOKEN and related variables. */
  github?: GitHubAccess;
  /** False to leave the config's `history:` file alone (the action records it on scheduled runs only). */
  recordHistory?: boolean;
}

export interface EngineResult {
  config: Config;
  results: RunResults;
  paths: OutputPaths;
  report: string;
  /** The pass-rate history with this run appended, when the config has `history:` and it was recorded. */
  history?: RunHistory;
}

/**
 * Runs the whole pipeline that both the action and the CLI use: validate config and suite, call and
 * score every case, aggregate, gate, and write the result files.
 */
export async function runEngine(options: EngineOptions): Promise<EngineResult> {
  const log = options.log ?? (() => {});
  const loaded = await loadConfig(options.configPath, { env: options.env });
  const config = { ...loaded, output: { ...loaded.output, ...options.outputs }, baseline: options.baseline ?? loaded.baseline };
  options.onConfig?.(config);

  // NOTE: on Node.js 24, which runs the action, a 20,000-case run peaks at about 190 MB RSS, above the
  // 150 MB target that Node.js 20 meets. Its young generation grows to 64 MB, a size fixed when the
  // process starts (docs/benchmarks.md, "Where the memory goes").
  const cases = await loadSuite(config);
  log(`Loaded ${cases.length} cases for ${config.models.length} model(s) from ${config.suite.length} suite entr${config.suite.length === 1 ? 'y' : 'ies'}`);
  const isolation = await checkIsolation(cases, options.warn);
  const preloaded = await preloadBaselineFile(config, options);

  const startedAt = new Date();
  const outcome = await runBenchmark(config, cases, { env: options.env, log, warn: options.warn, debug: options.debug, statusLine: options.statusLine, signal: options.signal, resume: options.resume });
  let results = buildResults(config, outcome, { id: options.runId, startedAt, finishedAt: new Date() });
  if (isolation) results = { ...results, run: { ...results.run, isolation } };
  let baselineHistory: string | undefined;
  if (config.baseline && options.compareBaseline !== false && !options.signal?.aborted) ({ results, history: baselineHistory } = await compareWithBaseline(config, results, options, preloaded));

  const paths = { ...config.output, ...options.outputs };
  const report = await writeResults(results, paths, options.reportOptions);

  const keepHistory = config.history && options.recordHistory !== false && options.compareBaseline !== false && !options.signal?.aborted;
  const history = keepHistory ? await recordHistory(config.history!, results, { outputDir: path.dirname(paths.json), fallback: baselineHistory, log }) : undefined;
  return { config, results, paths, report, history };
}

/**
 * Loads the baseline run and merges the comparison into the results: `models[i].baseline`, the
 * top-level `baseline` summary, and the gate, which fails on a significant regression. Without a
 * baseline (none committed yet, no base branch), the run is reported as it is, with a warning.
 * Also returns the history.json that an artifact baseline carried, unparsed.
 */
async function compareWithBaseline(config: Config, results: RunResults, options: EngineOptions, preloaded?: LoadedBaseline): Promise<{ results: RunResults; history?: string }> {
  const log = options.log ?? (() => {});
  const baseline = preloaded ?? await loadBaseline(config.baseline!, {
    configFile: config.file,
    env: options.env ?? process.env,
    log,
    github: options.github,
    runConfig: async (configFile) => {
      const base = await runEngine({
        ...options,
        configPath: configFile,
        compareBaseline: false,
        baseline: undefined,
        outputs: undefined,
        resume: false,
        onConfig: undefined,
        log: (line) => log(`baseline: ${line}`),
      });
      return base.results;
    },
  });

  const settings = { max_drop: config.regression.maxDrop, alpha: config.regression.alpha };
  if (!baseline.results) {
    options.warn?.(`No baseline to compare with (${baseline.source}): ${baseline.reason}.`);
    return { results: { ...results, baseline: { source: `none:${baseline.reason}`, passed: true, ...settings, removed_models: [], failures: [], warnings: [] } } };
  }

  const comparison = compareRuns(baseline.results, results, { maxDrop: config.regression.maxDrop, alpha: config.regression.alpha });
  for (const warning of comparison.warnings) options.warn?.(`${warning.model} ${warning.scope}: ${warning.reason}`);
  const compared: RunResults = {
    ...results,
    models: results.models.map((model) => ({ ...model, baseline: comparison.models[model.name] })),
    gate: { ...results.gate, passed: results.gate.passed && comparison.passed },
    baseline: {
      source: baseline.source,
      passed: comparison.passed,
      ...settings,
      removed_models: comparison.removed_models,
      failures: comparison.failures,
      warnings: comparison.warnings,
    },
  };
  return { results: compared, history: baseline.history };
}

/**
 * Probes the sandbox for each language of the suite's code cases, warns once per language when the
 * isolation is weaker than full, and returns the reports for the results file (undefined without code cases).
 */
async function checkIsolation(cases: Case[], warn: EngineOptions['warn']): Promise<Record<string, IsolationReport> | undefined> {
  const languages = new Set(cases.flatMap((kase) => (kase.type === 'code' ? [kase.language] : [])));
  if (languages.size === 0) return undefined;

  const reports: Record<string, IsolationReport> = {};
  for (const language of languages) {
    reports[language] = await detectIsolation(language);
    const warning = isolationWarning(reports[language], language);
    if (warning) warn?.(warning);
  }
  return reports;
}

/**
 * Reads a file baseline before any request, so a broken file fails the run at once (exit 2). A file
 * that does not exist yet is fine in the config (before the first run on the default branch), but
 * not when it was named on the command line, where it is most likely a typo.
 */
async function preloadBaselineFile(config: Config, options: EngineOptions): Promise<LoadedBaseline | undefined> {
  if (config.baseline?.kind !== 'file' || options.compareBaseline === false) return undefined;
  const loaded = await readResultsFile(config.baseline.path);
  if (!loaded.results && options.baseline) {
    throw new InputError({ field: '--baseline', problem: `${displayPath(config.baseline.path)} does not exist`, fix: 'pass the path of a results.json written by an earlier run' });
  }
  return loaded;
}
