import { definesFunction, extractCode, parseFencedBlocks } from '../../src/sandbox/extract-code.js';

describe('extractCode', () => {
  test('python fence', () => {
    const answer = 'Here it is:\n\n```python\ndef quick_sort(arr):\n    return sorted(arr)\n```\n\nDone.';

    expect(extractCode(answer, 'python')).toEqual({ code: 'def quick_sort(arr):\n    return sorted(arr)', how: 'fenced python block' });
  });

  test.each([
    ['```py\nx = 1\n```', 'fenced python block'],
    ['```Python3\nx = 1\n```', 'fenced python block'],
    ['~~~python\nx = 1\n~~~', 'fenced python block'],
    ['```\nx = 1\n```', 'bare fenced block'],
    ['````python\nx = 1\n````', 'fenced python block'],
    ['```python title="a.py"\nx = 1\n```', 'fenced python block'],
  ])('fence %j', (answer, how) => {
    expect(extractCode(answer, 'python')).toEqual({ code: 'x = 1', how });
  });

  test('block that defines the entry point', () => {
    const answer = [
      'First a helper:',
      '```python\nimport random\n```',
      'Then the function:',
      '```python\ndef quick_sort(arr):\n    return sorted(arr)\n```',
      'Usage:',
      '```python\nprint(quick_sort([3, 1]))\n```',
    ].join('\n');

    const extracted = extractCode(answer, 'python', 'quick_sort');

    expect(extracted.how).toBe('fenced python block 2 of 3 (defines quick_sort)');
    expect(extracted.code).toBe('def quick_sort(arr):\n    return sorted(arr)');
  });

  test('last of several definitions wins', () => {
    const answer = '```python\ndef f():\n    return 0\n```\nFixed:\n```python\ndef f():\n    return 1\n```';

    expect(extractCode(answer, 'python', 'f')).toEqual({ code: 'def f():\n    return 1', how: 'fenced python block 2 of 2 (defines f)' });
  });

  test('blocks of the language joined', () => {
    const answer = '```python\nimport math\n```\n```bash\npip install x\n```\n```python\nvalue = math.pi\n```';

    expect(extractCode(answer, 'python', 'missing')).toEqual({ code: 'import math\n\nvalue = math.pi', how: '2 fenced python blocks joined' });
  });

  test('tagged blocks preferred over bare ones', () => {
    const answer = '```\n$ python run.py\n```\n```python\nx = 1\n```';

    expect(extractCode(answer, 'python')).toEqual({ code: 'x = 1', how: 'fenced python block' });
  });

  test('other languages only', () => {
    const answer = '```text\nx = 1\n```';

    expect(extractCode(answer, 'python')).toEqual({ code: 'x = 1', how: 'no python or bare fence; used the fenced block tagged text' });
  });

  test('no fence keeps the indentation', () => {
    const answer = '\n\n    return sorted(arr)\n\n';

    expect(extractCode(answer, 'python')).toEqual({ code: '    return sorted(arr)', how: 'no code fence; used the whole answer' });
  });

  test('unclosed fence runs to the end', () => {
    const answer = '```python\ndef f():\n    return 1';

    expect(extractCode(answer, 'python', 'f').code).toBe('def f():\n    return 1');
  });

  test('CRLF line breaks', () => {
    const answer = 'Code:\r\n```python\r\nx = 1\r\n```\r\n';

    expect(extractCode(answer, 'python')).toEqual({ code: 'x = 1', how: 'fenced python block' });
  });

  test('Chinese text around the code', () => {
    const answer = '下面是快速排序的实现：\n```python\ndef 快速排序(arr):\n    return sorted(arr)  # 排序\n```\n希望对你有帮助。';

    expect(extractCode(answer, 'python', '快速排序')).toEqual({
      code: 'def 快速排序(arr):\n    return sorted(arr)  # 排序',
      how: 'fenced python block 1 of 1 (defines 快速排序)',
    });
  });

  test('javascript definitions', () => {
    const answer = '```js\nconst helper = 1;\n```\n```javascript\nexport const quickSort = (arr) => [...arr].sort((a, b) => a - b);\n```';

    expect(extractCode(answer, 'javascript', 'quickSort').how).toBe('fenced javascript block 2 of 2 (defines quickSort)');
    expect(extractCode(answer, 'python').how).toBe('no python or bare fence; used all 2 fenced blocks tagged js, javascript');
  });
});

describe('parseFencedBlocks', () => {
  test('a longer fence holds a shorter one', () => {
    const blocks = parseFencedBlocks('````markdown\n```python\nx = 1\n```\n````');

    expect(blocks).toEqual([{ tag: 'markdown', content: '```python\nx = 1\n```' }]);
  });

  test('tilde fence is not closed by backticks', () => {
    const blocks = parseFencedBlocks('~~~\na\n```\nb\n~~~');

    expect(blocks).toEqual([{ tag: '', content: 'a\n```\nb' }]);
  });
});

describe('definesFunction', () => {
  test.each([
    ['def f(x):', true],
    ['async def f(x):', true],
    ['    def f(x):', false],
    ['def f2(x):', false],
    ['def  f (x):', true],
  ])('python top level %j', (code, expected) => {
    expect(definesFunction(code, 'python', 'f', { topLevelOnly: true })).toBe(expected);
  });

  test.each([
    ['function quickSort(a) {', true],
    ['export function quickSort(a) {', true],
    ['export default function quickSort(a) {', true],
    ['async function* quickSort(a) {', true],
    ['const quickSort = (a) => a;', true],
    ['export let quickSort = function (a) {};', true],
    ['module.exports.quickSort = (a) => a;', true],
    ['exports.quickSort = (a) => a;', true],
    ['quickSort(a);', false],
    ['const quickSorted = 1;', false],
  ])('javascript %j', (code, expected) => {
    expect(definesFunction(code, 'javascript', 'quickSort', { topLevelOnly: true })).toBe(expected);
  });

  test('name with a dollar sign', () => {
    expect(definesFunction('function $sort(a) {}', 'javascript', '$sort', { topLevelOnly: true })).toBe(true);
  });
});
