import path from 'node:path';
import { loadConfig } from '../../src/config/load.js';
import { InputErrors } from '../../src/errors.js';
import { loadSuite } from '../../src/suite/load.js';
import type { Case } from '../../src/types.js';
import { makeTempDir, SHARED_DATA } from '../helpers/files.js';

const MODELS = 'models:\n  - name: replay\n    outputs: out.jsonl\n';

async function load(files: Record<string, string>, suite = 'suite: prompts/\n'): Promise<Case[]> {
  const temp = await makeTempDir({ 'llm-bench.yml': suite + MODELS, ...files });
  try {
    return await loadSuite(await loadConfig(path.join(temp.dir, 'llm-bench.yml')));
  } finally {
    await temp.remove();
  }
}

async function errorsOf(files: Record<string, string>, suite?: string): Promise<string[]> {
  try {
    await load(files, suite);
  } catch (error) {
    if (error instanceof InputErrors) return error.errors.map((item) => item.message.replace(/^.*?prompts\//, 'prompts/'));
    throw error;
  }
  throw new Error('expected the suite to be rejected');
}

describe('loadSuite', () => {
  test('YAML list and cases with defaults', async () => {
    const cases = await load({
      'prompts/a.yml': '- id: capital\n  type: qa\n  prompt: Capital of France?\n  expected: Paris\n',
      'prompts/b.yaml': 'defaults:\n  type: math\n  tags: [math]\ncases:\n  - id: 1\n    prompt: "2+2?"\n    expected: 4\n    tags: [easy]\n',
    });

    expect(cases.map((kase) => kase.id)).toEqual(['capital', '1']);
    expect(cases[0]).toMatchObject({ type: 'qa', expected: ['Paris'], match: 'exact', messages: [{ role: 'user', content: 'Capital of France?' }] });
    expect(cases[1]).toMatchObject({ type: 'math', expected: '4', tags: ['math', 'easy'], extract: { kind: 'last' }, compare: 'numeric' });
    expect(cases[1]!.source.line).toBe(5);
  });

  test('Chinese cases and messages keep their text', async () => {
    const cases = await load({
      'prompts/zh.yml': '- id: 摘要\n  type: summary\n  messages:\n    - { role: system, content: 你是助手 }\n    - { role: user, content: 总结这段话 }\n  must_include: [发布]\n  max_chars: 40\n',
    });
    expect(cases[0]).toMatchObject({ id: '摘要', type: 'summary', mustInclude: ['发布'], maxChars: 40 });
    expect(cases[0]!.messages).toHaveLength(2);
  });

  test('type rules name line, field and fix', async () => {
    const messages = await errorsOf({
      'prompts/bad.yml': [
        '- id: a',
        '  type: mth',
        '  prompt: x',
        '- id: b',
        '  type: math',
        '  prompt: x',
        '- id: c',
        '  type: math',
        '  prompt: x',
        '  expected: 3',
        '  must_include: [y]',
        '- id: d',
        '  type: qa',
        '  promt: x',
        '  expected: y',
      ].join('\n'),
    });

    expect(messages).toEqual([
      'prompts/bad.yml:2: cases[0].type: invalid value "mth". Fix: use one of math, qa, summary, code',
      'prompts/bad.yml:4: cases[1].expected: missing expected value: a math case needs the correct final number. Fix: add expected: 42',
      'prompts/bad.yml:11: cases[2].must_include: "must_include" applies to summary cases, not math. Fix: remove it, or change type to summary',
      'prompts/bad.yml:14: cases[3].promt: unknown key "promt". Fix: did you mean "prompt"?',
    ]);
  });

  test('duplicate ids across files are rejected', async () => {
    const messages = await errorsOf({
      'prompts/a.yml': '- { id: same, type: qa, prompt: x, expected: y }\n',
      'prompts/b.yml': '- { id: same, type: qa, prompt: x, expected: y }\n',
    });
    expect(messages).toEqual([expect.stringMatching(/^prompts\/b\.yml:1: id: duplicate case id "same" \(first defined at .*prompts\/a\.yml:1\)/)]);
  });

  test('invalid regex is rejected at load time', async () => {
    const messages = await errorsOf({ 'prompts/a.yml': '- { id: r, type: qa, prompt: x, expected: "(", match: regex }\n' });
    expect(messages[0]).toMatch(/cases\[0\]\.expected: invalid regular expression "\(":/);
  });

  test('suite entry matching nothing is an error', async () => {
    await expect(load({}, 'suite: [missing/]\n')).rejects.toThrow(/suite: "missing\/" matches no suite files/);
  });

  test('JSONL case files in a folder', async () => {
    const cases = await load({ 'prompts/more.jsonl': '{"id": "j1", "type": "qa", "prompt": "p", "expected": "a"}\n\n{"id": "j2", "type": "math", "prompt": "p", "expected": 2}\n' });
    expect(cases.map((kase) => kase.id)).toEqual(['j1', 'j2']);
  });

  test('generic JSONL with a field mapping', async () => {
    const suite = 'suite:\n  - path: data/qa.jsonl\n    format: jsonl\n    prompt_field: q\n    expected_field: a.text\n    type: qa\n    defaults: { match: contains }\n';
    const cases = await load({ 'data/qa.jsonl': '{"q": "Capital?", "a": {"text": "Paris"}}\n{"q": "Largest planet?", "a": {"text": "Jupiter"}}\n' }, suite);
    expect(cases).toHaveLength(2);
    expect(cases[1]).toMatchObject({ id: '1', index: 1, type: 'qa', match: 'contains', expected: ['Jupiter'] });
  });

  test('bad JSONL line names its line', async () => {
    const suite = 'suite:\n  - path: data/qa.jsonl\n    prompt_field: q\n    type: qa\n';
    await expect(load({ 'data/qa.jsonl': '{"q": "a"}\n{oops\n' }, suite)).rejects.toThrow(/data\/qa\.jsonl:2: invalid JSON/);
  });

  test('JSONL with BOM, CRLF and long lines', async () => {
    // 400,000 Chinese characters are 1.2 MB in UTF-8, more than one 1 MB read chunk.
    const long = '长'.repeat(400_000);
    const text = `\uFEFF{"q": "first", "a": "1"}\r\n\r\n{"q": "${long}", "a": "2"}\r\n{"q": "last", "a": "3"}`;
    const suite = 'suite:\n  - path: data/qa.jsonl\n    prompt_field: q\n    expected_field: a\n    type: qa\n';
    const cases = await load({ 'data/qa.jsonl': text }, suite);

    expect(cases.map((kase) => kase.index)).toEqual([0, 1, 2]);
    expect(cases[1]!.messages[0]!.content).toBe(long);
    expect(cases[2]).toMatchObject({ source: { line: 4 }, expected: ['3'] });
  });

  test('data set limit stops reading', async () => {
    const suite = 'suite:\n  - path: data/qa.jsonl\n    prompt_field: q\n    type: qa\n    defaults: { expected: x }\n    limit: 2\n';
    // A bad line after the limit is never read, but one before it is reported.
    const cases = await load({ 'data/qa.jsonl': '{"q": "a"}\n{"q": "b"}\n{oops\n' }, suite);
    expect(cases.map((kase) => kase.id)).toEqual(['0', '1']);
    await expect(load({ 'data/qa.jsonl': '{"q": "a"}\n{oops\n{"q": "b"}\n' }, suite)).rejects.toThrow(/qa\.jsonl:2: invalid JSON/);
  });

  test('200,000-line data set loads', async () => {
    // This many cases do not fit on the call stack as the arguments of one push() call.
    const line = (index: number): string => JSON.stringify({ task_id: `t/${index}`, prompt: 'def f():\n', test: 'pass', entry_point: 'f' });
    const text = Array.from({ length: 200_000 }, (_, index) => line(index)).join('\n');
    const suite = 'suite:\n  - path: data/big.jsonl\n    format: humaneval\n';
    const cases = await load({ 'data/big.jsonl': text }, suite);
    expect(cases).toHaveLength(200_000);
  });

  test('missing data set named at its suite entry', async () => {
    const suite = 'suite:\n  - path: data/none.jsonl\n    format: gsm8k\n';
    const errors = await errorsOf({}, suite);
    expect(errors).toEqual([expect.stringMatching(/llm-bench\.yml:2: suite\.path: \S*data\/none\.jsonl: file not found\. Fix: check the path; it is relative to the folder of the config file$/)]);
  });

  test('GSM8K test set: 1,319 math cases', async () => {
    const suite = `suite:\n  - path: ${path.join(SHARED_DATA, 'gsm8k/test.jsonl')}\n    format: gsm8k\n`;
    const cases = await load({}, suite);

    expect(cases).toHaveLength(1319);
    expect(cases[0]).toMatchObject({ id: '0', index: 0, type: 'math', expected: '18' });
    const withSeparators = cases.filter((kase) => kase.type === 'math' && /,/.test(kase.expected));
    expect(withSeparators).toHaveLength(0);
  });

  test('HumanEval: 164 code cases', async () => {
    const suite = `suite:\n  - path: ${path.join(SHARED_DATA, 'humaneval/HumanEval.jsonl')}\n    format: humaneval\n`;
    const cases = await load({}, suite);

    expect(cases).toHaveLength(164);
    expect(cases[0]).toMatchObject({ id: 'HumanEval/0', type: 'code', language: 'python', entryPoint: 'has_close_elements' });
  });
});
