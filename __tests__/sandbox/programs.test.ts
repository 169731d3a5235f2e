import { buildProgram, type ProgramSpec } from '../../src/sandbox/programs.js';

const prompt = [
  'from typing import List',
  '',
  '',
  'def helper(x: int) -> int:',
  '    return x + 1',
  '',
  '',
  'def add_one(values: List[int]) -> List[int]:',
  '    """Adds one to every value."""',
  '',
].join('\n');

const humaneval: ProgramSpec = { language: 'python', codePrefix: prompt, tests: 'def check(candidate):\n    assert candidate([1]) == [2]\n', entryPoint: 'add_one' };

describe('buildProgram, HumanEval', () => {
  test('body continues the prompt', () => {
    const program = buildProgram('    return [helper(v) for v in values]', humaneval);

    expect(program.shape).toBe('prompt+body');
    expect(program.files['program.py']).toBe(
      `${prompt}    return [helper(v) for v in values]\n${humaneval.tests}\ncheck(add_one)\nprint(${JSON.stringify(program.completionMarker)})\n`,
    );
  });

  test('whole function replaces the header', () => {
    const code = 'def add_one(values):\n    return [helper(v) for v in values]';

    const program = buildProgram(code, humaneval);

    expect(program.shape).toBe('prompt-imports+function');
    const source = program.files['program.py']!;
    expect(source.startsWith('from typing import List\n\n\ndef helper(x: int) -> int:\n    return x + 1\n\n\ndef add_one(values):\n')).toBe(true);
    expect(source).not.toContain('Adds one');
  });

  test('indented whole function is dedented', () => {
    const code = '    def add_one(values):\n        return [helper(v) for v in values]';

    const program = buildProgram(code, humaneval);

    expect(program.shape).toBe('prompt-imports+function');
    expect(program.files['program.py']).toContain('\ndef add_one(values):\n    return [helper(v) for v in values]\n');
  });

  test('decorator above the prompt function is dropped', () => {
    const decorated = { ...humaneval, codePrefix: 'import functools\n\n@functools.cache\ndef add_one(values):\n    """Doc."""\n' };

    const program = buildProgram('def add_one(values):\n    return values', decorated);

    expect(program.files['program.py']!.startsWith('import functools\n\ndef add_one(values):\n    return values\n')).toBe(true);
  });

  test('python runs under another __name__', () => {
    const program = buildProgram('    return values', humaneval);

    expect(program.args).toEqual(['-u', '-c', 'import runpy; runpy.run_path("program.py", run_name="__candidate__")']);
  });

  test('javascript prompt program is CommonJS', () => {
    const spec: ProgramSpec = { language: 'javascript', codePrefix: 'const addOne = (values) => {\n', tests: 'const assert = require("node:assert");\nassert.deepEqual(addOne([1]), [2]);\n', entryPoint: 'addOne' };

    const body = buildProgram('  return values.map((v) => v + 1);\n};', spec);
    const whole = buildProgram('const addOne = (values) => values.map((v) => v + 1);', spec);

    expect(body.shape).toBe('prompt+body');
    expect(Object.keys(body.files)).toEqual(['program.js']);
    expect(whole.shape).toBe('prompt-imports+function');
    expect(whole.files['program.js']!.startsWith('const addOne = (values) => values.map')).toBe(true);
  });
});

describe('buildProgram, Python module', () => {
  test('solution and tests files', () => {
    const program = buildProgram('def f():\n    return 1', { language: 'python', tests: 'from solution import f\nassert f() == 1\n' });

    expect(program.files['solution.py']).toBe('def f():\n    return 1\n');
    expect(program.files['test_solution.py']).toBe(`from solution import f\nassert f() == 1\n\nprint(${JSON.stringify(program.completionMarker)})\n`);
    expect(program.args).toEqual(['-u', 'test_solution.py']);
  });

  test.each([
    ['def test_a():\n    assert True\n', true],
    ['import unittest\nclass TestA(unittest.TestCase):\n    def test_a(self):\n        pass\n', true],
    ['def test_a():\n    assert True\n\ntest_a()\n', false],
    ['def test_a():\n    assert True\n\nif __name__ == "__main__":\n    test_a()\n', false],
    ['import unittest\nclass TestA(unittest.TestCase):\n    pass\nunittest.main()\n', false],
    ['assert True\n', false],
  ])('test runner for %j', (tests, added) => {
    const program = buildProgram('x = 1', { language: 'python', tests });

    expect(program.files['test_solution.py']!.includes('_llm_bench_run_defined_tests')).toBe(added);
  });
});

describe('buildProgram, JavaScript module', () => {
  const tests = "import { quickSort } from './solution.mjs';\n";

  test('exported code stays as it is', () => {
    const code = 'export function quickSort(a) {\n  return a;\n}';

    const program = buildProgram(code, { language: 'javascript', tests, entryPoint: 'quickSort' });

    expect(program.files['solution.mjs']).toBe(`${code}\n`);
    expect(program.files['test.mjs']).toBe(`${tests.trimEnd()}\nconsole.log(${JSON.stringify(program.completionMarker)});\n`);
    expect(program.args).toEqual(['--max-old-space-size=1024', 'test.mjs']);
  });

  test('top-level names get exported', () => {
    const code = 'function helper() {}\nasync function quickSort(a) {}\nclass Sorter {}\nconst LIMIT = 3;\nexport { helper as help };';

    const program = buildProgram(code, { language: 'javascript', tests });

    expect(program.files['solution.mjs']).toBe(`${code}\nexport { quickSort, Sorter, LIMIT };\n`);
  });

  test('CommonJS code is re-exported', () => {
    const code = 'function quickSort(a) {\n  return a;\n}\nmodule.exports = quickSort;';

    const program = buildProgram(code, { language: 'javascript', tests, entryPoint: 'quickSort' });

    expect(program.files['solution.cjs']).toBe(
      `${code}\nif (typeof quickSort !== 'undefined' && module.exports.quickSort === undefined) module.exports.quickSort = quickSort;\n`,
    );
    expect(program.files['solution.mjs']).toBe("export * from './solution.cjs';\nexport { default } from './solution.cjs';\n");
  });
});
