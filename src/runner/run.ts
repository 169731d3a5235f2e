import { createProvider } from '../providers/index.js';
import type { Provider } from '../providers/types.js';
import { formatCount } from '../report/format.js';
import { AnswerFile } from '../results/answer-file.js';
import { RowLog, readRowLog, rowKey } from '../results/row-log.js';
import { scoreAnswer } from '../scorers/index.js';
import type { Case, CaseResult, ChatMessage, Completion, Config, ModelConfig, ScoreResult } from '../types.js';
import { Budget } from './budget.js';
import { ResponseCache } from './cache.js';
import { costOf } from './cost.js';
import { estimateCost, estimatePromptTokens, OutputTokenEstimate, outputTokenCap } from './estimate.js';
import { Progress, type StatusLine } from './progress.js';
import { AdaptiveConcurrency, ConcurrencyLimit, TokenBucket } from './rate-limit.js';
import { CallFailure, callWithRetries, QuotaWaitTooLong, type RetryPolicy, DEFAULT_RETRY_POLICY } from './retry.js';

export interface RunOptions {
  env?: NodeJS.ProcessEnv;
  /** Progress a user follows. */
  log?: (line: string) => void;
  /** A terminal's status line: progress is redrawn there as a live bar instead of logged as lines. */
  statusLine?: StatusLine;
  /** One line per kind of repeated problem, with a count. */
  warn?: (line: string) => void;
  debug?: (line: string) => void;
  /** Aborting it stops new requests and cancels those in flight; finished rows are kept. */
  signal?: AbortSignal;
  /** Reuse the rows without error in results.jsonl from an earlier run of the same config. */
  resume?: boolean;
  /** Backoff timings; the retry count and longest wait come from each model's config. */
  backoff?: Pick<RetryPolicy, 'baseBackoffMs' | 'maxBackoffMs'>;
}

export interface RunOutcome {
  /** Rows in config order: model, case, sample. Rows never started (budget, cancel) are absent. */
  rows: CaseResult[];
  /** Reason a model's remaining cases were not run, by model name. */
  stopped: Record<string, string>;
  /** Reason the run ended before every row was done, or null. */
  partialReason: string | null;
  budget: { limit_usd: number; spent_usd: number } | null;
}

/** One model's pace and state: adaptive concurrency, rate limits, retries and whether it was stopped. */
interface Lane {
  model: ModelConfig;
  index: number;
  provider: Provider;
  concurrency: AdaptiveConcurrency;
  /** Maximum requests of this model in flight; the lane runs twice as many workers (see runBenchmark). */
  maxConcurrency: number;
  rpm?: TokenBucket;
  tpm?: TokenBucket;
  outputTokens: OutputTokenEstimate;
  policy: RetryPolicy;
  stopped?: string;
  /** Some request of this model got an HTTP response, so its server is reachable. */
  connected: boolean;
  /** Cases in a row whose call failed after every retry; reset by any answered call. */
  failedInARow: number;
  retriesByCause: Map<string, number>;
}

/**
 * Cases in a row that may fail after all their retries before a model is treated as down. At a 20%
 * transient failure rate and 5 retries, a case fails all 6 attempts with probability 0.2^6 = 6.4e-5,
 * so ten in a row do not happen by chance; during an outage this saves waiting out every case's backoff.
 */
const OUTAGE_CASES = 10;

/**
 * Fixes for the HTTP statuses that come from the model's settings, so that no retry or other case
 * can change them. The first such response stops the model instead of failing each of its cases.
 */
const CONFIG_FIXES: Record<number, (model: ModelConfig) => string> = {
  401: (model) =>
    model.apiKeyEnv === undefined
      ? 'the server wants an API key: set api_key_env to the variable that holds it'
      : `check that ${model.apiKeyEnv} (api_key_env) holds a valid key for ${model.baseUrl ?? 'this server'}`,
  404: (model) => `check base_url (${model.baseUrl ?? 'the default'}) and model (${model.model ?? model.name}): the server knows no such endpoint or model`,
};

interface Job {
  lane: Lane;
  kase: Case;
  sample: number;
  /** Position of the job's row among all rows: model, case, sample. */
  order: number;
}

/**
 * Calls every (model, case, sample), up to `concurrency` requests in flight over all models, with
 * each model's own adaptive concurrency, rate limits and retries; scores each answer as it arrives and
 * appends the row to results.jsonl at once. A failed call or scorer gives an error row; it never stops
 * the run. Requests stop early only at the budget, on cancellation, or for a model whose API asks for a
 * wait above its `max_retry_wait_s`.
 */
export async function runBenchmark(config: Config, cases: Case[], options: RunOptions = {}): Promise<RunOutcome> {
  const env = options.env ?? process.env;
  const log = options.log ?? (() => {});
  const lanes = await createLanes(config, env, options.backoff);
  const jobCounts = lanes.map((lane) => countJobs(lane, cases, config));
  const total = jobCounts.reduce((sum, count) => sum + count, 0);

  const answers = openAnswerFile(options.warn);
  const keep = (row: CaseResult): CaseResult => (answers ? answers.keep(row) : row);
  const previous = options.resume ? await readRowLog(config.output.jsonl, keep) : new Map<string, CaseResult>();
  const rowLog = new RowLog(config.output.jsonl, { append: options.resume === true });
  const context: JobContext = {
    config,
    global: new ConcurrencyLimit(config.concurrency),
    budget: config.budgetUsd === undefined ? undefined : new Budget(config.budgetUsd),
    cache: config.cacheDir === undefined ? undefined : new ResponseCache(config.cacheDir),
    signal: options.signal,
    debug: options.debug ?? (() => {}),
    systemMessage: config.system ? { role: 'system', content: config.system } : undefined,
  };
  warnAboutUnpricedModels(context, lanes, options.warn);

  const progress = new Progress(total, log, { live: options.statusLine });
  // Indexed by Job.order, so the rows end up in config order whatever order they finish in.
  const rows = new Array<CaseResult | undefined>(total);
  let done = 0;
  let reused = 0;

  const runOne = async (job: Job): Promise<void> => {
    const earlier = previous.get(rowKey(job.lane.model.name, job.kase.id, job.sample));
    const row = earlier && earlier.error === null ? (reused++, earlier) : await runJob(job, context);
    if (row === undefined) return;
    // A reused row is already in results.jsonl, and its texts already in the answer file.
    if (row !== earlier) rowLog.write(row);
    rows[job.order] = row === earlier ? row : keep(row);
    done++;
    progress.record(row.error !== null, row === earlier);
  };

  try {
    // Twice the model's concurrency: while up to that many rows are being scored, the other workers keep
    // its requests going; the model's concurrency limit still caps the requests in flight.
    let firstOrder = 0;
    const running = lanes.map((lane, index) => {
      const jobs = laneJobs(lane, cases, config, firstOrder);
      firstOrder += jobCounts[index]!;
      return runWorkers(jobs, Math.min(2 * lane.maxConcurrency, jobCounts[index]!), runOne);
    });
    await Promise.all(running);
  } finally {
    rowLog.close();
    progress.finish();
  }

  if (reused > 0) log(`Resumed: ${reused} rows reused from ${config.output.jsonl}`);
  reportRetries(lanes, options.warn);
  for (const lane of lanes) if (lane.stopped) options.warn?.(`${lane.model.name} stopped: ${lane.stopped}.`);

  return {
    rows: done === total ? (rows as CaseResult[]) : rows.filter((row): row is CaseResult => row !== undefined),
    stopped: Object.fromEntries(lanes.flatMap((lane) => (lane.stopped ? [[lane.model.name, lane.stopped]] : []))),
    partialReason: partialReason(context, total - done),
    budget: context.budget ? { limit_usd: context.budget.limitUsd, spent_usd: context.budget.spent } : null,
  };
}

/**
 * Opens the temporary file that keeps the rows' outputs and reasoning out of memory (see
 * AnswerFile). When it cannot be created, the rows keep their texts in memory and the run goes on.
 */
function openAnswerFile(warn: RunOptions['warn']): AnswerFile | undefined {
  try {
    return new AnswerFile();
  } catch (error) {
    warn?.(`Outputs are kept in memory because no temporary file could be created (${(error as Error).message}). Set TMPDIR to a writable folder to keep them on disk.`);
    return undefined;
  }
}

interface JobContext {
  config: Config;
  global: ConcurrencyLimit;
  budget?: Budget;
  cache?: ResponseCache;
  signal?: AbortSignal;
  debug: (line: string) => void;
  /** The config's system prompt as a message, shared by every request. */
  systemMessage?: ChatMessage;
}

async function createLanes(config: Config, env: NodeJS.ProcessEnv, backoff: RunOptions['backoff']): Promise<Lane[]> {
  const lanes: Lane[] = [];
  for (const [index, model] of config.models.entries()) {
    lanes.push({
      model,
      index,
      provider: await createProvider(model, config, env),
      concurrency: new AdaptiveConcurrency(Math.min(model.concurrency ?? config.concurrency, config.concurrency)),
      maxConcurrency: Math.min(model.concurrency ?? config.concurrency, config.concurrency),
      rpm: model.rpm === undefined ? undefined : new TokenBucket(model.rpm),
      tpm: model.tpm === undefined ? undefined : new TokenBucket(model.tpm),
      outputTokens: new OutputTokenEstimate(outputTokenCap(model)),
      policy: { ...DEFAULT_RETRY_POLICY, ...backoff, retries: model.retries, maxRetryWaitMs: model.maxRetryWaitS * 1000 },
      connected: false,
      failedInARow: 0,
      retriesByCause: new Map(),
    });
  }
  return lanes;
}

function samplesOf(lane: Lane, kase: Case, config: Config): number {
  return kase.samples ?? lane.model.samples ?? lane.provider.sampleCount?.(kase) ?? config.samples;
}

function countJobs(lane: Lane, cases: Case[], config: Config): number {
  let count = 0;
  for (const kase of cases) count += samplesOf(lane, kase, config);
  return count;
}

/** Yields the lane's jobs in config order (case, then sample), each made when a worker takes it. */
function* laneJobs(lane: Lane, cases: Case[], config: Config, firstOrder: number): Generator<Job> {
  let order = firstOrder;
  for (const kase of cases) {
    const samples = samplesOf(lane, kase, config);
    for (let sample = 0; sample < samples; sample++) yield { lane, kase, sample, order: order++ };
  }
}

/** Runs the jobs in order on `workers` concurrent loops; each job is made when a worker takes it. */
async function runWorkers(jobs: Iterator<Job>, workers: number, runOne: (job: Job) => Promise<void>): Promise<void> {
  const work = async (): Promise<void> => {
    for (let next = jobs.next(); !next.done; next = jobs.next()) await runOne(next.value);
  };
  await Promise.all(Array.from({ length: workers }, work));
}

/**
 * Returns the scored row, or undefined when the job was never started (budget reached, cancelled).
 * The model's concurrency slot is released before scoring, so that slow scoring (code run in the
 * sandbox) does not hold back the model's requests.
 */
async function runJob(job: Job, context: JobContext): Promise<CaseResult | undefined> {
  const answer = await job.lane.concurrency.run(() => callJob(job, context));
  return answer === undefined ? undefined : finishJob(job, answer, context);
}

interface Answer {
  completion: Completion;
  /** Budget reserved for the call, settled once the row is scored; undefined when nothing was called. */
  reservation?: number;
  /** Where a good answer is stored in the response cache. */
  cacheKey?: string;
}

/** Calls the model (or reads the cache); undefined when the job was never started (budget reached, cancelled). */
async function callJob(job: Job, context: JobContext): Promise<Answer | undefined> {
  const { lane } = job;
  const messages = conversation(context, job.kase);
  const cacheKey = context.cache?.key(lane.model, messages, job.sample);
  const cached = cacheKey === undefined ? undefined : await context.cache!.get(cacheKey);
  if (cached) return { completion: cached };

  if (lane.stopped) return { completion: failedCompletion(lane.stopped, 0) };
  if (context.signal?.aborted) return undefined;

  const promptTokens = estimatePromptTokens(messages);
  const reservation = lane.model.pricing && context.budget ? estimateCost(promptTokens, lane.outputTokens.value, lane.model.pricing) : 0;
  if (context.budget && lane.model.pricing && !context.budget.tryReserve(reservation)) return undefined;

  let completion: Completion;
  try {
    const { value, retries } = await callWithRetries(() => attempt(job, messages, promptTokens, context), lane.policy, {
      onRetry: (failure, waitMs, number) => {
        const cause = failure.status === undefined ? failure.message.split(':')[0]! : `HTTP ${failure.status}`;
        lane.retriesByCause.set(cause, (lane.retriesByCause.get(cause) ?? 0) + 1);
        context.debug(`${lane.model.name} ${job.kase.id}#${job.sample}: retry ${number} in ${waitMs} ms after ${failure.message}`);
      },
      signal: context.signal,
    });
    // Each call returns a new Completion, so it is completed in place: a spread copy on every request
    // left garbage in the old generation (see bodyHead in providers/post-json.ts).
    value.retries = retries;
    completion = value;
  } catch (error) {
    const retries = (error as { retries?: number }).retries ?? 0;
    if (error instanceof QuotaWaitTooLong) lane.stopped ??= error.message;
    if (error instanceof CallFailure && error.stopsModel) lane.stopped ??= `${clause(error.message)}; its remaining cases were not run`;
    const configFix = error instanceof CallFailure ? CONFIG_FIXES[error.status ?? 0]?.(lane.model) : undefined;
    if (configFix) lane.stopped ??= `${clause((error as CallFailure).message)}; ${configFix}; its remaining cases were not run`;
    // A server that never answered once, through every retry, is down or misconfigured: the other
    // cases would each wait out the same retries, so they are not run.
    if (error instanceof CallFailure && error.connection && !lane.connected) {
      lane.stopped ??= `no connection could be made after ${lane.policy.retries + 1} attempts (${error.message}); check base_url or endpoint; its remaining cases were not run`;
    }
    if (error instanceof CallFailure && error.transient && ++lane.failedInARow >= OUTAGE_CASES) {
      const retries = `${lane.policy.retries} ${lane.policy.retries === 1 ? 'retry' : 'retries'}`;
      lane.stopped ??= `${lane.failedInARow} cases in a row failed after ${retries} each (last: ${error.message}), which looks like an outage; its remaining cases were not run`;
    }
    if (context.signal?.aborted) {
      context.budget?.settle(reservation, 0);
      return undefined;
    }
    completion = failedCompletion(error instanceof Error ? error.message : String(error), retries);
  }

  return { completion, reservation, cacheKey };
}

/** Scores the answer, settles the budget reservation and stores a good answer in the cache. */
async function finishJob(job: Job, answer: Answer, context: JobContext): Promise<CaseResult> {
  const row = await scoreRow(job, answer.completion);
  if (answer.reservation !== undefined) context.budget?.settle(answer.reservation, row.cost_usd ?? 0);
  if (answer.cacheKey !== undefined && answer.completion.error === null) await context.cache!.put(answer.cacheKey, answer.completion);
  return row;
}

/** Sends one request after waiting for the model's rate limits and then for a global slot. */
async function attempt(job: Job, messages: ChatMessage[], promptTokens: number, context: JobContext): Promise<Completion> {
  const { lane } = job;
  if (context.signal?.aborted) throw new CallFailure('cancelled', { transient: false });
  if (lane.stopped) throw new CallFailure(lane.stopped, { transient: false });

  const tokenEstimate = promptTokens + lane.outputTokens.value;
  await lane.rpm?.take(1);
  await lane.tpm?.take(tokenEstimate);

  try {
    const completion = await context.global.run(() => lane.provider.complete({ kase: job.kase, messages, sample: job.sample, signal: context.signal }));
    lane.connected = true;
    lane.failedInARow = 0;
    lane.concurrency.onSuccess();
    if (completion.usage) {
      lane.outputTokens.observe(completion.usage.completion_tokens);
      lane.tpm?.adjust(completion.usage.total_tokens - tokenEstimate);
    }
    return completion;
  } catch (error) {
    if (error instanceof CallFailure && error.status !== undefined) lane.connected = true;
    if (error instanceof CallFailure && error.status === 429) lane.concurrency.onRateLimited();
    throw error;
  }
}

/** Returns `message` without its final period, to begin a longer message. */
function clause(message: string): string {
  return message.replace(/\.+$/, '');
}

function failedCompletion(error: string, retries: number): Completion {
  return { output: null, usage: null, finishReason: null, latencyMs: null, error, retries };
}

/**
 * Returns the case's messages after the config's system prompt, unless the case starts with its own.
 * Every request shares the one system message.
 */
function conversation(context: JobContext, kase: Case): ChatMessage[] {
  const hasSystem = kase.messages[0]?.role === 'system';
  return context.systemMessage && !hasSystem ? [context.systemMessage].concat(kase.messages) : kase.messages;
}

/** Finish reasons that mean the answer is incomplete; the row's reason says so. */
const CUT_SHORT: Record<string, string> = {
  length: 'the answer was cut at the token limit (finish_reason: length)',
  content_filter: 'the answer was withheld by a content filter (finish_reason: content_filter)',
};

async function scoreRow(job: Job, completion: Completion): Promise<CaseResult> {
  let score: ScoreResult = { pass: false, score: 0, reason: completion.error ? `error: ${completion.error}` : '' };
  let error = completion.error;

  if (error === null && completion.output !== null) {
    try {
      score = await scoreAnswer(completion.output, job.kase);
      if (completion.output.trim() === '') score = { ...score, reason: `empty answer; ${score.reason}` };
      const cut = completion.finishReason ? CUT_SHORT[completion.finishReason] : undefined;
      if (cut && !score.pass) score = { ...score, reason: `${score.reason}; ${cut}` };
    } catch (scoringError) {
      error = `scoring failed: ${scoringError instanceof Error ? scoringError.message : String(scoringError)}`;
      score = { pass: false, score: 0, reason: `error: ${error}` };
    }
  }

  return {
    id: job.kase.id,
    model: job.lane.model.name,
    type: job.kase.type,
    sample: job.sample,
    tags: job.kase.tags,
    source: job.kase.source,
    pass: score.pass,
    score: score.score,
    reason: score.reason,
    output: completion.output,
    reasoning: completion.reasoning ?? null,
    latency_ms: completion.latencyMs === null ? null : Math.round(completion.latencyMs * 10) / 10,
    ttft_ms: completion.ttftMs == null ? null : Math.round(completion.ttftMs * 10) / 10,
    tokens_per_s: completion.tokensPerSecond == null ? null : Math.round(completion.tokensPerSecond * 10) / 10,
    usage: completion.usage,
    cost_usd: costOf(completion.usage, job.lane.model.pricing),
    finish_reason: completion.finishReason,
    error,
    retries: completion.retries ?? 0,
    cached: completion.cached === true,
  };
}

function warnAboutUnpricedModels(context: JobContext, lanes: Lane[], warn: RunOptions['warn']): void {
  if (!context.budget) return;
  const unpriced = lanes.filter((lane) => !lane.model.pricing && lane.model.outputs === undefined).map((lane) => lane.model.name);
  if (unpriced.length > 0) warn?.(`budget_usd does not limit ${unpriced.join(', ')}: no pricing is set for them.`);
}

function reportRetries(lanes: Lane[], warn: RunOptions['warn']): void {
  for (const lane of lanes) {
    const total = [...lane.retriesByCause.values()].reduce((sum, count) => sum + count, 0);
    if (total === 0) continue;
    const causes = [...lane.retriesByCause].map(([cause, count]) => `${cause} ×${count}`).join(', ');
    warn?.(`${lane.model.name}: ${total} retries (${causes}).`);
  }
}

function partialReason(context: JobContext, notRun: number): string | null {
  if (notRun === 0) return null;
  if (context.budget?.exhausted) {
    const refused = context.budget.refusedEstimateUsd ?? 0;
    return (
      `budget_usd ${context.budget.limitUsd} reached: $${context.budget.spent.toFixed(4)} spent, and the next request, estimated at ` +
      `$${refused.toFixed(4)} (output tokens: max_tokens, else twice the mean so far, 1,024 before the first answer), would have passed it; ${formatCount(notRun)} rows were not run`
    );
  }
  if (context.signal?.aborted) return `cancelled; ${formatCount(notRun)} rows were not run`;
  return `${formatCount(notRun)} rows were not run`;
}
