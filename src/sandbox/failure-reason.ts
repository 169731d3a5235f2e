// One-line reasons for a failed run, read from a Python traceback, a Node.js error or a `node:test`
// TAP report.

import { ERROR_TAIL_CHARS, FILE_SIZE_LIMIT_BYTES, OUTPUT_LIMIT_BYTES } from './limits.js';
import type { Program } from './programs.js';
import type { RunOutcome } from './run-program.js';

/** Maximum length of a reason, in code points. */
export const REASON_MAX_CHARS = 300;

/** Maximum length of a JavaScript error message in a reason, so the failing line still fits after it. */
const ERROR_MESSAGE_MAX_CHARS = 160;

/** Error line and place of the failure in the program's own files. */
interface Failure {
  error: string;
  file: string | null;
  line: number | null;
  source: string | null;
}

/**
 * Says in one line why a run failed, or returns null when it passed: exit code 0, no timeout, no
 * output cut, and the completion marker printed.
 */
export function describeFailure(outcome: RunOutcome, program: Program): string | null {
  if (outcome.startError !== null) return clip(`sandbox error: ${outcome.startError}`);
  if (outcome.timedOut) return `timed out after ${outcome.timeoutS} s; process group killed`;
  if (outcome.outputLimitExceeded !== null) {
    return `killed: ${outcome.outputLimitExceeded} exceeded ${OUTPUT_LIMIT_BYTES / 1024 / 1024} MiB`;
  }
  if (outcome.exitCode === 0) {
    if (outcome.stdout.includes(program.completionMarker)) return null;
    return 'exited with code 0 before the tests finished (sys.exit, os._exit or process.exit in the code?)';
  }

  const failure = program.language === 'python' ? readPythonTraceback(outcome.stderr, program) : readNodeError(outcome.stderr, outcome.stdout, program);
  const ending = outcome.signal !== null ? `killed by ${outcome.signal}${signalNote(outcome.signal)}` : `exited with code ${outcome.exitCode}`;
  if (failure !== null && failure.line === null && outcome.signal !== null) return clip(`${failure.error} (${ending})`);
  if (failure === null) {
    const last = lastLine(outcome.stderr) ?? lastLine(outcome.stdout.replaceAll(program.completionMarker, ''));
    return clip(last === null ? ending : `${ending}: ${last}`);
  }

  return clip(formatFailure(failure, program));
}

/** Returns the last lines of standard error, at most ERROR_TAIL_CHARS characters, starting at a line break. */
export function errorTail(stderr: string): string {
  const trimmed = stderr.trim();
  if (trimmed.length <= ERROR_TAIL_CHARS) return trimmed;

  const tail = trimmed.slice(-ERROR_TAIL_CHARS);
  const lineStart = tail.indexOf('\n');
  return lineStart === -1 ? tail : tail.slice(lineStart + 1);
}

/**
 * Reads the last traceback in standard error: its exception line, and the innermost frame in one of
 * the program's files with that frame's source line.
 */
function readPythonTraceback(stderr: string, program: Program): Failure | null {
  const start = stderr.lastIndexOf('Traceback (most recent call last):');
  if (start === -1) return null;

  const lines = stderr.slice(start).split('\n').slice(1);
  const failure: Failure = { error: '', file: null, line: null, source: null };
  for (const line of lines) {
    const frame = /^ {2}File "([^"]+)", line (\d+)/.exec(line);
    if (frame !== null) {
      const file = baseName(frame[1]!);
      if (program.files[file] === undefined) continue;
      failure.file = file;
      failure.line = Number(frame[2]);
      continue;
    }
    // The exception line is the first unindented line after the frames; a test runner's summary may follow it.
    if (line.trim() !== '' && !/^\s/.test(line)) {
      failure.error = line.trim();
      break;
    }
  }

  return failure.error === '' ? null : withSource(failure, program);
}

/**
 * Reads an uncaught Node.js error (the `file:line` header, the error line and the first stack frame
 * in the program's files), or else the first failed test of a `node:test` TAP report on stdout.
 */
function readNodeError(stderr: string, stdout: string, program: Program): Failure | null {
  const fatal = /^FATAL ERROR: (.*)$/m.exec(stderr);
  if (fatal !== null) return { error: `V8 fatal error: ${fatal[1]!.trim()}`, file: null, line: null, source: null };

  const errorLine = /^([A-Z][\w$]*(?: \[[A-Z_0-9]+\])?(?::.*)?)$/m.exec(stderr);
  if (errorLine !== null && /Error|Exception/.test(errorLine[1]!.split(':')[0]!)) {
    const failure: Failure = { error: nodeErrorMessage(stderr, errorLine.index), file: null, line: null, source: null };
    const header = /^(?:file:\/\/)?(\/[^\n]*?):(\d+)$/m.exec(stderr);
    const frame = [...stderr.matchAll(/^ {4}at .*?(?:file:\/\/)?(\/[^\s():]+):(\d+):\d+\)?$/gm)].find((match) => program.files[baseName(match[1]!)] !== undefined);
    if (header !== null && program.files[baseName(header[1]!)] !== undefined) {
      failure.file = baseName(header[1]!);
      failure.line = Number(header[2]);
    } else if (frame !== undefined) {
      failure.file = baseName(frame[1]!);
      failure.line = Number(frame[2]);
    }
    return withSource(failure, program);
  }

  return readTapFailure(stdout, program);
}

/**
 * Returns the error line and the message lines under it (Node.js prints an assertion's values
 * there), up to the stack trace, as one line of at most ERROR_MESSAGE_MAX_CHARS code points.
 */
function nodeErrorMessage(stderr: string, start: number): string {
  const lines: string[] = [];
  for (const line of stderr.slice(start).split('\n')) {
    if (/^\s+at /.test(line) || line.startsWith('Node.js v')) break;
    if (line.trim() !== '') lines.push(line.trim());
  }
  return clip(lines.join(' ').replace(/\s+/g, ' '), ERROR_MESSAGE_MAX_CHARS);
}

/**
 * Reads the first `not ok` test of a TAP report, which `node:test` prints when output is not a
 * terminal. It takes the test's name and its `error:` value (quoted or a YAML block scalar). The
 * place is the first stack frame in the program's files, else the test's `location:`.
 */
function readTapFailure(stdout: string, program: Program): Failure | null {
  const failedTest = /^ *not ok \d+ - (.*)$/m.exec(stdout);
  if (failedTest === null) return null;

  const details = stdout.slice(failedTest.index);
  const errorField = /^( +)error: (.*)$/m.exec(details);
  let error = 'failed';
  if (errorField !== null && /^[|>][-+]?$/.test(errorField[2]!.trim())) {
    const blockLines: string[] = [];
    for (const line of details.slice(errorField.index + errorField[0].length + 1).split('\n')) {
      if (line.trim() !== '' && !line.startsWith(`${errorField[1]} `)) break;
      if (line.trim() !== '') blockLines.push(line.trim());
    }
    error = blockLines.join(' ');
  } else if (errorField !== null) {
    error = errorField[2]!.trim().replace(/^'(.*)'$/, '$1');
  }

  const frame = [...details.matchAll(/\((?:file:\/\/)?(\/[^\s():]+):(\d+):\d+\)/g)].find((match) => program.files[baseName(match[1]!)] !== undefined);
  const location = frame ?? /^ +location: '(?:file:\/\/)?([^']*?):(\d+):\d+'$/m.exec(details);
  const failure: Failure = {
    error: `test "${failedTest[1]!.trim()}" failed: ${error}`,
    file: location === null ? null : baseName(location[1]!),
    line: location === null ? null : Number(location[2]),
    source: null,
  };
  return withSource(failure, program);
}

/** Fills in the failing line's text from the program's own file. */
function withSource(failure: Failure, program: Program): Failure {
  if (failure.file === null || failure.line === null) return failure;
  const text = program.files[failure.file]?.split('\n')[failure.line - 1]?.trim();
  return { ...failure, source: text === undefined || text === '' ? null : text };
}

function formatFailure(failure: Failure, program: Program): string {
  const bareError = !failure.error.includes(':');
  let text = bareError && failure.source !== null ? `${failure.error}: ${failure.source}` : failure.error;
  if (failure.line !== null) {
    const place = failure.file === mainFile(program) ? `line ${failure.line}` : `${failure.file} line ${failure.line}`;
    text += bareError || failure.source === null ? ` (${place})` : ` (${place}: ${failure.source})`;
  }
  return text;
}

/** Returns the file the interpreter starts: the last argument that names one of the program's files. */
function mainFile(program: Program): string | null {
  const names = Object.keys(program.files);
  if (names.length === 1) return names[0]!;
  return [...program.args].reverse().find((arg) => names.includes(arg)) ?? null;
}

function signalNote(signal: NodeJS.Signals): string {
  if (signal === 'SIGXFSZ') return ` (a file went over ${FILE_SIZE_LIMIT_BYTES / 1024 / 1024} MiB)`;
  if (signal === 'SIGSEGV' || signal === 'SIGABRT' || signal === 'SIGTRAP') return ' (a crash; out of memory is a common cause)';
  return '';
}

function lastLine(text: string): string | null {
  const lines = text.split('\n').map((line) => line.trim()).filter((line) => line !== '');
  return lines.at(-1) ?? null;
}

function baseName(file: string): string {
  return file.slice(file.lastIndexOf('/') + 1);
}

/** Joins lines with spaces and cuts the text at `maxChars` code points. */
function clip(text: string, maxChars = REASON_MAX_CHARS): string {
  const oneLine = text.replace(/\s*\n\s*/g, ' ').trim();
  const chars = [...oneLine];
  return chars.length <= maxChars ? oneLine : `${chars.slice(0, maxChars - 1).join('')}…`;
}
