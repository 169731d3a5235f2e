import { normalizeAnswer, scoreQa } from '../../src/scorers/qa.js';
import type { QaCase } from '../../src/types.js';

function qaCase(expected: string[], match: QaCase['match']): QaCase {
  return {
    id: 'q1',
    type: 'qa',
    messages: [{ role: 'user', content: 'question' }],
    tags: [],
    source: { file: 'suite.yaml', line: 1 },
    expected,
    match,
  };
}

describe('scoreQa exact', () => {
  test.each([
    ['same text', 'Paris', 'Paris', true],
    ['case folded', 'PARIS', 'paris', true],
    ['trailing period', 'Paris.', 'Paris', true],
    ['surrounding quotes', '"Paris"', 'Paris', true],
    ['Markdown bold', '**Paris**', 'Paris', true],
    ['collapsed whitespace', '  New\n  York  ', 'New York', true],
    ['answer label', 'Answer: Paris', 'Paris', true],
    ['bold answer label', '**Answer:** Paris.', 'Paris', true],
    ['final answer label', 'Final answer: 42', '42', true],
    ['full-width letters', 'ＰＡＲＩＳ', 'Paris', true],
    ['full-width digits', '４２', '42', true],
    ['CJK full stop', '北京。', '北京', true],
    ['CJK corner brackets', '「北京」', '北京', true],
    ['CJK lenticular brackets', '【北京】！', '北京', true],
    ['full-width question mark', '北京？', '北京', true],
    ['Chinese answer label', '答案：北京。', '北京', true],
    ['German sharp s', 'STRASSE', 'straße', true],
    ['prose is not stripped', 'The answer is Paris', 'Paris', false],
    ['Chinese prose is not stripped', '答案是北京', '北京', false],
    ['different word', 'London', 'Paris', false],
    ['sign kept', '-3', '3', false],
    ['hash kept', 'C#', 'C', false],
    ['inner punctuation kept', 'St. Louis', 'St Louis', false],
  ])('%s', (_name, output, expected, pass) => {
    expect(scoreQa(output, qaCase([expected], 'exact')).pass).toBe(pass);
  });

  test('any expected passes', () => {
    const result = scoreQa('Peking', qaCase(['Beijing', 'Peking'], 'exact'));

    expect(result.pass).toBe(true);
    expect(result.score).toBe(1);
    expect(result.reason).toBe('matched expected "Peking" (exact)');
  });

  test('fail reason shows normalised answer', () => {
    const result = scoreQa('  LONDON. ', qaCase(['Paris', 'Lyon'], 'exact'));

    expect(result.pass).toBe(false);
    expect(result.score).toBe(0);
    expect(result.reason).toBe('normalised answer "london" equals none of 2 expected: "Paris", "Lyon"');
  });

  test('long answer is truncated in reason', () => {
    const result = scoreQa(`${'word '.repeat(100)}\nend`, qaCase(['Paris'], 'exact'));

    expect(result.reason).not.toMatch(/\n/);
    expect(result.reason).toContain('…');
    expect(result.reason.length).toBeLessThan(160);
  });

  test('normalised answer helper', () => {
    expect(normalizeAnswer('答案：「４２」。')).toBe('42');
  });
});

describe('scoreQa contains', () => {
  test.each([
    ['word in sentence', 'The capital is Paris.', 'Paris', true],
    ['case and width folded', 'THE CAPITAL IS ＰＡＲＩＳ', 'paris', true],
    ['not inside a longer word', 'a Parisian cafe', 'Paris', false],
    ['not inside a longer number', 'it is 420', '42', false],
    ['number next to CJK', '答案是42。', '42', true],
    ['CJK substring', '中国的首都是北京市。', '北京', true],
    ['Latin word next to CJK', '首都是Paris。', 'Paris', true],
    ['multi-word phrase', 'It is in New   York city', 'new york', true],
    ['later occurrence on boundary', 'Parisian food in Paris', 'Paris', true],
    ['missing', 'It is London', 'Paris', false],
  ])('%s', (_name, output, expected, pass) => {
    expect(scoreQa(output, qaCase([expected], 'contains')).pass).toBe(pass);
  });

  test('fail reason', () => {
    expect(scoreQa('It is London', qaCase(['Paris'], 'contains')).reason).toBe(
      'normalised answer "it is london" contains none of 1 expected: "Paris"',
    );
  });
});

describe('scoreQa regex', () => {
  test.each([
    ['bare pattern', 'The answer is 42', '\\b42\\b', true],
    ['bare pattern is case-sensitive', 'PARIS', 'paris', false],
    ['literal with flags', 'PARIS', '/paris/i', true],
    ['anchored on raw text', '  Paris', '^Paris', false],
    ['Chinese pattern', '答案是北京', '北京|南京', true],
  ])('%s', (_name, output, expected, pass) => {
    expect(scoreQa(output, qaCase([expected], 'regex')).pass).toBe(pass);
  });

  test('invalid regex fails safely', () => {
    const result = scoreQa('anything', qaCase(['('], 'regex'));

    expect(result.pass).toBe(false);
    expect(result.reason).toContain('invalid regex "("');
  });

  test('valid regex after invalid one', () => {
    const result = scoreQa('Paris', qaCase(['(', 'Par'], 'regex'));

    expect(result.pass).toBe(true);
    expect(result.reason).toBe('matched expected regex "Par"');
  });
});

describe('scoreQa empty expected', () => {
  test('punctuation-only expected never matches', () => {
    expect(scoreQa('anything', qaCase(['?'], 'contains')).pass).toBe(false);
    expect(scoreQa('', qaCase(['。'], 'exact')).pass).toBe(false);
  });

  test('fails with reason', () => {
    const result = scoreQa('Paris', qaCase([], 'exact'));

    expect(result.pass).toBe(false);
    expect(result.reason).toBe('the case lists no expected answers; add at least one');
  });
});
