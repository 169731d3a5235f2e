// Finds out once which isolation this machine allows, and builds the command line that applies it.
//
// The strongest setup, on Linux as root (util-linux 2.38 `setpriv`, `unshare`, `mount`):
//   setpriv --pdeathsig KILL --                  the sandbox dies with the runner
//     unshare --net --pid --fork --kill-child --mount-proc --
//       /bin/sh -c WRAPPER                       private tmpfs folders, rlimits, then
//         setpriv --reuid=U --regid=U ...        a uid of its own, no capabilities,
//           python3 | node ...                   no setuid escalation (no_new_privs)
// A new network namespace has only a loopback interface that is down, so every connection fails,
// 127.0.0.1 included. Killing the PID namespace's first process kills every process in it, also
// those that left the process group. Without root, `unshare --user --map-root-user` provides the
// namespaces where the kernel allows unprivileged user namespaces.
//
// NOTE: the sandbox uid can still read every world-readable file of the host, the repository
// included; only writes are confined to the private tmpfs folders.
// NOTE: the program is the PID namespace's first process, so a signal it sends itself (such as
// `os.kill(os.getpid(), SIGTERM)`) is ignored unless it installed a handler.

import { execFile } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import path from 'node:path';

import type { CodeLanguage } from './extract-code.js';
import { createSandboxFolder, FSTAB_NAME, removeSandboxFolder, WORK_FOLDER_NAME } from './folder.js';
import { FILE_SIZE_LIMIT_BYTES, MEMORY_LIMIT_BYTES, OPEN_FILES_LIMIT, PROCESS_LIMIT, sandboxUidBlock } from './limits.js';

/** Protections in force for a program. */
export interface IsolationReport {
  /** `namespace`: no network at all, loopback included. `none`: the host's network. */
  network: 'namespace' | 'none';
  /** `dedicated-uid`: a uid of its own with no capabilities. `same`: the runner's user. */
  user: 'dedicated-uid' | 'same';
  /**
   * Bound on processes. `namespace`: all are killed with the program. `rlimit`: RLIMIT_NPROC caps
   * their number, which the kernel enforces only for a user other than root.
   */
  pids: 'namespace+rlimit' | 'namespace' | 'rlimit' | 'none';
  /**
   * RLIMIT_AS on every process. `best-effort` (off Linux): the wrapper skips a limit that the
   * shell rejects, so the limit may be missing.
   */
  memory: 'rlimit' | 'best-effort';
  /** `private-tmpfs`: the work folder and the world-writable folders are private, size-limited tmpfs mounts. */
  filesystem: 'private-tmpfs' | 'host';
  /** Absolute path of the interpreter that runs the programs, or null when none was found. */
  interpreter: string | null;
  /** Reasons for missing protections, one entry per failed probe or missing tool. */
  notes: string[];
}

/** Protections of one setup that the probe tries, strongest first. */
interface Features {
  namespaces: boolean;
  mounts: boolean;
  dedicatedUid: boolean;
}

/** Command line that runs a program under an isolation setup. */
export interface SandboxCommand {
  command: string;
  args: string[];
}

/** Search path for interpreters, which the program also gets as PATH. */
export const SANDBOX_PATH = [...new Set([path.dirname(process.execPath), '/usr/local/bin', '/usr/bin', '/bin'])].join(':');

const TOOL_FOLDERS = ['/usr/bin', '/bin', '/usr/sbin', '/sbin'];

/** Environment variable with an absolute path to the Python interpreter, instead of `python3` on SANDBOX_PATH. */
export const PYTHON_PATH_VARIABLE = 'LLM_BENCH_PYTHON';

const PROBE_TIMEOUT_MS = 10_000;

const probes = new Map<CodeLanguage, Promise<IsolationReport>>();

/**
 * Finds the strongest isolation under which `language`'s interpreter runs on this machine. The
 * first call for a language runs the real wrapper once per setup tried (about 50 ms each, measured
 * on a 2-core x86_64 VM). Later calls return the cached report.
 */
export function detectIsolation(language: CodeLanguage): Promise<IsolationReport> {
  let probe = probes.get(language);
  if (probe === undefined) {
    probe = probeIsolation(language);
    probes.set(language, probe);
  }
  return probe;
}

/** Returns a one-paragraph warning when the report is weaker than full isolation, else null. */
export function isolationWarning(report: IsolationReport, language: CodeLanguage): string | null {
  const gaps: string[] = [];
  if (report.interpreter === null) gaps.push(`no ${language} interpreter was found, so ${language} code cases fail`);
  if (report.network === 'none') gaps.push('model-written code can use the network');
  if (report.user === 'same') gaps.push(`model-written code runs as the runner's user (uid ${process.getuid?.() ?? 'unknown'}) and can write wherever that user can`);
  if (report.pids === 'namespace') gaps.push('a fork bomb is bounded only by the timeout because RLIMIT_NPROC does not apply to root');
  if (report.pids === 'rlimit') gaps.push('processes that a program leaves behind are killed only when they stay in its process group');
  if (report.pids === 'none') gaps.push('the number of processes is not limited');
  if (report.filesystem === 'host') gaps.push('files written outside the work folder stay after the run');
  if (report.memory === 'best-effort') gaps.push('memory and file limits are set only where the shell accepts them');
  if (gaps.length === 0) return null;

  const why = report.notes.length > 0 ? ` Probe results: ${report.notes.join('; ')}.` : '';
  return `The ${language} code sandbox is weaker than full isolation: ${gaps.join('; ')}.${why} Full isolation needs Linux, util-linux (unshare, setpriv, mount) and root; without root, unprivileged user namespaces give all of it but the dedicated uid.`;
}

/**
 * Builds the command that runs `interpreter args...` in the work folder of `baseDir` (see
 * `folder.ts`) under the report's isolation. `uid` is used when `report.user` is `dedicated-uid`.
 */
export function buildSandboxCommand(report: IsolationReport, baseDir: string, uid: number, interpreter: string, args: string[]): SandboxCommand {
  return commandFor(featuresOf(report), baseDir, uid, interpreter, args);
}

/** Tells whether programs get a uid of their own and the private tmpfs mounts under this report. */
export function folderOptions(report: IsolationReport): { dedicatedUid: boolean; privateMounts: boolean } {
  const features = featuresOf(report);
  return { dedicatedUid: features.dedicatedUid, privateMounts: features.mounts };
}

function featuresOf(report: IsolationReport): Features {
  return { namespaces: report.network === 'namespace', mounts: report.filesystem === 'private-tmpfs', dedicatedUid: report.user === 'dedicated-uid' };
}

function commandFor(features: Features, baseDir: string, uid: number, interpreter: string, args: string[]): SandboxCommand {
  const script = wrapperScript(features);
  const shell = ['/bin/sh', '-c', script, 'llm-bench-sandbox', baseDir, String(uid), interpreter, ...args];
  if (!features.namespaces) return { command: shell[0]!, args: shell.slice(1) };

  const unshare = [findTool('unshare')!, ...(isRoot() ? [] : ['--user', '--map-root-user']), '--net', '--pid', '--fork', '--kill-child', '--mount-proc', '--'];
  return { command: findTool('setpriv')!, args: ['--pdeathsig', 'KILL', '--', ...unshare, ...shell] };
}

/**
 * Returns the shell script that prepares the sandbox and then execs the interpreter. Arguments: the
 * base folder, the uid, then the command. Mounts need the mount namespace that `--mount-proc`
 * creates, and they happen while the script is still root there. Each command the script starts
 * costs about 1.5 ms on a 2-core VM, so all mounts come from one `mount -a`.
 */
function wrapperScript(features: Features): string {
  const lines = ['set -eu', 'base=$1', 'uid=$2', 'shift 2', `work="$base/${WORK_FOLDER_NAME}"`, 'cd "$work"'];

  if (features.mounts) {
    lines.push(
      `${findTool('mount')} -a -T "$base/${FSTAB_NAME}"`,
      // The shell's working folder still refers to the folder on disk after a tmpfs covers its path,
      // so `./.` copies the program files, with their owner, into the new tmpfs.
      'cp -pR ./. "$work"/',
      'cd "$work"',
    );
  }
  lines.push('unset OLDPWD');

  const orSkip = strictLimits() ? '' : ' 2>/dev/null || true';
  lines.push(
    `ulimit -v ${Math.floor(MEMORY_LIMIT_BYTES / 1024)}${orSkip}`,
    // Blocks of 512 bytes, as POSIX sh (dash, bash in sh mode) counts them.
    `ulimit -f ${Math.floor(FILE_SIZE_LIMIT_BYTES / 512)}${orSkip}`,
    `ulimit -n ${OPEN_FILES_LIMIT}${orSkip}`,
  );
  if (features.dedicatedUid || (features.namespaces && !isRoot())) {
    // bash names the process limit -u and dash names it -p.
    lines.push(`ulimit -u ${PROCESS_LIMIT} 2>/dev/null || ulimit -p ${PROCESS_LIMIT}`);
  }

  if (features.dedicatedUid) {
    // Changing the uid clears the parent-death signal, so it is set again for the new uid.
    lines.push(`exec ${findTool('setpriv')} --pdeathsig KILL --reuid="$uid" --regid="$uid" --clear-groups --no-new-privs --inh-caps=-all --bounding-set=-all -- "$@"`);
  } else {
    lines.push('exec "$@"');
  }
  return lines.join('\n');
}

async function probeIsolation(language: CodeLanguage): Promise<IsolationReport> {
  const notes: string[] = [];
  const interpreter = findInterpreter(language, notes);
  const base = { memory: strictLimits() ? ('rlimit' as const) : ('best-effort' as const), interpreter, notes };
  if (interpreter === null) return { ...base, network: 'none', user: 'same', pids: 'none', filesystem: 'host' };

  for (const features of candidateSetups(notes)) {
    const failure = await tryFeatures(features, language, interpreter);
    if (failure === null) return { ...base, ...reportFields(features) };
    notes.push(`${describeFeatures(features)} failed: ${failure}`);
  }

  return { ...base, network: 'none', user: 'same', pids: 'none', filesystem: 'host' };
}

/** Setups to try, strongest first. The last one applies only rlimits and needs nothing but /bin/sh. */
function candidateSetups(notes: string[]): Features[] {
  if (process.platform !== 'linux') {
    notes.push(`namespaces and uid switching need Linux, not ${process.platform}`);
    return [{ namespaces: false, mounts: false, dedicatedUid: false }];
  }

  const missing = ['unshare', 'setpriv', 'mount'].filter((tool) => findTool(tool) === null);
  if (missing.length > 0) notes.push(`${missing.join(', ')} not found in ${TOOL_FOLDERS.join(', ')} (Debian packages util-linux and mount)`);
  const hasUnshare = findTool('unshare') !== null && findTool('setpriv') !== null;
  const canSwitchUid = isRoot() && findTool('setpriv') !== null;
  const canMount = findTool('mount') !== null;

  const setups: Features[] = [];
  for (const namespaces of hasUnshare ? [true, false] : [false]) {
    for (const mounts of namespaces && canMount ? [true, false] : [false]) {
      for (const dedicatedUid of canSwitchUid ? [true, false] : [false]) setups.push({ namespaces, mounts, dedicatedUid });
    }
  }
  return setups;
}

function reportFields(features: Features): Pick<IsolationReport, 'network' | 'user' | 'pids' | 'filesystem'> {
  const rlimitHolds = features.dedicatedUid || (features.namespaces && !isRoot());
  let pids: IsolationReport['pids'];
  if (features.namespaces) pids = rlimitHolds ? 'namespace+rlimit' : 'namespace';
  else pids = rlimitHolds ? 'rlimit' : 'none';

  return {
    network: features.namespaces ? 'namespace' : 'none',
    user: features.dedicatedUid ? 'dedicated-uid' : 'same',
    pids,
    filesystem: features.mounts ? 'private-tmpfs' : 'host',
  };
}

function describeFeatures(features: Features): string {
  const parts = [features.namespaces ? 'namespaces' : 'no namespaces', features.mounts ? 'private tmpfs' : '', features.dedicatedUid ? 'dedicated uid' : ''];
  return parts.filter((part) => part !== '').join(' + ');
}

/** Runs the interpreter under the setup in a scratch folder; returns null when it printed `ok`, else why not. */
async function tryFeatures(features: Features, language: CodeLanguage, interpreter: string): Promise<string | null> {
  const probeArgs = language === 'python' ? ['-c', 'print("ok")'] : ['-e', 'console.log("ok")'];
  const uid = sandboxUidBlock(process.pid);
  const folder = await createSandboxFolder({}, { uid: features.dedicatedUid ? uid : null, privateMounts: features.mounts, prefix: 'llm-bench-probe-' });

  try {
    const { command, args } = commandFor(features, folder.base, uid, interpreter, probeArgs);
    return await new Promise((resolve) => {
      execFile(command, args, { cwd: folder.work, env: { PATH: SANDBOX_PATH, HOME: folder.work, LANG: 'C.UTF-8' }, timeout: PROBE_TIMEOUT_MS }, (error, stdout, stderr) => {
        if (error === null && stdout.trim() === 'ok') resolve(null);
        else resolve(firstLine(stderr) || error?.message || `printed ${JSON.stringify(stdout.slice(0, 80))}`);
      });
    });
  } finally {
    await removeSandboxFolder(folder);
  }
}

function findInterpreter(language: CodeLanguage, notes: string[]): string | null {
  if (language === 'javascript') return process.execPath;

  const configured = process.env[PYTHON_PATH_VARIABLE];
  if (configured !== undefined && configured !== '') {
    if (path.isAbsolute(configured) && isExecutable(configured)) return configured;
    notes.push(`${PYTHON_PATH_VARIABLE}=${configured} is not an absolute path to an executable file`);
    return null;
  }

  const found = SANDBOX_PATH.split(':')
    .map((folder) => path.join(folder, 'python3'))
    .find(isExecutable);
  if (found === undefined) notes.push(`python3 not found on ${SANDBOX_PATH}; install Python 3 or set ${PYTHON_PATH_VARIABLE}`);
  return found ?? null;
}

const toolPaths = new Map<string, string | null>();

function findTool(name: string): string | null {
  if (!toolPaths.has(name)) {
    const found = TOOL_FOLDERS.map((folder) => path.join(folder, name)).find(isExecutable);
    toolPaths.set(name, found ?? null);
  }
  return toolPaths.get(name)!;
}

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** True on Linux, where every `ulimit` of the wrapper works; elsewhere a rejected limit is skipped. */
function strictLimits(): boolean {
  return process.platform === 'linux';
}

function isRoot(): boolean {
  return process.getuid?.() === 0;
}

function firstLine(text: string): string {
  return text.trim().split('\n')[0]?.slice(0, 200) ?? '';
}
