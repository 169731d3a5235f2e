import { randomUUID } from 'node:crypto';
import { evaluateThresholds } from '../gate/thresholds.js';
import type { RunOutcome } from '../runner/run.js';
import { displayPath } from '../suite/files.js';
import type { Config, RunResults } from '../types.js';
import { VERSION } from '../version.js';
import { summarizeModel } from './aggregate.js';

/** Assembles the results file from the run's rows: per-model summaries and the threshold gate. */
export function buildResults(config: Config, outcome: RunOutcome, run: { id?: string; startedAt: Date; finishedAt: Date }): RunResults {
  const models = config.models.map((model) =>
    summarizeModel(
      model,
      outcome.rows.filter((row) => row.model === model.name),
      { stopped: outcome.stopped[model.name] ?? null, passAtK: config.passAtK },
    ),
  );
  const gate = evaluateThresholds(models, config.thresholds);

  return {
    schema_version: 1,
    tool: { name: 'llm-bench', version: VERSION },
    run: {
      id: run.id ?? randomUUID(),
      started_at: run.startedAt.toISOString(),
      finished_at: run.finishedAt.toISOString(),
      config: displayPath(config.file),
      partial: outcome.partialReason !== null,
      partial_reason: outcome.partialReason,
      budget: outcome.budget,
    },
    models,
    cases: outcome.rows,
    gate: outcome.partialReason === null ? gate : { ...gate, passed: false },
  };
}
