import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { CaseResult } from '../types.js';

/**
 * results.jsonl: every finished row is appended as one JSON line the moment it is scored. Each write
 * is synchronous, so a row is in the file even if the process is killed right after.
 */
export class RowLog {
  private readonly fd: number;

  constructor(file: string, options: { append: boolean }) {
    mkdirSync(path.dirname(file), { recursive: true });
    this.fd = openSync(file, options.append ? 'a' : 'w');
  }

  write(row: CaseResult): void {
    writeSync(this.fd, `${JSON.stringify(row)}\n`);
  }

  close(): void {
    closeSync(this.fd);
  }
}

/** Key that pairs a row with the job that made it. */
export function rowKey(model: string, id: string, sample: number): string {
  return JSON.stringify([model, id, sample]);
}

/**
 * Reads the rows of an earlier run's results.jsonl for --resume; the last line for a key wins.
 * A missing file gives no rows; a line cut short by a crash is skipped.
 */
export async function readRowLog(file: string): Promise<Map<string, CaseResult>> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return new Map();
    throw error;
  }

  const rows = new Map<string, CaseResult>();
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    try {
      const row = JSON.parse(line) as CaseResult;
      rows.set(rowKey(row.model, row.id, row.sample), row);
    } catch {
      // A line cut short when the earlier run was killed; that row is run again.
    }
  }
  return rows;
}
