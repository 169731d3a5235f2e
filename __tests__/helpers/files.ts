import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** A temporary folder with files written from a map of relative path → text; `remove()` deletes it. */
export async function makeTempDir(files: Record<string, string> = {}): Promise<{ dir: string; remove: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'llm-bench-test-'));
  for (const [name, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    await writeFile(path.join(dir, name), text, 'utf8');
  }
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

/** The repository root, where jest runs. */
export const REPO_ROOT = process.cwd();

/** The shared data sets beside the checkout (read-only). */
export const SHARED_DATA = path.resolve(REPO_ROOT, '../shared/data');
