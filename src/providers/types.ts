import type { Case, ChatMessage, Completion } from '../types.js';

export interface CompletionRequest {
  kase: Case;
  /** Full conversation, with the config's system prompt first when one is set. */
  messages: ChatMessage[];
  /** 0-based sample index; replayed answers are chosen by it. */
  sample: number;
  /** Aborts the request when the run is cancelled. */
  signal?: AbortSignal;
}

/**
 * One configured model's way of answering a case. A failed call throws a CallFailure (retried when
 * transient); a result that is final but unusable, such as a missing recording, sets `error`.
 */
export interface Provider {
  complete(request: CompletionRequest): Promise<Completion>;
  /** Samples this provider has for a case when it decides the count itself (replay files). */
  sampleCount?(kase: Case): number | undefined;
}
