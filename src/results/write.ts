import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { renderCsv } from '../report/csv.js';
import { renderJunit } from '../report/junit.js';
import { renderReport, type ReportOptions } from '../report/markdown.js';
import type { OutputPaths, RunResults } from '../types.js';

/** Writes results.json, results.csv, the Markdown report and JUnit XML; returns the report's text. */
export async function writeResults(results: RunResults, paths: OutputPaths, reportOptions: ReportOptions = {}): Promise<string> {
  const report = renderReport(results, reportOptions);
  const files: Array<[string, string]> = [
    [paths.json, `${JSON.stringify(results, null, 2)}\n`],
    [paths.csv, renderCsv(results)],
    [paths.report, report],
    [paths.junit, renderJunit(results)],
  ];

  for (const [file, text] of files) {
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, text, 'utf8');
  }
  return report;
}
