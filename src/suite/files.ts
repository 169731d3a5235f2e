import { stat } from 'node:fs/promises';
import path from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import { InputError } from '../errors.js';
import type { SourceLocation } from '../types.js';

/** Extensions of suite files found in a folder: YAML case files and JSONL files of cases. */
const SUITE_FILE_GLOB = '**/*.{yml,yaml,jsonl}';

/**
 * Expands one `suite:` entry (a file, a folder or a glob, relative to the config's folder) into
 * sorted absolute file paths. A pattern that matches nothing is an error, not an empty suite.
 */
export async function expandSuiteEntry(pattern: string, configDir: string, entrySource: SourceLocation): Promise<string[]> {
  const absolute = path.resolve(configDir, pattern);
  let files: string[];

  if (isDynamicPattern(pattern)) {
    files = await glob(pattern, { cwd: configDir, absolute: true, onlyFiles: true });
  } else {
    const info = await stat(absolute).catch(() => undefined);
    if (info?.isDirectory()) {
      files = await glob(SUITE_FILE_GLOB, { cwd: absolute, absolute: true, onlyFiles: true });
    } else {
      files = info ? [absolute] : [];
    }
  }

  if (files.length === 0) {
    throw new InputError({
      ...entrySource,
      field: 'suite',
      problem: `"${pattern}" matches no suite files (looked in ${absolute})`,
      fix: 'check the path; it is relative to the folder of the config file, and folders are searched for .yml, .yaml and .jsonl files',
    });
  }
  return files.map((file) => path.normalize(file)).sort();
}

/** Path shown in messages and stored in results: relative to the working directory, with `/`. */
export function displayPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return (relative.startsWith('..') || path.isAbsolute(relative) ? file : relative).split(path.sep).join('/');
}
