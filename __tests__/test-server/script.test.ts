import path from 'node:path';

import { loadScript, parseScript, ScriptError, validateScript } from '../../test-server/script.js';
import { makeTempDir } from '../helpers/files.js';

const EXAMPLE = `seed: 1
models:
  good-model:
    latency_ms: 5
    rules:
      - match: "2x \\\\+ 3 = 11"
        reply: "2x = 8, so x = 4."
      - match: "capital of France"
        reply: "Paris."
    default: "I don't know."
  flaky-model:
    faults: [{ status: 429, rate: 0.1, retry_after: "1" }, { status: 500, rate: 0.1 }]
    default: "42"
`;

/** Returns the ScriptError thrown by `action`. */
function catchScriptError(action: () => unknown): ScriptError {
  try {
    action();
  } catch (error) {
    if (error instanceof ScriptError) {
      return error;
    }
    throw error;
  }
  throw new Error('expected a ScriptError');
}

describe('parseScript', () => {
  test('reads the documented example', () => {
    const script = parseScript(EXAMPLE, 'example.yaml');

    expect(script.seed).toBe(1);
    expect(script.models['good-model'].rules?.[0].match).toBe('2x \\+ 3 = 11');
    expect(script.models['flaky-model'].faults).toEqual([
      { status: 429, rate: 0.1, retry_after: '1' },
      { status: 500, rate: 0.1 },
    ]);
  });

  test('reads JSON scripts', () => {
    const script = parseScript('{"models": {"*": {"echo": true, "fail_first": {"count": 2, "status": 503}}}}', 'script.json');

    expect(script.models['*'].echo).toBe(true);
    expect(script.models['*'].fail_first).toEqual({ count: 2, status: 503 });
  });

  test('rate out of range names line, field, value and fix', () => {
    const text = EXAMPLE.replace('rate: 0.1, retry_after', 'rate: 1.5, retry_after');
    const error = catchScriptError(() => parseScript(text, 'flaky.yaml'));

    expect(error.issues).toHaveLength(1);
    expect(error.issues[0]).toMatchObject({ file: 'flaky.yaml', line: 12, field: 'models.flaky-model.faults[0].rate', value: 1.5 });
    expect(error.message).toContain('flaky.yaml:12: models.flaky-model.faults[0].rate = 1.5:');
    expect(error.message).toContain('Fix: set `rate` to a probability from 0 to 1');
  });

  test('unknown field lists the allowed fields', () => {
    const error = catchScriptError(() => parseScript('models:\n  m:\n    defualt: "x"\n', 'typo.yaml'));

    expect(error.issues[0].line).toBe(3);
    expect(error.issues[0].field).toBe('models.m.defualt');
    expect(error.message).toContain('unknown field defualt');
    expect(error.message).toContain('allowed fields here: latency_ms');
    expect(error.message).toContain('default');
  });

  test('invalid regular expression is reported', () => {
    const error = catchScriptError(() => parseScript('models:\n  m:\n    rules:\n      - match: "2x + (3"\n        reply: "4"\n', 'regex.yaml'));

    expect(error.issues[0].field).toBe('models.m.rules[0].match');
    expect(error.issues[0].line).toBe(4);
    expect(error.message).toContain('invalid regular expression');
  });

  test('fault with status and kind rejected', () => {
    const error = catchScriptError(() => parseScript('models:\n  m:\n    default: "x"\n    faults:\n      - { status: 500, kind: reset }\n', 'f.yaml'));

    expect(error.issues[0].field).toBe('models.m.faults[0]');
    expect(error.issues[0].line).toBe(5);
    expect(error.message).toContain('cannot set both `status` and `kind`');
  });

  test('fault rates above 1 in total rejected', () => {
    const error = catchScriptError(() => parseScript('faults: [{ status: 500, rate: 0.7 }, { kind: hang, rate: 0.4 }]\nmodels: { m: { default: "x" } }\n', 'f.yaml'));

    expect(error.issues[0].field).toBe('faults');
    expect(error.message).toContain('add up to 1.1');
  });

  test('unquoted number reply gets a quoting fix', () => {
    const error = catchScriptError(() => parseScript('models:\n  m:\n    default: 42\n', 'n.yaml'));

    expect(error.issues[0].field).toBe('models.m.default');
    expect(error.message).toContain('quote it in YAML');
  });

  test('YAML syntax error names the line', () => {
    const error = catchScriptError(() => parseScript('models:\n  m:\n    default: "x\n  other: [\n', 'bad.yaml'));

    expect(error.issues[0].problem).toMatch(/^YAML syntax error/);
    expect(error.issues[0].line).toBeGreaterThan(0);
  });

  test('missing models rejected', () => {
    const error = catchScriptError(() => parseScript('seed: 3\n', 'empty.yaml'));

    expect(error.issues[0].field).toBe('models');
    expect(error.issues[0].value).toBeUndefined();
    expect(error.message).toContain('models = missing');
  });

  test('lists every issue', () => {
    const error = catchScriptError(() => parseScript('seed: x\nlatency_ms: -1\nmodels: { m: { echo: "yes" } }\n', 'many.yaml'));

    expect(error.issues.map((issue) => issue.field)).toEqual(['seed', 'latency_ms', 'models.m.echo']);
    expect(error.message.split('\n')).toHaveLength(4);
  });
});

describe('validateScript', () => {
  test('accepts a script object', () => {
    const script = { models: { m: { rules: [{ contains: '你好', reply: '你好!' }], echo: true } } };

    expect(validateScript(script)).toEqual(script);
  });

  test('object errors name the source without a line', () => {
    const error = catchScriptError(() => validateScript({ models: { m: { rules: [{ reply: 'x' }] } } }, 'options.script'));

    expect(error.issues[0]).toMatchObject({ file: 'options.script', line: undefined, field: 'models.m.rules[0]' });
    expect(error.message).toContain('a rule needs `match` or `contains`');
  });

  test('rejects stateful regex flags', () => {
    const error = catchScriptError(() => validateScript({ models: { m: { rules: [{ match: 'a', flags: 'gi', reply: 'x' }] } } }));

    expect(error.issues[0].field).toBe('models.m.rules[0].flags');
    expect(error.message).toContain('unsupported regular expression flag g');
  });

  test('rejects retry_after on a kind fault', () => {
    const error = catchScriptError(() => validateScript({ models: { m: { faults: [{ kind: 'reset', retry_after: 1 }] } } }));

    expect(error.issues[0].field).toBe('models.m.faults[0].retry_after');
  });
});

describe('loadScript', () => {
  test('reads a YAML file', async () => {
    const temp = await makeTempDir({ 'script.yaml': EXAMPLE });

    try {
      const script = await loadScript(path.join(temp.dir, 'script.yaml'));
      expect(Object.keys(script.models)).toEqual(['good-model', 'flaky-model']);
    } finally {
      await temp.remove();
    }
  });

  test('missing file names the path and the fix', async () => {
    const file = path.join('/nonexistent-llm-bench', 'script.yaml');

    await expect(loadScript(file)).rejects.toThrow(`${file}: the script file was not found. Fix: check the path passed to --script.`);
  });
});
