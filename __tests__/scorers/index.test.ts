import { scoreAnswer, scorers } from '../../src/scorers/index.js';
import type { CodeCase, MathCase, QaCase, SummaryCase } from '../../src/types.js';

const base = {
  messages: [{ role: 'user' as const, content: 'question' }],
  tags: [],
  source: { file: 'suite.yaml', line: 1 },
};

describe('scoreAnswer', () => {
  test('dispatches math', async () => {
    const kase: MathCase = { ...base, id: 'm', type: 'math', expected: '42', extract: { kind: 'last' }, tolerance: 0, compare: 'numeric' };

    await expect(scoreAnswer('答案是 ４２。', kase)).resolves.toEqual({
      pass: true,
      score: 1,
      reason: 'extracted 42 (last number), expected 42',
    });
  });

  test('dispatches qa', async () => {
    const kase: QaCase = { ...base, id: 'q', type: 'qa', expected: ['Paris'], match: 'exact' };

    await expect(scoreAnswer('Paris.', kase)).resolves.toMatchObject({ pass: true, score: 1 });
  });

  test('dispatches summary', async () => {
    const kase: SummaryCase = { ...base, id: 's', type: 'summary', mustInclude: ['北京'], maxChars: 3 };

    await expect(scoreAnswer('在北京', kase)).resolves.toMatchObject({ pass: true, score: 1 });
  });

  test('code case runs its tests', async () => {
    const kase: CodeCase = { ...base, id: 'c', type: 'code', language: 'python', tests: 'from solution import double\nassert double(2) == 4', timeoutS: 10 };

    const passing = await scoreAnswer('```python\ndef double(x):\n    return 2 * x\n```', kase);
    const failing = await scoreAnswer('```python\ndef double(x):\n    return x\n```', kase);

    expect(passing.pass).toBe(true);
    expect(failing.pass).toBe(false);
  });

  test('registry covers every case type', () => {
    expect(Object.keys(scorers).sort()).toEqual(['code', 'math', 'qa', 'summary']);
  });
});
