// Streamed chat completions: the answer read chunk by chunk, with the time to first token and the
// output speed, and the usage counted locally when the server sends none.

import OpenAI from 'openai';
import type { ChatMessage, Completion } from '../types.js';
import { CallFailure } from '../runner/retry.js';
import { abortFailure, cleanMessage, transportFailure, type CallSignals } from './call-errors.js';
import { reasoningField, separateReasoning } from './reasoning.js';
import { estimateUsage, readOpenAiUsage } from './usage.js';

export interface StreamContext {
  /** `performance.now()` when the request was sent. */
  started: number;
  messages: readonly ChatMessage[];
  signals: CallSignals;
  apiKey: string | undefined;
}

/** Totals of the chunks read so far from one stream. */
interface StreamState {
  content: string;
  reasoning: string;
  finishReason: string | null;
  usage: unknown;
  /** Time to the first content or reasoning delta, in ms. */
  ttftMs: number | null;
  /** Chunks that carried content or reasoning. */
  textChunks: number;
}

/** Delta fields of reasoning models that the `openai` types do not declare. */
interface ReasoningDelta {
  content?: unknown;
  reasoning_content?: unknown;
  reasoning?: unknown;
}

/**
 * Reads a chat completion stream to its end. The thinking text (`delta.reasoning_content`, or
 * `delta.reasoning` as Ollama and OpenRouter name it, or a leading `<think>` block) is kept apart from
 * the answer. A stream that ends without a `finish_reason` broke off, and fails as transient, like a
 * connection error or an unreadable chunk; the `openai` package ends such a stream without an error.
 */
export async function readStream(stream: AsyncIterable<OpenAI.ChatCompletionChunk>, context: StreamContext): Promise<Completion> {
  const state: StreamState = { content: '', reasoning: '', finishReason: null, usage: null, ttftMs: null, textChunks: 0 };
  try {
    for await (const chunk of stream) addChunk(state, chunk, context.started);
  } catch (error) {
    throw streamFailure(error, context);
  }
  const latencyMs = performance.now() - context.started;

  const aborted = abortFailure(context.signals);
  if (aborted) throw aborted;
  if (state.finishReason === null) {
    throw new CallFailure('the stream ended before the answer was complete (no finish_reason); the connection probably broke off', { transient: true });
  }

  const { answer, reasoning } = separateReasoning(state.content, state.reasoning);
  const usage = readOpenAiUsage(state.usage) ?? (await estimateUsage(context.messages, answer, reasoning));
  return {
    output: answer,
    reasoning,
    usage,
    finishReason: state.finishReason,
    latencyMs,
    ttftMs: state.ttftMs,
    tokensPerSecond: outputSpeed(usage.completion_tokens, latencyMs, state.ttftMs, state.textChunks),
    error: null,
  };
}

function addChunk(state: StreamState, chunk: OpenAI.ChatCompletionChunk, started: number): void {
  if (chunk.usage) state.usage = chunk.usage;
  const choice = chunk.choices?.[0];
  if (!choice) return;

  const delta = (choice.delta ?? {}) as ReasoningDelta;
  const content = typeof delta.content === 'string' ? delta.content : '';
  const reasoning = reasoningField(delta) ?? '';
  if (content !== '' || reasoning !== '') {
    state.ttftMs ??= performance.now() - started;
    state.textChunks += 1;
  }
  state.content += content;
  state.reasoning += reasoning;

  if (choice.finish_reason) state.finishReason = choice.finish_reason;
}

/**
 * Output speed in completion tokens per second after the first token:
 * completion tokens / (latency − time to first token). Null when the text came in fewer than two
 * chunks, since one arrival time measures no speed, or when no token or no time is left to divide.
 * NOTE: a server or proxy that buffers the stream delivers every chunk at once, which shows as an
 * unrealistically high speed.
 */
export function outputSpeed(completionTokens: number, latencyMs: number, ttftMs: number | null, textChunks: number): number | null {
  if (ttftMs === null || textChunks < 2 || completionTokens <= 0) return null;
  const seconds = (latencyMs - ttftMs) / 1000;
  return seconds > 0 ? completionTokens / seconds : null;
}

/** Classifies a failure while a stream is read. Every one is transient: an error event, a broken connection, a bad chunk. */
function streamFailure(error: unknown, context: StreamContext): CallFailure {
  const aborted = abortFailure(context.signals);
  if (aborted) return aborted;
  if (error instanceof CallFailure) return error;
  if (error instanceof OpenAI.APIError) {
    return new CallFailure(cleanMessage(`the stream sent an error: ${error.message}`, context.apiKey), { transient: true });
  }

  const failure = transportFailure(error, context.apiKey);
  return failure.transient ? failure : new CallFailure(`the stream broke off: ${failure.message}`, { transient: true });
}
