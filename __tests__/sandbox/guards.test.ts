import { existsSync, readdirSync, readFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

import { detectIsolation } from '../../src/sandbox/isolation.js';
import { PROCESS_LIMIT, SANDBOX_UIDS_PER_PROCESS, sandboxUidBlock } from '../../src/sandbox/limits.js';
import { buildProgram } from '../../src/sandbox/programs.js';
import { runProgram } from '../../src/sandbox/run-program.js';
import { scoreCode } from '../../src/scorers/code.js';
import type { CodeCase } from '../../src/types.js';

function codeCase(language: CodeCase['language'], tests: string, timeoutS = 5): CodeCase {
  return { id: 'guard', type: 'code', messages: [], tags: [], source: { file: 'guards.yaml', line: 1 }, language, tests, timeoutS };
}

/** Number of live processes whose real uid is in this test process's sandbox uid block. */
function sandboxProcessCount(): number {
  const first = sandboxUidBlock(process.pid);
  let count = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const uid = Number(/^Uid:\s+(\d+)/m.exec(readFileSync(`/proc/${entry}/status`, 'utf8'))?.[1]);
      if (uid >= first && uid < first + SANDBOX_UIDS_PER_PROCESS) count += 1;
    } catch {
      // The process ended while the folder was read.
    }
  }
  return count;
}

function hostProcessCount(): number {
  return readdirSync('/proc').filter((entry) => /^\d+$/.test(entry)).length;
}

async function waitFor(condition: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (condition()) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return condition();
}

const linuxRoot = process.platform === 'linux' && process.getuid?.() === 0;

describe('sandbox guards, Python', () => {
  test('infinite loop times out', async () => {
    const result = await scoreCode('while True:\n    pass\n', codeCase('python', 'import solution\n', 2));

    expect(result.pass).toBe(false);
    expect(result.reason).toBe('timed out after 2 s; process group killed');
    expect(result.details.timedOut).toBe(true);
    expect(result.details.signal).toBe('SIGKILL');
    expect(result.details.durationMs).toBeLessThan(3500);
  });

  test('process limit stops forks', async () => {
    const code = [
      'import os, time',
      'def fork_many():',
      '    count = 0',
      '    for _ in range(200):',
      '        try:',
      '            pid = os.fork()',
      '        except OSError:',
      '            break',
      '        if pid == 0:',
      '            time.sleep(5)',
      '            os._exit(0)',
      '        count += 1',
      '    return count',
    ].join('\n');
    const program = buildProgram(code, codeCase('python', 'from solution import fork_many\nprint("forked", fork_many())\n'));

    const outcome = await runProgram(program, { timeoutS: 5 });

    const report = await detectIsolation('python');
    const forked = Number(/forked (\d+)/.exec(outcome.stdout)?.[1]);
    if (report.pids === 'namespace+rlimit' || report.pids === 'rlimit') {
      expect(forked).toBeLessThan(PROCESS_LIMIT);
      expect(forked).toBeGreaterThan(PROCESS_LIMIT / 2);
    } else {
      console.warn(`skipped the fork limit check: the process limit is not enforced here (pids: ${report.pids})`);
    }
    expect(outcome.exitCode).toBe(0);
    expect(outcome.durationMs).toBeLessThan(4000);
    expect(await waitFor(() => sandboxProcessCount() === 0, 2000)).toBe(true);
  });

  (linuxRoot ? test : test.skip)('fork bomb is bounded and cleaned up', async () => {
    const report = await detectIsolation('python');
    expect(report.pids).toBe('namespace+rlimit');
    const before = hostProcessCount();

    const code = 'import os\nwhile True:\n    try:\n        os.fork()\n    except OSError:\n        pass\n';
    const running = scoreCode(code, codeCase('python', 'import solution\n', 3));
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const during = sandboxProcessCount();
    const result = await running;

    expect(during).toBeGreaterThan(PROCESS_LIMIT / 2);
    expect(during).toBeLessThanOrEqual(PROCESS_LIMIT);
    expect(result.pass).toBe(false);
    expect(result.reason).toBe('timed out after 3 s; process group killed');
    expect(await waitFor(() => sandboxProcessCount() === 0, 3000)).toBe(true);
    expect(hostProcessCount()).toBeLessThan(before + 10);
  });

  test('4 GB allocation fails', async () => {
    const result = await scoreCode('data = bytearray(4 * 1024 ** 3)\n', codeCase('python', 'import solution\n'));

    expect(result.pass).toBe(false);
    expect(result.reason).toBe('MemoryError: data = bytearray(4 * 1024 ** 3) (solution.py line 1)');
    expect(result.details.durationMs).toBeLessThan(3000);
    expect(os.freemem()).toBeGreaterThan(512 * 1024 * 1024);
  });

  test('100 MB of output is cut at 1 MiB', async () => {
    const program = buildProgram('import sys\nsys.stdout.write("x" * 100_000_000)\n', codeCase('python', 'import solution\n'));

    const outcome = await runProgram(program, { timeoutS: 10 });

    expect(outcome.outputLimitExceeded).toBe('stdout');
    expect(outcome.stdout.length).toBe(1024 * 1024);
    expect(outcome.signal).toBe('SIGKILL');
    expect(outcome.durationMs).toBeLessThan(5000);

    const result = await scoreCode('print("x" * 100_000_000)\n', codeCase('python', 'import solution\n'));
    expect(result.reason).toBe('killed: stdout exceeded 1 MiB');
  });

  test('write to HOME lands in the work folder', async () => {
    const name = `llm-bench-home-probe-${process.pid}.txt`;
    const code = [
      'import os',
      `target = os.path.expanduser("~/${name}")`,
      'with open(target, "w") as handle:',
      '    handle.write("written")',
      'print("home", os.environ["HOME"], "cwd", os.getcwd())',
      `assert os.path.exists(os.path.join(os.getcwd(), "${name}"))`,
    ].join('\n');
    const program = buildProgram(code, codeCase('python', 'import solution\n'));

    const outcome = await runProgram(program, { timeoutS: 5 });

    expect(outcome.exitCode).toBe(0);
    const [, home, cwd] = /home (\S+) cwd (\S+)/.exec(outcome.stdout) ?? [];
    expect(home).toBe(cwd);
    expect(home).toMatch(/llm-bench-code-/);
    expect(existsSync(path.join(os.homedir(), name))).toBe(false);
    expect(existsSync(home!)).toBe(false);
  });

  test('environment holds no API key', async () => {
    process.env['OPENAI_API_KEY'] = 'sk-test-secret';
    try {
      const program = buildProgram('import os\nprint(repr(dict(os.environ)))\n', codeCase('python', 'import solution\n'));
      const outcome = await runProgram(program, { timeoutS: 5 });

      expect(outcome.exitCode).toBe(0);
      expect(outcome.stdout).toContain("'HOME'");
      expect(outcome.stdout).not.toContain('sk-test-secret');
      expect(outcome.stdout).not.toContain('OPENAI_API_KEY');
      const names = [...outcome.stdout.matchAll(/'([A-Z_]+)': /g)].map((match) => match[1]).sort();
      expect(names).toEqual(['HOME', 'LANG', 'PATH', 'PWD', 'PYTHONDONTWRITEBYTECODE', 'PYTHONHASHSEED', 'TMPDIR']);
    } finally {
      delete process.env['OPENAI_API_KEY'];
    }
  });

  test('connection to 127.0.0.1 fails', async () => {
    const report = await detectIsolation('python');
    if (report.network !== 'namespace') {
      console.warn(`skipped: no network namespace on this machine (network: ${report.network}; ${report.notes.join('; ')})`);
      expect(report.network).toBe('none');
      return;
    }

    let connections = 0;
    const server = net.createServer((socket) => {
      connections += 1;
      socket.destroy();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as net.AddressInfo;

    try {
      const code = [
        'import socket',
        'try:',
        `    socket.create_connection(("127.0.0.1", ${port}), timeout=2)`,
        '    print("connected")',
        'except OSError as error:',
        '    print("blocked", error.errno)',
      ].join('\n');
      const outcome = await runProgram(buildProgram(code, codeCase('python', 'import solution\n')), { timeoutS: 5 });

      expect(outcome.stdout).toMatch(/^blocked \d+/m);
      expect(connections).toBe(0);
    } finally {
      server.close();
    }
  });

  test('stdin read gets end of file', async () => {
    const result = await scoreCode('value = input("number? ")\n', codeCase('python', 'import solution\n', 5));

    expect(result.reason).toMatch(/^EOFError: EOF when reading a line \(solution\.py line 1/);
    expect(result.details.durationMs).toBeLessThan(1500);
  });
});

describe('sandbox guards, JavaScript', () => {
  test('infinite loop times out', async () => {
    const result = await scoreCode('```js\nwhile (true) {}\n```', codeCase('javascript', "import './solution.mjs';\n", 2));

    expect(result.reason).toBe('timed out after 2 s; process group killed');
    expect(result.details.durationMs).toBeLessThan(3500);
  });

  test('heap exhaustion crashes', async () => {
    const code = 'const chunks = [];\nwhile (true) chunks.push(new Array(1e6).fill(1.5));\n';
    const result = await scoreCode(code, codeCase('javascript', "import './solution.mjs';\n", 20));

    expect(result.pass).toBe(false);
    expect(result.details.timedOut).toBe(false);
    expect(result.reason).toMatch(/^V8 fatal error: .*heap out of memory \(killed by SIG[A-Z]+/);
  }, 30_000);

  test('100 MB of output is cut at 1 MiB', async () => {
    const result = await scoreCode("process.stdout.write('x'.repeat(1e8));\n", codeCase('javascript', "import './solution.mjs';\n"));

    expect(result.reason).toBe('killed: stdout exceeded 1 MiB');
  });

  test('environment holds no API key', async () => {
    process.env['OPENAI_API_KEY'] = 'sk-test-secret';
    try {
      const program = buildProgram('console.log(JSON.stringify(process.env));\n', codeCase('javascript', "import './solution.mjs';\n"));
      const outcome = await runProgram(program, { timeoutS: 5 });

      expect(outcome.exitCode).toBe(0);
      expect(outcome.stdout).not.toContain('sk-test-secret');
      const environment = JSON.parse(outcome.stdout.split('\n')[0]!) as Record<string, string>;
      expect(Object.keys(environment).sort()).toEqual(['HOME', 'LANG', 'PATH', 'PWD', 'PYTHONDONTWRITEBYTECODE', 'PYTHONHASHSEED', 'TMPDIR']);
    } finally {
      delete process.env['OPENAI_API_KEY'];
    }
  });

  test('connection to 127.0.0.1 fails', async () => {
    const report = await detectIsolation('javascript');
    if (report.network !== 'namespace') {
      console.warn(`skipped: no network namespace on this machine (network: ${report.network})`);
      expect(report.network).toBe('none');
      return;
    }

    let connections = 0;
    const server = net.createServer((socket) => {
      connections += 1;
      socket.destroy();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as net.AddressInfo;

    try {
      const code = [
        "import net from 'node:net';",
        `const socket = net.connect(${port}, '127.0.0.1');`,
        "socket.on('connect', () => { console.log('connected'); socket.destroy(); });",
        "socket.on('error', (error) => console.log('blocked', error.code));",
      ].join('\n');
      const outcome = await runProgram(buildProgram(code, codeCase('javascript', "import './solution.mjs';\n")), { timeoutS: 5 });

      expect(outcome.stdout).toMatch(/^blocked E[A-Z]+/m);
      expect(connections).toBe(0);
    } finally {
      server.close();
    }
  });
});
