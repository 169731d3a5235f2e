import { messagesUrl } from '../../src/providers/anthropic.js';
import { outputSpeed } from '../../src/providers/openai-stream.js';
import { unsupportedParameterFailure } from '../../src/providers/unsupported-parameter.js';
import { readOpenAiUsage } from '../../src/providers/usage.js';

describe('unsupportedParameterFailure', () => {
  test('max_tokens: use max_completion_tokens', () => {
    const failure = unsupportedParameterFailure({
      status: 400,
      message: "Unsupported parameter: 'max_tokens' is not supported with this model. Use 'max_completion_tokens' instead.",
      param: 'max_tokens',
      code: 'unsupported_parameter',
    });

    expect(failure?.message).toBe(
      "HTTP 400: Unsupported parameter: 'max_tokens' is not supported with this model. Use 'max_completion_tokens' instead. Fix: this model wants max_completion_tokens instead of max_tokens in params",
    );
    expect(failure?.transient).toBe(false);
    expect(failure?.stopsModel).toBe(true);
    expect(failure?.status).toBe(400);
  });

  test('temperature: remove it', () => {
    const failure = unsupportedParameterFailure({
      status: 400,
      message: "Unsupported value: 'temperature' does not support 0 with this model. Only the default (1) value is supported.",
    });

    expect(failure?.message).toMatch(/Fix: remove temperature from params; this model accepts only its default value$/);
  });

  test('anthropic extra input named from the message', () => {
    const failure = unsupportedParameterFailure({ status: 400, message: 'max_completion_tokens: Extra inputs are not permitted' });

    expect(failure?.message).toBe('HTTP 400: max_completion_tokens: Extra inputs are not permitted. Fix: this API wants max_tokens instead of max_completion_tokens in params');
  });

  test('unnamed field gets a general fix', () => {
    const failure = unsupportedParameterFailure({ status: 400, message: 'Unsupported parameter.', code: 'unsupported_parameter' });

    expect(failure?.message).toBe("HTTP 400: Unsupported parameter. Fix: compare this model's params with what its API accepts");
  });

  test('other errors are not config errors', () => {
    expect(unsupportedParameterFailure({ status: 400, message: 'This model maximum context length is 8192 tokens.' })).toBeUndefined();
    expect(unsupportedParameterFailure({ status: 404, message: "Unsupported parameter: 'x'" })).toBeUndefined();
  });
});

describe('readOpenAiUsage', () => {
  test('reasoning tokens kept within completion tokens', () => {
    const usage = readOpenAiUsage({ prompt_tokens: 10, completion_tokens: 50, total_tokens: 60, completion_tokens_details: { reasoning_tokens: 40 } });

    expect(usage).toEqual({ prompt_tokens: 10, completion_tokens: 50, total_tokens: 60, reasoning_tokens: 40 });
  });

  test('missing total is the sum', () => {
    expect(readOpenAiUsage({ prompt_tokens: 3, completion_tokens: 4 })).toEqual({ prompt_tokens: 3, completion_tokens: 4, total_tokens: 7 });
  });

  test('no usage object gives null', () => {
    expect(readOpenAiUsage(null)).toBeNull();
    expect(readOpenAiUsage(undefined)).toBeNull();
  });
});

describe('messagesUrl', () => {
  test('appends /v1/messages', () => {
    expect(messagesUrl('https://api.anthropic.com')).toBe('https://api.anthropic.com/v1/messages');
    expect(messagesUrl('https://api.anthropic.com/')).toBe('https://api.anthropic.com/v1/messages');
  });

  test('base URL ending in /v1 kept', () => {
    expect(messagesUrl('https://proxy.example/anthropic/v1/')).toBe('https://proxy.example/anthropic/v1/messages');
  });
});

describe('outputSpeed', () => {
  test('tokens over the time after the first token', () => {
    expect(outputSpeed(100, 2500, 500, 10)).toBe(50);
  });

  test('not measurable cases give null', () => {
    expect(outputSpeed(100, 2500, null, 10)).toBeNull();
    expect(outputSpeed(100, 2500, 500, 1)).toBeNull();
    expect(outputSpeed(0, 2500, 500, 10)).toBeNull();
    expect(outputSpeed(100, 500, 500, 10)).toBeNull();
  });
});
