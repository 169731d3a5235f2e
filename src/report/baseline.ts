// The report's optional comparison with a baseline run. The comparison is computed by
// src/baseline, which adds a `baseline` field to each model summary of the results file. This
// file reads only the fields it renders and checks their types, so a results file written by
// another version still renders.

import { markdownTable } from 'markdown-table';

import type { ModelSummary } from '../types.js';
import { escapeMarkdown } from './escape.js';
import { formatPercent, formatPointDelta, NO_VALUE } from './format.js';

/** Comparison of one model with its baseline run; every field may be missing. */
export interface BaselineComparison {
  /** Pass rate of the baseline run on the rows both runs share, in [0, 1]. */
  pass_rate?: number;
  /** Pass rate of this run on the same rows. */
  head_pass_rate?: number;
  /** `head_pass_rate - pass_rate`. */
  delta?: number;
  /** Case ids that passed in the baseline and fail now. */
  newly_failing?: string[];
  newly_passing?: string[];
  p_value?: number | null;
  /** `regression`, `warning`, `improvement`, `pass` or `no-baseline`; other words are shown as they are. */
  verdict?: string;
  reason?: string;
}

export type ModelSummaryWithBaseline = ModelSummary & { baseline?: unknown };

/** Newly failing case ids listed per model; the rest are counted. */
const MAX_LISTED_IDS = 5;

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

  const fields = raw as Record<string, unknown>;
  return {
    pass_rate: finiteOrUndefined(fields.pass_rate),
    head_pass_rate: finiteOrUndefined(fields.head_pass_rate),
    delta: finiteOrUndefined(fields.delta),
    newly_failing: stringsOrUndefined(fields.newly_failing),
    newly_passing: stringsOrUndefined(fields.newly_passing),
    p_value: finiteOrUndefined(fields.p_value),
    verdict: typeof fields.verdict === 'string' ? fields.verdict : undefined,
    reason: typeof fields.reason === 'string' ? fields.reason : undefined,
  };
}

/** Renders the "Compared with baseline" section, or '' when no model has a baseline. */
export function renderBaselineSection(models: readonly ModelSummaryWithBaseline[]): string {
  const rows: string[][] = [];
  for (const model of models) {
    const baseline = readBaseline(model);
    if (baseline !== undefined) {
      rows.push(renderBaselineRow(model, baseline));
    }
  }
  if (rows.length === 0) {
    return '';
  }

  const header = ['Model', 'Baseline', 'Now', 'Change', 'Verdict', 'Newly failing'];
  const table = markdownTable([header, ...rows], { alignDelimiters: false, align: ['l', 'r', 'r', 'r', 'l', 'l'] });
  return `### Compared with baseline\n\n${table}`;
}

function renderBaselineRow(model: ModelSummary, baseline: BaselineComparison): string[] {
  const before = baseline.pass_rate === undefined ? NO_VALUE : formatPercent(baseline.pass_rate);
  const now = formatPercent(baseline.head_pass_rate ?? model.pass_rate);
  return [
    escapeMarkdown(model.name),
    before,
    now,
    formatChange(baseline.delta),
    formatVerdict(baseline),
    formatIds(baseline.newly_failing),
  ];
}

function formatChange(delta: number | undefined): string {
  if (delta === undefined) {
    return NO_VALUE;
  }
  if (delta > 0) {
    return `▲ ${formatPointDelta(delta)}`;
  }
  if (delta < 0) {
    return `▼ ${formatPointDelta(delta)}`;
  }
  return formatPointDelta(delta);
}

function formatVerdict(baseline: BaselineComparison): string {
  const parts: string[] = [];
  if (baseline.verdict !== undefined) {
    const icon = VERDICT_ICONS[baseline.verdict];
    const word = `**${escapeMarkdown(baseline.verdict, { maxChars: 40 })}**`;
    parts.push(icon === undefined ? word : `${icon} ${word}`);
  }
  if (baseline.reason !== undefined) {
    parts.push(escapeMarkdown(baseline.reason, { maxChars: 160 }));
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

function formatPValue(p: number): string {
  return p >= 0.001 ? p.toFixed(3) : p.toExponential(1);
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
