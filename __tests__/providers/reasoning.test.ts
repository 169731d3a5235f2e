import { joinReasoning, separateReasoning, splitThinking } from '../../src/providers/reasoning.js';

describe('splitThinking', () => {
  test('leading block split off', () => {
    expect(splitThinking('<think>\n17 + 25 = 42\n</think>\n\nThe answer is 42.')).toEqual({ answer: 'The answer is 42.', reasoning: '17 + 25 = 42' });
  });

  test('whitespace before the block allowed', () => {
    expect(splitThinking('\n  <think>x</think>y')).toEqual({ answer: 'y', reasoning: 'x' });
  });

  test('later tag left in the answer', () => {
    const text = 'Models write <think>...</think> first.';

    expect(splitThinking(text)).toEqual({ answer: text, reasoning: null });
  });

  test('unclosed block is all reasoning', () => {
    expect(splitThinking('<think>still thinking about 4')).toEqual({ answer: '', reasoning: 'still thinking about 4' });
  });

  test('Chinese text kept whole', () => {
    expect(splitThinking('<think>先算 17 + 25。</think>答案是 42。')).toEqual({ answer: '答案是 42。', reasoning: '先算 17 + 25。' });
  });

  test('answer without a block unchanged', () => {
    expect(splitThinking('  42  ')).toEqual({ answer: '  42  ', reasoning: null });
  });
});

describe('separateReasoning', () => {
  test('field and tag joined', () => {
    expect(separateReasoning('<think>b</think>42', 'a')).toEqual({ answer: '42', reasoning: 'a\n\nb' });
  });

  test('empty field is no reasoning', () => {
    expect(separateReasoning('42', '')).toEqual({ answer: '42', reasoning: null });
  });

  test('joinReasoning drops blank parts', () => {
    expect(joinReasoning(null, ' ', undefined)).toBeNull();
    expect(joinReasoning('a', null, 'b')).toBe('a\n\nb');
  });
});
