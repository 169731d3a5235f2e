// Bundles the action, the command line and the test server with ncc into dist/, which is committed
// so that the action and `node dist/cli.js` run without `npm ci`.
import { execFileSync } from 'node:child_process';
import { chmodSync, cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const entries = [
  { source: 'src/index.ts', folder: 'action', launcher: 'index.js' },
  { source: 'src/cli.ts', folder: 'cli', launcher: 'cli.js' },
  { source: 'test-server/cli.ts', folder: 'test-server', launcher: 'test-server.js' },
];

rmSync('dist', { recursive: true, force: true });
for (const entry of entries) {
  const out = mkdtempSync(path.join(tmpdir(), 'llm-bench-build-'));
  execFileSync(process.execPath, ['node_modules/@vercel/ncc/dist/ncc/cli.js', 'build', entry.source, '-o', out, '--minify', '--target', 'es2022', '--quiet'], { stdio: 'inherit' });
  cpSync(out, path.join('dist', entry.folder), { recursive: true });
  rmSync(out, { recursive: true, force: true });

  // A one-line launcher at the path users and action.yml name; the bundle keeps its chunk files beside it.
  const launcher = path.join('dist', entry.launcher);
  writeFileSync(launcher, `#!/usr/bin/env node\nimport './${entry.folder}/index.js';\n`);
  chmodSync(launcher, 0o755);
}
