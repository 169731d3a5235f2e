// The temporary folder of one sandboxed program:
//   <os.tmpdir()>/llm-bench-code-XXXXXX/
//     work/    the program's files; its working folder, HOME and TMPDIR
//     fstab    the private tmpfs mounts, read by one `mount -a` inside the sandbox

import { lstatSync } from 'node:fs';
import { chmod, chown, mkdir, mkdtemp, readdir, realpath, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { SCRATCH_TMPFS_MIB, WORK_TMPFS_MIB } from './limits.js';

/** Paths of one program's temporary folder. */
export interface SandboxFolder {
  base: string;
  work: string;
}

/** Name of the work folder inside the base folder; the wrapper script uses the same name. */
export const WORK_FOLDER_NAME = 'work';
/** Name of the mount table inside the base folder. */
export const FSTAB_NAME = 'fstab';

/** Folders where the system lets any user write; each one that exists gets a private tmpfs inside the sandbox. */
const WORLD_WRITABLE_FOLDERS = ['/tmp', '/var/tmp', '/dev/shm', '/run/lock'];

/**
 * Creates the folder with the program's files. With `uid`, the work folder and the files belong to
 * that uid. With `privateMounts`, it also writes the mount table for the wrapper script.
 */
export async function createSandboxFolder(files: Record<string, string>, options: { uid: number | null; privateMounts: boolean; prefix: string }): Promise<SandboxFolder> {
  const base = await realpath(await mkdtemp(path.join(os.tmpdir(), options.prefix)));
  const work = path.join(base, WORK_FOLDER_NAME);

  try {
    // mkdtemp makes the base folder 0700. A dedicated uid working on the host file system needs to
    // pass through it, but not to list it.
    if (options.uid !== null) await chmod(base, 0o711);
    await mkdir(work, { mode: 0o700 });
    for (const [name, content] of Object.entries(files)) {
      await writeFile(path.join(work, name), content, { mode: 0o644 });
    }
    if (options.uid !== null) await chownTree(work, options.uid);
    if (options.privateMounts) await writeFile(path.join(base, FSTAB_NAME), sandboxFstab(work, options.uid), { flag: 'wx' });
  } catch (error) {
    await removeSandboxFolder({ base, work });
    throw error;
  }

  return { base, work };
}

/** Removes the whole folder; files that the sandbox uid created in it are removed too. */
export async function removeSandboxFolder(folder: SandboxFolder): Promise<void> {
  await rm(folder.base, { recursive: true, force: true, maxRetries: 3 });
}

/**
 * Returns the mount table of the sandbox: a size-limited tmpfs over each world-writable folder, and
 * one over the work folder (created by `X-mount.mkdir` when the tmpfs over `/tmp` hides it). The
 * wrapper copies the program's files into the work tmpfs afterwards.
 */
export function sandboxFstab(work: string, uid: number | null): string {
  const scratch = `size=${SCRATCH_TMPFS_MIB}m,mode=1777,nosuid,nodev`;
  const owner = uid === null ? '' : `,uid=${uid},gid=${uid}`;
  const lines = existingWorldWritableFolders().map((folder) => `llm-bench ${fstabPath(folder)} tmpfs ${scratch} 0 0`);
  lines.push(`llm-bench ${fstabPath(work)} tmpfs size=${WORK_TMPFS_MIB}m,mode=0700${owner},nosuid,nodev,X-mount.mkdir 0 0`);
  return `${lines.join('\n')}\n`;
}

async function chownTree(folder: string, uid: number): Promise<void> {
  await chown(folder, uid, uid);
  for (const entry of await readdir(folder, { withFileTypes: true })) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) await chownTree(full, uid);
    else await chown(full, uid, uid);
  }
}

let worldWritable: string[] | null = null;

/** WORLD_WRITABLE_FOLDERS that exist as folders, not symbolic links (which the mount would follow). */
function existingWorldWritableFolders(): string[] {
  worldWritable ??= WORLD_WRITABLE_FOLDERS.filter((folder) => {
    try {
      return lstatSync(folder).isDirectory();
    } catch {
      return false;
    }
  });
  return worldWritable;
}

/** Escapes a path for fstab, where whitespace separates fields: octal escapes as in fstab(5). */
function fstabPath(file: string): string {
  return file.replace(/[\\\s]/g, (char) => `\\${char.charCodeAt(0).toString(8).padStart(3, '0')}`);
}
