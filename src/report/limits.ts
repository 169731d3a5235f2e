// Size limits of the places a report is published to.

/**
 * Maximum length of an issue or pull request comment body. GitHub's REST API rejects a longer body
 * with 422 "Body is too long (maximum is 65536 characters)". Callers measure with `String.length`
 * (UTF-16 code units), which is never less than the code point count, so a body within this limit
 * also fits if GitHub counts code points.
 */
export const PR_COMMENT_MAX_CHARS = 65_536;

/**
 * Maximum size of one step's job summary in bytes (UTF-8). The runner refuses a larger
 * `$GITHUB_STEP_SUMMARY` with "upload aborted, supports content up to a size of 1024k"
 * (GitHub Docs, "Workflow commands for GitHub Actions", adding a job summary).
 */
export const JOB_SUMMARY_MAX_BYTES = 1024 * 1024;

/** Characters kept free in a comment body for the hidden marker and the line break after it. */
export const COMMENT_MARKER_RESERVE_CHARS = 512;
