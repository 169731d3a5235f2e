import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

import { createSandboxFolder, removeSandboxFolder, sandboxFstab } from '../../src/sandbox/folder.js';
import { SANDBOX_UIDS_PER_PROCESS, sandboxUidBlock } from '../../src/sandbox/limits.js';
import { buildSandboxCommand, detectIsolation, isolationWarning, type IsolationReport } from '../../src/sandbox/isolation.js';
import { inSandboxPool, setSandboxSlots, defaultSandboxSlots } from '../../src/sandbox/pool.js';
import { buildProgram } from '../../src/sandbox/programs.js';
import { runProgram } from '../../src/sandbox/run-program.js';
import type { CodeCase } from '../../src/types.js';

const linuxRoot = process.platform === 'linux' && process.getuid?.() === 0;

function pythonProgram(code: string): ReturnType<typeof buildProgram> {
  const spec: Pick<CodeCase, 'language' | 'tests'> = { language: 'python', tests: 'import solution\n' };
  return buildProgram(code, spec);
}

describe('detectIsolation', () => {
  (linuxRoot ? test : test.skip)('full isolation as root on Linux', async () => {
    for (const language of ['python', 'javascript'] as const) {
      const report = await detectIsolation(language);

      expect(report).toMatchObject({ network: 'namespace', user: 'dedicated-uid', pids: 'namespace+rlimit', memory: 'rlimit', filesystem: 'private-tmpfs', notes: [] });
      expect(report.interpreter).toMatch(/\/(python3|node)$/);
      expect(isolationWarning(report, language)).toBeNull();
    }
  });

  test('same report on every call', async () => {
    expect(await detectIsolation('python')).toBe(await detectIsolation('python'));
  });
});

describe('isolationWarning', () => {
  test('names each missing protection', () => {
    const weak: IsolationReport = { network: 'none', user: 'same', pids: 'none', memory: 'rlimit', filesystem: 'host', interpreter: '/usr/bin/python3', notes: ['unshare not found'] };

    const warning = isolationWarning(weak, 'python')!;

    expect(warning).toMatch(/^The python code sandbox is weaker than full isolation: /);
    expect(warning).toContain('can use the network');
    expect(warning).toContain("runs as the runner's user");
    expect(warning).toContain('the number of processes is not limited');
    expect(warning).toContain('files written outside the work folder stay after the run');
    expect(warning).toContain('Probe results: unshare not found.');
  });

  test('root without a dedicated uid', () => {
    const report: IsolationReport = { network: 'namespace', user: 'same', pids: 'namespace', memory: 'rlimit', filesystem: 'private-tmpfs', interpreter: '/usr/bin/node', notes: [] };

    expect(isolationWarning(report, 'javascript')).toContain('a fork bomb is bounded only by the timeout');
  });
});

describe('buildSandboxCommand', () => {
  test('fallback wrapper runs the interpreter', async () => {
    const weak: IsolationReport = { network: 'none', user: 'same', pids: 'none', memory: 'rlimit', filesystem: 'host', interpreter: '/bin/sh', notes: [] };
    const folder = await createSandboxFolder({ 'a.txt': 'a' }, { uid: null, privateMounts: false, prefix: 'llm-bench-wrapper-' });

    try {
      const { command, args } = buildSandboxCommand(weak, folder.base, 0, '/bin/sh', ['-c', 'ulimit -v; pwd; ls']);
      const output = execFileSync(command, args, { encoding: 'utf8' });

      expect(command).toBe('/bin/sh');
      expect(output.split('\n').slice(0, 3)).toEqual([String(2 * 1024 * 1024), folder.work, 'a.txt']);
    } finally {
      await removeSandboxFolder(folder);
    }
    expect(existsSync(folder.base)).toBe(false);
  });
});

describe('weaker setups', () => {
  const setups: Array<[string, Pick<IsolationReport, 'network' | 'user' | 'pids' | 'filesystem'>]> = [
    ['namespaces and uid without tmpfs', { network: 'namespace', user: 'dedicated-uid', pids: 'namespace+rlimit', filesystem: 'host' }],
    ['namespaces and tmpfs as root', { network: 'namespace', user: 'same', pids: 'namespace', filesystem: 'private-tmpfs' }],
    ['uid only', { network: 'none', user: 'dedicated-uid', pids: 'rlimit', filesystem: 'host' }],
    ['rlimits only', { network: 'none', user: 'same', pids: 'none', filesystem: 'host' }],
  ];

  (linuxRoot ? test.each(setups) : test.skip.each(setups))('%s runs a program', async (_name, fields) => {
    const report: IsolationReport = { ...fields, memory: 'rlimit', interpreter: '/usr/bin/python3', notes: [] };
    const uid = sandboxUidBlock(process.pid) + SANDBOX_UIDS_PER_PROCESS - 1;
    const dedicated = report.user === 'dedicated-uid';
    const folder = await createSandboxFolder({ 'main.py': 'import os\nopen("out.txt", "w").write("x")\nprint(os.getuid(), os.getcwd())\n' }, { uid: dedicated ? uid : null, privateMounts: report.filesystem === 'private-tmpfs', prefix: 'llm-bench-setup-' });

    try {
      const { command, args } = buildSandboxCommand(report, folder.base, uid, '/usr/bin/python3', ['main.py']);
      const output = execFileSync(command, args, { cwd: folder.work, encoding: 'utf8', env: { PATH: '/usr/bin:/bin' } });

      expect(output.trim()).toBe(`${dedicated ? uid : 0} ${folder.work}`);
    } finally {
      await removeSandboxFolder(folder);
    }
  });
});

describe('sandboxFstab', () => {
  test('escapes whitespace in paths', () => {
    const table = sandboxFstab('/tmp/a b\tc/work', 1800000000);

    expect(table.trimEnd().split('\n').at(-1)).toBe('llm-bench /tmp/a\\040b\\011c/work tmpfs size=256m,mode=0700,uid=1800000000,gid=1800000000,nosuid,nodev,X-mount.mkdir 0 0');
  });

  test('without a uid the tmpfs keeps root as owner', () => {
    expect(sandboxFstab('/tmp/x/work', null)).toContain('llm-bench /tmp/x/work tmpfs size=256m,mode=0700,nosuid,nodev,X-mount.mkdir 0 0');
  });
});

describe('sandbox file system', () => {
  (linuxRoot ? test : test.skip)('writes outside the work folder stay private', async () => {
    const name = `llm-bench-escape-${process.pid}`;
    const code = [
      'import os',
      'written = []',
      `for folder in ["/tmp", "/var/tmp", "/dev/shm"]:`,
      `    with open(os.path.join(folder, "${name}"), "w") as handle:`,
      '        handle.write("x")',
      '    written.append(folder)',
      'print("written", " ".join(written))',
      'try:',
      `    open(os.path.join(${JSON.stringify(process.cwd())}, "${name}"), "w")`,
      '    print("repository writable")',
      'except PermissionError:',
      '    print("repository read-only")',
      'except FileNotFoundError:',
      '    print("repository hidden")',
    ].join('\n');
    // A checkout inside one of the private folders (CI may clone into /tmp) is not visible in the sandbox at all.
    const hidden = ['/tmp', '/var/tmp', '/dev/shm'].some((folder) => process.cwd().startsWith(`${folder}/`));

    const outcome = await runProgram(pythonProgram(code), { timeoutS: 5 });

    expect(outcome.stdout).toContain('written /tmp /var/tmp /dev/shm');
    expect(outcome.stdout).toContain(hidden ? 'repository hidden' : 'repository read-only');
    for (const folder of ['/tmp', '/var/tmp', '/dev/shm', process.cwd()]) expect(existsSync(path.join(folder, name))).toBe(false);
  });

  test('work folder removed after a timeout', async () => {
    const outcome = await runProgram(pythonProgram('import os, time\nprint(os.getcwd())\ntime.sleep(30)\n'), { timeoutS: 1 });

    const workDir = outcome.stdout.trim().split('\n')[0]!;
    expect(outcome.timedOut).toBe(true);
    expect(workDir).toMatch(/llm-bench-code-/);
    expect(existsSync(workDir)).toBe(false);
  });
});

describe('sandbox pool', () => {
  afterEach(() => setSandboxSlots(defaultSandboxSlots()));

  test('runs at most the slot count at once', async () => {
    setSandboxSlots(2);
    let running = 0;
    let peak = 0;
    const task = async (): Promise<void> => {
      running += 1;
      peak = Math.max(peak, running);
      await new Promise((resolve) => setTimeout(resolve, 20));
      running -= 1;
    };

    await Promise.all(Array.from({ length: 6 }, () => inSandboxPool(task)));

    expect(peak).toBe(2);
  });

  test.each([0, 1.5, 65])('rejects %p slots', (slots) => {
    expect(() => setSandboxSlots(slots)).toThrow(/invalid sandbox slot count/);
  });
});
