import { mkdir, open, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { renderCsv } from '../report/csv.js';
import { renderJunit } from '../report/junit.js';
import { renderReport, type ReportOptions } from '../report/markdown.js';
import type { OutputPaths, RunResults } from '../types.js';

/**
 * Writes results.json, results.csv, the Markdown report and JUnit XML, and returns the report's text.
 * Each file is written before the next one is rendered, so that memory contains one file's text at a
 * time. results.json is written row by row.
 */
export async function writeResults(results: RunResults, paths: OutputPaths, reportOptions: ReportOptions = {}): Promise<string> {
  await writeJson(paths.json, results);
  await writeText(paths.csv, renderCsv(results));
  const report = renderReport(results, reportOptions);
  await writeText(paths.report, report);
  await writeText(paths.junit, renderJunit(results));
  return report;
}

async function writeText(file: string, text: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, text, 'utf8');
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
