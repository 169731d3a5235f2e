import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { InputError, showValue } from '../errors.js';
import type { Case } from '../types.js';
import { issuesToErrors, parseYaml, type FieldPath } from '../config/yaml-source.js';
import { CASE_KEYS, rawCaseSchema } from './case-schema.js';
import { toCase } from './to-case.js';
import { displayPath } from './files.js';

const caseFileSchema = z.strictObject({
  defaults: z.record(z.string(), z.unknown()).default({}),
  cases: z.array(z.unknown()).min(1),
});

/**
 * Reads a YAML suite file: a list of cases, or `{ defaults, cases }` where each case is merged over
 * the file's defaults (the case's own keys win; tags are combined).
 */
export async function readYamlCases(file: string): Promise<{ cases: Case[]; errors: InputError[] }> {
  const shown = displayPath(file);
  const source = parseYaml(shown, await readFile(file, 'utf8'));
  const value = source.value;

  let items: unknown[];
  let defaults: Record<string, unknown> = {};
  let prefix: FieldPath = [];

  if (Array.isArray(value)) {
    items = value;
  } else if (value !== null && typeof value === 'object') {
    const parsed = caseFileSchema.safeParse(value);
    if (!parsed.success) {
      return { cases: [], errors: issuesToErrors(source, value, parsed.error.issues, { knownKeys: () => ['defaults', 'cases'] }) };
    }
    items = parsed.data.cases;
    defaults = parsed.data.defaults;
    prefix = ['cases'];
  } else {
    const problem = `expected a list of cases or a mapping with "cases:", got ${showValue(value)}`;
    return { cases: [], errors: [new InputError({ file: shown, line: 1, problem, fix: 'write the cases as a YAML list: "- id: ..."' })] };
  }

  const cases: Case[] = [];
  const errors: InputError[] = [];
  items.forEach((item, index) => {
    const path = [...prefix, index];
    const merged = mergeDefaults(defaults, item);
    const parsed = rawCaseSchema.safeParse(merged);
    if (!parsed.success) {
      const caseSource = { file: shown, lineOf: (fieldPath: FieldPath, options?: { key?: boolean }) => source.lineOf([...path, ...fieldPath], options) };
      errors.push(...issuesToErrors(caseSource, merged, parsed.error.issues, { fieldPrefix: formatField(path), knownKeys: () => CASE_KEYS }));
      return;
    }
    const site = {
      file: shown,
      line: source.lineOf(path) ?? 1,
      field: formatField(path),
      lineOf: (key: string) => source.lineOf([...path, key]),
    };
    const result = toCase(parsed.data, site);
    errors.push(...result.errors);
    if (result.case) cases.push(result.case);
  });
  return { cases, errors };
}

function mergeDefaults(defaults: Record<string, unknown>, item: unknown): unknown {
  if (item === null || typeof item !== 'object' || Array.isArray(item)) return item;
  const merged: Record<string, unknown> = { ...defaults, ...(item as Record<string, unknown>) };
  const defaultTags = defaults['tags'];
  const ownTags = (item as Record<string, unknown>)['tags'];
  if (Array.isArray(defaultTags) && Array.isArray(ownTags)) merged['tags'] = [...new Set([...defaultTags, ...ownTags])];
  return merged;
}

/** `cases[3]` for both file shapes, so that a field reads the same wherever the case list sits. */
function formatField(path: FieldPath): string {
  return `cases[${String(path.at(-1))}]`;
}
