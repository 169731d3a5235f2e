// Pass-rate trend charts of the recent runs, for the job summary of scheduled runs. Each model gets
// one Mermaid `xychart-beta` line chart (GitHub renders Mermaid code blocks), with the run dates on
// the x axis and the pass rate on a 0–100% y axis. A table of the figures comes first.

import { markdownTable } from 'markdown-table';

import type { HistoryModel, HistoryRun, RunHistory } from '../results/history.js';
import { escapeMarkdown, sanitizeText, truncateCodePoints } from './escape.js';
import { formatCount, formatPercent, NO_VALUE } from './format.js';

export interface TrendOptions {
  /** Size limit of the section in UTF-8 bytes; charts that do not fit are left out with a note. */
  maxBytes?: number;
}

/** Default size limit: a small share of the job summary's 1 MiB, so the report keeps its room. */
export const TREND_MAX_BYTES = 64 * 1024;

const TITLE_MAX_CHARS = 80;

/** One model's points: the runs it ran in, oldest first. */
interface ModelSeries {
  name: string;
  runs: HistoryRun[];
  points: HistoryModel[];
}

/**
 * Renders the "Pass-rate trend" section: a table with each model's latest pass rate, its 95%
 * interval and its range over the history, then one chart per model. Returns '' for a history
 * without runs. Charts that do not fit `maxBytes` are counted in a note instead.
 */
export function renderTrendSection(history: RunHistory, options: TrendOptions = {}): string {
  const maxBytes = options.maxBytes ?? TREND_MAX_BYTES;
  const series = collectSeries(history);
  if (series.length === 0) {
    return '';
  }

  const intro = `Pass rate of the last ${plural(history.runs.length, 'run')}, oldest first.`;
  const parts = ['## Pass-rate trend', intro, renderTrendTable(series)];
  let used = Buffer.byteLength(parts.join('\n\n'), 'utf8');

  let omitted = 0;
  for (const model of series) {
    const chart = renderChart(model);
    const size = Buffer.byteLength(chart, 'utf8') + 2;
    if (omitted > 0 || used + size > maxBytes - 200) {
      omitted += 1;
      continue;
    }
    parts.push(chart);
    used += size;
  }
  if (omitted > 0) {
    parts.push(`_${plural(omitted, 'chart')} left out to stay within the job summary's size limit; the figures are in history.json._`);
  }
  return `${parts.join('\n\n')}\n`;
}

/** Groups the history by model, in the order models first appear. */
function collectSeries(history: RunHistory): ModelSeries[] {
  const byName = new Map<string, ModelSeries>();
  for (const run of history.runs) {
    for (const model of run.models) {
      let series = byName.get(model.name);
      if (series === undefined) {
        series = { name: model.name, runs: [], points: [] };
        byName.set(model.name, series);
      }
      series.runs.push(run);
      series.points.push(model);
    }
  }
  return [...byName.values()];
}

function renderTrendTable(series: readonly ModelSeries[]): string {
  const header = ['Model', 'Runs', 'Latest', '95% CI', 'Lowest', 'Highest'];
  const rows = series.map((model) => {
    const latest = model.points[model.points.length - 1];
    const rates = model.points.map((point) => point.pass_rate);
    const interval = latest.pass_rate_ci;
    return [
      escapeMarkdown(model.name),
      formatCount(model.points.length),
      `${formatPercent(latest.pass_rate)} (${formatCount(latest.passed)}/${formatCount(latest.total)})`,
      interval === null || interval === undefined ? NO_VALUE : `${formatPercent(interval.low)}–${formatPercent(interval.high)}`,
      formatPercent(Math.min(...rates)),
      formatPercent(Math.max(...rates)),
    ];
  });
  return markdownTable([header, ...rows], { alignDelimiters: false, align: ['l', 'r', 'r', 'r', 'r', 'r'] });
}

/** Renders one model's chart as a fenced Mermaid block. */
export function renderChart(model: { name: string; runs: readonly HistoryRun[]; points: readonly HistoryModel[] }): string {
  const labels = uniqueLabels(model.runs.map((run) => run.finished_at));
  const values = model.points.map((point) => (Math.round(point.pass_rate * 1000) / 10).toString());
  return [
    '```mermaid',
    'xychart-beta',
    `    title "${mermaidText(`${model.name} pass rate`)}"`,
    `    x-axis [${labels.map((label) => `"${label}"`).join(', ')}]`,
    '    y-axis "Pass rate (%)" 0 --> 100',
    `    line [${values.join(', ')}]`,
    '```',
  ].join('\n');
}

/**
 * Labels the runs by date (`03-01`), adding the time (`03-01 04:10`) when two runs share a date and
 * a counter when they share the minute too. Mermaid places equal labels at one point, so every
 * label must be unique.
 */
export function uniqueLabels(timestamps: readonly string[]): string[] {
  const dates = timestamps.map((time) => time.slice(5, 10));
  const minutes = timestamps.map((time) => `${time.slice(5, 10)} ${time.slice(11, 16)}`);
  const labels = new Set(dates).size === dates.length ? dates : minutes;

  const seen = new Map<string, number>();
  return labels.map((label) => {
    const count = (seen.get(label) ?? 0) + 1;
    seen.set(label, count);
    return count === 1 ? label : `${label} (${count})`;
  });
}

/**
 * Makes text safe inside a double-quoted Mermaid string: one line without control characters,
 * double quotes turned into single quotes (Mermaid strings have no escape for them), `%%` (the
 * comment marker) broken up, and at most TITLE_MAX_CHARS code points.
 */
export function mermaidText(text: string): string {
  const line = sanitizeText(text).replace(/[\r\n\u2028\u2029\t]+/g, ' ').replace(/"/g, "'").replace(/`/g, "'").replace(/%%/g, '% %');
  return truncateCodePoints(line.trim(), TITLE_MAX_CHARS);
}

function plural(count: number, noun: string): string {
  return `${formatCount(count)} ${noun}${count === 1 ? '' : 's'}`;
}
