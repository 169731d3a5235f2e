/** Exit codes of the command line, documented in the README. */
export const EXIT = { passed: 0, gateFailed: 1, invalidInput: 2, internalError: 3 } as const;
