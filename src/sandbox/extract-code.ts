// Takes the program out of a model's answer: Markdown code fences, several blocks, or bare code.

import type { CodeCase } from '../types.js';

export type CodeLanguage = CodeCase['language'];

/** Code taken from an answer, and a short phrase that says which part of the answer it is. */
export interface ExtractedCode {
  code: string;
  how: string;
}

/** One fenced block of an answer: its info-string language (lower case, '' when bare) and its content. */
export interface FencedBlock {
  tag: string;
  content: string;
}

/** Info-string languages accepted for each case language; a bare fence is accepted for both. */
const LANGUAGE_TAGS: Record<CodeLanguage, readonly string[]> = {
  python: ['python', 'py', 'python3', 'py3'],
  javascript: ['javascript', 'js', 'mjs', 'cjs', 'node', 'nodejs', 'jsx'],
};

/**
 * A fence opening line as CommonMark defines it: up to 3 spaces, then at least 3 backticks or
 * tildes, then an info string whose first word is the language. A backtick fence's info string
 * cannot contain a backtick.
 */
const FENCE_OPENING = /^ {0,3}(`{3,}|~{3,})[ \t]*([^\s`]*)[^`]*$/;

/**
 * Returns the code of an answer.
 * - Fenced blocks: with `entryPoint`, the last block in the case's language (or bare) that defines
 *   it. Otherwise the blocks in the case's language are joined, or the bare blocks when none is
 *   tagged with the language, or else all blocks.
 * - No fence: the whole answer. Leading blank lines and trailing whitespace are dropped, but the
 *   indentation of the first line is kept because a HumanEval completion is an indented body.
 */
export function extractCode(answer: string, language: CodeLanguage, entryPoint?: string): ExtractedCode {
  const blocks = parseFencedBlocks(answer);
  if (blocks.length === 0) {
    return { code: trimCode(answer), how: 'no code fence; used the whole answer' };
  }

  const tagged = blocks.filter((block) => LANGUAGE_TAGS[language].includes(block.tag));
  const bare = blocks.filter((block) => block.tag === '');
  const candidates = blocks.filter((block) => block.tag === '' || LANGUAGE_TAGS[language].includes(block.tag));

  if (entryPoint !== undefined) {
    const defining = candidates.filter((block) => definesFunction(block.content, language, entryPoint, { topLevelOnly: false }));
    const chosen = defining.at(-1);
    if (chosen !== undefined) {
      const kind = chosen.tag === '' ? 'bare fenced' : `fenced ${language}`;
      return { code: trimCode(chosen.content), how: `${kind} block ${blocks.indexOf(chosen) + 1} of ${blocks.length} (defines ${entryPoint})` };
    }
  }

  if (tagged.length > 0) return joinBlocks(tagged, `fenced ${language}`);
  if (bare.length > 0) return joinBlocks(bare, 'bare fenced');

  const tags = [...new Set(blocks.map((block) => block.tag))].join(', ');
  const used = blocks.length === 1 ? 'the fenced block' : `all ${blocks.length} fenced blocks`;
  return { code: joinBlocks(blocks, 'fenced').code, how: `no ${language} or bare fence; used ${used} tagged ${tags}` };
}

/**
 * Returns the fenced blocks of Markdown text in order. A block that is never closed runs to the end
 * of the text, as CommonMark reads it, because answers cut off at the token limit end this way.
 */
export function parseFencedBlocks(text: string): FencedBlock[] {
  const lines = text.split(/\r?\n/);
  const blocks: FencedBlock[] = [];

  let index = 0;
  while (index < lines.length) {
    const opening = FENCE_OPENING.exec(lines[index]!);
    if (opening === null) {
      index += 1;
      continue;
    }

    const fence = opening[1]!;
    const closing = new RegExp(`^ {0,3}${fence[0] === '`' ? '`' : '~'}{${fence.length},}[ \\t]*$`);
    const body: string[] = [];
    index += 1;
    while (index < lines.length && !closing.test(lines[index]!)) {
      body.push(lines[index]!);
      index += 1;
    }
    index += 1;

    blocks.push({ tag: opening[2]!.toLowerCase(), content: body.join('\n') });
  }

  return blocks;
}

/**
 * Tells whether code defines a function named `name`. Python: `def name(` or `async def name(`.
 * JavaScript: a function declaration (exported or not), a `const`/`let`/`var` binding, or a
 * CommonJS `exports.name =`. With `topLevelOnly`, the definition must start at column 0.
 */
export function definesFunction(code: string, language: CodeLanguage, name: string, options: { topLevelOnly: boolean }): boolean {
  return definitionPattern(language, name, options.topLevelOnly).test(code);
}

/** Returns the regex of `definesFunction`, whose match starts at the beginning of the defining line. */
export function definitionPattern(language: CodeLanguage, name: string, topLevelOnly: boolean): RegExp {
  const indent = topLevelOnly ? '' : '[ \\t]*';
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

  if (language === 'python') {
    return new RegExp(`^${indent}(?:async[ \\t]+)?def[ \\t]+${escaped}[ \\t]*\\(`, 'm');
  }

  const declaration = `(?:export[ \\t]+(?:default[ \\t]+)?)?(?:async[ \\t]+)?function[ \\t]*\\*?[ \\t]*${escaped}[ \\t]*\\(`;
  const binding = `(?:export[ \\t]+)?(?:const|let|var)[ \\t]+${escaped}[ \\t]*=`;
  const commonJs = `(?:module\\.)?exports\\.${escaped}[ \\t]*=`;
  return new RegExp(`^${indent}(?:${declaration}|${binding}|${commonJs})`, 'm');
}

function joinBlocks(blocks: FencedBlock[], kind: string): ExtractedCode {
  const code = trimCode(blocks.map((block) => block.content).join('\n\n'));
  if (blocks.length === 1) return { code, how: `${kind} block` };
  return { code, how: `${blocks.length} ${kind} blocks joined` };
}

/** Drops leading blank lines and trailing whitespace; keeps the first line's indentation. */
function trimCode(code: string): string {
  return code.replace(/^(?:[ \t]*\r?\n)+/, '').trimEnd();
}
