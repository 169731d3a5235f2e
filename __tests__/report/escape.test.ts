import { markdownTable } from 'markdown-table';

import {
  countCodePoints,
  escapeHtmlText,
  escapeMarkdown,
  sanitizeText,
  truncateCodePoints,
} from '../../src/report/escape.js';

/**
 * Splits a GFM table row into cells: a backslash escapes the next character, and every other `|`
 * separates cells. The outer pipes of the row are dropped.
 */
function splitRow(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  for (let index = 0; index < line.length; index++) {
    const char = line[index];
    if (char === '\\' && index + 1 < line.length) {
      cell += char + line[index + 1];
      index++;
    } else if (char === '|') {
      cells.push(cell);
      cell = '';
    } else {
      cell += char;
    }
  }
  cells.push(cell);
  return cells.slice(1, -1).map((item) => item.trim());
}

/** Decodes what GitHub shows for escaped Markdown text: backslash escapes and entities removed. */
function visibleText(markdown: string): string {
  return markdown
    .replace(/\\([!-/:-@[-`{-~])/g, '$1')
    .replace(/&#8203;/g, '\u200B')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

describe('escapeMarkdown in table cells', () => {
  test.each([
    ['pipes', 'a|b|c'],
    ['pipes and backslashes', 'a\\|b\\\\|c|'],
    ['trailing backslash', 'ends with \\'],
    ['pipe in backticks', '`x|y` and ``z|w``'],
  ])('%s stay in one cell', (_name, text) => {
    const table = markdownTable([['Answer', 'Next'], [escapeMarkdown(text), 'after']], { alignDelimiters: false });
    const row = table.split('\n')[2];

    expect(splitRow(row)).toHaveLength(2);
    expect(splitRow(row)[1]).toBe('after');
  });

  test('escapes every pipe', () => {
    const escaped = escapeMarkdown('a|b|c|d|e');

    expect(escaped).toBe('a\\|b\\|c\\|d\\|e');
  });

  test('keeps the visible text', () => {
    const text = 'x = `a|b` * 2_000 [link](y) ~z~ \\n';

    expect(visibleText(escapeMarkdown(text))).toBe(text);
  });
});

describe('escapeMarkdown of HTML', () => {
  test('renders an img tag inert', () => {
    const escaped = escapeMarkdown('<img src=x onerror=alert(1)>');

    expect(escaped).not.toContain('<');
    expect(escaped).not.toContain('>');
    expect(escaped).toBe('&lt;img src=x onerror=alert(1)&gt;');
  });

  test('renders a script tag inert', () => {
    const escaped = escapeMarkdown('<script>alert("x")</script>');

    expect(escaped).toBe('&lt;script&gt;alert("x")&lt;/script&gt;');
  });

  test('escapes ampersands so entities show literally', () => {
    expect(escapeMarkdown('&lt; & &#64;')).toBe('&amp;lt; &amp; &amp;#&#8203;64;');
  });
});

describe('escapeMarkdown of mentions and references', () => {
  test('@octocat does not mention', () => {
    const escaped = escapeMarkdown('thanks @octocat and @org/team');

    expect(visibleText(escaped)).not.toMatch(/@[A-Za-z0-9]/);
    expect(escaped).toBe('thanks @&#8203;octocat and @&#8203;org/team');
  });

  test('#123 does not link', () => {
    const escaped = escapeMarkdown('fixes #123 and owner/repo#45');

    expect(visibleText(escaped)).not.toMatch(/#\d/);
    expect(visibleText(escaped)).toBe('fixes #\u200B123 and owner/repo#\u200B45');
  });

  test('GH-123 does not link', () => {
    expect(escapeMarkdown('see GH-123 or gh-7')).toBe('see GH-&#8203;123 or gh-&#8203;7');
  });

  test('lone signs stay as they are', () => {
    expect(escapeMarkdown('C# and a @ sign, #tag')).toBe('C# and a @ sign, #tag');
  });
});

describe('escapeMarkdown of whitespace and control characters', () => {
  test('collapses line breaks to spaces', () => {
    expect(escapeMarkdown('a\nb\r\nc\rd\u2028e')).toBe('a b c d e');
  });

  test('collapses indentation after a line break', () => {
    expect(escapeMarkdown('def f():\n    return 1\n')).toBe('def f(): return 1');
  });

  test('turns tabs into spaces', () => {
    expect(escapeMarkdown('a\tb')).toBe('a b');
  });

  test('removes control characters', () => {
    expect(escapeMarkdown('\u0000a\u0007b\u001b[31mc\u007f\u0085d')).toBe('ab\\[31mcd');
  });

  test('removes bidirectional overrides', () => {
    expect(escapeMarkdown('abc\u202Edef\u2066')).toBe('abcdef');
  });

  test('replaces lone surrogates', () => {
    expect(sanitizeText('a\uD800b\uDC00c')).toBe('a\uFFFDb\uFFFDc');
  });

  test('keeps surrogate pairs', () => {
    expect(sanitizeText('😀')).toBe('😀');
  });
});

describe('escapeMarkdown at the start of a line', () => {
  test.each([
    ['heading', '# Title', '\\# Title'],
    ['list item', '- item', '\\- item'],
    ['plus list item', '+ item', '\\+ item'],
    ['thematic break', '---', '\\---'],
    ['numbered item', '1. first', '1\\. first'],
    ['numbered item with parenthesis', '2) second', '2\\) second'],
    ['version number', '0.1.0', '0.1.0'],
    ['negative number', '-5', '-5'],
    ['issue reference', '#12 is done', '#&#8203;12 is done'],
  ])('%s', (_name, text, expected) => {
    expect(escapeMarkdown(text)).toBe(expected);
  });
});

describe('truncateCodePoints', () => {
  test('keeps short text', () => {
    expect(truncateCodePoints('中文', 2)).toBe('中文');
  });

  test('cuts Chinese by code points', () => {
    const cut = truncateCodePoints('中华人民共和国万岁', 5);

    expect(cut).toBe('中华人民…');
    expect(countCodePoints(cut)).toBe(5);
  });

  test('cuts emoji without splitting a pair', () => {
    const cut = truncateCodePoints('😀😁😂🤣😃😄', 4);

    expect(cut).toBe('😀😁😂…');
    expect(cut).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });

  test('keeps emoji sequences whole', () => {
    const family = '👨‍👩‍👧‍👦';

    expect(countCodePoints(family)).toBe(7);
    expect(truncateCodePoints(family + family, 10)).toBe(`${family}…`);
  });

  test('keeps flags whole', () => {
    expect(truncateCodePoints('🇨🇳🇺🇸🇫🇷', 4)).toBe('🇨🇳…');
  });

  test('drops trailing space before the ellipsis', () => {
    expect(truncateCodePoints('hello world again', 7)).toBe('hello…');
  });

  test('zero length gives empty text', () => {
    expect(truncateCodePoints('abc', 0)).toBe('');
  });
});

describe('escapeMarkdown with maxChars', () => {
  test('counts the text before escaping', () => {
    expect(escapeMarkdown('<<<<<<<<<<', { maxChars: 5 })).toBe('&lt;&lt;&lt;&lt;…');
  });

  test('cuts mixed Chinese and emoji', () => {
    const escaped = escapeMarkdown('答案是 42 😀😀😀 |完|', { maxChars: 9 });

    expect(escaped).toBe('答案是 42 😀…');
  });
});

describe('escapeHtmlText', () => {
  test('escapes HTML and quotes', () => {
    expect(escapeHtmlText(`<b>"a" & 'b'</b>`)).toBe('&lt;b&gt;&quot;a&quot; &amp; &#39;b&#39;&lt;/b&gt;');
  });

  test('leaves Markdown characters alone', () => {
    expect(escapeHtmlText('gpt_4 *x* |y|')).toBe('gpt_4 *x* |y|');
  });

  test('breaks mentions', () => {
    expect(escapeHtmlText('@octocat #9')).toBe('@&#8203;octocat #&#8203;9');
  });
});
