import { scoreSummary } from '../../src/scorers/summary.js';
import type { SummaryCase } from '../../src/types.js';

function summaryCase(options: Partial<SummaryCase>): SummaryCase {
  return {
    id: 's1',
    type: 'summary',
    messages: [{ role: 'user', content: 'summarise' }],
    tags: [],
    source: { file: 'suite.yaml', line: 1 },
    mustInclude: [],
    ...options,
  };
}

describe('scoreSummary keywords', () => {
  test('all present, case-insensitive', () => {
    const result = scoreSummary('The Contract requires ARBITRATION in Geneva.', summaryCase({ mustInclude: ['contract', 'arbitration'] }));

    expect(result.pass).toBe(true);
    expect(result.score).toBe(1);
    expect(result.reason).toBe('all 2 keywords present');
  });

  test('one missing of three', () => {
    const kase = summaryCase({ mustInclude: ['contract', 'arbitration', 'Geneva'], maxChars: 120 });
    const output = 'The contract names Geneva as the seat and sets the fee for the work at one hundred francs per hour.';
    const result = scoreSummary(output, kase);

    expect(result.pass).toBe(false);
    expect(result.score).toBeCloseTo(3 / 4);
    expect(result.reason).toBe(`missing 1 of 3 keywords: arbitration; ${[...output].length} of max 120 characters`);
  });

  test('substring without word boundaries', () => {
    expect(scoreSummary('Two refunds were paid.', summaryCase({ mustInclude: ['refund'] })).pass).toBe(true);
  });

  test('Chinese keywords', () => {
    const kase = summaryCase({ mustInclude: ['人工智能', '监管'] });

    expect(scoreSummary('本文讨论人工智能的监管。', kase).pass).toBe(true);
    expect(scoreSummary('本文讨论人工 智能的\n监管。', kase).pass).toBe(true);
    expect(scoreSummary('本文讨论人工智能。', kase).reason).toBe('missing 1 of 2 keywords: 监管');
  });

  test('full-width keyword text', () => {
    expect(scoreSummary('ＧＤＰ grew 3%', summaryCase({ mustInclude: ['gdp'] })).pass).toBe(true);
  });

  test('spaces between Latin words still matter', () => {
    expect(scoreSummary('machinelearning', summaryCase({ mustInclude: ['machine learning'] })).pass).toBe(false);
    expect(scoreSummary('machine\n learning', summaryCase({ mustInclude: ['machine learning'] })).pass).toBe(true);
  });
});

describe('scoreSummary length', () => {
  test.each([
    ['ten Chinese characters', '一二三四五六七八九十', 10],
    ['emoji counts one', '😀', 1],
    ['emoji and Chinese', '好😀好', 3],
    ['trimmed', '  abc \n', 3],
  ])('%s', (_name, output, length) => {
    const result = scoreSummary(output, summaryCase({ maxChars: length }));

    expect(result.pass).toBe(true);
    expect(result.reason).toBe(`${length} of max ${length} characters`);
    expect(scoreSummary(output, summaryCase({ maxChars: length - 1 })).pass).toBe(false);
  });

  test('too long', () => {
    const result = scoreSummary('一二三四五六七八九十', summaryCase({ maxChars: 5 }));

    expect(result.pass).toBe(false);
    expect(result.score).toBe(0);
    expect(result.reason).toBe('10 of max 5 characters (too long)');
  });

  test('too short', () => {
    const result = scoreSummary('short', summaryCase({ minChars: 10 }));

    expect(result.pass).toBe(false);
    expect(result.reason).toBe('5 of min 10 characters (too short)');
  });

  test('min and max', () => {
    const result = scoreSummary('twelve chars', summaryCase({ minChars: 10, maxChars: 20 }));

    expect(result.pass).toBe(true);
    expect(result.reason).toBe('12 characters, min 10, max 20');
  });

  test('length is one check', () => {
    const result = scoreSummary('abc def', summaryCase({ mustInclude: ['abc', 'def', 'ghi'], minChars: 1, maxChars: 3 }));

    expect(result.pass).toBe(false);
    expect(result.score).toBeCloseTo(2 / 4);
  });
});

describe('scoreSummary without checks', () => {
  test('passes', () => {
    const result = scoreSummary('anything', summaryCase({}));

    expect(result.pass).toBe(true);
    expect(result.score).toBe(1);
  });

  test('missing keyword list is truncated', () => {
    const keywords = Array.from({ length: 30 }, (_, index) => `keyword${index}`);
    const result = scoreSummary('nothing', summaryCase({ mustInclude: keywords }));

    expect(result.score).toBe(0);
    expect(result.reason).toContain('missing 30 of 30 keywords: keyword0, keyword1');
    expect(result.reason).toContain('…');
  });
});
