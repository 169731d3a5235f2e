import { execFile, spawn } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

async function git(args: string[], cwd: string): Promise<string> {
  const { stdout } = await run('git', args, { cwd, maxBuffer: 16 * 1024 * 1024 });
  return stdout.trim();
}

/** The top folder of the git checkout that contains `dir`. */
export async function repositoryRoot(dir: string): Promise<string> {
  try {
    return await git(['rev-parse', '--show-toplevel'], dir);
  } catch {
    throw new Error(`${dir} is not inside a git checkout, so the base ref cannot be read; use baseline: { file: ... } instead`);
  }
}

/**
 * Resolves `ref` to a commit: as given, then as `origin/<ref>`, then by fetching it from origin
 * (actions/checkout fetches one commit by default, which leaves the base branch out).
 */
export async function resolveCommit(root: string, ref: string): Promise<string> {
  for (const candidate of [ref, `origin/${ref}`]) {
    try {
      return await git(['rev-parse', '--verify', '--quiet', `${candidate}^{commit}`], root);
    } catch {
      // Not known locally under this name; try the next one.
    }
  }
  try {
    await git(['fetch', '--no-tags', '--depth=1', 'origin', ref], root);
    return await git(['rev-parse', '--verify', 'FETCH_HEAD^{commit}'], root);
  } catch (error) {
    const detail = (error as { stderr?: string }).stderr?.trim().split('\n')[0] ?? String(error);
    throw new Error(`base ref "${ref}" was not found locally or on origin (${detail}); check out with fetch-depth: 0, or fetch the base branch before this step`);
  }
}

/** Writes the tree of `commit` into a new temporary folder (git archive | tar -x) and returns the folder. */
export async function extractTree(root: string, commit: string): Promise<string> {
  const target = await mkdtemp(path.join(tmpdir(), 'llm-bench-base-'));
  await new Promise<void>((resolve, reject) => {
    const archive = spawn('git', ['archive', '--format=tar', commit], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    const tar = spawn('tar', ['-x', '-C', target], { stdio: ['pipe', 'ignore', 'pipe'] });
    let errors = '';
    archive.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    tar.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    archive.stdout.pipe(tar.stdin);
    archive.on('error', reject);
    tar.on('error', reject);
    tar.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`extracting ${commit} failed: ${errors.trim()}`))));
  });
  return target;
}
