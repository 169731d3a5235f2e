// Turns extracted code and a case's tests into the files of a program and the interpreter arguments.

import { randomBytes } from 'node:crypto';

import type { CodeCase } from '../types.js';
import { definesFunction, definitionPattern, type CodeLanguage } from './extract-code.js';
import { NODE_HEAP_LIMIT_MIB } from './limits.js';

/** The parts of a code case that decide how its program is built. */
export type ProgramSpec = Pick<CodeCase, 'language' | 'tests' | 'entryPoint' | 'codePrefix'>;

/**
 * Shape of a program, from the way the code was combined with the tests:
 * - `prompt+body`: HumanEval, the code continues the prompt's unfinished function.
 * - `prompt-imports+function`: HumanEval, the code defines the entry point itself, so it replaces
 *   the prompt's function header and docstring.
 * - `module+tests`: the code is a module (`solution.py`, `solution.mjs`) that the tests import.
 */
export type ProgramShape = 'prompt+body' | 'prompt-imports+function' | 'module+tests';

/** Files of a program and how to start it; `args` follow the interpreter (`python3` or `node`). */
export interface Program {
  language: CodeLanguage;
  files: Record<string, string>;
  args: string[];
  shape: ProgramShape;
  /**
   * Line the program prints after its last test. An exit code of 0 without it means the code ended
   * the process early (`sys.exit`, `os._exit`, `process.exit`) and the tests never ran.
   */
  completionMarker: string;
}

/** Main file of a HumanEval program. */
export const HUMANEVAL_PYTHON_FILE = 'program.py';
/** CommonJS, because HumanEval-X JavaScript tests load `assert` with `require`. */
export const HUMANEVAL_JAVASCRIPT_FILE = 'program.js';
export const PYTHON_SOLUTION_FILE = 'solution.py';
export const PYTHON_TEST_FILE = 'test_solution.py';
export const JAVASCRIPT_SOLUTION_FILE = 'solution.mjs';
/** Written only when the answer is CommonJS; `solution.mjs` then re-exports it. */
export const JAVASCRIPT_COMMONJS_SOLUTION_FILE = 'solution.cjs';
export const JAVASCRIPT_TEST_FILE = 'test.mjs';

/**
 * Runs pytest-style `test*` functions and `unittest.TestCase` classes that the tests define but
 * never call, so that such tests cannot pass without running. Appended only when the tests have no
 * `if __name__` block, no top-level call of a `test*` function and no `unittest.main(` call.
 */
const PYTHON_TEST_RUNNER = `

def _llm_bench_run_defined_tests():
    import inspect, sys, unittest
    module = sys.modules[__name__]
    for name, value in list(vars(module).items()):
        if name.startswith("test") and inspect.isfunction(value) and value.__module__ == __name__:
            value()
    suite = unittest.defaultTestLoader.loadTestsFromModule(module)
    if suite.countTestCases() > 0 and not unittest.TextTestRunner().run(suite).wasSuccessful():
        sys.exit(1)


_llm_bench_run_defined_tests()
`;

/** Builds the program that runs `code` against the case's tests. */
export function buildProgram(code: string, spec: ProgramSpec): Program {
  const completionMarker = `llm-bench tests finished ${randomBytes(8).toString('hex')}`;

  if (spec.codePrefix !== undefined) return buildPromptProgram(code, spec, spec.codePrefix, completionMarker);
  if (spec.language === 'python') return buildPythonModuleProgram(code, spec, completionMarker);
  return buildJavaScriptModuleProgram(code, spec, completionMarker);
}

/**
 * HumanEval: prompt + completion + "\n" + test + "\n" + `check(entry_point)`, the reference
 * harness's program. When the code defines the entry point at top level, the prompt is cut before
 * its own definition of it, so that only the prompt's imports and helpers stay.
 */
function buildPromptProgram(code: string, spec: ProgramSpec, prompt: string, completionMarker: string): Program {
  const language = spec.language;
  const entryPoint = spec.entryPoint;
  const wholeFunction = entryPoint === undefined ? null : asWholeFunction(code, language, entryPoint);

  const head = wholeFunction === null ? prompt + code : promptBefore(prompt, language, entryPoint!) + wholeFunction;
  const shape: ProgramShape = wholeFunction === null ? 'prompt+body' : 'prompt-imports+function';

  if (language === 'python') {
    const check = entryPoint === undefined ? '' : `\ncheck(${entryPoint})`;
    const source = `${head}\n${spec.tests}${check}\nprint(${JSON.stringify(completionMarker)})\n`;
    return {
      language,
      files: { [HUMANEVAL_PYTHON_FILE]: source },
      // The reference harness runs the program with `exec`, where `__name__` is not "__main__", so
      // an answer's `if __name__ == "__main__":` demo block does not run there either.
      args: ['-u', '-c', `import runpy; runpy.run_path(${JSON.stringify(HUMANEVAL_PYTHON_FILE)}, run_name="__candidate__")`],
      shape,
      completionMarker,
    };
  }

  const source = `${head}\n${spec.tests}\nconsole.log(${JSON.stringify(completionMarker)});\n`;
  return { language, files: { [HUMANEVAL_JAVASCRIPT_FILE]: source }, args: [nodeHeapFlag(), HUMANEVAL_JAVASCRIPT_FILE], shape, completionMarker };
}

/**
 * Returns the code as a whole top-level definition of `entryPoint`, or null when it is a body that
 * continues the prompt. Code indented as a whole (a definition at its minimum indentation) is
 * dedented first.
 */
function asWholeFunction(code: string, language: CodeLanguage, entryPoint: string): string | null {
  if (definesFunction(code, language, entryPoint, { topLevelOnly: true })) return code;
  if (!definesFunction(code, language, entryPoint, { topLevelOnly: false })) return null;

  const indent = minimumIndentation(code);
  const definition = definitionPattern(language, entryPoint, false).exec(code)!;
  const definitionIndent = /^[ \t]*/.exec(definition[0])![0];
  if (indent === '' || definitionIndent !== indent) return null;

  return code
    .split('\n')
    .map((line) => (line.startsWith(indent) ? line.slice(indent.length) : line.trimStart()))
    .join('\n');
}

/** Leading whitespace shared by every non-blank line. */
function minimumIndentation(code: string): string {
  const indents = code
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => /^[ \t]*/.exec(line)![0]);
  return indents.reduce((shortest, indent) => (indent.length < shortest.length ? indent : shortest), indents[0] ?? '');
}

/**
 * The prompt up to its last top-level definition of `entryPoint` (and the Python decorators right
 * above it). A prompt without such a definition is returned whole.
 */
function promptBefore(prompt: string, language: CodeLanguage, entryPoint: string): string {
  const pattern = new RegExp(definitionPattern(language, entryPoint, true).source, 'gm');
  const matches = [...prompt.matchAll(pattern)];
  const last = matches.at(-1);
  if (last === undefined) return prompt.endsWith('\n') || prompt === '' ? prompt : `${prompt}\n`;

  const lines = prompt.slice(0, last.index).split('\n');
  lines.pop();
  while (language === 'python' && lines.length > 0 && lines.at(-1)!.startsWith('@')) lines.pop();
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}

/** YAML Python case: `solution.py` holds the code and `test_solution.py` (the main program) the tests. */
function buildPythonModuleProgram(code: string, spec: ProgramSpec, completionMarker: string): Program {
  const runner = needsPythonTestRunner(spec.tests) ? PYTHON_TEST_RUNNER : '';
  const tests = `${spec.tests.trimEnd()}\n${runner}\nprint(${JSON.stringify(completionMarker)})\n`;

  return {
    language: 'python',
    files: { [PYTHON_SOLUTION_FILE]: `${code}\n`, [PYTHON_TEST_FILE]: tests },
    args: ['-u', PYTHON_TEST_FILE],
    shape: 'module+tests',
    completionMarker,
  };
}

function needsPythonTestRunner(tests: string): boolean {
  if (/^if[ \t]+__name__/m.test(tests) || /\bunittest\.main[ \t]*\(/.test(tests)) return false;
  if (/^test\w*[ \t]*\(/m.test(tests)) return false;
  return /^(?:async[ \t]+)?def[ \t]+test\w*[ \t]*\(/m.test(tests) || /\bunittest\.TestCase\b/.test(tests);
}

/**
 * YAML JavaScript case: the tests are the ES module `test.mjs` and import from `./solution.mjs`.
 * - ES module code keeps its exports; top-level functions, classes and bindings it does not
 *   export are exported by name, so `import { quickSort } from './solution.mjs'` works either way.
 * - CommonJS code (`module.exports`, `exports.x`, `require`) goes to `solution.cjs`, its top-level
 *   names are added to `module.exports` when missing, and `solution.mjs` re-exports it.
 */
function buildJavaScriptModuleProgram(code: string, spec: ProgramSpec, completionMarker: string): Program {
  const tests = `${spec.tests.trimEnd()}\nconsole.log(${JSON.stringify(completionMarker)});\n`;
  const names = topLevelJavaScriptNames(code);
  if (spec.entryPoint !== undefined && /^[A-Za-z_$][\w$]*$/.test(spec.entryPoint) && !names.includes(spec.entryPoint)) {
    names.push(spec.entryPoint);
  }

  const files: Record<string, string> = { [JAVASCRIPT_TEST_FILE]: tests };
  if (isCommonJs(code)) {
    const additions = names.map((name) => `if (typeof ${name} !== 'undefined' && module.exports.${name} === undefined) module.exports.${name} = ${name};`);
    files[JAVASCRIPT_COMMONJS_SOLUTION_FILE] = [code, ...additions, ''].join('\n');
    files[JAVASCRIPT_SOLUTION_FILE] = `export * from './${JAVASCRIPT_COMMONJS_SOLUTION_FILE}';\nexport { default } from './${JAVASCRIPT_COMMONJS_SOLUTION_FILE}';\n`;
  } else {
    const exported = exportedJavaScriptNames(code);
    const missing = names.filter((name) => !exported.has(name) && declares(code, name));
    files[JAVASCRIPT_SOLUTION_FILE] = missing.length === 0 ? `${code}\n` : `${code}\nexport { ${missing.join(', ')} };\n`;
  }

  return { language: 'javascript', files, args: [nodeHeapFlag(), JAVASCRIPT_TEST_FILE], shape: 'module+tests', completionMarker };
}

/** True for CommonJS code: `module.exports`, `exports.x =` or `require(`, and no `import`/`export` statement. */
function isCommonJs(code: string): boolean {
  const esm = /^[ \t]*(?:import[ \t]*[\w{*'"]|export[ \t{])/m.test(code);
  const commonJs = /\bmodule\.exports\b|^[ \t]*exports\.[\w$]+[ \t]*=|\brequire[ \t]*\(/m.test(code);
  return commonJs && !esm;
}

/** Names of functions, classes and simple bindings declared at column 0 (with or without `export`). */
function topLevelJavaScriptNames(code: string): string[] {
  const pattern = /^(?:export[ \t]+(?:default[ \t]+)?)?(?:(?:async[ \t]+)?function[ \t]*\*?[ \t]*|class[ \t]+|(?:const|let|var)[ \t]+)([A-Za-z_$][\w$]*)/gm;
  return [...new Set([...code.matchAll(pattern)].map((match) => match[1]!))];
}

/** Names an ES module already exports, as declarations or in `export { a, b as c }` lists (both sides). */
function exportedJavaScriptNames(code: string): Set<string> {
  const names = new Set<string>();
  for (const match of code.matchAll(/^[ \t]*export[ \t]+(?:async[ \t]+)?(?:function[ \t]*\*?|class|const|let|var)[ \t]*([A-Za-z_$][\w$]*)/gm)) {
    names.add(match[1]!);
  }
  for (const match of code.matchAll(/\bexport[ \t]*\{([^}]*)\}/g)) {
    for (const part of match[1]!.split(',')) {
      for (const name of part.trim().split(/[ \t]+as[ \t]+/)) if (name !== '') names.add(name.trim());
    }
  }
  return names;
}

/** True when the code declares `name` at column 0, so that `export { name }` cannot fail to resolve. */
function declares(code: string, name: string): boolean {
  return topLevelJavaScriptNames(code).includes(name);
}

function nodeHeapFlag(): string {
  return `--max-old-space-size=${NODE_HEAP_LIMIT_MIB}`;
}
