import path from 'node:path';
import { parseArgs } from 'node:util';
import { InputError, InputErrors } from '../errors.js';
import { VERSION } from '../version.js';
import { EXIT } from './exit-codes.js';

const HELP = `llm-bench ${VERSION}: benchmark LLM models on a prompt suite, score, gate and report.

Usage:
  llm-bench run [options]        call every model on every case, score, write results
  llm-bench validate [options]   check the config and suite files without calling any API
  llm-bench --version | --help

Options:
  -c, --config FILE   config file (default: llm-bench.yml)
      --json PATH     where to write results.json (default: from the config's output: section)
      --csv PATH      where to write results.csv
      --report PATH   where to write the Markdown report
      --junit PATH    where to write JUnit XML
      --baseline FILE compare with this results.json (overrides the config's baseline:)
      --base-ref REF  compare with the suite and config of git ref REF, run in the same job
      --resume        reuse the finished rows of an interrupted run's results.jsonl
  -q, --quiet         print only the verdict, not the report
      --verbose       also print every retry

Exit status: 0 all thresholds met; 1 a threshold was not met, a significant regression against the
baseline was found, or the run stopped at its budget;
2 invalid config, suite or flags; 3 unexpected internal error; 130 or 143 cancelled by SIGINT or
SIGTERM (the finished rows are written).`;

/** Parses the arguments, runs the command and returns the exit code; prints to stdout and stderr. */
export async function runCli(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        config: { type: 'string', short: 'c', default: 'llm-bench.yml' },
        json: { type: 'string' },
        csv: { type: 'string' },
        report: { type: 'string' },
        junit: { type: 'string' },
        quiet: { type: 'boolean', short: 'q', default: false },
        resume: { type: 'boolean', default: false },
        baseline: { type: 'string' },
        'base-ref': { type: 'string' },
        verbose: { type: 'boolean', default: false },
        version: { type: 'boolean', short: 'v', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    process.stderr.write(`error: ${(error as Error).message}. Run llm-bench --help for the options.\n`);
    return EXIT.invalidInput;
  }

  const { values, positionals } = parsed;
  if (values.version) {
    process.stdout.write(`${VERSION}\n`);
    return EXIT.passed;
  }
  const command = positionals[0] ?? 'run';
  if (values.help || command === 'help') {
    process.stdout.write(`${HELP}\n`);
    return EXIT.passed;
  }
  if (command !== 'run' && command !== 'validate') {
    process.stderr.write(`error: unknown command "${command}". Use run or validate; see llm-bench --help.\n`);
    return EXIT.invalidInput;
  }

  try {
    // Loaded on demand so that --version and --help stay fast.
    const commands = await import('./commands.js');
    const options = {
      configPath: values.config,
      outputs: { json: values.json, csv: values.csv, report: values.report, junit: values.junit },
      quiet: values.quiet,
      resume: values.resume,
      baseline: values.baseline !== undefined ? ({ kind: 'file', path: path.resolve(values.baseline) } as const) : values['base-ref'] !== undefined ? ({ kind: 'base-ref', ref: values['base-ref'] } as const) : undefined,
      verbose: values.verbose,
      env,
    };
    return command === 'validate' ? await commands.validate(options) : await commands.run(options);
  } catch (error) {
    if (error instanceof InputError || error instanceof InputErrors) {
      process.stderr.write(`${formatInputErrors(error)}\n`);
      return EXIT.invalidInput;
    }
    process.stderr.write(`internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return EXIT.internalError;
  }
}

/** Shown errors at most; the rest are counted, so one broken data set does not flood the log. */
const MAX_SHOWN_ERRORS = 50;

function formatInputErrors(error: InputError | InputErrors): string {
  const messages = error instanceof InputErrors ? error.errors.map((item) => item.message) : [error.message];
  const shown = messages.slice(0, MAX_SHOWN_ERRORS).map((message) => `error: ${message}`);
  if (messages.length > MAX_SHOWN_ERRORS) shown.push(`... and ${messages.length - MAX_SHOWN_ERRORS} more errors`);
  return shown.join('\n');
}
