// The report's "Failing cases" section: one table per model, filled row by row, taking turns
// between models, until the size budget runs out.

import { markdownTable } from 'markdown-table';

import type { CaseResult } from '../types.js';
import type { SizeBudget } from './budget.js';
import { escapeHtmlText, escapeMarkdown } from './escape.js';
import { formatCount } from './format.js';

export type SourceUrl = (file: string, line: number) => string | undefined;

/** Failing rows a model may have before its table is folded into a `<details>` block. */
export const FOLD_AFTER_ROWS = 10;

const REASON_MAX_CHARS = 160;
const ANSWER_MAX_CHARS = 100;
const REASONING_MAX_CHARS = 500;
const ID_MAX_CHARS = 80;

interface ModelBlock {
  model: string;
  /** Table header and delimiter lines. */
  head: string[];
  /** The model's failing rows. */
  failing: CaseResult[];
  /**
   * Table lines of the first rows of `failing` that fit in the budget. Each line is rendered only
   * when its row fits, so that a run with 20,000 failing rows does not read and escape every output.
   */
  fittedLines: string[];
  /** Renders the table line of one failing row. */
  line: (row: CaseResult) => string;
  included: boolean;
}

const TABLE_HEADER = ['Case', 'Type', 'Reason', 'Answer'];
const TABLE_OPTIONS = { alignDelimiters: false };

/** Result of filling the section: the Markdown and the failing rows left out for lack of room. */
export interface FailingSection {
  markdown: string;
  omitted: number;
}

export interface FailingSectionOptions {
  /** Line placed under a model's table when some of its rows were left out. */
  omittedNote: (count: number) => string;
  sourceUrl?: SourceUrl;
}

/** Counts the answers that were scored and did not pass; error rows have their own section. */
export function countFailing(cases: readonly CaseResult[]): number {
  return cases.filter((row) => !row.pass && row.error === null).length;
}

/**
 * Renders the failing rows of every model into what `budget` has room for. Each model's heading
 * and table header are reserved first. Then the models take one row each in turn, so a model with
 * thousands of failures cannot crowd out the others.
 */
export function renderFailingSection(
  cases: readonly CaseResult[],
  budget: SizeBudget,
  options: FailingSectionOptions,
): FailingSection {
  const groups = groupFailingRows(cases);
  const title = '### Failing cases';
  if (groups.size === 0 || !budget.take(`${title}\n\n`)) {
    return { markdown: '', omitted: countFailing(cases) };
  }

  const sampled = findSampledCases(cases);
  const blocks = [...groups].map(([model, rows]) => buildBlock(model, rows, sampled, options.sourceUrl));
  for (const block of blocks) {
    block.included = budget.take(renderBlock(block, options.omittedNote) + '\n\n');
  }
  fillRows(blocks, budget);

  const rendered = blocks.filter((block) => block.included).map((block) => renderBlock(block, options.omittedNote));
  const omitted = blocks.reduce((sum, block) => sum + block.failing.length - block.fittedLines.length, 0);
  if (rendered.length === 0) {
    return { markdown: '', omitted };
  }
  return { markdown: [title, ...rendered].join('\n\n'), omitted };
}

/** Groups the scored rows that did not pass by model, in the order the models ran. */
function groupFailingRows(cases: readonly CaseResult[]): Map<string, CaseResult[]> {
  const groups = new Map<string, CaseResult[]>();
  for (const row of cases) {
    if (row.pass || row.error !== null) {
      continue;
    }
    const group = groups.get(row.model) ?? [];
    group.push(row);
    groups.set(row.model, group);
  }
  return groups;
}

/** Keys (`model` NUL `case id`) of the cases with more than one sample, whose rows name the sample. */
function findSampledCases(cases: readonly CaseResult[]): Set<string> {
  const sampled = new Set<string>();
  for (const row of cases) {
    if (row.sample > 0) {
      sampled.add(sampleKey(row));
    }
  }
  return sampled;
}

function sampleKey(row: CaseResult): string {
  return `${row.model}\u0000${row.id}`;
}

function buildBlock(model: string, rows: CaseResult[], sampled: Set<string>, sourceUrl?: SourceUrl): ModelBlock {
  // Without aligned delimiters, a row's line does not depend on the other rows.
  const line = (row: CaseResult): string => markdownTable([TABLE_HEADER, renderCells(row, sampled.has(sampleKey(row)), sourceUrl)], TABLE_OPTIONS).split('\n')[2]!;
  return { model, head: markdownTable([TABLE_HEADER], TABLE_OPTIONS).split('\n'), failing: rows, fittedLines: [], line, included: false };
}

function renderCells(row: CaseResult, showSample: boolean, sourceUrl?: SourceUrl): string[] {
  let label = escapeMarkdown(row.id, { maxChars: ID_MAX_CHARS });
  const url = sourceUrl?.(row.source.file, row.source.line);
  if (url !== undefined) {
    label = `[${label}](${encodeLinkDestination(url)})`;
  }
  if (showSample) {
    label += ` · sample ${row.sample}`;
  }

  const reason = row.error !== null ? `error: ${row.error}` : row.reason;
  const output = row.output; // read once: a stored row reads it from disk on each use
  const answer = output === null ? '—' : escapeMarkdown(output, { maxChars: ANSWER_MAX_CHARS });
  return [label, escapeMarkdown(row.type), escapeMarkdown(reason, { maxChars: REASON_MAX_CHARS }), answer + renderReasoning(row)];
}

/**
 * Folds the model's thinking text under the answer, cut to `REASONING_MAX_CHARS` code points and
 * escaped like the answer, so that it stays on the table row. Returns '' for a row without it.
 */
function renderReasoning(row: CaseResult): string {
  const reasoning = row.reasoning;
  if (reasoning === null || reasoning === undefined || reasoning.trim() === '') {
    return '';
  }
  return ` <details><summary>reasoning</summary>${escapeMarkdown(reasoning, { maxChars: REASONING_MAX_CHARS })}</details>`;
}

/** Takes rows for the included blocks in turn until none fits. */
function fillRows(blocks: ModelBlock[], budget: SizeBudget): void {
  const open = new Set(blocks.filter((block) => block.included && block.failing.length > 0));
  while (open.size > 0) {
    for (const block of open) {
      const line = block.line(block.failing[block.fittedLines.length]!);
      if (!budget.take(line + '\n')) {
        open.delete(block);
        continue;
      }
      block.fittedLines.push(line);
      if (block.fittedLines.length === block.failing.length) {
        open.delete(block);
      }
    }
  }
}

/**
 * Renders a block with its kept rows. Before any row is kept it renders the largest form the
 * block's frame can take, because the note counts every row as omitted, so reserving it first
 * leaves room for the final block.
 */
function renderBlock(block: ModelBlock, omittedNote: (count: number) => string): string {
  const total = block.failing.length;
  const omitted = total - block.fittedLines.length;
  const table = [...block.head, ...block.fittedLines].join('\n');
  const note = omitted > 0 ? `\n\n${omittedNote(omitted)}` : '';
  const count = `${formatCount(total)} failing`;

  if (total <= FOLD_AFTER_ROWS) {
    return `#### ${escapeMarkdown(block.model)} (${count})\n\n${table}${note}`;
  }
  const summary = `<summary><b>${escapeHtmlText(block.model)}</b> (${count})</summary>`;
  return `<details>\n${summary}\n\n${table}${note}\n\n</details>`;
}

/** Percent-encodes the characters that would end a Markdown link or a table cell early. */
export function encodeLinkDestination(url: string): string {
  return url.replace(/[\s()<>|"`\\\u0000-\u001F\u007F]/g, (char) => {
    const code = char.charCodeAt(0);
    return code < 0x80 ? `%${code.toString(16).toUpperCase().padStart(2, '0')}` : encodeURIComponent(char);
  });
}
