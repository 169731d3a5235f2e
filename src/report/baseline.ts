// The report's comparison with a baseline run. The comparison is computed by src/baseline, which
// adds `baseline` to each model summary (`ModelBaseline`) and to the run (`BaselineSummary`) of the
// results file. This file reads only the fields it renders and checks their types, so a results
// file written by another version still renders.

import { markdownTable } from 'markdown-table';

import type { CaseResult, ModelSummary, RunResults } from '../types.js';
import { SizeBudget } from './budget.js';
import { collapseLineBreaks, escapeHtmlText, escapeMarkdown, sanitizeText, truncateCodePoints } from './escape.js';
import { encodeLinkDestination, type SourceUrl } from './failing.js';
import { formatChange, formatCost, formatCount, formatLatency, formatPercent, formatPointDelta, NO_VALUE } from './format.js';

interface Interval {
  low: number;
  high: number;
}

interface ValueChange {
  base?: number;
  head?: number;
  delta?: number;
}

/** Comparison of one model with its baseline run; every field may be missing. */
export interface BaselineComparison {
  /** Rows paired on both sides without an error. */
  pairs?: number;
  errored_pairs?: number;
  /** Pass rate of the baseline run on the rows both runs share, in [0, 1]. */
  pass_rate?: number;
  pass_rate_ci?: Interval;
  /** Pass rate of this run on the same rows. */
  head_pass_rate?: number;
  head_pass_rate_ci?: Interval;
  /** `head_pass_rate - pass_rate`. */
  delta?: number;
  delta_ci?: Interval;
  /** Case labels that passed in the baseline and fail now. */
  newly_failing?: string[];
  newly_passing?: string[];
  p_value?: number | null;
  latency_p95_ms?: ValueChange;
  cost_usd?: ValueChange;
  /** `regression`, `warning`, `improvement`, `pass` or `no-baseline`; other words are shown as they are. */
  verdict?: string;
  reason?: string;
  added?: string[];
  removed?: string[];
}

export type ModelSummaryWithBaseline = ModelSummary & { baseline?: unknown };

export interface BaselineSectionOptions {
  /** Link to a case's line in its suite file. */
  sourceUrl?: SourceUrl;
  /** Page with the full report (the job summary), linked when a list of cases is cut. */
  detailsUrl?: string;
  /** Size limit of the whole report in UTF-16 code units; the lists of newly failing cases get LIST_SHARE of it. */
  maxChars?: number;
  /** Size limit of the whole report in UTF-8 bytes, shared the same way. */
  maxBytes?: number;
}

/** Share of the report's size limit that the lists of newly failing cases may take, split equally between models. */
export const LIST_SHARE = 0.25;

/** Newly failing case ids in a table cell; the rest are counted. */
const MAX_LISTED_IDS = 5;

/** Newly failing cases listed on the model's line; longer lists fold into `<details>`. */
const INLINE_LINKED_IDS = 10;

const ID_MAX_CHARS = 80;

const VERDICT_ICONS: Record<string, string> = {
  regression: '❌',
  warning: '⚠️',
  improvement: '✅',
  pass: '✅',
};

/** Reads `model.baseline`, keeping only the fields that have the expected type. */
export function readBaseline(model: ModelSummaryWithBaseline): BaselineComparison | undefined {
  const raw = model.baseline;
  if (typeof raw !== 'object' || raw === null) {
    return undefined;
  }

  const fields = raw as unknown as Record<string, unknown>;
  return {
    pairs: finiteOrUndefined(fields.pairs),
    errored_pairs: finiteOrUndefined(fields.errored_pairs),
    pass_rate: finiteOrUndefined(fields.pass_rate),
    pass_rate_ci: intervalOrUndefined(fields.pass_rate_ci),
    head_pass_rate: finiteOrUndefined(fields.head_pass_rate),
    head_pass_rate_ci: intervalOrUndefined(fields.head_pass_rate_ci),
    delta: finiteOrUndefined(fields.delta),
    delta_ci: intervalOrUndefined(fields.delta_ci),
    newly_failing: stringsOrUndefined(fields.newly_failing),
    newly_passing: stringsOrUndefined(fields.newly_passing),
    p_value: finiteOrUndefined(fields.p_value),
    latency_p95_ms: valueChangeOrUndefined(fields.latency_p95_ms),
    cost_usd: valueChangeOrUndefined(fields.cost_usd),
    verdict: typeof fields.verdict === 'string' ? fields.verdict : undefined,
    reason: typeof fields.reason === 'string' ? fields.reason : undefined,
    added: stringsOrUndefined(fields.added),
    removed: stringsOrUndefined(fields.removed),
  };
}

/**
 * Renders the "Compared with baseline" section. It starts with the baseline's source and the gate
 * rule and a table with one row per model. A line per model follows with the 95% intervals, the
 * newly failing cases (linked to their suite lines), the newly passing count and the latency and
 * cost changes. The type-level warnings come last. Lists of newly failing cases share LIST_SHARE of `maxChars` and
 * `maxBytes` equally between models and end with a note when cut. Returns a one-line section when no
 * baseline could be had (`results.baseline.source` is `none:REASON`), and '' when no model has a
 * baseline.
 */
export function renderBaselineSection(results: RunResults, options: BaselineSectionOptions = {}): string {
  const summary = readSummary(results.baseline);
  const compared = (results.models as ModelSummaryWithBaseline[])
    .map((model) => ({ model, baseline: readBaseline(model) }))
    .filter((item): item is { model: ModelSummary; baseline: BaselineComparison } => item.baseline !== undefined);

  if (compared.length === 0) {
    if (summary?.source?.startsWith('none:')) {
      const reason = escapeMarkdown(summary.source.slice('none:'.length), { maxChars: 300 });
      return `### Compared with baseline\n\nNo baseline to compare with: ${reason}.`;
    }
    return '';
  }

  const parts = ['### Compared with baseline'];
  const intro = renderIntro(summary);
  if (intro !== '') {
    parts.push(intro);
  }
  parts.push(renderTable(compared));

  const listed = compared.filter(({ baseline }) => (baseline.newly_failing?.length ?? 0) > 0).length;
  const share = (limit: number | undefined): number => (limit === undefined ? Number.POSITIVE_INFINITY : (limit * LIST_SHARE) / Math.max(1, listed));
  const lines: string[] = [];
  const folded: string[] = [];
  for (const { model, baseline } of compared) {
    const budget = new SizeBudget(share(options.maxChars), share(options.maxBytes));
    const cases = linkNewlyFailing(model.name, baseline.newly_failing ?? [], results.cases, budget, options);
    lines.push(renderModelLine(model, baseline, cases));
    if (cases.folded !== '') {
      folded.push(cases.folded);
    }
  }
  parts.push(lines.join('\n'), ...folded);

  const notes = renderNotes(summary);
  if (notes !== '') {
    parts.push(notes);
  }
  return parts.join('\n\n');
}

interface SummaryFields {
  source?: string;
  max_drop?: number;
  alpha?: number;
  removed_models?: string[];
  warnings: { model: string; scope: string; reason: string }[];
}

function readSummary(raw: unknown): SummaryFields | undefined {
  if (typeof raw !== 'object' || raw === null) {
    return undefined;
  }
  const fields = raw as Record<string, unknown>;
  const warnings = Array.isArray(fields.warnings) ? fields.warnings : [];
  return {
    source: typeof fields.source === 'string' ? fields.source : undefined,
    max_drop: finiteOrUndefined(fields.max_drop),
    alpha: finiteOrUndefined(fields.alpha),
    removed_models: stringsOrUndefined(fields.removed_models),
    warnings: warnings.filter(
      (item): item is { model: string; scope: string; reason: string } =>
        typeof item?.model === 'string' && typeof item.scope === 'string' && typeof item.reason === 'string',
    ),
  };
}

/** Renders the baseline's source and the rule of the regression gate, or '' for results without a summary. */
function renderIntro(summary: SummaryFields | undefined): string {
  if (summary === undefined) {
    return '';
  }
  const parts: string[] = [];
  if (summary.source !== undefined) {
    parts.push(`Baseline: ${codeSpan(summary.source)}.`);
  }
  if (summary.max_drop !== undefined && summary.alpha !== undefined) {
    parts.push(
      `A regression, which fails the gate, is a drop of more than ${formatPoints(summary.max_drop)} that is significant at p < ${summary.alpha} (exact McNemar test on the paired cases); a larger drop that is not significant is a warning.`,
    );
  }
  return parts.join(' ');
}

function renderTable(compared: readonly { model: ModelSummary; baseline: BaselineComparison }[]): string {
  const header = ['Model', 'Baseline', 'Now', 'Change', 'Verdict', 'Newly failing'];
  const rows = compared.map(({ model, baseline }) => [
    escapeMarkdown(model.name),
    baseline.pass_rate === undefined ? NO_VALUE : formatPercent(baseline.pass_rate),
    formatPercent(baseline.head_pass_rate ?? model.pass_rate),
    formatOptionalChange(baseline.delta),
    formatVerdict(baseline),
    formatIds(baseline.newly_failing),
  ]);
  return markdownTable([header, ...rows], { alignDelimiters: false, align: ['l', 'r', 'r', 'r', 'l', 'l'] });
}

/**
 * Renders a model's list item: the pass rates with their intervals on the paired cases, the change
 * with its interval, the case counts, the latency and cost changes, and the newly failing cases
 * when they fit on the line.
 */
function renderModelLine(model: ModelSummary, baseline: BaselineComparison, cases: LinkedCases): string {
  const facts: string[] = [];
  if (baseline.head_pass_rate !== undefined && baseline.pass_rate !== undefined) {
    const on = baseline.pairs === undefined ? '' : ` on ${plural(baseline.pairs, 'paired case')}`;
    facts.push(`${formatRateWithInterval(baseline.head_pass_rate, baseline.head_pass_rate_ci)} now, ${formatRateWithInterval(baseline.pass_rate, baseline.pass_rate_ci)} before${on}`);
  } else if (baseline.reason !== undefined) {
    facts.push(escapeMarkdown(baseline.reason, { maxChars: 200 }));
  }
  if (baseline.delta !== undefined) {
    const interval = baseline.delta_ci === undefined ? '' : ` (95% CI ${formatPointDelta(baseline.delta_ci.low)} to ${formatPointDelta(baseline.delta_ci.high)})`;
    facts.push(`change ${formatOptionalChange(baseline.delta)}${interval}`);
  }
  if (baseline.newly_failing !== undefined || baseline.newly_passing !== undefined) {
    facts.push(`${formatCount(baseline.newly_failing?.length ?? 0)} newly failing, ${formatCount(baseline.newly_passing?.length ?? 0)} newly passing`);
  }
  if ((baseline.errored_pairs ?? 0) > 0) {
    facts.push(`${plural(baseline.errored_pairs ?? 0, 'pair')} with an error left out`);
  }
  const sides = [
    baseline.added?.length ? `${formatCount(baseline.added.length)} only in this run` : '',
    baseline.removed?.length ? `${formatCount(baseline.removed.length)} only in the baseline` : '',
  ].filter((text) => text !== '');
  if (sides.length > 0) {
    facts.push(`cases ${sides.join(', ')}`);
  }
  const latency = formatValueChange(baseline.latency_p95_ms, formatLatency, formatLatencyDelta);
  if (latency !== undefined) {
    facts.push(`p95 latency ${latency}`);
  }
  const cost = formatValueChange(baseline.cost_usd, formatCost, formatCostDelta);
  if (cost !== undefined) {
    facts.push(`cost ${cost}`);
  }

  const line = `- **${escapeMarkdown(model.name)}**: ${facts.length === 0 ? NO_VALUE : facts.join('; ')}.`;
  return cases.inline === '' ? line : `${line} Newly failing: ${cases.inline}.`;
}

/** Renders the type-level warnings and the models that only the baseline has, or ''. */
function renderNotes(summary: SummaryFields | undefined): string {
  if (summary === undefined) {
    return '';
  }
  const notes = summary.warnings
    .filter((warning) => warning.scope !== 'all')
    .map((warning) => {
      const scope = warning.scope.startsWith('type:') ? warning.scope.slice('type:'.length) : warning.scope;
      return `- ⚠️ ${escapeMarkdown(warning.model)} ${escapeMarkdown(scope)}: ${escapeMarkdown(warning.reason, { maxChars: 300 })}`;
    });
  if (summary.removed_models !== undefined && summary.removed_models.length > 0) {
    const names = summary.removed_models.map((name) => escapeMarkdown(name)).join(', ');
    notes.push(`- Only in the baseline run, not compared: ${names}.`);
  }
  return notes.join('\n');
}

/** The newly failing cases of a model as links: inline when few, else in a `<details>` block. */
interface LinkedCases {
  inline: string;
  folded: string;
}

/**
 * Links newly failing case labels (`id`, or `id#sample`) to their line in the suite file, using the
 * model's rows of this run for the location. Labels are taken while they fit `budget`; the rest
 * are counted in a note that points to the job summary.
 */
function linkNewlyFailing(model: string, labels: readonly string[], cases: readonly CaseResult[], budget: SizeBudget, options: BaselineSectionOptions): LinkedCases {
  if (labels.length === 0) {
    return { inline: '', folded: '' };
  }
  const links = linkCaseLabels(model, labels, cases, options.sourceUrl);
  if (labels.length <= INLINE_LINKED_IDS) {
    return { inline: links.join(', '), folded: '' };
  }

  const summary = `<summary>${formatCount(labels.length)} newly failing cases of <b>${escapeHtmlText(model)}</b></summary>`;
  const note = (count: number): string => `_${plural(count, 'more case')} not listed to stay within GitHub's size limit; all are in ${whereAll(options.detailsUrl)}._`;
  budget.force(`<details>\n${summary}\n\n\n\n${note(labels.length)}\n\n</details>`);

  const listed: string[] = [];
  for (const link of links) {
    if (!budget.take(`${link}, `)) {
      break;
    }
    listed.push(link);
  }
  const omitted = labels.length - listed.length;
  const body = omitted > 0 ? `${listed.join(', ')}\n\n${note(omitted)}` : listed.join(', ');
  return { inline: '', folded: `<details>\n${summary}\n\n${body}\n\n</details>` };
}

/**
 * Renders case labels of one model as Markdown links to their suite lines, or as escaped text
 * when there is no `sourceUrl` or no row of that label in `cases`.
 */
export function linkCaseLabels(model: string, labels: readonly string[], cases: readonly CaseResult[], sourceUrl?: SourceUrl): string[] {
  const sources = new Map<string, CaseResult['source']>();
  if (sourceUrl !== undefined) {
    for (const row of cases) {
      if (row.model === model) {
        sources.set(row.sample > 0 ? `${row.id}#${row.sample}` : row.id, row.source);
      }
    }
  }

  return labels.map((label) => {
    const text = escapeMarkdown(label, { maxChars: ID_MAX_CHARS });
    const source = sources.get(label);
    const url = source === undefined ? undefined : sourceUrl?.(source.file, source.line);
    return url === undefined ? text : `[${text}](${encodeLinkDestination(url)})`;
  });
}

/**
 * Shows a source label (`artifact:NAME@RUN`, `file:PATH`) as inline code, where `@` and `#` neither
 * mention nor link: one line, without backticks, cut to 200 code points.
 */
export function codeSpan(text: string): string {
  const line = truncateCodePoints(collapseLineBreaks(sanitizeText(text)).replace(/`/g, "'").trim(), 200);
  return `\`${line}\``;
}

function whereAll(detailsUrl: string | undefined): string {
  return detailsUrl === undefined ? 'results.json' : `the [job summary](${encodeLinkDestination(detailsUrl)}) and results.json`;
}

function formatOptionalChange(delta: number | undefined): string {
  return delta === undefined ? NO_VALUE : formatChange(delta);
}

function formatVerdict(baseline: BaselineComparison): string {
  const parts: string[] = [];
  if (baseline.verdict !== undefined) {
    const icon = VERDICT_ICONS[baseline.verdict];
    const word = `**${escapeMarkdown(baseline.verdict, { maxChars: 40 })}**`;
    parts.push(icon === undefined ? word : `${icon} ${word}`);
  }
  if (baseline.reason !== undefined) {
    parts.push(escapeMarkdown(baseline.reason, { maxChars: 300 }));
  } else if (baseline.p_value !== undefined && baseline.p_value !== null) {
    parts.push(`p = ${formatPValue(baseline.p_value)}`);
  }
  return parts.length === 0 ? NO_VALUE : parts.join(' · ');
}

function formatIds(ids: string[] | undefined): string {
  if (ids === undefined || ids.length === 0) {
    return NO_VALUE;
  }
  const listed = ids.slice(0, MAX_LISTED_IDS).map((id) => escapeMarkdown(id, { maxChars: 60 }));
  const rest = ids.length - listed.length;
  return rest > 0 ? `${listed.join(', ')} and ${rest} more` : listed.join(', ');
}

function formatRateWithInterval(rate: number, interval: Interval | undefined): string {
  if (interval === undefined) {
    return formatPercent(rate);
  }
  return `${formatPercent(rate)} (95% CI ${formatPercent(interval.low)}–${formatPercent(interval.high)})`;
}

/** `before → after (change)`, or undefined when neither side has a value. */
function formatValueChange(change: ValueChange | undefined, format: (value: number | null) => string, formatDelta: (delta: number) => string): string | undefined {
  if (change === undefined || (change.base === undefined && change.head === undefined)) {
    return undefined;
  }
  const text = `${format(change.base ?? null)} → ${format(change.head ?? null)}`;
  return change.delta === undefined ? text : `${text} (${formatDelta(change.delta)})`;
}

function formatLatencyDelta(delta: number): string {
  const sign = delta > 0 ? '▲ +' : delta < 0 ? '▼ −' : '±';
  return `${sign}${formatLatency(Math.abs(delta))}`;
}

function formatCostDelta(delta: number): string {
  const sign = delta > 0 ? '▲ +' : delta < 0 ? '▼ −' : '±';
  return `${sign}${formatCost(Math.abs(delta))}`;
}

/** Formats a rate difference in percentage points without a sign: 0.05 → "5 pp". */
function formatPoints(rate: number): string {
  return `${Math.round(rate * 1000) / 10} pp`;
}

function formatPValue(p: number): string {
  return p >= 0.001 ? p.toFixed(3) : p.toExponential(1);
}

function plural(count: number, noun: string): string {
  return `${formatCount(count)} ${noun}${count === 1 ? '' : 's'}`;
}

function finiteOrUndefined(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

function stringsOrUndefined(value: unknown): string[] | undefined {
  if (!Array.isArray(value)) {
    return undefined;
  }
  return value.filter((item): item is string => typeof item === 'string');
}

function intervalOrUndefined(value: unknown): Interval | undefined {
  const fields = value as { low?: unknown; high?: unknown } | null | undefined;
  const low = finiteOrUndefined(fields?.low);
  const high = finiteOrUndefined(fields?.high);
  return low === undefined || high === undefined ? undefined : { low, high };
}

function valueChangeOrUndefined(value: unknown): ValueChange | undefined {
  if (typeof value !== 'object' || value === null) {
    return undefined;
  }
  const fields = value as Record<string, unknown>;
  return { base: finiteOrUndefined(fields.base), head: finiteOrUndefined(fields.head), delta: finiteOrUndefined(fields.delta) };
}
