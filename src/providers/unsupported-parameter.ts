// HTTP 400 errors that reject a request field of the model's `params`. Every case of the model sends
// the same params, so such an error is a config error: the model is stopped with the fix.

import { CallFailure } from '../runner/retry.js';

/**
 * Messages that name a rejected request field. OpenAI reasoning models send "Unsupported parameter:
 * 'max_tokens' is not supported with this model." and "Unsupported value: 'temperature' does not
 * support 0 with this model."; Anthropic sends "max_completion_tokens: Extra inputs are not permitted".
 */
const UNSUPPORTED = /unsupported (?:parameter|value)|extra inputs are not permitted/i;

/** Error codes of the OpenAI API for the same errors. */
const UNSUPPORTED_CODES = new Set(['unsupported_parameter', 'unsupported_value']);

/** Sampling fields that OpenAI reasoning models accept only at their default value. */
const DEFAULT_ONLY_FIELDS = new Set(['temperature', 'top_p', 'presence_penalty', 'frequency_penalty', 'logprobs', 'top_logprobs', 'logit_bias', 'n']);

export interface RejectedRequest {
  status: number;
  /** The API's error message, already cleaned of secrets and cut to one line. */
  message: string;
  /** The field the API names in its error body (`error.param`), when it does. */
  param?: unknown;
  code?: unknown;
}

/**
 * Returns a CallFailure that stops the model when an HTTP 400 rejects one of the request fields, with
 * the fix in the message, e.g. `HTTP 400: Unsupported parameter: 'max_tokens' ... Fix: this model
 * wants max_completion_tokens instead of max_tokens in params`. Returns undefined for other errors.
 */
export function unsupportedParameterFailure(rejected: RejectedRequest): CallFailure | undefined {
  if (rejected.status !== 400) return undefined;
  if (!UNSUPPORTED.test(rejected.message) && !UNSUPPORTED_CODES.has(String(rejected.code))) return undefined;

  const field = typeof rejected.param === 'string' && rejected.param !== '' ? rejected.param : fieldNamedIn(rejected.message);
  const message = `HTTP 400: ${withFullStop(rejected.message)} Fix: ${fixFor(field)}`;
  return new CallFailure(message, { transient: false, status: 400, stopsModel: true });
}

/** Finds the field name in `'max_tokens' is not supported` or `max_tokens: Extra inputs`. */
function fieldNamedIn(message: string): string | undefined {
  const quoted = /'([A-Za-z_][\w.]*)'/.exec(message);
  if (quoted) return quoted[1];
  return /^([A-Za-z_][\w.]*): extra inputs/i.exec(message)?.[1];
}

function fixFor(field: string | undefined): string {
  if (field === 'max_tokens') return 'this model wants max_completion_tokens instead of max_tokens in params';
  if (field === 'max_completion_tokens') return 'this API wants max_tokens instead of max_completion_tokens in params';
  if (field !== undefined && DEFAULT_ONLY_FIELDS.has(field)) return `remove ${field} from params; this model accepts only its default value`;
  if (field !== undefined) return `remove or change ${field} in params`;
  return "compare this model's params with what its API accepts";
}

function withFullStop(text: string): string {
  return /[.!?]$/.test(text.trim()) ? text.trim() : `${text.trim()}.`;
}
