// Model outputs and reasoning kept in a temporary file instead of in memory, so that a run's memory
// does not grow with the length of what the models write.

import { closeSync, openSync, readSync, unlinkSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { CaseResult, SourceLocation, Usage } from '../types.js';

/** Closes the file of an AnswerFile that is no longer reachable, with the rows that read from it. */
const closeWhenUnreachable = new FinalizationRegistry<number>((fd) => {
  try {
    closeSync(fd);
  } catch {
    // Already closed, e.g. while the process exits.
  }
});

/**
 * A temporary file of texts written once and read back by position. The file is deleted as soon as
 * it is open (on Windows, when the process exits), so nothing is left behind if the process is
 * killed. It is closed once no row refers to it any more.
 */
export class AnswerFile {
  private readonly fd: number;
  private size = 0;
  private scratch = Buffer.alloc(0);

  constructor(folder = os.tmpdir()) {
    const file = path.join(folder, `llm-bench-answers-${process.pid}-${randomUUID()}`);
    this.fd = openSync(file, 'w+', 0o600);
    removeWhenPossible(file);
    closeWhenUnreachable.register(this, this.fd);
  }

  /** Appends `text` and returns where it starts and its length, both in bytes. */
  write(text: string): [offset: number, bytes: number] {
    const data = Buffer.from(text, 'utf8');
    const offset = this.size;
    let done = 0;
    while (done < data.length) done += writeSync(this.fd, data, done, data.length - done, offset + done);
    this.size += data.length;
    return [offset, data.length];
  }

  read(offset: number, bytes: number): string {
    if (this.scratch.length < bytes) this.scratch = Buffer.alloc(Math.max(bytes, 2 * this.scratch.length, 4096));
    let done = 0;
    while (done < bytes) {
      const read = readSync(this.fd, this.scratch, done, bytes - done, offset + done);
      if (read === 0) throw new Error(`the answer file ended too early: at byte ${offset + done}, inside a ${bytes}-byte text`);
      done += read;
    }
    return this.scratch.toString('utf8', 0, bytes);
  }

  /**
   * Returns the row with its output and reasoning moved to this file, which it reads them back from
   * when they are used. When the file cannot be written (a full disk), returns the row unchanged,
   * texts in memory, so that the run goes on.
   */
  keep(row: CaseResult): CaseResult {
    try {
      return new StoredRow(row, this);
    } catch {
      return row;
    }
  }
}

/** Writes `text` to the file and returns its offset and byte length, or [-1, 0] for null. */
function place(file: AnswerFile, text: string | null): [offset: number, bytes: number] {
  return text === null ? [-1, 0] : file.write(text);
}

function removeWhenPossible(file: string): void {
  try {
    unlinkSync(file);
  } catch {
    // Windows does not remove a file that is open.
    process.once('exit', () => {
      try {
        unlinkSync(file);
      } catch {
        // Nothing more can be done while exiting.
      }
    });
  }
}

/**
 * A CaseResult whose `output` and `reasoning` are read from an AnswerFile when used. `toJSON` gives
 * the fields in the order of a plain row, so that results.json is the same either way.
 */
class StoredRow implements CaseResult {
  readonly id: string;
  readonly model: string;
  readonly type: CaseResult['type'];
  readonly sample: number;
  readonly tags: string[];
  readonly source: SourceLocation;
  readonly pass: boolean;
  readonly score: number;
  readonly reason: string;
  /** Offsets and byte lengths in the answer file. An offset of -1 means null. */
  private readonly outputAt: number;
  private readonly outputBytes: number;
  private readonly reasoningAt: number;
  private readonly reasoningBytes: number;
  readonly latency_ms: number | null;
  readonly ttft_ms: number | null;
  readonly tokens_per_s: number | null;
  readonly usage: Usage | null;
  readonly cost_usd: number | null;
  readonly finish_reason: string | null;
  readonly error: string | null;
  readonly retries: number;
  readonly cached: boolean;

  constructor(
    row: CaseResult,
    private readonly file: AnswerFile,
  ) {
    this.id = row.id;
    this.model = row.model;
    this.type = row.type;
    this.sample = row.sample;
    this.tags = row.tags;
    this.source = row.source;
    this.pass = row.pass;
    this.score = row.score;
    this.reason = row.reason;
    [this.outputAt, this.outputBytes] = place(file, row.output);
    [this.reasoningAt, this.reasoningBytes] = place(file, row.reasoning);
    this.latency_ms = row.latency_ms;
    this.ttft_ms = row.ttft_ms;
    this.tokens_per_s = row.tokens_per_s;
    this.usage = row.usage;
    this.cost_usd = row.cost_usd;
    this.finish_reason = row.finish_reason;
    this.error = row.error;
    this.retries = row.retries;
    this.cached = row.cached;
  }

  get output(): string | null {
    return this.outputAt < 0 ? null : this.file.read(this.outputAt, this.outputBytes);
  }

  get reasoning(): string | null {
    return this.reasoningAt < 0 ? null : this.file.read(this.reasoningAt, this.reasoningBytes);
  }

  toJSON(): CaseResult {
    return {
      id: this.id,
      model: this.model,
      type: this.type,
      sample: this.sample,
      tags: this.tags,
      source: this.source,
      pass: this.pass,
      score: this.score,
      reason: this.reason,
      output: this.output,
      reasoning: this.reasoning,
      latency_ms: this.latency_ms,
      ttft_ms: this.ttft_ms,
      tokens_per_s: this.tokens_per_s,
      usage: this.usage,
      cost_usd: this.cost_usd,
      finish_reason: this.finish_reason,
      error: this.error,
      retries: this.retries,
      cached: this.cached,
    };
  }
}
