import path from 'node:path';
import { loadConfig } from '../config/load.js';
import { runEngine } from '../engine.js';
import { StatusLine } from '../runner/progress.js';
import { loadSuite } from '../suite/load.js';
import type { BaselineSource, OutputPaths } from '../types.js';
import { EXIT } from './exit-codes.js';

export interface CommandOptions {
  configPath: string;
  outputs: Partial<Record<keyof OutputPaths, string | undefined>>;
  quiet: boolean;
  resume: boolean;
  verbose: boolean;
  baseline?: BaselineSource;
  env: NodeJS.ProcessEnv;
}

/** Exit codes of a run cancelled by a signal: 128 + the signal's number, as shells report it. */
const SIGNAL_EXIT: Record<string, number> = { SIGINT: 130, SIGTERM: 143 };

/** `llm-bench validate`: config and suite checks only; no API key is needed. */
export async function validate(options: CommandOptions): Promise<number> {
  const config = await loadConfig(options.configPath, { env: options.env, requireKeys: false });
  const cases = await loadSuite(config);
  for (const model of config.models) {
    if (model.outputs === undefined && model.apiKeyEnv !== undefined && !options.env[model.apiKeyEnv]) {
      process.stderr.write(`warning: ${model.name}: environment variable ${model.apiKeyEnv} (api_key_env) is not set here; \`run\` needs it.\n`);
    }
  }
  process.stdout.write(`${options.configPath} is valid: ${cases.length} cases, ${config.models.length} model(s).\n`);
  return EXIT.passed;
}

/**
 * `llm-bench run`: the whole pipeline. SIGINT or SIGTERM stops new requests and cancels those in
 * flight; the rows finished so far are still written, and `--resume` completes the run later.
 */
export async function run(options: CommandOptions): Promise<number> {
  const outputs = Object.fromEntries(Object.entries(options.outputs).filter(([, value]) => value !== undefined)) as Partial<OutputPaths>;
  // Rows are logged beside results.json, so that --json elsewhere does not overwrite another run's log.
  if (outputs.json !== undefined) outputs.jsonl ??= path.join(path.dirname(outputs.json), 'results.jsonl');
  const controller = new AbortController();
  // On a terminal, progress is a live bar on stderr, and every other stderr line is printed above it.
  const statusLine = process.stderr.isTTY ? new StatusLine(process.stderr) : undefined;
  const printLine = (line: string): void => (statusLine ? statusLine.print(line) : void process.stderr.write(`${line}\n`));
  let signalName: string | undefined;
  const onSignal = (name: string): void => {
    signalName = name;
    printLine(`${name} received: stopping; finished rows are kept (--resume continues the run)`);
    controller.abort();
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  try {
    const { results, paths, report } = await runEngine({
      configPath: options.configPath,
      outputs,
      env: options.env,
      signal: controller.signal,
      resume: options.resume,
      baseline: options.baseline,
      log: printLine,
      warn: (line) => printLine(`warning: ${line}`),
      debug: options.verbose ? printLine : undefined,
      statusLine,
    });

    if (!options.quiet) process.stdout.write(`${report}\n`);
    process.stdout.write(`\nResults: ${paths.json}\nRows as they finished: ${paths.jsonl}\nCSV: ${paths.csv}\nReport: ${paths.report}\nJUnit: ${paths.junit}\n`);

    for (const failure of results.gate.failures) {
      const comparison = failure.metric === 'error_rate' ? '>' : '<';
      process.stderr.write(`threshold not met: ${failure.model} ${failure.scope} ${failure.metric} ${failure.value.toFixed(3)} ${comparison} ${failure.threshold}\n`);
    }
    for (const failure of results.baseline?.failures ?? []) process.stderr.write(`regression: ${failure.model}: ${failure.reason}\n`);
    if (results.run.partial_reason) process.stderr.write(`partial run: ${results.run.partial_reason}\n`);
    if (signalName) return SIGNAL_EXIT[signalName] ?? EXIT.gateFailed;

    process.stdout.write(results.gate.passed ? 'All thresholds met.\n' : 'The gate failed: see above.\n');
    return results.gate.passed ? EXIT.passed : EXIT.gateFailed;
  } finally {
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
  }
}
