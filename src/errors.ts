/**
 * Invalid user input (config, suite files, replay files, CLI flags). The message names the place,
 * the field, the value and the fix; the CLI prints it and exits with code 2.
 */
export class InputError extends Error {
  readonly file?: string;
  readonly line?: number;
  readonly field?: string;
  /** The problem alone, without the place or the fix, for an error reported again at another place. */
  readonly problem: string;
  readonly fix?: string;

  constructor(parts: { file?: string; line?: number; field?: string; problem: string; fix?: string }) {
    super(formatInputError(parts));
    this.name = 'InputError';
    this.file = parts.file;
    this.line = parts.line;
    this.field = parts.field;
    this.problem = parts.problem;
    this.fix = parts.fix;
  }
}

/** Several input errors found in one validation pass, reported together. */
export class InputErrors extends Error {
  readonly errors: InputError[];

  constructor(errors: InputError[]) {
    super(errors.map((error) => error.message).join('\n'));
    this.name = 'InputErrors';
    this.errors = errors;
  }
}

function formatInputError(parts: { file?: string; line?: number; field?: string; problem: string; fix?: string }): string {
  const place = parts.file ? `${parts.file}${parts.line ? `:${parts.line}` : ''}: ` : '';
  const field = parts.field ? `${parts.field}: ` : '';
  const fix = parts.fix ? ` Fix: ${parts.fix}` : '';
  return `${place}${field}${parts.problem}.${fix}`.replace(/\.\. Fix/, '. Fix');
}

/** Formats a value for an error message: quoted, one line, at most 80 characters. */
export function showValue(value: unknown): string {
  let text: string;
  if (typeof value === 'string') {
    text = JSON.stringify(value);
  } else if (value === undefined) {
    text = 'nothing';
  } else {
    text = JSON.stringify(value) ?? String(value);
  }
  const chars = [...text];
  return chars.length > 80 ? `${chars.slice(0, 77).join('')}...` : text;
}
