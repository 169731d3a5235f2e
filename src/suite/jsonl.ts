import { open, type FileHandle } from 'node:fs/promises';
import { InputError } from '../errors.js';

export interface JsonlLine {
  /** 1-based line number in the file. */
  line: number;
  /** 0-based position among the non-blank lines, which data sets use as the case index. */
  index: number;
  value: Record<string, unknown>;
}

/** Bytes read at a time: large enough that splitting chunks into lines costs little. */
const READ_CHUNK_BYTES = 1 << 20;

/** One non-blank line of a JSONL file: its object, or why it is not one. */
export type JsonlEntry = JsonlLine | { line: number; index: number; error: InputError };

/**
 * Reads a JSONL file line by line and calls `visit` with each non-blank line, so that a large data
 * set never sits in memory as one string or as one array of parsed lines. A line that is not a JSON
 * object is passed as an error naming its line number. A UTF-8 byte-order mark at the start is
 * ignored. When `visit` returns false, reading stops and the file is closed. A file that cannot be
 * read throws an InputError without a line number.
 */
export async function forEachJsonlLine(file: string, shown: string, visit: (entry: JsonlEntry) => boolean | void): Promise<void> {
  let handle: FileHandle;
  try {
    handle = await open(file, 'r');
  } catch (error) {
    throw unreadable(error, shown);
  }

  let lineNumber = 0;
  let index = 0;
  // Returns false once `visit` returns false.
  const take = (row: string): boolean => {
    lineNumber++;
    const text = row.endsWith('\r') ? row.slice(0, -1) : row;
    if (text.trim() === '') return true;
    return visit(parseLine(text, { line: lineNumber, index: index++ }, shown)) !== false;
  };

  try {
    // Lines are cut from the bytes and decoded one at a time. Decoding a whole chunk and splitting the
    // text would make every line, and every string that JSON.parse takes from it, a slice of the
    // chunk's 1 MB string, which would then stay in memory as long as any case did.
    let pending: Buffer[] = []; // the start of a line that a later chunk ends
    let first = true;
    for await (const chunk of handle.createReadStream({ autoClose: false, highWaterMark: READ_CHUNK_BYTES })) {
      let bytes = chunk as Buffer;
      if (first && bytes.subarray(0, UTF8_BOM.length).equals(UTF8_BOM)) bytes = bytes.subarray(UTF8_BOM.length);
      first = false;

      let start = 0;
      for (let end = bytes.indexOf(NEWLINE); end !== -1; end = bytes.indexOf(NEWLINE, start)) {
        const piece = bytes.subarray(start, end);
        const line = pending.length > 0 ? Buffer.concat([...pending, piece]) : piece;
        pending = [];
        if (!take(line.toString('utf8'))) return;
        start = end + 1;
      }
      if (start < bytes.length) pending.push(bytes.subarray(start));
    }
    if (pending.length > 0) take(Buffer.concat(pending).toString('utf8'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === undefined) throw error;
    throw unreadable(error, shown);
  } finally {
    await handle.close();
  }
}

const NEWLINE = 0x0a;
const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

function unreadable(error: unknown, shown: string): InputError {
  const code = (error as NodeJS.ErrnoException).code;
  const problem = code === 'ENOENT' ? 'file not found' : `cannot read the file (${code ?? String(error)})`;
  return new InputError({ file: shown, problem, fix: 'check the path; it is relative to the folder of the config file' });
}

function parseLine(text: string, at: { line: number; index: number }, shown: string): JsonlEntry {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { line: at.line, index: at.index, error: new InputError({ file: shown, line: at.line, problem: `invalid JSON: ${(error as Error).message}`, fix: 'write one JSON object per line' }) };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { line: at.line, index: at.index, error: new InputError({ file: shown, line: at.line, problem: 'expected a JSON object on this line', fix: 'write one JSON object per line' }) };
  }
  return { line: at.line, index: at.index, value: value as Record<string, unknown> };
}

/**
 * Reads a whole JSONL file into objects, for files that are kept whole anyway (replay files).
 * A file that cannot be read gives one error without a line number.
 */
export async function readJsonl(file: string, shown: string): Promise<{ lines: JsonlLine[]; errors: InputError[] }> {
  const lines: JsonlLine[] = [];
  const errors: InputError[] = [];
  try {
    await forEachJsonlLine(file, shown, (entry) => {
      if ('error' in entry) errors.push(entry.error);
      else lines.push(entry);
    });
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    errors.push(error);
  }
  return { lines, errors };
}
