// Bounded record of the requests a test server received, and the body reader that feeds it.

import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';

export interface RecordedRequest {
  method: string;
  /** Path with its query string, e.g. `/openai/deployments/d/chat/completions?api-version=2024-10-21`. */
  path: string;
  /** Headers as received, API keys included, so tests can check what a client sent. */
  headers: IncomingHttpHeaders;
  /** Parsed JSON body, or the raw text when it is not valid JSON. Undefined when the body is empty. */
  body: unknown;
  /** HTTP status sent. Undefined until the response starts, and for `reset` and `hang` faults. */
  status?: number;
}

/** Ring buffer that keeps the last `capacity` requests. Capacity 0 keeps none. */
export class RequestLog {
  private readonly items: RecordedRequest[] = [];
  private next = 0;

  constructor(private readonly capacity: number) {}

  add(request: RecordedRequest): void {
    if (this.capacity === 0) {
      return;
    }

    if (this.items.length < this.capacity) {
      this.items.push(request);
    } else {
      this.items[this.next] = request;
    }
    this.next = (this.next + 1) % this.capacity;
  }

  /** Returns the kept requests, oldest first, as a new array. */
  list(): RecordedRequest[] {
    if (this.items.length < this.capacity) {
      return [...this.items];
    }

    return [...this.items.slice(this.next), ...this.items.slice(0, this.next)];
  }
}

/** Body as text, or null when it is larger than the limit (the rest is read and dropped). */
export function readBody(request: IncomingMessage, maxBytes: number): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;

    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBytes) {
        chunks.push(chunk);
      }
    });
    request.on('end', () => resolve(size > maxBytes ? null : Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

/** Parses a JSON body, or returns the raw text as `body` when it is not valid JSON. */
export function parseJsonBody(text: string): { body: unknown; valid: boolean } {
  if (text === '') {
    return { body: undefined, valid: false };
  }

  try {
    return { body: JSON.parse(text) as unknown, valid: true };
  } catch {
    return { body: text, valid: false };
  }
}
