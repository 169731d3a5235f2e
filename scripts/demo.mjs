// `npm run demo`: starts the bundled test server with two scripted models, runs the example suite in
// prompts/ through the bundled command line, and says where the results are.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';

const server = spawn(process.execPath, ['dist/test-server.js', '--script', 'examples/demo-server.yml'], { stdio: ['ignore', 'pipe', 'inherit'] });
const url = await readServerUrl(server);
console.log(`Test server with models demo-strong and demo-weak: ${url}\n`);

const cli = spawn(process.execPath, ['dist/cli.js', 'run', '--config', 'llm-bench.yml'], {
  stdio: 'inherit',
  env: { ...process.env, LLM_BENCH_DEMO_URL: url, LLM_BENCH_DEMO_KEY: 'demo-key' },
});
const [code] = await once(cli, 'exit');
server.kill('SIGTERM');

if (code === 0 || code === 1) {
  console.log(`\nThe command line exited with ${code}: ${code === 1 ? 'a threshold was not met (demo-weak is meant to fall short), which fails a CI job' : 'every threshold was met'}.`);
  console.log('Open llm-bench-results/results.csv in a spreadsheet, or read llm-bench-results/results.json.');
} else {
  console.error(`\nThe demo failed: the command line exited with ${code}.`);
  process.exitCode = 1;
}

async function readServerUrl(child) {
  const lines = createInterface({ input: child.stdout });
  const timer = setTimeout(() => {
    console.error('The test server did not start within 10 s.');
    child.kill('SIGKILL');
    process.exit(1);
  }, 10_000);
  for await (const line of lines) {
    const match = /listening on (http:\/\/\S+)/.exec(line);
    if (match) {
      clearTimeout(timer);
      return match[1];
    }
  }
  throw new Error('The test server exited before it printed its address.');
}
