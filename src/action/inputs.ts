import * as core from '@actions/core';

export type CommentMode = 'auto' | 'always' | 'never';

/** Every action input, read and checked once. */
export interface ActionInputs {
  config: string;
  githubToken: string;
  comment: CommentMode;
  failOnThreshold: boolean;
}

const COMMENT_MODES: readonly CommentMode[] = ['auto', 'always', 'never'];

/** Reads the action's inputs; an invalid value throws an error that names the input and the fix. */
export function readInputs(): ActionInputs {
  const comment = (core.getInput('comment') || 'auto').trim().toLowerCase();
  if (!COMMENT_MODES.includes(comment as CommentMode)) {
    throw new Error(`Invalid input comment: "${comment}". Expected one of ${COMMENT_MODES.join(', ')}.`);
  }

  const inputs: ActionInputs = {
    config: core.getInput('config') || 'llm-bench.yml',
    githubToken: core.getInput('github-token'),
    comment: comment as CommentMode,
    failOnThreshold: readBoolean('fail-on-threshold', true),
  };
  core.debug(`inputs: config=${inputs.config} comment=${inputs.comment} fail-on-threshold=${inputs.failOnThreshold}`);
  return inputs;
}

function readBoolean(name: string, fallback: boolean): boolean {
  const value = core.getInput(name).trim().toLowerCase();
  if (value === '') return fallback;
  if (value === 'true') return true;
  if (value === 'false') return false;
  throw new Error(`Invalid input ${name}: "${value}". Expected true or false.`);
}
