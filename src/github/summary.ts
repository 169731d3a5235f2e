// The job summary and the action outputs.

import { stat } from 'node:fs/promises';

import * as core from '@actions/core';

import { cutToFit } from '../report/budget.js';
import { JOB_SUMMARY_MAX_BYTES } from '../report/limits.js';
import { buildReport, type RenderedReport, type ReportOptions } from '../report/markdown.js';
import type { OutputPaths, RunResults } from '../types.js';

export interface JobSummaryResult {
  /** Bytes written. */
  bytes: number;
  /** Failing rows left out of the summary to stay within its limit. */
  omittedRows: number;
}

/**
 * Appends the report to this step's job summary (`$GITHUB_STEP_SUMMARY`) within the 1 MiB a step
 * may write, less what the step already wrote there. Given results, it renders the report to fit,
 * leaving out failing rows as needed. Given rendered Markdown, it cuts the text at a line when it
 * is too long. Either way it logs a warning when something was left out. Returns undefined, after
 * an info line, when `GITHUB_STEP_SUMMARY` is not set (outside GitHub Actions).
 */
export async function writeJobSummary(
  report: RunResults | string,
  options: Omit<ReportOptions, 'maxChars' | 'maxBytes'> = {},
): Promise<JobSummaryResult | undefined> {
  const summaryPath = process.env.GITHUB_STEP_SUMMARY;
  if (summaryPath === undefined || summaryPath === '') {
    core.info('GITHUB_STEP_SUMMARY is not set, so no job summary is written (not running in GitHub Actions).');
    return undefined;
  }

  const used = await fileSize(summaryPath);
  const maxBytes = Math.max(0, JOB_SUMMARY_MAX_BYTES - used);
  const fitted =
    typeof report === 'string'
      ? fitMarkdown(report, maxBytes)
      : buildReport(report, { ...options, maxChars: Number.POSITIVE_INFINITY, maxBytes });

  await core.summary.addRaw(fitted.markdown).write();

  if (fitted.cut || fitted.omittedRows > 0) {
    const left = fitted.cut ? 'the end of the report is cut' : `${fitted.omittedRows} failing answers are left out`;
    core.warning(
      `The job summary was trimmed to fit GitHub's limit of ${JOB_SUMMARY_MAX_BYTES} bytes per step: ${left}. All results are in results.json and results.csv.`,
    );
  }
  return { bytes: Buffer.byteLength(fitted.markdown, 'utf8'), omittedRows: fitted.omittedRows };
}

function fitMarkdown(markdown: string, maxBytes: number): RenderedReport {
  if (Buffer.byteLength(markdown, 'utf8') <= maxBytes) {
    return { markdown, omittedRows: 0, cut: false };
  }
  const note = "\n\n_Report cut to stay within GitHub's size limit; the full results are in results.json._\n";
  return { markdown: cutToFit(markdown, note, Number.POSITIVE_INFINITY, maxBytes), omittedRows: 0, cut: true };
}

/**
 * Sets the action outputs: `passed` ("true" or "false", the gate), `pass-rate` (JSON object from
 * model name to pass rate in [0, 1]), and the paths `results-json`, `results-csv`, `report`
 * and `junit`.
 */
export function writeOutputs(results: RunResults, paths: OutputPaths): void {
  const passRates = Object.fromEntries(results.models.map((model) => [model.name, model.pass_rate]));

  core.setOutput('passed', results.gate.passed ? 'true' : 'false');
  core.setOutput('pass-rate', JSON.stringify(passRates));
  core.setOutput('results-json', paths.json);
  core.setOutput('results-csv', paths.csv);
  core.setOutput('report', paths.report);
  core.setOutput('junit', paths.junit);
}

/** Returns the size of the file in bytes, or 0 when it does not exist yet. */
async function fileSize(file: string): Promise<number> {
  try {
    return (await stat(file)).size;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      return 0;
    }
    throw error;
  }
}
