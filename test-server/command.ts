// Command line of the test server: argument parsing and the long-running main loop used by `dist/test-server.js`.

import { parseArgs } from 'node:util';

import { loadScript, ScriptError } from './script.js';
import type { TestScript } from './script.js';
import { startTestServer } from './server.js';
import type { TestServerStats } from './server.js';

export const USAGE = `Usage: node dist/test-server.js [--script FILE] [--port N] [--latency-ms N]

Starts the scripted model test server on 127.0.0.1 and prints "listening on http://127.0.0.1:PORT".

Options:
  --script FILE     YAML or JSON script of models, rules and faults (default: every model echoes the prompt)
  --port N          TCP port to listen on; 0 picks a free port (default: 0)
  --latency-ms N    delay in milliseconds before each response, for models and rules that set none (default: 0)
  -h, --help        print this help

Stops cleanly on SIGTERM or SIGINT.`;

export interface CliOptions {
  scriptFile?: string;
  port: number;
  latencyMs?: number;
  help: boolean;
}

/** Invalid command line. The message names the option, the value and the fix. */
export class CliUsageError extends Error {
  override name = 'CliUsageError';
}

function parseInteger(option: string, value: string, min: number, max: number): number {
  const number = Number(value);

  if (!/^\d+$/.test(value) || number < min || number > max) {
    throw new CliUsageError(`invalid ${option} "${value}": expected a whole number from ${min} to ${max}`);
  }

  return number;
}

/** Parses the arguments after `node dist/test-server.js`. Throws `CliUsageError`. */
export function parseCliArgs(argv: string[]): CliOptions {
  let values;

  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        script: { type: 'string' },
        port: { type: 'string' },
        'latency-ms': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new CliUsageError(`${(error as Error).message}; run with --help to list the options`);
  }

  return {
    scriptFile: values.script,
    port: values.port === undefined ? 0 : parseInteger('--port', values.port, 0, 65535),
    latencyMs: values['latency-ms'] === undefined ? undefined : parseInteger('--latency-ms', values['latency-ms'], 0, 3_600_000),
    help: values.help === true,
  };
}

/** One-line summary of the stats, e.g. `120 requests; status 200=110 429=10; faults 429=10`. */
export function formatStats(stats: TestServerStats): string {
  const list = (counts: Record<string, number>) =>
    Object.entries(counts)
      .map(([key, count]) => `${key}=${count}`)
      .join(' ') || 'none';

  const requests = stats.total === 1 ? '1 request' : `${stats.total} requests`;
  return `${requests}; status ${list(stats.byStatus)}; faults ${list(stats.byFault)}`;
}

/**
 * Runs the test server until SIGTERM or SIGINT. Exit code 2 for an invalid command line, 1 for an
 * invalid script or a port that cannot be bound.
 */
export async function main(argv: string[] = process.argv.slice(2)): Promise<void> {
  let options: CliOptions;
  let script: TestScript | undefined;

  try {
    options = parseCliArgs(argv);
  } catch (error) {
    process.stderr.write(`test-server: ${(error as Error).message}\n`);
    process.exitCode = 2;
    return;
  }

  if (options.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }

  try {
    script = options.scriptFile === undefined ? undefined : await loadScript(options.scriptFile);
  } catch (error) {
    process.stderr.write(`test-server: ${error instanceof ScriptError ? error.message : String(error)}\n`);
    process.exitCode = 1;
    return;
  }

  let server;
  try {
    server = await startTestServer({
      script,
      port: options.port,
      latencyMs: options.latencyMs,
      maxRecordedRequests: 0,
      onError: (error) => process.stderr.write(`test-server: request failed: ${(error as Error).stack ?? String(error)}\n`),
    });
  } catch (error) {
    process.stderr.write(`test-server: failed to listen on 127.0.0.1:${options.port}: ${(error as Error).message}\n`);
    process.exitCode = 1;
    return;
  }

  const stop = (signal: NodeJS.Signals) => {
    process.off('SIGTERM', stop);
    process.off('SIGINT', stop);
    void server.close().then(() => {
      process.stderr.write(`test-server: stopped on ${signal} after ${formatStats(server.stats())}\n`);
    });
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);

  process.stdout.write(`listening on ${server.url}\n`);
}
