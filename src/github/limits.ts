/** GitHub's size limits, and truncation that says it truncated. */

/** Largest issue or PR comment body GitHub accepts (characters). */
export const COMMENT_LIMIT = 65_536;
/** Largest check run `output.summary` / `output.text` (characters). */
export const CHECK_TEXT_LIMIT = 65_535;
/** Largest job summary per step (bytes). */
export const SUMMARY_LIMIT = 1024 * 1024;
/** Annotations GitHub accepts per check run request. */
export const ANNOTATIONS_PER_REQUEST = 50;

export { truncate } from '../render/markdown.js';
