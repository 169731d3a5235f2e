// Drift checks of scheduled runs: the pass-rate trend in the job summary, and one tracking issue per
// config file. The issue is opened when a model drops out of bounds, updated on every run while it
// stays out, and closed when every model is back.

import { stat } from 'node:fs/promises';

import * as core from '@actions/core';
import { getOctokit } from '@actions/github';

import { codeSpan, linkCaseLabels } from '../report/baseline.js';
import { cutToFit, SizeBudget } from '../report/budget.js';
import { escapeMarkdown } from '../report/escape.js';
import { encodeLinkDestination, type SourceUrl } from '../report/failing.js';
import { formatChange, formatCount, formatPercent, NO_VALUE } from '../report/format.js';
import { COMMENT_MARKER_RESERVE_CHARS, JOB_SUMMARY_MAX_BYTES, PR_COMMENT_MAX_CHARS } from '../report/limits.js';
import { renderTrendSection, TREND_MAX_BYTES } from '../report/trend.js';
import type { RunHistory } from '../results/history.js';
import { wilsonInterval } from '../stats/wilson.js';
import type { GateFailure, RunResults } from '../types.js';
import { describeApiError } from './artifacts.js';
import { commentMarker, type Octokit } from './comment.js';

/** Label that the tracking issue carries; issues are listed by it, then matched by their marker. */
export const DRIFT_LABEL = 'llm-bench-drift';

/** Events on which the action runs the drift checks. */
export const DRIFT_EVENTS: readonly string[] = ['schedule', 'workflow_dispatch'];

/** `regression.max_drop` of the config schema, used when the results carry no baseline summary. */
const DEFAULT_MAX_DROP = 0.05;

const STATE_PATTERN = /<!-- llm-bench-drift-state:([A-Za-z0-9_-]*) -->/;

/** Newly failing cases listed on a model's line; longer lists fold into `<details>`. */
const INLINE_CASES = 10;

/** Room for the lists of newly failing cases in an issue body or comment, in characters. */
const CASE_LISTS_MAX_CHARS = 30_000;

const TITLE_MODELS_MAX_CHARS = 120;

/** A model's pass rate from before its drift began, kept in the issue between runs. */
export interface DriftReference {
  pass_rate: number;
  /** Baseline that the drop was measured against (`artifact:NAME@RUN`, `file:PATH`). */
  source: string;
  /** Run that found the drop. */
  run_id: string;
}

/** State stored in the tracking issue: the reference of every model that is still out of bounds. */
export interface DriftState {
  references: Record<string, DriftReference>;
}

/** A model that is out of bounds, and why. */
export interface ModelDrift {
  model: string;
  passRate: number;
  /** 95% Wilson interval of `passRate`; null when the model has no rows. */
  passRateCi: { low: number; high: number } | null;
  /** Pass rate it is measured against: its reference, else the baseline's; null without either. */
  before: number | null;
  /** One line per reason. */
  reasons: string[];
  newlyFailing: string[];
}

export interface DriftAssessment {
  drifted: ModelDrift[];
  /** State to keep for the next run. */
  state: DriftState;
  maxDrop: number;
}

/** Returns true for the events that run the drift checks. */
export function isDriftEvent(eventName: string): boolean {
  return DRIFT_EVENTS.includes(eventName);
}

/** Returns the hidden marker of the tracking issue of a config file: `<!-- llm-bench-drift:<key> -->`, with `commentMarker`'s key. */
export function driftMarker(configPath: string, rootDir?: string): string {
  return commentMarker(configPath, rootDir).replace('<!-- llm-bench:', '<!-- llm-bench-drift:');
}

/**
 * Decides which models are out of bounds on this run. A model is out of bounds when
 * - its comparison with the baseline (the previous scheduled run) has a `regression` verdict, or
 * - one of its thresholds is not met, or
 * - the open issue holds a reference for it and its pass rate is still more than `max_drop`
 *   below that reference, because after a drop the previous run is at the lower level too.
 * A model that regresses for the first time gets the baseline's pass rate as its reference.
 * NOTE: the reference is a pass rate on the cases paired with that baseline, compared later with
 * the pass rate on all cases, so cases added or removed while the issue is open shift the check.
 */
export function assessDrift(results: RunResults, previous?: DriftState): DriftAssessment {
  const maxDrop = results.baseline?.max_drop ?? DEFAULT_MAX_DROP;
  const drifted: ModelDrift[] = [];
  const references: Record<string, DriftReference> = {};

  for (const model of results.models) {
    const comparison = model.baseline;
    const regressed = comparison?.verdict === 'regression';
    const reference = previous?.references[model.name];
    const reasons: string[] = [];

    if (regressed) {
      reasons.push(`regression against the baseline: ${comparison.reason}`);
    }
    for (const failure of results.gate.failures.filter((item) => item.model === model.name)) {
      reasons.push(describeGateFailure(failure));
    }
    if (reference !== undefined && model.pass_rate < reference.pass_rate - maxDrop - 1e-9) {
      reasons.push(
        `pass rate ${formatPercent(model.pass_rate)} is still more than ${formatPoints(maxDrop)} below ${formatPercent(reference.pass_rate)}, its level before the drop that run ${reference.run_id} found`,
      );
    }
    if (reasons.length === 0) {
      continue;
    }

    const stored = reference ?? (regressed && comparison.pass_rate !== null ? { pass_rate: comparison.pass_rate, source: results.baseline?.source ?? 'baseline', run_id: results.run.id } : undefined);
    if (stored !== undefined) {
      references[model.name] = stored;
    }
    drifted.push({
      model: model.name,
      passRate: model.pass_rate,
      passRateCi: wilsonInterval(model.passed, model.total),
      before: stored?.pass_rate ?? comparison?.pass_rate ?? null,
      reasons,
      newlyFailing: comparison?.newly_failing ?? [],
    });
  }
  return { drifted, state: { references }, maxDrop };
}

function describeGateFailure(failure: GateFailure): string {
  const scope = failure.scope === 'all' ? 'overall' : failure.scope.replace(/^type:/, '').replace(/^tag:/, 'tag ');
  if (failure.metric === 'error_rate') {
    return `${scope} error rate ${formatPercent(failure.value)} is above the threshold of ${formatPercent(failure.threshold)}`;
  }
  return `${scope} pass rate ${formatPercent(failure.value)} is below the threshold of ${formatPercent(failure.threshold)}`;
}

/** Writes the state as a hidden comment line: base64url of its JSON, so no text of it can end the comment. */
export function encodeDriftState(state: DriftState): string {
  return `<!-- llm-bench-drift-state:${Buffer.from(JSON.stringify(state), 'utf8').toString('base64url')} -->`;
}

/** Reads the state from an issue body; undefined when it has none or it is not valid. */
export function decodeDriftState(body: string | null | undefined): DriftState | undefined {
  const match = STATE_PATTERN.exec(body ?? '');
  if (match === null) {
    return undefined;
  }
  try {
    const value = JSON.parse(Buffer.from(match[1], 'base64url').toString('utf8')) as Partial<DriftState>;
    const references: Record<string, DriftReference> = {};
    for (const [name, reference] of Object.entries(value.references ?? {})) {
      if (typeof reference?.pass_rate === 'number' && typeof reference.source === 'string' && typeof reference.run_id === 'string') {
        references[name] = reference;
      }
    }
    return { references };
  } catch {
    return undefined;
  }
}

export interface DriftIssueOptions {
  octokit: Octokit;
  owner: string;
  repo: string;
  /** From `driftMarker`. */
  marker: string;
  results: RunResults;
  /** Config path shown in the issue. */
  configLabel: string;
  /** Page of this workflow run. */
  runUrl?: string;
  /** Link to a case's line in its suite file. */
  sourceUrl?: SourceUrl;
}

export interface DriftIssueResult {
  action: 'opened' | 'updated' | 'closed' | 'none';
  issue?: { number: number; url: string };
  /** Names of the models out of bounds. */
  drifted: string[];
}

/**
 * Keeps one open tracking issue per config while models are out of bounds (see `assessDrift`). It
 * opens the issue with the evidence, and edits its body and adds a comment on every later run that
 * is still out of bounds. It closes the issue with a comment once every model is back. The issue is found among
 * the open issues labelled DRIFT_LABEL by the marker in its body; the oldest wins. Errors of the
 * GitHub API (403 without `issues: write`) propagate as octokit's `RequestError`.
 */
export async function trackDriftIssue(options: DriftIssueOptions): Promise<DriftIssueResult> {
  const { octokit, owner, repo, marker, results } = options;
  const existing = await findDriftIssue(octokit, owner, repo, marker);
  const assessment = assessDrift(results, decodeDriftState(existing?.body));
  const drifted = assessment.drifted.map((item) => item.model);

  if (assessment.drifted.length === 0) {
    if (existing === undefined) {
      return { action: 'none', drifted };
    }
    await octokit.rest.issues.createComment({ owner, repo, issue_number: existing.number, body: renderRecoveryComment(options) });
    await octokit.rest.issues.update({ owner, repo, issue_number: existing.number, state: 'closed', state_reason: 'completed' });
    return { action: 'closed', issue: { number: existing.number, url: existing.html_url }, drifted };
  }

  const title = renderTitle(assessment, options.configLabel);
  const body = renderIssueBody(assessment, options);
  if (existing === undefined) {
    const { data } = await octokit.rest.issues.create({ owner, repo, title, body, labels: [DRIFT_LABEL] });
    return { action: 'opened', issue: { number: data.number, url: data.html_url }, drifted };
  }

  await octokit.rest.issues.update({ owner, repo, issue_number: existing.number, title, body });
  await octokit.rest.issues.createComment({ owner, repo, issue_number: existing.number, body: renderPersistingComment(assessment, options) });
  return { action: 'updated', issue: { number: existing.number, url: existing.html_url }, drifted };
}

interface FoundIssue {
  number: number;
  body: string | null;
  html_url: string;
}

async function findDriftIssue(octokit: Octokit, owner: string, repo: string, marker: string): Promise<FoundIssue | undefined> {
  const issues = await octokit.paginate(octokit.rest.issues.listForRepo, { owner, repo, labels: DRIFT_LABEL, state: 'open', per_page: 100 });
  const matching = issues
    .filter((issue) => issue.pull_request === undefined && (issue.body ?? '').includes(marker))
    .sort((a, b) => a.number - b.number);
  const first = matching[0];
  return first === undefined ? undefined : { number: first.number, body: first.body ?? null, html_url: first.html_url };
}

function renderTitle(assessment: DriftAssessment, configLabel: string): string {
  const names = assessment.drifted.map((item) => item.model).join(', ');
  const titleNames = names.length > TITLE_MODELS_MAX_CHARS ? `${[...names].slice(0, TITLE_MODELS_MAX_CHARS - 1).join('')}…` : names;
  return `llm-bench drift: ${titleNames} out of bounds (${configLabel})`;
}

function renderIssueBody(assessment: DriftAssessment, options: DriftIssueOptions): string {
  const intro = [
    `## llm-bench drift in ${codeSpan(options.configLabel)}`,
    'Scheduled runs of llm-bench found models below their earlier pass rate or below their thresholds. ' +
      'llm-bench updates this issue on every scheduled run while that lasts, and closes it when every model is back within bounds.',
  ].join('\n\n');
  const text = `${options.marker}\n${encodeDriftState(assessment.state)}\n${intro}\n\n${renderEvidence(assessment, options)}`;
  return fitBody(text, options.runUrl);
}

function renderPersistingComment(assessment: DriftAssessment, options: DriftIssueOptions): string {
  return fitBody(`Still out of bounds.\n\n${renderEvidence(assessment, options)}`, options.runUrl);
}

function renderRecoveryComment(options: DriftIssueOptions): string {
  const { results } = options;
  const rates = results.models.map((model) => `${escapeMarkdown(model.name)} ${formatPercent(model.pass_rate)}`).join(', ');
  return fitBody(`✅ Back within bounds in ${runLink(results, options.runUrl)}: ${rates}. Every threshold is met and no model is below its level before the drift, so this issue is closed.`, options.runUrl);
}

/** Renders the latest run, a table of the drifted models, their reasons and their newly failing cases. */
function renderEvidence(assessment: DriftAssessment, options: DriftIssueOptions): string {
  const { results } = options;
  const source = results.baseline?.source;
  const alpha = results.baseline?.alpha;
  const facts = [`Latest run: ${runLink(results, options.runUrl)}, finished ${escapeMarkdown(results.run.finished_at)}`];
  if (source !== undefined) {
    facts.push(`baseline ${codeSpan(source)}`);
  }
  if (alpha !== undefined) {
    facts.push(`a regression is a drop of more than ${formatPoints(assessment.maxDrop)} that is significant at p < ${alpha}`);
  }

  const header = '| Model | Before | Now | Change | Newly failing |\n| :- | -: | -: | -: | -: |';
  const rows = assessment.drifted.map((item) => {
    const interval = item.passRateCi === null ? '' : ` (95% CI ${formatPercent(item.passRateCi.low)}–${formatPercent(item.passRateCi.high)})`;
    const change = item.before === null ? NO_VALUE : formatChange(item.passRate - item.before);
    const before = item.before === null ? NO_VALUE : formatPercent(item.before);
    return `| ${escapeMarkdown(item.model)} | ${before} | ${formatPercent(item.passRate)}${interval} | ${change} | ${formatCount(item.newlyFailing.length)} |`;
  });

  const budget = new SizeBudget(CASE_LISTS_MAX_CHARS / assessment.drifted.length, Number.POSITIVE_INFINITY);
  const details = assessment.drifted.map((item) => renderModelDetails(item, results, budget, options));
  return [`${facts.join(' · ')}.`, [header, ...rows].join('\n'), ...details].join('\n\n');
}

function renderModelDetails(item: ModelDrift, results: RunResults, budget: SizeBudget, options: DriftIssueOptions): string {
  const reasons = item.reasons.map((reason) => `- ${escapeMarkdown(reason, { maxChars: 400 })}`).join('\n');
  const lines = [`**${escapeMarkdown(item.model)}**`, reasons];
  if (item.newlyFailing.length === 0) {
    return lines.join('\n');
  }

  const links = linkCaseLabels(item.model, item.newlyFailing, results.cases, options.sourceUrl);
  const listed: string[] = [];
  for (const link of links) {
    if (!budget.take(`${link}, `)) {
      break;
    }
    listed.push(link);
  }
  const omitted = links.length - listed.length;
  const note = omitted > 0 ? ` and ${formatCount(omitted)} more, listed in results.json of the run` : '';
  const list = `${listed.join(', ')}${note}`;
  if (item.newlyFailing.length <= INLINE_CASES) {
    return `${lines.join('\n')}\n- newly failing: ${list}`;
  }
  return `${lines.join('\n')}\n\n<details><summary>${formatCount(item.newlyFailing.length)} newly failing cases</summary>\n\n${list}\n\n</details>`;
}

function runLink(results: RunResults, runUrl: string | undefined): string {
  const id = escapeMarkdown(results.run.id);
  return runUrl === undefined ? `run ${id}` : `[run ${id}](${encodeLinkDestination(runUrl)})`;
}

/** Keeps a body within GitHub's limit for issue and comment bodies, cutting it at a line with a note. */
function fitBody(text: string, runUrl: string | undefined): string {
  const maxChars = PR_COMMENT_MAX_CHARS - COMMENT_MARKER_RESERVE_CHARS;
  if (text.length <= maxChars) {
    return text;
  }
  const where = runUrl === undefined ? 'results.json of the run' : `the [run](${encodeLinkDestination(runUrl)})`;
  return cutToFit(text, `\n\n_Cut to stay within GitHub's size limit; the full results are in ${where}._\n`, maxChars, Number.POSITIVE_INFINITY);
}

function formatPoints(rate: number): string {
  return `${Math.round(rate * 1000) / 10} pp`;
}

export interface ScheduledChecksOptions {
  eventName: string;
  /** The action's github-token input; the tracking issue is skipped with a warning when empty. */
  token: string;
  owner: string;
  repo: string;
  apiUrl: string;
  /** The action's config input, as given. */
  configPath: string;
  /** GITHUB_WORKSPACE, against which an absolute config path is made relative for the marker. */
  workspace?: string;
  results: RunResults;
  /** Pass-rate history with this run, when the config has `history:`. */
  history?: RunHistory;
  /** True when the config has a `baseline:` section; the tracking issue is kept only then. */
  hasBaseline: boolean;
  runUrl?: string;
  sourceUrl?: SourceUrl;
}

/**
 * Runs the drift checks on `schedule` and `workflow_dispatch` events, and does nothing on other
 * events: writes the pass-rate trend to the job summary (before the report, so the report's size
 * budget accounts for it) and, when the config has a baseline, updates the tracking issue. A
 * failure to update the issue is logged as a warning and does not fail the step.
 */
export async function runScheduledChecks(options: ScheduledChecksOptions): Promise<void> {
  if (!isDriftEvent(options.eventName)) {
    return;
  }
  if (options.history !== undefined) {
    await writeTrendSummary(options.history);
  }
  if (!options.hasBaseline) {
    core.info('No baseline is configured, so no drift issue is kept; set baseline: { artifact: ... } to compare each scheduled run with the previous one.');
    return;
  }
  if (!options.token) {
    core.warning('No github-token input, so the drift issue was not updated.');
    return;
  }

  try {
    const octokit = getOctokit(options.token, { baseUrl: options.apiUrl });
    const result = await trackDriftIssue({
      octokit,
      owner: options.owner,
      repo: options.repo,
      marker: driftMarker(options.configPath, options.workspace),
      results: options.results,
      configLabel: options.results.run.config,
      runUrl: options.runUrl,
      sourceUrl: options.sourceUrl,
    });
    const where = result.issue === undefined ? '' : `: ${result.issue.url}`;
    const models = result.drifted.length === 0 ? 'every model is within bounds' : `out of bounds: ${result.drifted.join(', ')}`;
    core.info(`Drift issue ${result.action === 'none' ? 'not needed' : result.action} (${models})${where}`);
  } catch (error) {
    core.warning(`Could not update the drift issue: ${describeApiError(error, 'issues: write')}.`);
  }
}

/** Appends the trend charts to the job summary within what is left of its 1 MiB, or does nothing outside GitHub Actions. */
async function writeTrendSummary(history: RunHistory): Promise<void> {
  const summaryPath = process.env.GITHUB_STEP_SUMMARY;
  if (!summaryPath) {
    return;
  }
  const used = await stat(summaryPath).then((info) => info.size, () => 0);
  const section = renderTrendSection(history, { maxBytes: Math.min(TREND_MAX_BYTES, JOB_SUMMARY_MAX_BYTES - used) });
  if (section !== '') {
    await core.summary.addRaw(section).addEOL().write();
  }
}
