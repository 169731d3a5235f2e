// The Markdown report posted as a pull request comment and written to the job summary: a headline,
// one overview row per model, the gate failures, the baseline comparison and the failing cases,
// kept within a size limit.

import { markdownTable } from 'markdown-table';

import { CASE_TYPES } from '../types.js';
import type { GateFailure, ModelSummary, RunResults } from '../types.js';
import { renderBaselineSection } from './baseline.js';
import { cutToFit, SizeBudget } from './budget.js';
import { escapeMarkdown } from './escape.js';
import { renderErrorSection } from './errors.js';
import { countFailing, encodeLinkDestination, renderFailingSection, type SourceUrl } from './failing.js';
import { formatCost, formatCount, formatLatency, formatPercent, NO_VALUE } from './format.js';
import { COMMENT_MARKER_RESERVE_CHARS, PR_COMMENT_MAX_CHARS } from './limits.js';

export interface ReportOptions {
  /** Heading of the report; defaults to `llm-bench results`. */
  title?: string;
  /**
   * Maximum length in UTF-16 code units. Defaults to GitHub's comment limit less room for the
   * comment marker.
   */
  maxChars?: number;
  /** Maximum size in UTF-8 bytes, for the job summary; no byte limit when unset. */
  maxBytes?: number;
  /** Page with the full report (the job summary), linked when failing cases are cut. */
  detailsUrl?: string;
  /** Link to a case's line in its suite file; the case id is shown unlinked when it returns undefined. */
  sourceUrl?: SourceUrl;
}

export interface RenderedReport {
  markdown: string;
  /** Failing rows left out to stay within the size limit. */
  omittedRows: number;
  /** True when even the overview did not fit and the report was cut at a line. */
  cut: boolean;
}

export const DEFAULT_REPORT_MAX_CHARS = PR_COMMENT_MAX_CHARS - COMMENT_MARKER_RESERVE_CHARS;

/** Gate failures listed; the rest are counted. Each failure also shows in its model's verdict. */
const MAX_LISTED_GATE_FAILURES = 50;

const METRIC_LABELS: Record<GateFailure['metric'], string> = {
  pass_rate: 'pass rate',
  error_rate: 'error rate',
};

/** Renders the report as GitHub Markdown; see `buildReport`. */
export function renderReport(results: RunResults, options: ReportOptions = {}): string {
  return buildReport(results, options).markdown;
}

/**
 * Renders the report within `maxChars` and `maxBytes`. The headline, overview, gate failures and
 * baseline comparison are always included, and failing cases fill the room left. When even the
 * fixed parts are too long (thousands of models), the text is cut at a line with a note.
 */
export function buildReport(results: RunResults, options: ReportOptions = {}): RenderedReport {
  const maxChars = options.maxChars ?? DEFAULT_REPORT_MAX_CHARS;
  const maxBytes = options.maxBytes ?? Number.POSITIVE_INFINITY;
  const budget = new SizeBudget(maxChars, maxBytes);

  const head = [
    `## ${escapeMarkdown(options.title ?? 'llm-bench results')}`,
    renderHeadline(results),
    renderRunNotes(results),
    renderOverview(results),
    renderGateFailures(results.gate.failures),
    renderErrorSection(results.cases),
    renderBaselineSection(results, { sourceUrl: options.sourceUrl, detailsUrl: options.detailsUrl, maxChars, maxBytes }),
  ].filter((part) => part !== '');
  const totalFailing = countFailing(results.cases);
  budget.force(head.join('\n\n') + '\n\n');
  budget.force(renderFooter(results, options.detailsUrl));

  const omittedNote = (count: number): string => renderOmittedNote(count, options.detailsUrl);
  const failing = renderFailingSection(results.cases, budget, { omittedNote, sourceUrl: options.sourceUrl });
  const parts = failing.markdown === '' ? head : [...head, failing.markdown];
  const markdown = `${parts.join('\n\n')}\n\n${renderFooter(results, options.detailsUrl)}`;

  if (budget.exceeded) {
    const note = `\n\n${renderCutNote(options.detailsUrl)}\n`;
    return { markdown: cutToFit(markdown, note, maxChars, maxBytes), omittedRows: totalFailing, cut: true };
  }
  return { markdown, omittedRows: failing.omitted, cut: false };
}

function renderHeadline(results: RunResults): string {
  const { gate, models, cases } = results;
  const verdict = gate.passed ? '✅ **Gate passed**' : `❌ **Gate failed**${renderGateReasons(results)}`;
  const caseCount = new Set(cases.map((row) => row.id)).size;

  const parts = [verdict, plural(models.length, 'model'), plural(caseCount, 'case')];
  if (cases.some((row) => row.sample > 0)) {
    parts.push(plural(cases.length, 'answer'));
  }
  parts.push(`run ${escapeMarkdown(results.run.id)}`);
  if (results.run.partial) {
    parts.push('⚠️ partial run');
  }
  return parts.join(' · ');
}

/** Counts what failed the gate, as ` (3 thresholds not met, 1 regression against the baseline)`, or returns ''. */
function renderGateReasons(results: RunResults): string {
  const reasons: string[] = [];
  if (results.gate.failures.length > 0) {
    reasons.push(`${plural(results.gate.failures.length, 'threshold')} not met`);
  }
  const regressions = results.baseline?.failures?.length ?? 0;
  if (regressions > 0) {
    reasons.push(`${plural(regressions, 'regression')} against the baseline`);
  }
  return reasons.length === 0 ? '' : ` (${reasons.join(', ')})`;
}

/** Lists why the run or a model stopped early and what the budget allowed, or returns ''. */
function renderRunNotes(results: RunResults): string {
  const { run } = results;
  const notes: string[] = [];
  if (run.partial) {
    const reason = run.partial_reason === null ? 'no reason recorded' : escapeMarkdown(run.partial_reason, { maxChars: 200 });
    notes.push(`⚠️ The run ended before every case was done: ${reason}.`);
  }
  for (const model of results.models) {
    if (model.stopped !== null && model.stopped !== undefined) {
      notes.push(`⚠️ ${escapeMarkdown(model.name)} stopped early: ${escapeMarkdown(model.stopped, { maxChars: 500 })}.`);
    }
  }
  if (run.budget !== null && run.budget !== undefined) {
    notes.push(`Spent ${formatCost(run.budget.spent_usd)} of the ${formatCost(run.budget.limit_usd)} budget.`);
  }
  return notes.map((note) => `- ${note}`).join('\n');
}

function renderOverview(results: RunResults): string {
  if (results.models.length === 0) {
    return 'No model ran.';
  }

  // The streaming and reasoning columns appear only when some model has a value for them.
  const models = results.models;
  const columns: OverviewColumn[] = [
    { header: 'Model', align: 'l', cell: (model) => escapeMarkdown(model.name) },
    { header: 'Pass rate', align: 'r', cell: (model) => `${formatPercent(model.pass_rate)} (${formatCount(model.passed)}/${formatCount(model.total)})` },
    { header: 'Errors', align: 'r', cell: formatErrors },
    { header: 'By type', align: 'l', cell: formatByType },
    { header: 'p95 latency', align: 'r', cell: (model) => formatLatency(model.latency_ms.p95) },
    { header: 'TTFT p50 / p95', align: 'r', cell: formatTtft, shown: models.some((model) => model.ttft_ms != null) },
    { header: 'Tokens/s p50', align: 'r', cell: formatOutputSpeed, shown: models.some((model) => model.tokens_per_s != null) },
    { header: 'Tokens', align: 'r', cell: (model) => formatCount(model.tokens.total) },
    { header: 'Reasoning tokens', align: 'r', cell: (model) => formatCount(model.tokens.reasoning ?? 0), shown: models.some((model) => (model.tokens.reasoning ?? 0) > 0) },
    { header: 'Cost', align: 'r', cell: (model) => formatCost(model.cost_usd) },
    { header: 'Verdict', align: 'l', cell: (model) => formatVerdict(model, results.gate.failures) },
  ];
  const shown = columns.filter((column) => column.shown !== false);
  const rows = models.map((model) => shown.map((column) => column.cell(model)));

  return markdownTable([shown.map((column) => column.header), ...rows], { alignDelimiters: false, align: shown.map((column) => column.align) });
}

/** A column of the overview table; `shown: false` leaves it out. */
interface OverviewColumn {
  header: string;
  align: 'l' | 'r';
  cell: (model: ModelSummary) => string;
  shown?: boolean;
}

/** Formats the time to first token of streamed requests as `p50 / p95`, or `—` when none was streamed. */
function formatTtft(model: ModelSummary): string {
  const ttft = model.ttft_ms;
  return ttft == null ? NO_VALUE : `${formatLatency(ttft.p50)} / ${formatLatency(ttft.p95)}`;
}

/** Formats the median output speed in tokens per second (`42.5`, `1,250`), or `—` when not measured. */
function formatOutputSpeed(model: ModelSummary): string {
  const speed = model.tokens_per_s?.p50;
  if (speed == null) {
    return NO_VALUE;
  }
  return speed < 100 ? speed.toFixed(1) : formatCount(speed);
}

/** Formats the error count with the error rate when there are errors (`2 (3.3%)`). */
function formatErrors(model: ModelSummary): string {
  if (model.errors === 0) {
    return '0';
  }
  const rate = model.error_rate ?? model.errors / model.total;
  return `${formatCount(model.errors)} (${formatPercent(rate)})`;
}

/** Formats the pass rate per case type, known types first (`math 90% · qa 100%`). */
function formatByType(model: ModelSummary): string {
  const known: string[] = CASE_TYPES.filter((type) => type in model.by_type);
  const other = Object.keys(model.by_type)
    .filter((type) => !known.includes(type))
    .sort();
  const parts = [...known, ...other].map((type) => {
    return `${escapeMarkdown(type)} ${formatPercent(model.by_type[type].pass_rate)}`;
  });
  return parts.length === 0 ? NO_VALUE : parts.join(' · ');
}

/**
 * Formats the verdict of one model: the thresholds it missed and a regression against the baseline,
 * or a pass. A model without a single row, because the run stopped before it started, is "not run".
 */
function formatVerdict(model: ModelSummary, failures: readonly GateFailure[]): string {
  if (model.total === 0) return '— not run';
  const missed = failures
    .filter((failure) => failure.model === model.name)
    .map((failure) => {
      const metric = metricOf(failure);
      const comparison = metric === 'error_rate' ? '>' : '<';
      return `${formatScope(failure.scope)} ${METRIC_LABELS[metric]} ${comparison} ${formatPercent(failure.threshold)}`;
    });
  if (model.baseline?.verdict === 'regression') missed.push('regression against the baseline');
  if (missed.length === 0) {
    return model.baseline?.verdict === 'warning' ? '✅ pass (⚠️ drop against the baseline)' : '✅ pass';
  }
  return `❌ ${missed.join(' · ')}`;
}

function renderGateFailures(failures: readonly GateFailure[]): string {
  if (failures.length === 0) {
    return '';
  }

  const header = ['Model', 'Scope', 'Metric', 'Value', 'Threshold'];
  const rows = failures.slice(0, MAX_LISTED_GATE_FAILURES).map((failure) => {
    const metric = metricOf(failure);
    const requirement = metric === 'error_rate' ? '≤' : '≥';
    return [
      escapeMarkdown(failure.model),
      formatScope(failure.scope),
      METRIC_LABELS[metric],
      formatPercent(failure.value),
      `${requirement} ${formatPercent(failure.threshold)}`,
    ];
  });
  const table = markdownTable([header, ...rows], { alignDelimiters: false, align: ['l', 'l', 'l', 'r', 'r'] });

  const rest = failures.length - rows.length;
  const more = rest > 0 ? `\n\n${plural(rest, 'more gate failure')} not listed.` : '';
  return `### Gate failures\n\n${table}${more}`;
}

/** Formats a gate scope (`all`, `type:<name>`, `tag:<name>`) as `overall`, `math`, `tag zh`. */
function formatScope(scope: string): string {
  if (scope === 'all') {
    return 'overall';
  }
  if (scope.startsWith('type:')) {
    return escapeMarkdown(scope.slice('type:'.length));
  }
  if (scope.startsWith('tag:')) {
    return `tag ${escapeMarkdown(scope.slice('tag:'.length))}`;
  }
  return escapeMarkdown(scope);
}

/** Returns the failure's metric; results files written before `metric` existed only gated the pass rate. */
function metricOf(failure: GateFailure): GateFailure['metric'] {
  return failure.metric ?? 'pass_rate';
}

function renderOmittedNote(count: number, detailsUrl?: string): string {
  const where =
    detailsUrl === undefined
      ? 'results.csv and results.json'
      : `the [job summary](${encodeLinkDestination(detailsUrl)}), results.csv and results.json`;
  return `_${plural(count, 'more failing answer')} not shown to stay within GitHub's size limit; all are in ${where}._`;
}

function renderCutNote(detailsUrl?: string): string {
  const where =
    detailsUrl === undefined ? 'results.json' : `the [job summary](${encodeLinkDestination(detailsUrl)}) and results.json`;
  return `_Report cut to stay within GitHub's size limit; the full results are in ${where}._`;
}

function renderFooter(results: RunResults, detailsUrl?: string): string {
  const { tool, run } = results;
  const parts = [
    `${escapeMarkdown(tool.name)} ${escapeMarkdown(tool.version)}`,
    `config ${escapeMarkdown(run.config)}`,
    `started ${escapeMarkdown(run.started_at)}`,
  ];
  if (detailsUrl !== undefined) {
    parts.push(`[full report](${encodeLinkDestination(detailsUrl)})`);
  }
  return `<sub>${parts.join(' · ')}</sub>\n`;
}

function plural(count: number, noun: string): string {
  return `${formatCount(count)} ${noun}${count === 1 ? '' : 's'}`;
}
