// Runs one program in a fresh child process, in its own temporary folder, under the isolation that
// `isolation.ts` found, with a wall-clock timeout and capped output.

import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

import { createSandboxFolder, removeSandboxFolder, type SandboxFolder } from './folder.js';
import { buildSandboxCommand, detectIsolation, folderOptions, SANDBOX_PATH, type IsolationReport } from './isolation.js';
import { OUTPUT_LIMIT_BYTES, SANDBOX_UIDS_PER_PROCESS, sandboxUidBlock } from './limits.js';
import type { Program } from './programs.js';

/** Outcome of one program run. */
export interface RunOutcome {
  /** Exit code, or null when a signal ended the program or it never started. */
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  timedOut: boolean;
  /** The stream that went over OUTPUT_LIMIT_BYTES, which got the program killed, else null. */
  outputLimitExceeded: 'stdout' | 'stderr' | null;
  /** Standard output, at most OUTPUT_LIMIT_BYTES of it, decoded as UTF-8. */
  stdout: string;
  stderr: string;
  durationMs: number;
  /** The wall-clock limit the program ran under, in seconds. */
  timeoutS: number;
  isolation: IsolationReport;
  /** Reason the program could not start (no interpreter, spawn failed), else null. */
  startError: string | null;
}

/** Time that `unshare` gets to exit after its child was killed, before its whole process group is killed. */
const UNSHARE_EXIT_GRACE_MS = 1000;

/** Time that the streams get to close after the program exits, before they are dropped. */
const STREAM_CLOSE_GRACE_MS = 500;

const uidsInUse = new Set<number>();

/**
 * Runs `program` and returns how it ended. The folder is created under `os.tmpdir()` and removed
 * afterwards, on timeout too. Standard input is closed, so a read gets end-of-file at once. The
 * environment contains only `sandboxEnvironment` and the PWD that the wrapper shell sets, never a
 * variable of the runner's.
 */
export async function runProgram(program: Program, options: { timeoutS: number }): Promise<RunOutcome> {
  const isolation = await detectIsolation(program.language);
  if (isolation.interpreter === null) {
    return { ...emptyOutcome(isolation, options.timeoutS), startError: `no ${program.language} interpreter: ${isolation.notes.join('; ')}` };
  }

  const { dedicatedUid, privateMounts } = folderOptions(isolation);
  const uid = dedicatedUid ? takeUid() : sandboxUidBlock(process.pid);
  let folder: SandboxFolder | null = null;

  try {
    folder = await createSandboxFolder(program.files, { uid: dedicatedUid ? uid : null, privateMounts, prefix: 'llm-bench-code-' });
    const { command, args } = buildSandboxCommand(isolation, folder.base, uid, isolation.interpreter, program.args);
    return await spawnAndWait(command, args, folder.work, options.timeoutS, isolation);
  } finally {
    if (dedicatedUid) uidsInUse.delete(uid);
    if (folder !== null) await removeSandboxFolder(folder);
  }
}

/** Environment of every sandboxed program: nothing from the runner's environment. */
export function sandboxEnvironment(workDir: string): NodeJS.ProcessEnv {
  return {
    PATH: SANDBOX_PATH,
    HOME: workDir,
    TMPDIR: workDir,
    LANG: 'C.UTF-8',
    PYTHONDONTWRITEBYTECODE: '1',
    PYTHONHASHSEED: '0',
  };
}

/**
 * Spawns the command as the leader of a new process group, and kills the whole group with SIGKILL
 * on timeout, on too much output, and once more after the leader exits, for leftovers.
 */
function spawnAndWait(command: string, args: string[], workDir: string, timeoutS: number, isolation: IsolationReport): Promise<RunOutcome> {
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd: workDir, env: sandboxEnvironment(workDir), detached: true, stdio: ['ignore', 'pipe', 'pipe'] });

    let timedOut = false;
    let outputLimitExceeded: RunOutcome['outputLimitExceeded'] = null;
    const stdout = new CappedBuffer();
    const stderr = new CappedBuffer();
    let fallbackKill: NodeJS.Timeout | undefined;
    // NOTE: Windows has no process groups and no /bin/sh, so there the spawn fails with a start error.
    const killGroup = (): void => {
      if (child.pid !== undefined) killQuietly(-child.pid);
    };
    const killSandbox = (): void => {
      const inner = isolation.pids.startsWith('namespace') && child.pid !== undefined ? childPids(child.pid) : [];
      if (inner.length === 0) {
        killGroup();
        return;
      }

      // Killing the namespace's first process makes the kernel kill the rest of the namespace, and
      // `unshare` then reaps it and exits. Killing `unshare` first would leave that process a zombie
      // until the machine's init reaps it.
      for (const pid of inner) killQuietly(pid);
      fallbackKill ??= setTimeout(killGroup, UNSHARE_EXIT_GRACE_MS);
    };

    const timer = setTimeout(() => {
      timedOut = true;
      killSandbox();
    }, timeoutS * 1000);

    const collect = (buffer: CappedBuffer, stream: 'stdout' | 'stderr') => (chunk: Buffer) => {
      if (buffer.append(chunk) || outputLimitExceeded !== null) return;
      outputLimitExceeded = stream;
      killSandbox();
    };
    child.stdout.on('data', collect(stdout, 'stdout'));
    child.stderr.on('data', collect(stderr, 'stderr'));

    child.on('error', (error) => {
      clearTimeout(timer);
      resolve({ ...emptyOutcome(isolation, timeoutS), startError: `could not start ${command}: ${error.message}` });
    });

    child.on('exit', (exitCode, signal) => {
      const durationMs = performance.now() - started;
      clearTimeout(timer);
      clearTimeout(fallbackKill);
      killGroup();

      const finish = (): void => {
        const ending = programEnding(exitCode, signal, stderr.text(), timedOut || outputLimitExceeded !== null);
        resolve({
          ...ending,
          timedOut,
          outputLimitExceeded,
          stdout: stdout.text(),
          durationMs,
          timeoutS,
          isolation,
          startError: null,
        });
      };
      waitForStreams(child.stdout, child.stderr).then(finish, finish);
    });
  });
}

/**
 * `unshare --fork` of util-linux 2.38 ends itself with the signal that ended its child, but for
 * SIGKILL (which cannot be unblocked) it prints this line and exits with code 1 instead.
 */
const UNSHARE_SIGKILL_MESSAGE = /(?:^|\n)unshare: sigprocmask unblock failed[^\n]*\n?$/;

/**
 * The program's own exit code, signal and standard error, without what the wrapper added: a
 * program that the runner killed, or whose SIGKILL `unshare` could not pass on, ended by SIGKILL.
 */
function programEnding(exitCode: number | null, signal: NodeJS.Signals | null, stderr: string, killedByRunner: boolean): Pick<RunOutcome, 'exitCode' | 'signal' | 'stderr'> {
  const unshareMessage = UNSHARE_SIGKILL_MESSAGE.exec(stderr);
  const programStderr = unshareMessage === null ? stderr : stderr.slice(0, unshareMessage.index);
  if (killedByRunner || unshareMessage !== null) return { exitCode: null, signal: 'SIGKILL', stderr: programStderr };
  return { exitCode, signal, stderr: programStderr };
}

/** Sends SIGKILL to a process, or to a process group when `pid` is negative; a process already gone is no error. */
function killQuietly(pid: number): void {
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    // ESRCH: already gone.
  }
}

/** Child PIDs of a process, from `/proc/PID/task/PID/children` (empty when that file is missing). */
function childPids(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter((part) => part !== '').map(Number);
  } catch {
    return [];
  }
}

/**
 * Waits until both streams close, or drops them after STREAM_CLOSE_GRACE_MS: a process that left
 * the group (possible only without a PID namespace) may still hold them open.
 */
function waitForStreams(...streams: NodeJS.ReadableStream[]): Promise<void> {
  const closed = streams.map((stream) => new Promise<void>((resolve) => (stream as NodeJS.ReadableStream & { closed?: boolean }).closed ? resolve() : stream.once('close', () => resolve())));
  return new Promise((resolve) => {
    const grace = setTimeout(() => {
      for (const stream of streams) (stream as unknown as { destroy(): void }).destroy();
      resolve();
    }, STREAM_CLOSE_GRACE_MS);
    Promise.all(closed).then(() => {
      clearTimeout(grace);
      resolve();
    }, resolve);
  });
}

/** Bytes of one output stream up to OUTPUT_LIMIT_BYTES; `append` returns false once the limit is passed. */
class CappedBuffer {
  private readonly chunks: Buffer[] = [];
  private size = 0;

  append(chunk: Buffer): boolean {
    const room = OUTPUT_LIMIT_BYTES - this.size;
    if (room > 0) {
      const kept = chunk.length <= room ? chunk : chunk.subarray(0, room);
      this.chunks.push(kept);
      this.size += kept.length;
    }
    return chunk.length <= room;
  }

  text(): string {
    return Buffer.concat(this.chunks).toString('utf8');
  }
}

function emptyOutcome(isolation: IsolationReport, timeoutS: number): RunOutcome {
  return { exitCode: null, signal: null, timedOut: false, outputLimitExceeded: null, stdout: '', stderr: '', durationMs: 0, timeoutS, isolation, startError: null };
}

/**
 * Takes the lowest free uid of this process's block, so that programs running at the same time
 * never share one.
 */
function takeUid(): number {
  const first = sandboxUidBlock(process.pid);
  for (let uid = first; uid < first + SANDBOX_UIDS_PER_PROCESS; uid += 1) {
    if (!uidsInUse.has(uid)) {
      uidsInUse.add(uid);
      return uid;
    }
  }
  throw new Error(`all ${SANDBOX_UIDS_PER_PROCESS} sandbox uids of this process are in use: run at most ${SANDBOX_UIDS_PER_PROCESS} programs at the same time (the sandbox pool size)`);
}
