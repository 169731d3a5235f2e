import { closeSync, existsSync, mkdirSync, openSync, writeSync } from 'node:fs';
import path from 'node:path';
import { InputError } from '../errors.js';
import { displayPath } from '../suite/files.js';
import { forEachJsonlLine } from '../suite/jsonl.js';
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
 * A missing file gives no rows; a line cut short by a crash is skipped. The file is read a line at a
 * time and each row goes through `keep` (the run's AnswerFile moves its output to disk), so that a
 * large file of long outputs is never in memory whole.
 */
export async function readRowLog(file: string, keep: (row: CaseResult) => CaseResult = (row) => row): Promise<Map<string, CaseResult>> {
  const rows = new Map<string, CaseResult>();
  try {
    await forEachJsonlLine(file, displayPath(file), (entry) => {
      // A line that is not a JSON object was cut short when the earlier run was killed; that row is run again.
      if ('error' in entry) return;
      const row = entry.value as unknown as CaseResult;
      rows.set(rowKey(row.model, row.id, row.sample), keep(row));
    });
  } catch (error) {
    if (error instanceof InputError && !existsSync(file)) return rows;
    throw error;
  }
  return rows;
}
