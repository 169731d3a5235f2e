import { mkdir, open } from 'node:fs/promises';
import path from 'node:path';
import { csvChunks } from '../report/csv.js';
import { junitChunks } from '../report/junit.js';
import { renderReport, type ReportOptions } from '../report/markdown.js';
import type { OutputPaths, RunResults } from '../types.js';

/**
 * Writes results.json, results.csv, the Markdown report and JUnit XML, and returns the report's text.
 * Each file is written before the next one is rendered, and results.json, the CSV and the XML are
 * rendered and written a few hundred rows at a time, so that no whole file is kept in memory.
 */
export async function writeResults(results: RunResults, paths: OutputPaths, reportOptions: ReportOptions = {}): Promise<string> {
  await writeJson(paths.json, results);
  await writeChunks(paths.csv, csvChunks(results));
  const report = renderReport(results, reportOptions);
  await writeChunks(paths.report, [report]);
  await writeChunks(paths.junit, junitChunks(results));
  return report;
}

/** Text collected before each write call of `writeChunks`, in UTF-16 code units. */
const WRITE_BUFFER_CHARS = 256 * 1024;

/** Writes the chunks to `file` as UTF-8, a few hundred kilobytes per write call. */
async function writeChunks(file: string, chunks: Iterable<string>): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const handle = await open(file, 'w');
  try {
    let buffered: string[] = [];
    let size = 0;
    for (const chunk of chunks) {
      buffered.push(chunk);
      size += chunk.length;
      if (size >= WRITE_BUFFER_CHARS) {
        await handle.write(buffered.join(''));
        buffered = [];
        size = 0;
      }
    }
    if (size > 0) await handle.write(buffered.join(''));
  } finally {
    await handle.close();
  }
}

/** Rows of results.json per write call: about 0.4 MB of text when outputs are short. */
const ROWS_PER_WRITE = 500;

/**
 * Writes exactly the text of `JSON.stringify(results, null, 2)` plus a newline, but renders the
 * `cases` array one row at a time. The whole text of a 20,000-row run is about 16 MB, and writing it
 * at once would keep it in memory twice, as a string and as a UTF-8 buffer.
 */
async function writeJson(file: string, results: RunResults): Promise<void> {
  const { head, tail } = splitAroundCases(results);
  await mkdir(path.dirname(file), { recursive: true });
  const handle = await open(file, 'w');
  try {
    await handle.write(head);
    for (let start = 0; start < results.cases.length; start += ROWS_PER_WRITE) {
      const rows = results.cases.slice(start, start + ROWS_PER_WRITE).map((row) => `    ${JSON.stringify(row, null, 2).replace(/\n/g, '\n    ')}`);
      await handle.write(`${start === 0 ? '\n' : ',\n'}${rows.join(',\n')}`);
    }
    await handle.write(tail);
  } finally {
    await handle.close();
  }
}

/**
 * Renders results.json with an empty `cases` array and splits it there: `head` ends with the array's
 * `[` and `tail` starts with its `]`, indented as JSON.stringify indents it when it has rows. A
 * top-level key is the only one indented by exactly two spaces, so the split point is unique.
 */
function splitAroundCases(results: RunResults): { head: string; tail: string } {
  const text = `${JSON.stringify({ ...results, cases: [] }, null, 2)}\n`;
  const marker = '\n  "cases": []';
  const at = text.indexOf(marker);
  const head = text.slice(0, at + marker.length - 1);
  const tail = text.slice(at + marker.length - 1);
  return results.cases.length === 0 ? { head, tail } : { head, tail: `\n  ${tail}` };
}
