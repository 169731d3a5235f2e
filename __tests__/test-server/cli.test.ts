// Runs the CLI as a real child process. Node 20 cannot run TypeScript, so the test server's modules are
// transpiled (no type check) into a temporary folder whose node_modules links to the repository's.

import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';

import ts from 'typescript';

import { CliUsageError, formatStats, parseCliArgs } from '../../test-server/command.js';
import { makeTempDir, REPO_ROOT } from '../helpers/files.js';

const SOURCE_DIR = path.join(REPO_ROOT, 'test-server');

let temp: { dir: string; remove: () => Promise<void> };
let cliPath: string;

/** Transpiles `entry` and every relative module it imports into `outDir`. */
async function transpileTree(entry: string, outDir: string): Promise<void> {
  const pending = [entry];
  const done = new Set<string>();

  while (pending.length > 0) {
    const name = pending.pop() as string;
    if (done.has(name)) {
      continue;
    }
    done.add(name);

    const source = await readFile(path.join(SOURCE_DIR, `${name}.ts`), 'utf8');
    const output = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } });
    await writeFile(path.join(outDir, `${name}.js`), output.outputText);

    for (const match of output.outputText.matchAll(/from '\.\/([\w-]+)\.js'/g)) {
      pending.push(match[1]);
    }
  }
}

interface Finished {
  code: number | null;
  stdout: string;
  stderr: string;
}

function collect(child: ChildProcess): { finished: Promise<Finished>; stdout: () => string } {
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));

  const finished = new Promise<Finished>((resolve) => child.on('exit', (code) => resolve({ code, stdout, stderr })));
  return { finished, stdout: () => stdout };
}

function runCli(args: string[]): { child: ChildProcess; finished: Promise<Finished>; stdout: () => string } {
  const child = spawn(process.execPath, [cliPath, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  return { child, ...collect(child) };
}

/** Waits for the "listening on URL" line and returns the URL. */
async function waitForUrl(stdout: () => string, finished: Promise<Finished>): Promise<string> {
  const deadline = Date.now() + 5000;

  while (Date.now() < deadline) {
    const match = /^listening on (http:\/\/127\.0\.0\.1:\d+)\n/.exec(stdout());
    if (match) {
      return match[1];
    }
    const exited = await Promise.race([finished, new Promise((resolve) => setTimeout(resolve, 20, null))]);
    if (exited !== null) {
      throw new Error(`the CLI exited early: ${JSON.stringify(exited)}`);
    }
  }

  throw new Error(`no listening line within 5 s; stdout: ${stdout()}`);
}

beforeAll(async () => {
  temp = await makeTempDir({ 'package.json': '{"type":"module"}\n' });
  await symlink(path.join(REPO_ROOT, 'node_modules'), path.join(temp.dir, 'node_modules'), 'dir');
  await mkdir(path.join(temp.dir, 'test-server'));
  await transpileTree('cli', path.join(temp.dir, 'test-server'));
  cliPath = path.join(temp.dir, 'test-server', 'cli.js');
});

afterAll(async () => {
  await temp.remove();
});

describe('test server CLI', () => {
  test('serves the script and stops on SIGTERM', async () => {
    const scriptFile = path.join(temp.dir, 'script.yaml');
    await writeFile(scriptFile, 'models:\n  good-model:\n    rules:\n      - { contains: "France", reply: "Paris." }\n');
    const cli = runCli(['--script', scriptFile, '--latency-ms', '60']);

    const url = await waitForUrl(cli.stdout, cli.finished);
    const started = Date.now();
    const response = await fetch(`${url}/v1/chat/completions`, {
      method: 'POST',
      body: JSON.stringify({ model: 'good-model', messages: [{ role: 'user', content: 'capital of France?' }] }),
    });
    const body = (await response.json()) as { choices: { message: { content: string } }[] };
    const elapsed = Date.now() - started;
    cli.child.kill('SIGTERM');
    const result = await cli.finished;

    expect(body.choices[0].message.content).toBe('Paris.');
    expect(elapsed).toBeGreaterThanOrEqual(55);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`listening on ${url}\n`);
    expect(result.stderr).toBe('test-server: stopped on SIGTERM after 1 request; status 200=1; faults none\n');
  });

  test('echoes every model without a script and stops on SIGINT', async () => {
    const cli = runCli([]);

    const url = await waitForUrl(cli.stdout, cli.finished);
    const response = await fetch(`${url}/chat/completions`, {
      method: 'POST',
      body: JSON.stringify({ model: 'any-model', messages: [{ role: 'user', content: '你好' }] }),
    });
    const body = (await response.json()) as { choices: { message: { content: string } }[] };
    cli.child.kill('SIGINT');
    const result = await cli.finished;

    expect(body.choices[0].message.content).toBe('你好');
    expect(result.code).toBe(0);
  });

  test('invalid script exits 1 with its line', async () => {
    const scriptFile = path.join(temp.dir, 'bad.yaml');
    await writeFile(scriptFile, 'models:\n  m:\n    faults: [{ status: 700 }]\n    default: "x"\n');

    const result = await runCli(['--script', scriptFile]).finished;

    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(`${scriptFile}:3: models.m.faults[0].status = 700:`);
  });

  test('unknown option exits 2', async () => {
    const result = await runCli(['--prot', '8080']).finished;

    expect(result.code).toBe(2);
    expect(result.stderr).toContain("Unknown option '--prot'");
  });

  test('help prints the usage', async () => {
    const result = await runCli(['--help']).finished;

    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Usage: node dist/test-server.js');
  });
});

describe('parseCliArgs', () => {
  test('defaults', () => {
    expect(parseCliArgs([])).toEqual({ scriptFile: undefined, port: 0, latencyMs: undefined, help: false });
  });

  test('all options', () => {
    expect(parseCliArgs(['--script', 's.yaml', '--port', '8123', '--latency-ms', '20'])).toEqual({
      scriptFile: 's.yaml',
      port: 8123,
      latencyMs: 20,
      help: false,
    });
  });

  test('invalid numbers rejected', () => {
    expect(() => parseCliArgs(['--port', '70000'])).toThrow(new CliUsageError('invalid --port "70000": expected a whole number from 0 to 65535'));
    expect(() => parseCliArgs(['--latency-ms', '1.5'])).toThrow(CliUsageError);
    expect(() => parseCliArgs(['--latency-ms', '-1'])).toThrow(CliUsageError);
  });

  test('formatStats lists counts', () => {
    expect(formatStats({ total: 3, byStatus: { '200': 2, '429': 1 }, byFault: { '429': 1 } })).toBe('3 requests; status 200=2 429=1; faults 429=1');
  });
});
