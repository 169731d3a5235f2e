import path from 'node:path';
import { InputError, InputErrors } from '../errors.js';
import type { Case, Config } from '../types.js';
import { readDataset } from './datasets.js';
import { displayPath, expandSuiteEntry } from './files.js';
import { readYamlCases } from './yaml-cases.js';

/**
 * Loads every suite entry of the config into cases, in config order. All problems across all files
 * are collected and thrown together as InputErrors, so a user fixes a suite in one pass.
 */
export async function loadSuite(config: Config): Promise<Case[]> {
  const cases: Case[] = [];
  const errors: InputError[] = [];

  for (const entry of config.suite) {
    try {
      if (entry.kind === 'dataset') {
        const loaded = await readDataset(entry, config.dir);
        for (const kase of loaded.cases) cases.push(kase);
        for (const error of loaded.errors) errors.push(error);
        continue;
      }
      for (const file of await expandSuiteEntry(entry.pattern, config.dir, entry.source)) {
        const loaded = file.endsWith('.jsonl') ? await readCaseLines(file) : await readYamlCases(file);
        for (const kase of loaded.cases) cases.push(kase);
        for (const error of loaded.errors) errors.push(error);
      }
    } catch (error) {
      if (error instanceof InputError) errors.push(error);
      else if (error instanceof InputErrors) for (const item of error.errors) errors.push(item);
      else throw error;
    }
  }

  for (const error of duplicateIds(cases)) errors.push(error);
  if (errors.length > 0) throw new InputErrors(errors);
  if (cases.length === 0) {
    throw new InputError({ file: displayPath(config.file), field: 'suite', problem: 'the suite has no cases', fix: 'add cases to the suite files' });
  }
  return cases;
}

/** Reads a `.jsonl` file found through a folder or glob, which contains one suite-format case per line. */
function readCaseLines(file: string): Promise<{ cases: Case[]; errors: InputError[] }> {
  const entry = { kind: 'dataset' as const, path: file, format: 'jsonl' as const, defaults: {}, source: { file: displayPath(file), line: 1 } };
  return readDataset(entry, path.dirname(file));
}

function duplicateIds(cases: Case[]): InputError[] {
  const firstSeen = new Map<string, Case>();
  const errors: InputError[] = [];
  for (const kase of cases) {
    const first = firstSeen.get(kase.id);
    if (first) {
      errors.push(
        new InputError({
          ...kase.source,
          field: 'id',
          problem: `duplicate case id "${kase.id}" (first defined at ${first.source.file}:${first.source.line})`,
          fix: 'give every case a unique id; for data sets, set id_prefix on the suite entry',
        }),
      );
    } else {
      firstSeen.set(kase.id, kase);
    }
  }
  return errors;
}
