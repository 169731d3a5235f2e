// Measurements of child processes: wall time, peak memory, start-up time and the time until the
// first request reaches a server.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { closeSync, existsSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createInterface } from 'node:readline';

/** Child processes still running, so that an interrupted bench can stop them (see run.mjs). */
export const running = new Set();

/** Spawns a child process and keeps it in `running` until it exits. */
function start(command, args, options) {
  const child = spawn(command, args, options);
  running.add(child);
  child.once('exit', () => running.delete(child));
  return child;
}

/**
 * GNU time: `%M` is the child's peak resident set size in KiB (the kernel's ru_maxrss), `%U` and `%S`
 * its user and system CPU seconds.
 */
const GNU_TIME = '/usr/bin/time';

/**
 * Python fallback where GNU time is missing: resource.getrusage(RUSAGE_CHILDREN).ru_maxrss is the
 * peak RSS in KiB of the largest waited-for child on Linux.
 */
const PYTHON_PEAK_RSS = [
  'import resource, subprocess, sys',
  'result = subprocess.run(sys.argv[2:])',
  'usage = resource.getrusage(resource.RUSAGE_CHILDREN)',
  "open(sys.argv[1], 'w').write(f'{usage.ru_maxrss} {usage.ru_utime} {usage.ru_stime}')",
  'sys.exit(result.returncode)',
].join('\n');

/** Names the wrapper that reads the peak RSS: GNU time if installed, else python3. */
export function peakRssWrapper() {
  return existsSync(GNU_TIME) ? 'GNU time (/usr/bin/time -f "%M %U %S")' : 'python3 resource.getrusage(RUSAGE_CHILDREN)';
}

/**
 * Runs `command args` to completion with stdout and stderr sent to files. Returns the wall time in
 * seconds, from just before the spawn to the exit event, the CPU time (user + system) in seconds, the
 * peak RSS in MB (10^6 bytes) and the exit code.
 */
export async function measureProcess({ command, args, cwd, env, stdoutFile, stderrFile, rssFile }) {
  const wrapped = existsSync(GNU_TIME)
    ? [GNU_TIME, ['-f', '%M %U %S', '-o', rssFile, command, ...args]]
    : ['python3', ['-c', PYTHON_PEAK_RSS, rssFile, command, ...args]];
  const stdout = openSync(stdoutFile, 'w');
  const stderr = openSync(stderrFile, 'w');

  const started = performance.now();
  const child = start(wrapped[0], wrapped[1], { cwd, env, stdio: ['ignore', stdout, stderr] });
  const [code] = await once(child, 'exit');
  const wallS = (performance.now() - started) / 1000;
  closeSync(stdout);
  closeSync(stderr);

  // GNU time puts a "Command exited with non-zero status" line first when the command fails.
  const [kib, user, system] = readFileSync(rssFile, 'utf8').trim().split('\n').at(-1).split(' ').map(Number);
  return { wallS, cpuS: user + system, peakRssMb: (kib * 1024) / 1e6, exitCode: code };
}

/** Median wall time in seconds of `runs` runs of `command args`, each to completion. */
export async function medianWallTime(command, args, runs, options = {}) {
  const times = [];
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    const child = start(command, args, { stdio: 'ignore', ...options });
    const [code] = await once(child, 'exit');
    if (code !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${code}`);
    times.push((performance.now() - started) / 1000);
  }
  return median(times);
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/**
 * Starts the bundled test server on a free port of 127.0.0.1 and returns its URL and a stop function
 * that returns the server's request summary (printed to stderr on SIGTERM).
 */
export async function startTestServer(serverPath, latencyMs) {
  const child = start(process.execPath, [serverPath, '--latency-ms', String(latencyMs), '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let summary = '';
  child.stderr.on('data', (chunk) => (summary += chunk));

  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  let url;
  for await (const line of createInterface({ input: child.stdout })) {
    url = /listening on (http:\/\/\S+)/.exec(line)?.[1];
    if (url) break;
  }
  clearTimeout(timer);
  if (!url) throw new Error(`the test server ${serverPath} did not print its address within 10 s: ${summary}`);

  return {
    url,
    async stop() {
      child.kill('SIGTERM');
      await once(child, 'exit');
      return summary.trim();
    },
  };
}

/**
 * Starts an OpenAI-compatible chat-completions endpoint on 127.0.0.1 that echoes the last user
 * message after `latencyMs`. It records when the first request of each round arrived, as a
 * performance.now() time.
 */
export async function startEchoServer(latencyMs) {
  const state = { firstRequestAt: null };
  const server = createServer((request, response) => {
    state.firstRequestAt ??= performance.now();
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      setTimeout(() => {
        response.setHeader('content-type', 'application/json');
        response.end(JSON.stringify(echoCompletion(body)));
      }, latencyMs);
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');

  return {
    url: `http://127.0.0.1:${server.address().port}`,
    takeFirstRequestTime() {
      const at = state.firstRequestAt;
      state.firstRequestAt = null;
      return at;
    },
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

function echoCompletion(requestBody) {
  const messages = JSON.parse(requestBody).messages ?? [];
  const content = [...messages].reverse().find((message) => message.role === 'user')?.content ?? '';
  return {
    id: 'chatcmpl-bench',
    object: 'chat.completion',
    created: 0,
    model: 'bench-model',
    choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
    usage: { prompt_tokens: 10, completion_tokens: 10, total_tokens: 20 },
  };
}

/**
 * Starts the action's bundle the way a GitHub runner does: inputs as INPUT_* variables, minimal
 * GITHUB_* variables and no pull request. Returns the seconds from just before the spawn until the
 * echo server received the first request, and until the process exited.
 */
export async function measureActionStart({ node, actionPath, cwd, configFile, echo, files }) {
  const env = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: cwd,
    GITHUB_EVENT_NAME: 'push',
    GITHUB_REPOSITORY: 'bench/llm-bench',
    GITHUB_SHA: '0000000000000000000000000000000000000000',
    GITHUB_RUN_ID: '1',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_OUTPUT: files.output,
    GITHUB_STEP_SUMMARY: files.summary,
    RUNNER_TEMP: cwd,
    INPUT_CONFIG: configFile,
    'INPUT_GITHUB-TOKEN': '',
    INPUT_COMMENT: 'never',
    'INPUT_FAIL-ON-THRESHOLD': 'false',
  };

  // The runner creates both files before a step starts; @actions/core refuses a missing summary file.
  writeFileSync(files.output, '');
  writeFileSync(files.summary, '');

  echo.takeFirstRequestTime();
  const started = performance.now();
  const child = start(node, [actionPath], { cwd, env, stdio: 'ignore' });
  const [code] = await once(child, 'exit');
  const exitS = (performance.now() - started) / 1000;
  const firstRequestAt = echo.takeFirstRequestTime();
  if (firstRequestAt === null) throw new Error(`the action ${actionPath} exited with ${code} before any request`);
  if (code !== 0) throw new Error(`the action ${actionPath} exited with ${code}; run the bench with --keep and start it by hand to see why`);
  return { firstRequestS: (firstRequestAt - started) / 1000, exitS, exitCode: code };
}
