// Script interpreter: picks the rule, fault, latency and reply for each request, independent of any wire format.
// Rules are compiled once per script, so a request costs one rule scan and two PRNG draws.

import type { Usage } from '../src/types.js';
import { ANY_MODEL } from './script.js';
import type { Behaviour, FailFirst, Fault, ModelScript, Rule, TestScript, UsageOverride } from './script.js';
import { codePointLength, estimateTokens, sliceCodePoints, CHARS_PER_TOKEN } from './text.js';

/** The parts of a chat request that the script acts on, taken from any of the supported APIs. */
export interface ChatRequest {
  modelId: string;
  /** Text of the last user message, or '' when there is none. */
  lastUserText: string;
  /** Code points of all message texts, the system prompt included. */
  promptCodePoints: number;
  /** Maximum completion tokens of the request, when it sets a positive integer. */
  maxTokens?: number;
}

export interface StreamSettings {
  chunkDelayMs: number;
  /** Code points of content per chunk. */
  chunkChars: number;
  /** Whether a usage chunk may be sent. The request must still set `stream_options.include_usage`. */
  usage: boolean;
}

export interface ScriptedReply {
  content: string;
  reasoningContent: string | null;
  finishReason: string;
  /** Null when the script sets `usage: false`. */
  usage: Usage | null;
}

/** Fault, latency and reply chosen for one request. */
export interface Decision {
  latencyMs: number;
  /** Fault to send instead of the reply, or null. */
  fault: Fault | null;
  /** Null when no rule matches and the model has neither `default` nor `echo`. */
  reply: ScriptedReply | null;
  stream: StreamSettings;
}

interface Settings {
  latencyMs: number;
  jitterMs: number;
  finishReason?: string;
  usage?: UsageOverride | false;
  reasoningContent?: string;
  chunkDelayMs: number;
  chunkChars: number;
  streamUsage: boolean;
  faults: Fault[];
}

interface ReplySource {
  reply?: string;
  echo: boolean;
  settings: Settings;
}

interface CompiledRule extends ReplySource {
  matches(text: string): boolean;
}

export interface CompiledModel {
  id: string;
  rules: CompiledRule[];
  /** Reply and settings used when no rule matches. A matching rule without a reply also takes its text from here. */
  fallback: ReplySource;
  failFirst: FailFirst | null;
}

interface ModelState {
  requests: number;
  random: () => number;
}

export interface RuntimeOptions {
  /** Replaces the script's top-level `latency_ms`. Model and rule values still win. */
  latencyMs?: number;
}

const DEFAULT_SETTINGS: Settings = {
  latencyMs: 0,
  jitterMs: 0,
  chunkDelayMs: 0,
  chunkChars: 16,
  streamUsage: true,
  faults: [],
};

/** Distinct model ids that get their own PRNG and request count. Further ids share one state. */
const MAX_TRACKED_MODELS = 10_000;

/** Applies one level of behaviour on top of `base`, concatenating the faults of both. */
function mergeSettings(base: Settings, level: Behaviour): Settings {
  return {
    latencyMs: level.latency_ms ?? base.latencyMs,
    jitterMs: level.latency_jitter_ms ?? base.jitterMs,
    finishReason: level.finish_reason ?? base.finishReason,
    usage: level.usage ?? base.usage,
    reasoningContent: level.reasoning_content ?? base.reasoningContent,
    chunkDelayMs: level.chunk_delay_ms ?? base.chunkDelayMs,
    chunkChars: level.stream_chunk_chars ?? base.chunkChars,
    streamUsage: level.stream_usage ?? base.streamUsage,
    faults: level.faults === undefined ? base.faults : [...base.faults, ...level.faults],
  };
}

function compileMatcher(rule: Rule): (text: string) => boolean {
  if (rule.contains !== undefined) {
    const substring = rule.contains;
    return (text) => text.includes(substring);
  }

  const pattern = new RegExp(rule.match ?? '', rule.flags);
  return (text) => pattern.test(text);
}

function compileModel(id: string, model: ModelScript, scriptSettings: Settings): CompiledModel {
  const modelSettings = mergeSettings(scriptSettings, model);

  const rules = (model.rules ?? []).map((rule) => ({
    matches: compileMatcher(rule),
    reply: rule.reply,
    echo: rule.echo === true,
    settings: mergeSettings(modelSettings, rule),
  }));

  const failFirst = typeof model.fail_first === 'number' ? { count: model.fail_first, status: 500 } : (model.fail_first ?? null);

  return {
    id,
    rules,
    fallback: { reply: model.default, echo: model.echo === true, settings: modelSettings },
    failFirst,
  };
}

/** FNV-1a 32-bit hash, used to derive a PRNG seed per model id. */
function hashString(text: string): number {
  let hash = 0x811c9dc5;

  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }

  return hash >>> 0;
}

/** Mulberry32 PRNG: a small, fast 32-bit generator, fine for test draws but not for cryptography. */
function createRandom(seed: number): () => number {
  let state = seed >>> 0;

  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

/** Picks the fault whose slice of [0, 1) contains `draw`, with slices laid out in list order. */
function pickFault(faults: Fault[], draw: number): Fault | null {
  let upper = 0;

  for (const fault of faults) {
    upper += fault.rate ?? 1;
    if (draw < upper) {
      return fault;
    }
  }

  return null;
}

function replyText(source: ReplySource, request: ChatRequest): string | undefined {
  if (source.reply !== undefined) {
    return source.reply;
  }

  return source.echo ? request.lastUserText : undefined;
}

/** Builds the reply, cut to the request's max tokens when the text is longer. */
function buildReply(text: string, settings: Settings, request: ChatRequest): ScriptedReply {
  let content = text;
  let finishReason = settings.finishReason ?? 'stop';

  if (request.maxTokens !== undefined && estimateTokens(codePointLength(text)) > request.maxTokens) {
    content = sliceCodePoints(text, request.maxTokens * CHARS_PER_TOKEN);
    finishReason = settings.finishReason ?? 'length';
  }

  const reasoningContent = settings.reasoningContent ?? null;
  const usage = settings.usage === false ? null : buildUsage(content, reasoningContent, settings.usage, request);

  return { content, reasoningContent, finishReason, usage };
}

function buildUsage(content: string, reasoning: string | null, override: UsageOverride | undefined, request: ChatRequest): Usage {
  const completionCodePoints = codePointLength(content) + (reasoning === null ? 0 : codePointLength(reasoning));
  const promptTokens = override?.prompt_tokens ?? estimateTokens(request.promptCodePoints);
  const completionTokens = override?.completion_tokens ?? estimateTokens(completionCodePoints);

  return {
    prompt_tokens: promptTokens,
    completion_tokens: completionTokens,
    total_tokens: override?.total_tokens ?? promptTokens + completionTokens,
  };
}

/**
 * Compiled script with per-model state. Each model id has its own request count and seeded PRNG, so
 * faults and jitter depend only on the script and the order of that model's requests.
 */
export class ScriptRuntime {
  readonly requireApiKey: string | undefined;
  private readonly seed: number;
  private readonly models = new Map<string, CompiledModel>();
  private readonly states = new Map<string, ModelState>();

  constructor(script: TestScript, options: RuntimeOptions = {}) {
    this.seed = script.seed ?? 1;
    this.requireApiKey = script.require_api_key;

    const scriptSettings = mergeSettings(mergeSettings(DEFAULT_SETTINGS, script), { latency_ms: options.latencyMs });

    for (const [id, model] of Object.entries(script.models)) {
      this.models.set(id, compileModel(id, model, scriptSettings));
    }
  }

  /** Returns the model listed under `id`, else the `*` entry, else undefined. */
  findModel(id: string): CompiledModel | undefined {
    return this.models.get(id) ?? this.models.get(ANY_MODEL);
  }

  /** Lists the model ids of the script, without `*`. */
  modelIds(): string[] {
    return [...this.models.keys()].filter((id) => id !== ANY_MODEL);
  }

  /** Counts the request for its model and decides the fault, latency and reply. */
  decide(model: CompiledModel, request: ChatRequest): Decision {
    const state = this.stateFor(request.modelId);
    state.requests += 1;

    // Both draws happen on every request, so the fault sequence does not depend on jitter settings.
    const faultDraw = state.random();
    const jitterDraw = state.random();

    const rule = model.rules.find((candidate) => candidate.matches(request.lastUserText));
    const settings = (rule ?? model.fallback).settings;
    const latencyMs = settings.latencyMs + Math.floor(jitterDraw * (settings.jitterMs + 1));

    const failFirst = model.failFirst !== null && state.requests <= model.failFirst.count ? model.failFirst : null;
    const fault = failFirst ?? pickFault(settings.faults, faultDraw);

    const text = (rule === undefined ? undefined : replyText(rule, request)) ?? replyText(model.fallback, request);
    const reply = text === undefined ? null : buildReply(text, settings, request);

    return {
      latencyMs,
      fault,
      reply,
      stream: { chunkDelayMs: settings.chunkDelayMs, chunkChars: settings.chunkChars, usage: settings.streamUsage },
    };
  }

  private stateFor(modelId: string): ModelState {
    const known = this.states.get(modelId);
    if (known !== undefined) {
      return known;
    }

    // NOTE: past MAX_TRACKED_MODELS distinct ids, new ids share one state, so their faults depend on
    // the interleaving of those models' requests.
    const key = this.states.size >= MAX_TRACKED_MODELS ? '\u0000shared' : modelId;
    const state = this.states.get(key) ?? { requests: 0, random: createRandom(hashString(`${this.seed}\u0000${key}`)) };
    this.states.set(key, state);
    return state;
  }
}
