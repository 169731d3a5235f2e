import { readFileSync } from 'node:fs';
import path from 'node:path';

import { scoreCode } from '../../src/scorers/code.js';
import type { CodeCase } from '../../src/types.js';

function codeCase(fields: Partial<CodeCase> & Pick<CodeCase, 'language' | 'tests'>): CodeCase {
  return { id: 'case', type: 'code', messages: [], tags: [], source: { file: 'cases.yaml', line: 1 }, timeoutS: 10, ...fields };
}

const quickSortTests = 'from solution import quick_sort\nassert quick_sort([3, 1, 2]) == [1, 2, 3]\nassert quick_sort([]) == []\n';

describe('scoreCode, Python', () => {
  test('passing answer', async () => {
    const answer = 'Sure:\n```python\ndef quick_sort(arr):\n    if not arr:\n        return []\n    return sorted(arr)\n```';

    const result = await scoreCode(answer, codeCase({ language: 'python', tests: quickSortTests, entryPoint: 'quick_sort' }));

    expect(result.pass).toBe(true);
    expect(result.score).toBe(1);
    expect(result.reason).toMatch(/^passed \(fenced python block 1 of 1 \(defines quick_sort\); \d+\.\d\d s\)$/);
    expect(result.details.exitCode).toBe(0);
    expect(result.details.error).toBeNull();
    expect(result.details.isolation).not.toBeNull();
  });

  test('failing assertion', async () => {
    const answer = '```python\ndef quick_sort(arr):\n    return sorted(arr) or None\n```';

    const result = await scoreCode(answer, codeCase({ language: 'python', tests: quickSortTests }));

    expect(result.pass).toBe(false);
    expect(result.score).toBe(0);
    expect(result.reason).toBe('AssertionError: assert quick_sort([]) == [] (line 3)');
    expect(result.details.exitCode).toBe(1);
    expect(result.details.error).toMatch(/AssertionError$/);
  });

  test('assertion message and error in the solution', async () => {
    const withMessage = await scoreCode('def f():\n    return 1\n', codeCase({ language: 'python', tests: 'from solution import f\nassert f() == 2, "f() should be 2"\n' }));
    const raising = await scoreCode('def f():\n    return 1 / 0\n', codeCase({ language: 'python', tests: 'from solution import f\nf()\n' }));

    expect(withMessage.reason).toBe('AssertionError: f() should be 2 (line 2: assert f() == 2, "f() should be 2")');
    expect(raising.reason).toBe('ZeroDivisionError: division by zero (solution.py line 2: return 1 / 0)');
  });

  test('missing function', async () => {
    const result = await scoreCode('def sort_quickly(arr):\n    return arr\n', codeCase({ language: 'python', tests: quickSortTests }));

    expect(result.reason).toMatch(/^ImportError: cannot import name 'quick_sort' from 'solution' .*\(line 1: from solution import quick_sort\)$/);
  });

  test('pytest-style tests run', async () => {
    const tests = 'from solution import f\n\ndef test_one():\n    assert f() == 1\n\ndef test_two():\n    assert f() == 2\n';

    const result = await scoreCode('def f():\n    return 1\n', codeCase({ language: 'python', tests }));

    expect(result.reason).toBe('AssertionError: assert f() == 2 (line 7)');
  });

  test('unittest classes run', async () => {
    const tests = 'import unittest\nfrom solution import f\n\nclass TestF(unittest.TestCase):\n    def test_f(self):\n        self.assertEqual(f(), 2)\n';

    const failing = await scoreCode('def f():\n    return 1\n', codeCase({ language: 'python', tests }));
    const passing = await scoreCode('def f():\n    return 2\n', codeCase({ language: 'python', tests }));

    expect(failing.pass).toBe(false);
    expect(failing.reason).toBe('AssertionError: 1 != 2 (line 6: self.assertEqual(f(), 2))');
    expect(passing.pass).toBe(true);
  });

  test('early exit is a failure', async () => {
    const result = await scoreCode('import sys\ndef f():\n    return 1\nsys.exit(0)\n', codeCase({ language: 'python', tests: 'from solution import f\nassert f() == 2\n' }));

    expect(result.pass).toBe(false);
    expect(result.reason).toBe('exited with code 0 before the tests finished (sys.exit, os._exit or process.exit in the code?)');
  });

  test('answer without code', async () => {
    const result = await scoreCode('```python\n```', codeCase({ language: 'python', tests: quickSortTests }));

    expect(result.pass).toBe(false);
    expect(result.reason).toBe('no code in the answer (fenced python block)');
    expect(result.details.isolation).toBeNull();
  });

  test('Chinese output and strings', async () => {
    const answer = '代码如下：\n```python\ndef greet(name):\n    print("你好，" + name)\n    return "你好，" + name\n```';
    const tests = 'from solution import greet\nassert greet("世界") == "你好，世界"\n';

    const result = await scoreCode(answer, codeCase({ language: 'python', tests, entryPoint: 'greet' }));

    expect(result.reason).toMatch(/^passed/);
  });
});

describe('scoreCode, HumanEval', () => {
  const problems = readFileSync(path.resolve(process.cwd(), '../shared/data/humaneval/HumanEval.jsonl'), 'utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as { task_id: string; prompt: string; canonical_solution: string; test: string; entry_point: string });
  const problem = problems.find((candidate) => candidate.task_id === 'HumanEval/10')!;
  const humanevalCase = codeCase({ language: 'python', codePrefix: problem.prompt, tests: problem.test, entryPoint: problem.entry_point });

  test('whole function keeps the prompt helper', async () => {
    const body = problem.canonical_solution.replace(/^ {4}/gm, '    ');
    const answer = `\`\`\`python\ndef make_palindrome(string: str) -> str:\n${body}\n\`\`\``;

    const result = await scoreCode(answer, humanevalCase);

    expect(problem.prompt).toContain('def is_palindrome(');
    expect(result.reason).toMatch(/^passed/);
    expect(result.details.shape).toBe('prompt-imports+function');
  });

  test('main block of the answer does not run', async () => {
    const answer = `\`\`\`python\n${problem.prompt}${problem.canonical_solution}\n\nif __name__ == "__main__":\n    print(make_palindrome(input()))\n\`\`\``;

    const result = await scoreCode(answer, humanevalCase);

    expect(result.reason).toMatch(/^passed/);
  });

  test('wrong body names the check line', async () => {
    const result = await scoreCode('    return string\n', humanevalCase);

    expect(result.pass).toBe(false);
    expect(result.reason).toMatch(/^AssertionError: assert candidate\(.*\) == .* \(line \d+\)$/);
  });
});

describe('scoreCode, JavaScript', () => {
  const tests = "import assert from 'node:assert/strict';\nimport { quickSort } from './solution.mjs';\nassert.deepEqual(quickSort([3, 1, 2]), [1, 2, 3]);\n";
  const jsCase = codeCase({ language: 'javascript', tests, entryPoint: 'quickSort' });

  test.each([
    ['ES module', '```javascript\nexport function quickSort(arr) {\n  return [...arr].sort((a, b) => a - b);\n}\n```'],
    ['no export', '```js\nconst quickSort = (arr) => [...arr].sort((a, b) => a - b);\n```'],
    ['CommonJS default', '```js\nfunction quickSort(arr) {\n  return [...arr].sort((a, b) => a - b);\n}\nmodule.exports = quickSort;\n```'],
    ['CommonJS named', '```js\nconst assert = require("node:assert");\nexports.quickSort = (arr) => [...arr].sort((a, b) => a - b);\n```'],
  ])('%s passes', async (_shape, answer) => {
    const result = await scoreCode(answer, jsCase);

    expect(result.reason).toMatch(/^passed/);
  });

  test('failing assertion', async () => {
    const result = await scoreCode('```js\nexport const quickSort = (arr) => arr;\n```', jsCase);

    expect(result.pass).toBe(false);
    expect(result.reason).toBe(
      'AssertionError [ERR_ASSERTION]: Expected values to be strictly deep-equal: + actual - expected [ + 3, + 1, + 2 - 1, - 2, - 3 ] (line 3: assert.deepEqual(quickSort([3, 1, 2]), [1, 2, 3]);)',
    );
  });

  test('node:test failure', async () => {
    const nodeTests = "import { test } from 'node:test';\nimport assert from 'node:assert/strict';\nimport { quickSort } from './solution.mjs';\ntest('sorts', () => {\n  assert.equal(quickSort([2, 1])[0], 1);\n});\n";

    const result = await scoreCode('export const quickSort = (arr) => arr;', codeCase({ language: 'javascript', tests: nodeTests }));

    expect(result.pass).toBe(false);
    expect(result.reason).toBe('test "sorts" failed: Expected values to be strictly equal: 2 !== 1 (line 5: assert.equal(quickSort([2, 1])[0], 1);)');
  });

  test('HumanEval-X style prompt', async () => {
    const prompt = '/* Adds one to x. */\nconst addOne = (x) => {\n';
    const tests = "const assert = require('node:assert');\nconst testAddOne = () => {\n  assert.deepEqual(addOne(1), 2);\n};\ntestAddOne();\n";
    const promptCase = codeCase({ language: 'javascript', codePrefix: prompt, tests, entryPoint: 'addOne' });

    const body = await scoreCode('  return x + 1;\n};\n', promptCase);
    const whole = await scoreCode('```js\nconst addOne = (x) => x + 1;\n```', promptCase);
    const wrong = await scoreCode('  return x;\n};\n', promptCase);

    expect(body.reason).toMatch(/^passed/);
    expect(whole.reason).toMatch(/^passed/);
    expect(wrong.reason).toBe('AssertionError [ERR_ASSERTION]: Expected values to be loosely deep-equal: 1 should loosely deep-equal 2 (line 7: assert.deepEqual(addOne(1), 2);)');
  });

  test('missing export names the import', async () => {
    const result = await scoreCode('```js\nconst sortQuickly = (arr) => arr;\n```', jsCase);

    expect(result.reason).toBe("SyntaxError: The requested module './solution.mjs' does not provide an export named 'quickSort' (line 2: import { quickSort } from './solution.mjs';)");
  });
});
