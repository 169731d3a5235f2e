import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ChatMessage, Completion, ModelConfig } from '../types.js';

/** The part of a completion that a cache entry keeps; errors are never cached. */
type CachedCompletion = Pick<Completion, 'output' | 'usage' | 'finishReason' | 'latencyMs' | 'reasoning' | 'ttftMs' | 'tokensPerSecond'>;

/**
 * Responses on disk, one JSON file per request, keyed on the SHA-256 of everything that selects the
 * endpoint and shapes the request: provider, base URL or Azure endpoint, deployment and API version,
 * model id, streaming, messages, parameters and sample index (so the samples of a case stay
 * distinct). Keep the folder between CI runs with actions/cache to skip unchanged requests.
 */
export class ResponseCache {
  constructor(private readonly dir: string) {}

  key(model: ModelConfig, messages: ChatMessage[], sample: number): string {
    const identity = JSON.stringify({
      provider: model.provider,
      base_url: model.baseUrl,
      endpoint: model.endpoint,
      deployment: model.deployment,
      api_version: model.apiVersion,
      anthropic_version: model.anthropicVersion,
      model: model.model,
      stream: model.stream === true,
      messages,
      params: model.params,
      sample,
    });
    return createHash('sha256').update(identity).digest('hex');
  }

  async get(key: string): Promise<Completion | undefined> {
    try {
      const entry = JSON.parse(await readFile(this.file(key), 'utf8')) as CachedCompletion;
      return { ...entry, error: null, retries: 0, cached: true };
    } catch {
      return undefined;
    }
  }

  /** Stores a successful completion; written to a temporary name first so a crash leaves no partial entry. */
  async put(key: string, completion: Completion): Promise<void> {
    const entry: CachedCompletion = {
      output: completion.output,
      usage: completion.usage,
      finishReason: completion.finishReason,
      latencyMs: completion.latencyMs,
      reasoning: completion.reasoning,
      ttftMs: completion.ttftMs,
      tokensPerSecond: completion.tokensPerSecond,
    };
    const file = this.file(key);
    await mkdir(path.dirname(file), { recursive: true });
    const temporary = `${file}.${process.pid}.tmp`;
    await writeFile(temporary, JSON.stringify(entry), 'utf8');
    await rename(temporary, file);
  }

  private file(key: string): string {
    return path.join(this.dir, key.slice(0, 2), `${key}.json`);
  }
}
