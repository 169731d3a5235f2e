import type { GateFailure, GateResult, ModelSummary, Thresholds, ThresholdSet } from '../types.js';

/** Error rate allowed when the config sets none: any error fails the gate, so an outage can't pass. */
export const DEFAULT_MAX_ERROR_RATE = 0;

/**
 * Checks every model against the thresholds: the top-level set applies to all models, and a model's
 * own set under `thresholds.models` overrides it key by key. Every threshold that is not met is
 * listed; a type or tag the model has no rows for is not checked.
 */
export function evaluateThresholds(models: ModelSummary[], thresholds: Thresholds): GateResult {
  const failures: GateFailure[] = [];

  for (const model of models) {
    const own = thresholds.models[model.name];
    const set: ThresholdSet = {
      passRate: own?.passRate ?? thresholds.passRate,
      maxErrorRate: own?.maxErrorRate ?? thresholds.maxErrorRate ?? DEFAULT_MAX_ERROR_RATE,
      types: { ...thresholds.types, ...own?.types },
      tags: { ...thresholds.tags, ...own?.tags },
    };
    const below = (scope: string, value: number | undefined, threshold: number | undefined): void => {
      if (value !== undefined && threshold !== undefined && value < threshold) {
        failures.push({ model: model.name, scope, metric: 'pass_rate', value, threshold });
      }
    };

    below('all', model.pass_rate, set.passRate);
    for (const [type, threshold] of Object.entries(set.types)) below(`type:${type}`, model.by_type[type]?.pass_rate, threshold);
    for (const [tag, threshold] of Object.entries(set.tags)) below(`tag:${tag}`, model.by_tag[tag]?.pass_rate, threshold);

    if (set.maxErrorRate !== undefined && model.error_rate > set.maxErrorRate) {
      failures.push({ model: model.name, scope: 'all', metric: 'error_rate', value: model.error_rate, threshold: set.maxErrorRate });
    }
  }

  return { passed: failures.length === 0, failures };
}
