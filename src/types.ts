import type { BaselineIssue, ModelBaseline } from './baseline/types.js';
import type { IsolationReport } from './sandbox/isolation.js';

// Shared shapes of the pipeline: config → cases → completions → scored rows → model summaries.
// Field names of the results file (`RunResults` and below) are snake_case because that file is a
// documented public format (docs/results-format.md); in-memory config and cases are camelCase.

export type CaseType = 'math' | 'qa' | 'summary' | 'code';
export const CASE_TYPES: readonly CaseType[] = ['math', 'qa', 'summary', 'code'];

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

/** Place in a suite file that a case or a config value came from; `line` is 1-based. */
export interface SourceLocation {
  file: string;
  line: number;
}

interface CaseBase {
  id: string;
  /** Conversation sent to the model, without the config-level system prompt. */
  messages: ChatMessage[];
  tags: string[];
  source: SourceLocation;
  /** 0-based position in a JSONL data set; used to match replayed outputs that carry no id. */
  index?: number;
  /** Independent answers wanted for this case; overrides the config's `samples`. */
  samples?: number;
}

/** How the final number is taken from a math answer; `regex` uses the first capture group if any. */
export type MathExtract = { kind: 'first' } | { kind: 'last' } | { kind: 'boxed' } | { kind: 'regex'; pattern: string };

export interface MathCase extends CaseBase {
  type: 'math';
  expected: string;
  extract: MathExtract;
  /** Absolute tolerance for numeric comparison. */
  tolerance: number;
  compare: 'numeric' | 'string';
}

export interface QaCase extends CaseBase {
  type: 'qa';
  /** Accepted answers; any one of them passes. */
  expected: string[];
  match: 'exact' | 'contains' | 'regex';
}

export interface SummaryCase extends CaseBase {
  type: 'summary';
  mustInclude: string[];
  maxChars?: number;
  minChars?: number;
}

export interface CodeCase extends CaseBase {
  type: 'code';
  language: 'python' | 'javascript';
  /** Test program appended after the extracted code (YAML cases) or HumanEval's `test`. */
  tests: string;
  /** Function that the answer must define; HumanEval calls `check(entry_point)`. */
  entryPoint?: string;
  /** HumanEval problems: the prompt's code, run before the completion. */
  codePrefix?: string;
  timeoutS: number;
}

export type Case = MathCase | QaCase | SummaryCase | CodeCase;

export interface Pricing {
  inputPerMtok: number;
  outputPerMtok: number;
}

export interface ModelConfig {
  /** Display name, unique within a config. */
  name: string;
  provider: 'openai' | 'anthropic' | 'azure';
  /** API root of `openai` and `anthropic` models; `azure` uses `endpoint`. */
  baseUrl?: string;
  apiKeyEnv?: string;
  /** Model id sent to the API. */
  model?: string;
  /** Extra request fields passed through to the API (temperature, max_tokens, ...). */
  params: Record<string, unknown>;
  pricing?: Pricing;
  /** Replay file: when set, recorded answers are scored and no API is called. */
  outputs?: string;
  concurrency?: number;
  samples?: number;
  /** Requests per minute; unset means no limit. */
  rpm?: number;
  /** Tokens per minute, estimated before each call and corrected from its usage. */
  tpm?: number;
  retries: number;
  maxRetryWaitS: number;
  /** Read the answer as a stream (openai and azure), which measures the time to first token. */
  stream?: boolean;
  /** `anthropic-version` header of `anthropic` models. */
  anthropicVersion?: string;
  /** Azure OpenAI resource URL, e.g. https://myres.openai.azure.com. */
  endpoint?: string;
  /** Azure OpenAI deployment name; it takes the place of the model id. */
  deployment?: string;
  /** Azure OpenAI `api-version` query parameter. */
  apiVersion?: string;
}

export interface ThresholdSet {
  passRate?: number;
  /** Highest share of rows that may end in an error (0 to 1). */
  maxErrorRate?: number;
  types: Partial<Record<CaseType, number>>;
  tags: Record<string, number>;
}

export interface Thresholds extends ThresholdSet {
  models: Record<string, ThresholdSet>;
}

/** Absolute paths of the files a run writes. */
export interface OutputPaths {
  json: string;
  /** Rows appended as they finish, so a crash or a cancelled job keeps them. */
  jsonl: string;
  csv: string;
  report: string;
  junit: string;
}

export interface Config {
  /** Absolute path of the config file; relative paths inside it resolve against its folder. */
  file: string;
  dir: string;
  suite: SuiteEntry[];
  models: ModelConfig[];
  system?: string;
  concurrency: number;
  timeoutS: number;
  samples: number;
  /** k values of pass@k; each is reported only when every case has at least k samples. */
  passAtK: number[];
  thresholds: Thresholds;
  output: OutputPaths;
  /** Spending limit of one run in USD; unset means none. */
  budgetUsd?: number;
  /** Folder of the response cache; unset means no cache. */
  cacheDir?: string;
  /** Run to compare against; unset means no comparison. */
  baseline?: BaselineSource;
  regression: { maxDrop: number; alpha: number };
  /** Pass-rate history for trend charts on scheduled runs. */
  history?: { file: string; keep: number };
}

/**
 * Source of the baseline run: a committed results.json, the base branch's suite and config
 * run in the same job, or the results artifact of an earlier workflow run.
 */
export type BaselineSource =
  | { kind: 'file'; path: string }
  | { kind: 'base-ref'; ref?: string }
  | { kind: 'artifact'; name: string; branch?: string; workflow?: string };

/** A path or glob of YAML case files, or a JSONL data set. */
export type SuiteEntry =
  | { kind: 'files'; pattern: string; source: SourceLocation }
  | {
      kind: 'dataset';
      path: string;
      format: 'gsm8k' | 'humaneval' | 'jsonl';
      promptField?: string;
      expectedField?: string;
      idField?: string;
      idPrefix?: string;
      type?: CaseType;
      /** Extra case options applied to every line (match, extract, tolerance, tags...). */
      defaults: Record<string, unknown>;
      limit?: number;
      source: SourceLocation;
    };

export interface Usage {
  prompt_tokens: number;
  /** Includes the reasoning tokens, which are billed as output. */
  completion_tokens: number;
  total_tokens: number;
  /** Thinking tokens within `completion_tokens`, when the API reports them. */
  reasoning_tokens?: number;
  /** True when the API sent no usage and the counts come from a local tokenizer. */
  estimated?: boolean;
}

/**
 * Result of one request. Providers throw a CallFailure for a failed call; the runner then records a
 * completion with `error` set and `output` null.
 */
export interface Completion {
  output: string | null;
  usage: Usage | null;
  finishReason: string | null;
  latencyMs: number | null;
  error: string | null;
  /** Retries made before this result. */
  retries?: number;
  /** Served from the response cache; no request was sent. */
  cached?: boolean;
  /** Thinking text kept apart from `output`; it is not scored. */
  reasoning?: string | null;
  /** Time to the first streamed content or reasoning delta, in ms; only for streamed requests. */
  ttftMs?: number | null;
  /** Completion tokens per second after the first token; only for streamed requests. */
  tokensPerSecond?: number | null;
}

export interface ScoreResult {
  pass: boolean;
  /** In [0, 1]. */
  score: number;
  /** One line that says why the answer passed or failed. */
  reason: string;
}

/** One (model, case, sample) row of the results file. */
export interface CaseResult {
  id: string;
  model: string;
  type: CaseType;
  sample: number;
  tags: string[];
  source: SourceLocation;
  pass: boolean;
  score: number;
  reason: string;
  output: string | null;
  /** Thinking text the model sent apart from its answer, or null. */
  reasoning: string | null;
  latency_ms: number | null;
  /** Time to first token of a streamed request, in ms, or null. */
  ttft_ms: number | null;
  /** Completion tokens per second after the first token of a streamed request, or null. */
  tokens_per_s: number | null;
  usage: Usage | null;
  cost_usd: number | null;
  finish_reason: string | null;
  error: string | null;
  retries: number;
  cached: boolean;
}

export interface RateBreakdown {
  total: number;
  passed: number;
  pass_rate: number;
}

export interface ModelSummary {
  name: string;
  model: string | null;
  total: number;
  passed: number;
  failed: number;
  errors: number;
  pass_rate: number;
  error_rate: number;
  /**
   * pass@k by k (`"1"`, `"10"`): the unbiased estimator averaged over cases, for each configured k
   * no larger than every case's sample count; error rows count as failed samples.
   */
  pass_at_k: Record<string, number>;
  /** Retries made over all of the model's calls. */
  retries: number;
  /** Reason the model's remaining cases were not run (a quota wait, an outage, a config error), or null. */
  stopped: string | null;
  by_type: Record<string, RateBreakdown>;
  by_tag: Record<string, RateBreakdown>;
  latency_ms: { mean: number | null; p50: number | null; p95: number | null };
  /** Time to first token over the streamed rows, in ms; null when no row was streamed. */
  ttft_ms: { mean: number | null; p50: number | null; p95: number | null } | null;
  /** Output speed over the streamed rows that measured it; null when none did. */
  tokens_per_s: { mean: number | null; p50: number | null; p95: number | null } | null;
  /** `reasoning` counts tokens within `completion` that the API reported as thinking. */
  tokens: { prompt: number; completion: number; total: number; reasoning: number };
  cost_usd: number | null;
  /** Comparison with the baseline run, when one was configured and found. */
  baseline?: ModelBaseline;
}

export interface GateFailure {
  model: string;
  /** `all`, `type:<name>` or `tag:<name>`. */
  scope: string;
  /** `pass_rate` fails below its threshold; `error_rate` fails above it. */
  metric: 'pass_rate' | 'error_rate';
  value: number;
  threshold: number;
}

export interface GateResult {
  passed: boolean;
  failures: GateFailure[];
}

export interface RunResults {
  schema_version: 1;
  tool: { name: 'llm-bench'; version: string };
  run: {
    id: string;
    started_at: string;
    finished_at: string;
    config: string;
    /** True when the run ended before every row was done (budget reached, cancelled). */
    partial: boolean;
    partial_reason: string | null;
    budget: { limit_usd: number; spent_usd: number } | null;
    /** Sandbox protections in force for code cases, by language; absent when the suite has none. */
    isolation?: Record<string, IsolationReport>;
  };
  models: ModelSummary[];
  cases: CaseResult[];
  gate: GateResult;
  /** The baseline comparison as a whole; per-model figures are in `models[i].baseline`. */
  baseline?: BaselineSummary;
}

/** Source of the comparison, and the regressions and warnings that came out of it. */
export interface BaselineSummary {
  /** `file:PATH`, `base-ref:REF` or `artifact:NAME@RUN`; `none:REASON` when no baseline could be had. */
  source: string;
  passed: boolean;
  max_drop: number;
  alpha: number;
  removed_models: string[];
  failures: BaselineIssue[];
  warnings: BaselineIssue[];
}
