// Reads message text from request bodies of the OpenAI and Anthropic APIs.

import { codePointLength } from './text.js';

/** A request the API would reject with HTTP 400. `param` names the invalid field. */
export interface RequestProblem {
  message: string;
  param: string | null;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Returns the text of a message `content`: a string, or an array of parts whose `text` strings are
 * joined by newlines (OpenAI `{type:'text', text}` parts and Anthropic text blocks). Other values give ''.
 */
export function contentText(content: unknown): string {
  if (typeof content === 'string') {
    return content;
  }

  if (!Array.isArray(content)) {
    return '';
  }

  const texts: string[] = [];
  for (const part of content) {
    if (isRecord(part) && typeof part.text === 'string') {
      texts.push(part.text);
    }
  }
  return texts.join('\n');
}

export interface MessageSummary {
  lastUserText: string;
  /** Code points of all message texts. */
  codePoints: number;
}

/** Finds the last user message and counts the code points of all messages, skipping entries that are not objects. */
export function summariseMessages(messages: unknown[]): MessageSummary {
  let lastUserText = '';
  let codePoints = 0;

  for (const message of messages) {
    if (!isRecord(message)) {
      continue;
    }

    const text = contentText(message.content);
    codePoints += codePointLength(text);

    if (message.role === 'user') {
      lastUserText = text;
    }
  }

  return { lastUserText, codePoints };
}

/** Returns `value` when it is a positive integer, else undefined. */
export function positiveInteger(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : undefined;
}
