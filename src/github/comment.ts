// The sticky pull request comment: one comment per pull request and config file, found again on
// later runs by a hidden HTML marker at its start and updated in place.

import { createHash } from 'node:crypto';
import path from 'node:path';

import type { getOctokit } from '@actions/github';

import { PR_COMMENT_MAX_CHARS } from '../report/limits.js';

export type Octokit = ReturnType<typeof getOctokit>;

export interface UpsertCommentOptions {
  octokit: Octokit;
  owner: string;
  repo: string;
  /** Number of the pull request or issue. */
  issueNumber: number;
  body: string;
  /**
   * Hidden marker from `commentMarker`, or the text to wrap in `<!-- -->` as one. The body is
   * prefixed with the marker when it does not start with it.
   */
  marker: string;
}

export interface UpsertCommentResult {
  action: 'created' | 'updated';
  id: number;
  url: string;
}

const COMMENTS_PER_PAGE = 100;

const SAFE_KEY = /^[A-Za-z0-9._/-]+$/;

/**
 * Returns the hidden marker `<!-- llm-bench:<key> -->` for a config file, so two configs in one
 * repository keep two comments. The key is the path relative to `rootDir` (when given and the
 * path is absolute) with `/` separators. A path with characters other than letters, digits and
 * `._/-`, or with `--` (which may not appear inside an HTML comment), is replaced by a readable
 * form plus 8 hex digits of its SHA-256, so different paths keep different keys.
 */
export function commentMarker(configPath: string, rootDir?: string): string {
  let relative = configPath;
  if (rootDir !== undefined && path.isAbsolute(configPath)) {
    relative = path.relative(rootDir, configPath);
  }
  relative = relative.split(path.sep).join('/').replace(/\\/g, '/').replace(/^(\.\/)+/, '');

  if (SAFE_KEY.test(relative) && !relative.includes('--')) {
    return `<!-- llm-bench:${relative} -->`;
  }
  const readable = relative.replace(/[^A-Za-z0-9._/-]/g, '_').replace(/-{2,}/g, '-');
  const hash = createHash('sha256').update(relative).digest('hex').slice(0, 8);
  return `<!-- llm-bench:${readable}-${hash} -->`;
}

/**
 * Updates the comment whose body starts with `marker` on the pull request, or creates it. Comments
 * are listed 100 per page until the marker is found, so the comment is found after any number
 * of other comments. When several comments carry the marker, the oldest is updated.
 *
 * Throws on a marker that is not one HTML comment line and on a body longer than GitHub's limit
 * of 65,536 characters. Errors of the GitHub API (401, 403, 404, 422) propagate as octokit's
 * `RequestError`.
 */
export async function upsertPullRequestComment(options: UpsertCommentOptions): Promise<UpsertCommentResult> {
  const { octokit, owner, repo, issueNumber } = options;
  const marker = toMarker(options.marker);
  const body = options.body.startsWith(marker) ? options.body : `${marker}\n${options.body}`;
  checkBodyLength(body);

  const existing = await findMarkedComment(octokit, owner, repo, issueNumber, marker);

  if (existing !== undefined) {
    const { data } = await octokit.rest.issues.updateComment({ owner, repo, comment_id: existing, body });
    return { action: 'updated', id: data.id, url: data.html_url };
  }
  const { data } = await octokit.rest.issues.createComment({ owner, repo, issue_number: issueNumber, body });
  return { action: 'created', id: data.id, url: data.html_url };
}

/** Returns the id of the oldest comment whose body starts with `marker`, stopping at its page. */
async function findMarkedComment(
  octokit: Octokit,
  owner: string,
  repo: string,
  issueNumber: number,
  marker: string,
): Promise<number | undefined> {
  const ids = await octokit.paginate(
    octokit.rest.issues.listComments,
    { owner, repo, issue_number: issueNumber, per_page: COMMENTS_PER_PAGE },
    (response, done) => {
      const found = response.data.find((comment) => comment.body?.startsWith(marker) === true);
      if (found === undefined) {
        return [];
      }
      done();
      return [found.id];
    },
  );
  return ids[0];
}

/** Returns `marker` as an HTML comment, wrapping bare text, and throws when it is not one valid line. */
function toMarker(marker: string): string {
  const wrapped = marker.startsWith('<!--') ? marker : `<!-- ${marker} -->`;
  const inner = wrapped.slice(4, -3);
  if (!wrapped.endsWith('-->') || /[\r\n>]/.test(inner) || inner.includes('--') || inner.trim() === '') {
    throw new Error(
      `Invalid comment marker ${JSON.stringify(marker)}: expected one line "<!-- ... -->" with no "--" or ">" inside. Build it with commentMarker(configPath).`,
    );
  }
  return wrapped;
}

function checkBodyLength(body: string): void {
  if (body.length > PR_COMMENT_MAX_CHARS) {
    throw new Error(
      `Comment body is ${body.length} characters, more than GitHub's limit of ${PR_COMMENT_MAX_CHARS}; render the report with a smaller maxChars.`,
    );
  }
}
