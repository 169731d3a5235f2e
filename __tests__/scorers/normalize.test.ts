import {
  compileRegex,
  containsOnWordBoundaries,
  countChars,
  foldCase,
  normalizeText,
  quoteForReason,
  removeUnspacedScriptWhitespace,
  stripEdgePunctuation,
  toOneLine,
} from '../../src/scorers/normalize.js';

describe('normalizeText', () => {
  test.each([
    ['full-width forms', 'ＨＥＬＬＯ　１２３', 'hello 123'],
    ['whitespace collapsed', '  a \n\t b  ', 'a b'],
    ['ASCII edge punctuation', '("Paris!")', 'paris'],
    ['trailing periods', 'Paris...', 'paris'],
    ['leading period kept', '.NET', '.net'],
    ['CJK edge punctuation', '『東京』。', '東京'],
    ['CJK curly quotes', '“北京”', '北京'],
    ['sign kept', '-3', '-3'],
    ['percent kept', '50%', '50%'],
    ['inner punctuation kept', 'U.S.A.', 'u.s.a'],
  ])('%s', (_name, input, output) => {
    expect(normalizeText(input)).toBe(output);
  });
});

describe('foldCase', () => {
  test('sharp s and final sigma', () => {
    expect(foldCase('Straße')).toBe(foldCase('STRASSE'));
    expect(foldCase('ΟΔΟΣ')).toBe(foldCase('οδος'));
  });
});

describe('stripEdgePunctuation', () => {
  test('only ends', () => {
    expect(stripEdgePunctuation('**a, b**')).toBe('a, b');
  });

  test('all punctuation', () => {
    expect(stripEdgePunctuation('「。」')).toBe('');
  });
});

describe('countChars', () => {
  test.each([
    ['', 0],
    ['abc', 3],
    ['人工智能', 4],
    ['😀', 1],
    ['👍🏽', 2],
  ])('%s', (text, count) => {
    expect(countChars(text)).toBe(count);
  });
});

describe('containsOnWordBoundaries', () => {
  test.each([
    ['paris', 'paris', true],
    ['parisian', 'paris', false],
    ['the paris, france', 'paris', true],
    ['420', '42', false],
    ['x42', '42', false],
    ['是42', '42', true],
    ['北京市', '北京', true],
    ['café au lait', 'café', true],
    ['cafés', 'café', false],
    ['москва', 'моск', false],
    ['서울에', '서울', true],
    ['anything', '', true],
  ])('%s contains %s', (haystack, needle, found) => {
    expect(containsOnWordBoundaries(haystack, needle)).toBe(found);
  });

  test('astral characters at the edges', () => {
    expect(containsOnWordBoundaries('😀paris😀', 'paris')).toBe(true);
  });
});

describe('removeUnspacedScriptWhitespace', () => {
  test('joins CJK only', () => {
    expect(removeUnspacedScriptWhitespace('人工 智能 and AI 模型')).toBe('人工智能 and AI 模型');
  });
});

describe('compileRegex', () => {
  test('bare pattern has no flags', () => {
    expect(compileRegex('a/b').flags).toBe('');
    expect(compileRegex('a/b').source).toBe('a\\/b');
    expect(compileRegex('/a/b/1').source).toBe('\\/a\\/b\\/1');
  });

  test('literal keeps flags', () => {
    const regex = compileRegex('/abc/i');

    expect(regex.source).toBe('abc');
    expect(regex.flags).toBe('i');
  });

  test('extra flags added once', () => {
    expect(compileRegex('/abc/gi', 'g').flags).toBe('gi');
    expect(compileRegex('abc', 'g').flags).toBe('g');
  });

  test('invalid pattern throws', () => {
    expect(() => compileRegex('(')).toThrow(SyntaxError);
    expect(() => compileRegex('/a/q')).toThrow(SyntaxError);
  });
});

describe('reason helpers', () => {
  test('quote truncates by code points', () => {
    expect(quoteForReason('😀'.repeat(100), 3)).toBe('"😀😀😀…"');
  });

  test('quote is one line', () => {
    expect(quoteForReason('a\nb')).toBe('"a b"');
  });

  test('one line', () => {
    expect(toOneLine('a\n  b\r\nc')).toBe('a b c');
  });
});
