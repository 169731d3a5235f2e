import { readFile } from 'node:fs/promises';
import { InputError } from '../errors.js';

export interface JsonlLine {
  /** 1-based line number in the file. */
  line: number;
  /** 0-based position among the non-blank lines, which data sets use as the case index. */
  index: number;
  value: Record<string, unknown>;
}

/**
 * Reads a JSONL file into objects. Blank lines are skipped; a line that is not a JSON object is an
 * error naming its line number. A UTF-8 byte-order mark at the start is ignored.
 */
export async function readJsonl(file: string, shown: string): Promise<{ lines: JsonlLine[]; errors: InputError[] }> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const problem = code === 'ENOENT' ? 'file not found' : `cannot read the file (${code ?? String(error)})`;
    return { lines: [], errors: [new InputError({ file: shown, problem, fix: 'check the path; it is relative to the folder of the config file' })] };
  }

  const lines: JsonlLine[] = [];
  const errors: InputError[] = [];
  const rows = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  rows.forEach((row, position) => {
    if (row.trim() === '') return;
    const line = position + 1;
    let value: unknown;
    try {
      value = JSON.parse(row);
    } catch (error) {
      errors.push(new InputError({ file: shown, line, problem: `invalid JSON: ${(error as Error).message}`, fix: 'write one JSON object per line' }));
      return;
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      errors.push(new InputError({ file: shown, line, problem: 'expected a JSON object on this line', fix: 'write one JSON object per line' }));
      return;
    }
    lines.push({ line, index: lines.length + errors.length, value: value as Record<string, unknown> });
  });
  return { lines, errors };
}
