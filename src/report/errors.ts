// The report's "Errors" section: calls that produced no scorable answer, apart from the answers that
// failed, grouped per model by message so that an outage reads as one line, not a thousand rows.

import { markdownTable } from 'markdown-table';

import type { CaseResult } from '../types.js';
import { escapeMarkdown } from './escape.js';

/** Distinct error messages listed per model; the rest are counted in one line. */
const MAX_MESSAGES_PER_MODEL = 5;
/** Case ids shown for one message. */
const MAX_IDS_PER_MESSAGE = 5;
const MESSAGE_MAX_CHARS = 160;

/** Renders the error rows grouped by model and message, or '' when no row has an error. */
export function renderErrorSection(cases: readonly CaseResult[]): string {
  const byModel = new Map<string, Map<string, string[]>>();
  for (const row of cases) {
    if (row.error === null) continue;
    const messages = byModel.get(row.model) ?? new Map<string, string[]>();
    const ids = messages.get(row.error) ?? [];
    ids.push(row.sample > 0 ? `${row.id}#${row.sample}` : row.id);
    messages.set(row.error, ids);
    byModel.set(row.model, messages);
  }
  if (byModel.size === 0) return '';

  const rows: string[][] = [];
  for (const [model, messages] of byModel) {
    const sorted = [...messages].sort((a, b) => b[1].length - a[1].length);
    for (const [message, ids] of sorted.slice(0, MAX_MESSAGES_PER_MODEL)) {
      rows.push([escapeMarkdown(model), String(ids.length), escapeMarkdown(message, { maxChars: MESSAGE_MAX_CHARS }), formatIds(ids)]);
    }
    const rest = sorted.slice(MAX_MESSAGES_PER_MODEL);
    if (rest.length > 0) {
      const count = rest.reduce((sum, [, ids]) => sum + ids.length, 0);
      rows.push([escapeMarkdown(model), String(count), `${rest.length} other messages`, '']);
    }
  }

  const table = markdownTable([['Model', 'Rows', 'Error', 'Cases'], ...rows], { alignDelimiters: false, align: ['l', 'r', 'l', 'l'] });
  return `### Errors\n\nThese calls returned no answer to score (after retries); they count against the pass rate and the error rate.\n\n${table}`;
}

function formatIds(ids: string[]): string {
  const shown = ids.slice(0, MAX_IDS_PER_MESSAGE).map((id) => escapeMarkdown(id, { maxChars: 60 }));
  return ids.length > MAX_IDS_PER_MESSAGE ? `${shown.join(', ')} and ${ids.length - MAX_IDS_PER_MESSAGE} more` : shown.join(', ');
}
