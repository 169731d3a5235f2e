// Thinking text of reasoning models, kept apart from the answer so that only the answer is scored.

/** An answer with the thinking text that came with it, or null when there was none. */
export interface SplitAnswer {
  answer: string;
  reasoning: string | null;
}

const THINK_OPEN = '<think>';
const THINK_CLOSE = '</think>';

/**
 * Splits a leading `<think>…</think>` block off an answer, as Qwen3 and DeepSeek-R1 write it when
 * the server does not separate it. Only a block at the start counts, after optional whitespace, so an
 * answer that mentions the tag later is left whole. An unclosed block (the answer was cut while the
 * model was still thinking) is all reasoning, with an empty answer.
 */
export function splitThinking(content: string): SplitAnswer {
  const start = content.length - content.trimStart().length;
  if (!content.startsWith(THINK_OPEN, start)) return { answer: content, reasoning: null };

  const bodyStart = start + THINK_OPEN.length;
  const close = content.indexOf(THINK_CLOSE, bodyStart);
  if (close === -1) return { answer: '', reasoning: content.slice(bodyStart).trim() };

  return { answer: content.slice(close + THINK_CLOSE.length).trimStart(), reasoning: content.slice(bodyStart, close).trim() };
}

/**
 * Returns the thinking text of a message or a stream delta: `reasoning_content` (DashScope, DeepSeek,
 * vLLM), else `reasoning` (Ollama, OpenRouter), else null. Values that are not strings are ignored.
 */
export function reasoningField(fields: { reasoning_content?: unknown; reasoning?: unknown }): string | null {
  if (typeof fields.reasoning_content === 'string') return fields.reasoning_content;
  if (typeof fields.reasoning === 'string') return fields.reasoning;
  return null;
}

/** Joins the thinking texts that arrived in separate places; empty ones are dropped, none gives null. */
export function joinReasoning(...parts: Array<string | null | undefined>): string | null {
  const texts = parts.filter((part): part is string => typeof part === 'string' && part.trim() !== '');
  return texts.length === 0 ? null : texts.join('\n\n');
}

/** Separates the answer from its thinking: the API's separate field, then a leading `<think>` block. */
export function separateReasoning(content: string, reasoningField: string | null | undefined): SplitAnswer {
  const split = splitThinking(content);
  return { answer: split.answer, reasoning: joinReasoning(reasoningField, split.reasoning) };
}
