import { InputError, InputErrors, showValue } from '../errors.js';
import { displayPath } from '../suite/files.js';
import { readJsonl } from '../suite/jsonl.js';
import type { Case, Completion, ModelConfig } from '../types.js';
import type { CompletionRequest, Provider } from './types.js';

/** Recorded answers of one model, keyed by case id or by 0-based data set position. */
interface Recordings {
  byId: Map<string, string[]>;
  byIndex: Map<number, string[]>;
}

/**
 * Scores recorded answers instead of calling an API. A JSONL line is `{ "id" | "task_id" | "index",
 * "output" | "completion" }`; lines with an id match the case with that id, lines with an index the
 * data set case at that 0-based position. Several lines for one case are its samples, in file order.
 * NOTE: an index matches every data set case at that position, so with two data sets in one suite
 * replay files should name cases by id.
 */
export async function createReplayProvider(model: ModelConfig): Promise<Provider> {
  const recordings = await readRecordings(model.outputs!);
  const shown = displayPath(model.outputs!);

  const answersFor = (kase: Case): string[] | undefined =>
    recordings.byId.get(kase.id) ?? (kase.index === undefined ? undefined : recordings.byIndex.get(kase.index));

  return {
    sampleCount: (kase) => answersFor(kase)?.length,

    async complete(request: CompletionRequest): Promise<Completion> {
      const answers = answersFor(request.kase);
      const output = answers?.[request.sample];
      if (output === undefined) {
        const error = answers
          ? `${shown} has ${answers.length} recorded answer(s) for case "${request.kase.id}", not sample ${request.sample}`
          : `${shown} has no recorded answer for case "${request.kase.id}"`;
        return { output: null, usage: null, finishReason: null, latencyMs: null, error };
      }
      return { output, usage: null, finishReason: null, latencyMs: null, error: null };
    },
  };
}

async function readRecordings(file: string): Promise<Recordings> {
  const shown = displayPath(file);
  const { lines, errors } = await readJsonl(file, shown);
  const recordings: Recordings = { byId: new Map(), byIndex: new Map() };

  for (const { line, value } of lines) {
    const output = value['output'] ?? value['completion'];
    if (typeof output !== 'string') {
      errors.push(new InputError({ file: shown, line, field: 'output', problem: `expected the answer as a string in "output" or "completion", got ${showValue(output)}`, fix: 'write lines like {"id": "case-1", "output": "..."}' }));
      continue;
    }
    const id = value['id'] ?? value['task_id'];
    const index = value['index'];
    if (typeof id === 'string' || typeof id === 'number') {
      append(recordings.byId, String(id), output);
    } else if (typeof index === 'number' && Number.isInteger(index) && index >= 0) {
      append(recordings.byIndex, index, output);
    } else {
      errors.push(new InputError({ file: shown, line, field: 'id', problem: 'the line names no case: no "id", "task_id" or non-negative integer "index"', fix: 'add the case id, or the 0-based line number of the data set case as "index"' }));
    }
  }

  if (errors.length > 0) throw new InputErrors(errors);
  return recordings;
}

function append<K>(map: Map<K, string[]>, key: K, output: string): void {
  const list = map.get(key);
  if (list) list.push(output);
  else map.set(key, [output]);
}
