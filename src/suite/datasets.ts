import path from 'node:path';
import { InputError, showValue } from '../errors.js';
import type { Case, SuiteEntry } from '../types.js';
import { issuesToErrors } from '../config/yaml-source.js';
import { CASE_KEYS, rawCaseSchema } from './case-schema.js';
import { displayPath } from './files.js';
import { forEachJsonlLine, type JsonlLine } from './jsonl.js';
import { DEFAULT_CODE_TIMEOUT_S, toCase } from './to-case.js';

type DatasetEntry = Extract<SuiteEntry, { kind: 'dataset' }>;
type Loaded = { cases: Case[]; errors: InputError[] };

/** Instruction put before a HumanEval problem's code when it is sent to a chat model. */
export const HUMANEVAL_INSTRUCTION =
  'Complete the following Python function. Answer with the complete function in one ```python code block.';

/** Turns one line of a data set into a case, or into the errors that explain why it is not one. */
type LineReader = (line: JsonlLine) => { case?: Case; errors: InputError[] };

/**
 * Reads a JSONL data set in one of the known formats into cases, one line at a time: only the
 * cases stay in memory, not the file's text or its parsed lines. With `limit`, reading stops after
 * that many lines that are JSON objects.
 */
export async function readDataset(entry: DatasetEntry, configDir: string): Promise<Loaded> {
  const file = path.resolve(configDir, entry.path);
  const shown = displayPath(file);
  const read = entry.format === 'gsm8k' ? gsm8k(entry, shown) : entry.format === 'humaneval' ? humaneval(entry, shown) : generic(entry, shown);

  const cases: Case[] = [];
  const errors: InputError[] = [];
  let objects = 0;
  try {
    await forEachJsonlLine(file, shown, (line) => {
      if (entry.limit !== undefined && objects >= entry.limit) return false;
      if ('error' in line) {
        errors.push(line.error);
        return true;
      }
      objects++;
      const result = read(line);
      errors.push(...result.errors);
      if (result.case) cases.push(result.case);
      return true;
    });
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    errors.push(error);
  }

  // A file with no JSON object at all (missing, or not JSONL) is reported at the config's suite entry.
  if (objects === 0 && errors.length > 0) {
    return { cases: [], errors: errors.map((error) => (error.line ? error : new InputError({ ...entry.source, field: 'suite.path', problem: `${shown}: ${error.problem}`, fix: error.fix }))) };
  }
  return { cases, errors };
}

function idFor(entry: DatasetEntry, id: string): string {
  return `${entry.idPrefix ?? ''}${id}`;
}

/**
 * GSM8K: `question` is the prompt; the expected value is the text after `#### ` in `answer` with
 * commas dropped (the data set authors' rule). Cases are named by their 0-based line.
 */
function gsm8k(entry: DatasetEntry, file: string): LineReader {
  return validated(entry, file, (value, line) => {
    const question = value['question'];
    const answer = value['answer'];
    if (typeof question !== 'string' || typeof answer !== 'string') {
      return 'expected string fields "question" and "answer" (GSM8K format)';
    }
    const final = /####\s*(.+?)\s*$/.exec(answer);
    if (!final) return `the answer has no final "#### N" line: ${showValue(answer.slice(-60))}`;
    return { id: idFor(entry, String(line.index)), type: 'math', prompt: question, expected: final[1]!.replace(/,/g, '') };
  });
}

/**
 * HumanEval: the problem's `prompt` (a signature and docstring) is sent after an instruction; the
 * program that runs is prompt + completion + test + `check(entry_point)`.
 */
function humaneval(entry: DatasetEntry, file: string): LineReader {
  const timeoutS = typeof entry.defaults['timeout_s'] === 'number' ? entry.defaults['timeout_s'] : DEFAULT_CODE_TIMEOUT_S;
  const tags = tagsFrom(entry);
  return (line) => {
    const { task_id: taskId, prompt, test, entry_point: entryPoint } = line.value;
    if (typeof taskId !== 'string' || typeof prompt !== 'string' || typeof test !== 'string' || typeof entryPoint !== 'string') {
      return { errors: [new InputError({ file, line: line.line, problem: 'expected string fields "task_id", "prompt", "test" and "entry_point" (HumanEval format)', fix: 'use the HumanEval JSONL format, or format: jsonl with a field mapping' })] };
    }
    const kase: Case = {
      id: idFor(entry, taskId),
      type: 'code',
      messages: [{ role: 'user', content: `${HUMANEVAL_INSTRUCTION}\n\n\`\`\`python\n${prompt}\`\`\`` }],
      tags,
      source: { file, line: line.line },
      index: line.index,
      language: 'python',
      codePrefix: prompt,
      tests: test,
      entryPoint,
      timeoutS,
    };
    return { case: kase, errors: [] };
  };
}

/**
 * Generic JSONL: with `prompt_field`, each line is mapped (`prompt_field`, `expected_field`,
 * `id_field`, the entry's `type` and `defaults`); without it, each line is a case in the suite format.
 */
function generic(entry: DatasetEntry, file: string): LineReader {
  return validated(entry, file, (value, line) => {
    if (entry.promptField === undefined) {
      // The line's object was parsed for this case alone, so it is completed in place.
      value['id'] ??= idFor(entry, String(line.index));
      return value;
    }

    const prompt = fieldValue(value, entry.promptField);
    if (typeof prompt !== 'string') return `field "${entry.promptField}" (prompt_field) is ${showValue(prompt)}, expected a string`;
    const mapped: Record<string, unknown> = { type: entry.type, prompt };
    if (entry.expectedField !== undefined) mapped['expected'] = fieldValue(value, entry.expectedField);
    const id = entry.idField === undefined ? String(line.index) : fieldValue(value, entry.idField);
    mapped['id'] = typeof id === 'string' || typeof id === 'number' ? idFor(entry, String(id)) : id;
    return mapped;
  });
}

/** Reads `a.b.c` from nested objects. */
function fieldValue(value: Record<string, unknown>, field: string): unknown {
  let current: unknown = value;
  for (const part of field.split('.')) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}

function tagsFrom(entry: DatasetEntry): string[] {
  const tags = entry.defaults['tags'];
  return Array.isArray(tags) ? tags.map(String) : [];
}

/**
 * Maps each line to a suite case, merges it over the entry's defaults and validates it. A line's
 * object is merged into a new one only when the entry has defaults: the copies of a 20,000-line data
 * set left about 3 MB of garbage in the old generation (docs/benchmarks.md, "Where the memory goes").
 */
function validated(entry: DatasetEntry, file: string, map: (value: Record<string, unknown>, line: JsonlLine) => Record<string, unknown> | string): LineReader {
  const hasDefaults = Object.keys(entry.defaults).length > 0;
  return (line) => {
    const mapped = map(line.value, line);
    if (typeof mapped === 'string') {
      return { errors: [new InputError({ file, line: line.line, problem: mapped, fix: `check the line against the ${entry.format} format` })] };
    }
    const merged = hasDefaults ? { ...entry.defaults, ...mapped } : mapped;
    const parsed = rawCaseSchema.safeParse(merged);
    const site = { file, line: line.line, field: '', index: line.index, lineOf: () => line.line };
    if (!parsed.success) return { errors: issuesToErrors(site, merged, parsed.error.issues, { knownKeys: () => CASE_KEYS }) };
    return toCase(parsed.data, site);
  };
}
