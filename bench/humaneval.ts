// Times the code scorer on the 164 HumanEval canonical solutions, each run in the sandbox as a
// model's completion would be. Prints the machine, the isolation in force and the timings.
//
// Run from the repository root (Node.js 20 runs no TypeScript itself, so tsc compiles this file and
// the sources it imports into node_modules/.cache, where `p-limit` still resolves):
//   npx tsc --outDir node_modules/.cache/llm-bench-bench --rootDir . --module nodenext \
//     --moduleResolution nodenext --target es2022 --types node --skipLibCheck bench/humaneval.ts
//   node node_modules/.cache/llm-bench-bench/bench/humaneval.js [HumanEval.jsonl] [--slots N] [--runs N]
// The data set defaults to ../shared/data/humaneval/HumanEval.jsonl beside the repository.

import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

import { detectIsolation, isolationWarning } from '../src/sandbox/isolation.js';
import { defaultSandboxSlots, setSandboxSlots } from '../src/sandbox/pool.js';
import { scoreCode } from '../src/scorers/code.js';
import type { CodeCase } from '../src/types.js';

interface Problem {
  task_id: string;
  prompt: string;
  canonical_solution: string;
  test: string;
  entry_point: string;
}

interface Options {
  dataFile: string;
  slots: number;
  runs: number;
}

function parseArguments(argv: string[]): Options {
  const options: Options = { dataFile: path.resolve('../shared/data/humaneval/HumanEval.jsonl'), slots: defaultSandboxSlots(), runs: 3 };
  for (let index = 0; index < argv.length; index += 1) {
    const argument = argv[index]!;
    if (argument === '--slots' || argument === '--runs') {
      const value = Number(argv[index + 1]);
      if (!Number.isInteger(value) || value < 1) throw new Error(`invalid ${argument} value ${argv[index + 1]}: expected a whole number of at least 1`);
      if (argument === '--slots') options.slots = value;
      else options.runs = value;
      index += 1;
    } else {
      options.dataFile = path.resolve(argument);
    }
  }
  return options;
}

function readProblems(file: string): Problem[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Problem);
}

function toCase(problem: Problem, line: number, file: string): CodeCase {
  return {
    id: problem.task_id,
    type: 'code',
    messages: [],
    tags: [],
    source: { file, line },
    language: 'python',
    codePrefix: problem.prompt,
    tests: problem.test,
    entryPoint: problem.entry_point,
    timeoutS: 10,
  };
}

function percentile(sorted: number[], fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))]!;
}

async function main(): Promise<void> {
  const options = parseArguments(process.argv.slice(2));
  const problems = readProblems(options.dataFile);
  const cases = problems.map((problem, index) => toCase(problem, index + 1, options.dataFile));
  setSandboxSlots(options.slots);

  const isolation = await detectIsolation('python');
  const python = isolation.interpreter === null ? 'none' : execFileSync(isolation.interpreter, ['--version'], { encoding: 'utf8' }).trim();
  console.log(`machine: ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? 'unknown'}), availableParallelism ${os.availableParallelism()}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB`);
  console.log(`node ${process.version}; sandbox python ${isolation.interpreter} (${python}); ${options.slots} slots`);
  console.log(`isolation: ${JSON.stringify({ ...isolation, notes: undefined })}`);
  console.log(isolationWarning(isolation, 'python') ?? 'isolation: full');

  for (let run = 1; run <= options.runs; run += 1) {
    const started = performance.now();
    const results = await Promise.all(problems.map((problem, index) => scoreCode(problem.canonical_solution, cases[index]!)));
    const seconds = (performance.now() - started) / 1000;

    const passed = results.filter((result) => result.pass).length;
    const durations = results.map((result) => result.details.durationMs).sort((a, b) => a - b);
    const mean = durations.reduce((sum, value) => sum + value, 0) / durations.length;
    console.log(
      `run ${run}: ${passed}/${problems.length} passed in ${seconds.toFixed(2)} s; per program mean ${mean.toFixed(0)} ms, ` +
        `p50 ${percentile(durations, 0.5)} ms, p95 ${percentile(durations, 0.95)} ms, max ${durations.at(-1)} ms`,
    );
    for (const [index, result] of results.entries()) {
      if (!result.pass) console.log(`  ${problems[index]!.task_id}: ${result.reason}`);
    }
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
