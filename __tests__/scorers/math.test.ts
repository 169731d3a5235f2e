import { extractNumber, findLastBoxedContent, parseNumber, prepareMathText, scoreMath } from '../../src/scorers/math.js';
import type { MathCase, MathExtract } from '../../src/types.js';

function mathCase(expected: string, options: Partial<MathCase> = {}): MathCase {
  return {
    id: 'm1',
    type: 'math',
    messages: [{ role: 'user', content: 'question' }],
    tags: [],
    source: { file: 'suite.yaml', line: 1 },
    expected,
    extract: { kind: 'last' },
    tolerance: 0,
    compare: 'numeric',
    ...options,
  };
}

function extracted(output: string, extract: MathExtract = { kind: 'last' }): string | undefined {
  const result = extractNumber(output, extract);
  return 'number' in result ? result.number.text : undefined;
}

describe('scoreMath last-number extraction', () => {
  test.each([
    ['thousands separators', 'The total is 1,234,567 dollars.', '1234567'],
    ['full-width comma separator', '一共 1，234 元', '1234'],
    ['comma not between groups of three', 'pick 12,34', '34'],
    ['dollar sign', 'It costs $18.', '18'],
    ['euro sign', 'Price: €1,200', '1200'],
    ['pound sign', 'Total £7.50', '7.50'],
    ['yen sign', '¥300', '300'],
    ['full-width yen sign', '￥300', '300'],
    ['trailing percent', 'The rate is 60%', '60'],
    ['negative number', 'The result is -3', '-3'],
    ['Unicode minus', 'The result is −3', '-3'],
    ['full-width minus', 'The result is －3', '-3'],
    ['negative with currency', 'a loss of -$5', '-5'],
    ['subtraction is not a sign', '16-3', '3'],
    ['decimal', 'It costs 3.50 each', '3.50'],
    ['leading-dot decimal', 'p = .5', '.5'],
    ['sentence period', 'So the answer is 18.', '18'],
    ['fraction', 'The share is 3/4', '3/4'],
    ['LaTeX fraction', 'so $\\frac{3}{4}$', '3/4'],
    ['vulgar fraction', 'about ½', '1/2'],
    ['date is not a fraction', 'on 3/4/2020', '2020'],
    ['zero denominator', 'ratio 1/0', '0'],
    ['scientific notation', 'about 1.5e3 grams', '1.5e3'],
    ['full-width digits', '答案是 ４２。', '42'],
    ['Chinese answer', '小明有 3 个苹果，又买了 5 个，所以一共有 8 个。', '8'],
    ['superscript unit', 'The area is 25 m².', '25'],
    ['LaTeX thin-space separator', '1\\,000', '1000'],
    ['LaTeX brace separator', '1{,}000', '1000'],
    ['last A: line', 'Job A: 2000\nJob B: 3000\nA: 5000', '5000'],
  ])('%s', (_name, output, expected) => {
    expect(extracted(output)).toBe(expected);
  });

  test('no number', () => {
    const result = scoreMath('I do not know.', mathCase('4'));

    expect(result.pass).toBe(false);
    expect(result.score).toBe(0);
    expect(result.reason).toBe('no number found in the answer');
  });
});

describe('scoreMath first-number extraction', () => {
  test('takes the first number', () => {
    expect(extracted('Job A: 2000\nA: 5000', { kind: 'first' })).toBe('2000');
  });

  test('first and last differ in score', () => {
    const output = 'Job A: 2000\nA: 5000';

    expect(scoreMath(output, mathCase('5000', { extract: { kind: 'first' } })).pass).toBe(false);
    expect(scoreMath(output, mathCase('5000', { extract: { kind: 'last' } })).pass).toBe(true);
  });
});

describe('scoreMath boxed extraction', () => {
  test.each([
    ['plain', 'so \\boxed{42}.', '42'],
    ['last of several', '\\boxed{1} then \\boxed{2}', '2'],
    ['nested braces', '\\boxed{\\text{{18}} \\text{dollars}}', '18'],
    ['fraction inside', '\\boxed{\\frac{3}{4}}', '3/4'],
    ['dfrac inside', '\\boxed{\\dfrac{-1}{2}}', '-1/2'],
    ['separator inside', '\\boxed{1{,}000}', '1000'],
    ['negative inside', '\\boxed{-7}', '-7'],
    ['unclosed last box', '\\boxed{5} and \\boxed{6', '5'],
  ])('%s', (_name, output, expected) => {
    expect(extracted(output, { kind: 'boxed' })).toBe(expected);
  });

  test('no box', () => {
    const result = scoreMath('The answer is 42', mathCase('42', { extract: { kind: 'boxed' } }));

    expect(result.pass).toBe(false);
    expect(result.reason).toBe('no complete \\boxed{...} found in the answer');
  });

  test('two numbers in box', () => {
    const result = scoreMath('\\boxed{2^{10}}', mathCase('1024', { extract: { kind: 'boxed' } }));

    expect(result.pass).toBe(false);
    expect(result.reason).toContain('contains 2 numbers');
  });

  test('content helper handles nesting', () => {
    expect(findLastBoxedContent('x \\boxed{a{b{c}}d} y')).toBe('a{b{c}}d');
    expect(findLastBoxedContent('\\boxed{open')).toBeNull();
    expect(findLastBoxedContent('} \\boxed{\\boxed{3}} }')).toBe('3');
    expect(findLastBoxedContent('\\boxed{outer \\boxed{3}')).toBe('3');
  });

  test('many unclosed boxes stay fast', () => {
    const started = Date.now();

    expect(findLastBoxedContent('\\boxed{'.repeat(50_000))).toBeNull();
    expect(Date.now() - started).toBeLessThan(1000);
  });
});

describe('scoreMath regex extraction', () => {
  test('first capture group of last match', () => {
    const extract: MathExtract = { kind: 'regex', pattern: 'A: (\\S+)' };

    expect(extracted('Job A: 2000\nA: 90,000', extract)).toBe('90000');
  });

  test('whole match without a group', () => {
    expect(extracted('x = 5, y = 12', { kind: 'regex', pattern: '\\d+' })).toBe('12');
  });

  test('literal with flags', () => {
    expect(extracted('ANSWER: 7\nanswer: 9', { kind: 'regex', pattern: '/answer: (\\d+)/i' })).toBe('9');
  });

  test('Chinese label in pattern', () => {
    expect(extracted('答案：１２', { kind: 'regex', pattern: '答案：(.+)' })).toBe('12');
  });

  test('no match', () => {
    const result = scoreMath('nothing', mathCase('1', { extract: { kind: 'regex', pattern: '#### (.*)' } }));

    expect(result.pass).toBe(false);
    expect(result.reason).toBe('extract regex "#### (.*)" did not match the answer');
  });

  test('invalid pattern fails safely', () => {
    const result = scoreMath('A: 1', mathCase('1', { extract: { kind: 'regex', pattern: '(' } }));

    expect(result.pass).toBe(false);
    expect(result.reason).toMatch(/^invalid extract regex "\(": /);
  });
});

describe('scoreMath comparison', () => {
  test.each([
    ['integer', 'A: 18', '18', 0, true],
    ['wrong integer', 'A: 17', '18', 0, false],
    ['trailing zeros', 'A: 18.00', '18', 0, true],
    ['expected with separator', 'A: 40000', '40,000', 0, true],
    ['negative', 'A: −3', '-3', 0, true],
    ['half as decimal', 'A: 0.5', '0.5', 0, true],
    ['fraction equals decimal', 'A: 1/2', '0.5', 0, true],
    ['float rounding', 'A: 0.30000000000000004', '0.3', 0, true],
    ['percent not converted', 'A: 60%', '0.6', 0, false],
    ['percent equals number', 'A: 60%', '60', 0, true],
    ['within tolerance', 'A: 3.14', '3.1416', 0.01, true],
    ['at tolerance edge', 'A: 1.01', '1.00', 0.01, true],
    ['outside tolerance', 'A: 3.2', '3.1416', 0.01, false],
    ['large exact', 'A: 2,000,000', '2000000', 0, true],
  ])('%s', (_name, output, expected, tolerance, pass) => {
    const result = scoreMath(output, mathCase(expected, { tolerance }));

    expect(result.pass).toBe(pass);
    expect(result.score).toBe(pass ? 1 : 0);
  });

  test.each([
    ['same text', 'A: 1,234', '1234', true],
    ['trailing zeros differ', 'A: 18.00', '18', false],
    ['currency stripped', 'A: $18', '18', true],
    ['fraction is not decimal', 'A: 1/2', '0.5', false],
  ])('string compare: %s', (_name, output, expected, pass) => {
    expect(scoreMath(output, mathCase(expected, { compare: 'string' })).pass).toBe(pass);
  });

  test('reason of a pass', () => {
    expect(scoreMath('A: 18', mathCase('18')).reason).toBe('extracted 18 (last number), expected 18');
  });

  test('reason of a fail', () => {
    expect(scoreMath('A: 17', mathCase('18')).reason).toBe('extracted 17 (last number), expected 18');
  });

  test('reason names tolerance', () => {
    expect(scoreMath('3.14', mathCase('3.1416', { tolerance: 0.01 })).reason).toBe(
      'extracted 3.14 (last number), expected 3.1416 ± 0.01',
    );
  });

  test('reason names string compare', () => {
    expect(scoreMath('18.00', mathCase('18', { compare: 'string' })).reason).toBe(
      'extracted 18.00 (last number), expected 18, compared as strings',
    );
  });

  test('expected that is not a number', () => {
    const result = scoreMath('A: 1', mathCase('one'));

    expect(result.pass).toBe(false);
    expect(result.reason).toBe('expected value "one" is not a single number; fix the case\'s expected');
  });

  test('reason stays on one line', () => {
    const longBox = `\\boxed{1\n2\n${'x'.repeat(200)}}`;
    const result = scoreMath(longBox, mathCase('1', { extract: { kind: 'boxed' } }));

    expect(result.reason).not.toMatch(/\n/);
    expect(result.reason.length).toBeLessThan(200);
  });
});

describe('parseNumber', () => {
  test.each([
    ['40,000', 40000],
    ['-3', -3],
    ['0.5', 0.5],
    ['3/4', 0.75],
    ['１２', 12],
    ['$5', 5],
  ])('%s', (text, value) => {
    expect(parseNumber(text)?.value).toBe(value);
  });

  test('rejects text without exactly one number', () => {
    expect(parseNumber('abc')).toBeNull();
    expect(parseNumber('1 and 2')).toBeNull();
  });

  test('prepared text maps Unicode forms', () => {
    expect(prepareMathText('−１，０００ and ½')).toBe('-1,000 and 1/2');
  });
});
