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
  await writeChunks(paths.json, jsonChunks(results));
  await writeChunks(paths.csv, csvChunks(results));
  const report = renderReport(results, reportOptions);
  await writeChunks(paths.report, [report]);
  await writeChunks(paths.junit, junitChunks(results));
  return report;
}

/**
 * Text collected before each write call of `writeChunks`, in UTF-16 code units: at most 64 KB as a
 * string, below V8's large-object size (128 KB). Larger strings go to the large-object space, which
 * only a full collection frees. With 256K characters, the end of a 20,000-row run rose by about 10 MB RSS.
 */
const WRITE_BUFFER_CHARS = 32 * 1024;

/** Writes the chunks to `file` as UTF-8, about WRITE_BUFFER_CHARS per write call. */
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

/**
 * Yields exactly the text of `JSON.stringify(results, null, 2)` plus a newline, but renders the
 * `cases` array one row at a time. The whole text of a 20,000-row run is about 16 MB, and rendering
 * it at once would keep it in memory twice, as a string and as a UTF-8 buffer.
 */
function* jsonChunks(results: RunResults): Generator<string> {
  const { head, tail } = splitAroundCases(results);
  yield head;
  for (const [index, row] of results.cases.entries()) {
    yield `${index === 0 ? '\n' : ',\n'}    ${JSON.stringify(row, null, 2).replace(/\n/g, '\n    ')}`;
  }
  yield tail;
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
