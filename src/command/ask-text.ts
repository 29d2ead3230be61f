import { markdownText, truncate } from '../render/markdown.js';
import { visibleText, withoutHiddenHtml } from './text.js';

/** The longest question sent to Claude, in characters (after cleaning). */
export const QUESTION_LIMIT = 500;
/** The longest answer shown in the reply, in characters (before escaping). */
export const ANSWER_LIMIT = 4_000;

/**
 * A commenter's question as Claude may see it: what the rendered comment hides is removed (HTML
 * comments, tags, invisible, zero-width and bidirectional characters), spaces are collapsed. The
 * result is data for the user message, never part of a system prompt.
 */
export function cleanQuestion(text: string): string {
  return visibleText(withoutHiddenHtml(text))
    .replace(/<\/?[A-Za-z][^<>]*>?/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Claude's answer as reply Markdown: text only. Invisible characters are removed, a `<!--` cannot
 * open a hidden comment or forge shipkit's markers, each paragraph is escaped (no link, tag, mention,
 * code or block of any kind) and the whole is cut to `ANSWER_LIMIT` characters.
 */
export function answerMarkdown(answer: string): string {
  const text = visibleText(answer)
    .replace(/<!--/g, '<!\u200b--')
    .replace(/shipkit:/gi, 'shipkit\u200b:');
  const paragraphs = truncate(text, ANSWER_LIMIT, { note: 'answer cut' })
    .split(/\n\s*\n/)
    .map((p) => escapeBlockStart(markdownText(p.trim())))
    .filter(Boolean);
  return paragraphs.join('\n\n');
}

/** A paragraph that would start a heading, list, rule or quote starts with a backslash instead. */
function escapeBlockStart(line: string): string {
  return line.replace(/^([#+=-])/, '\\$1').replace(/^(\d+)([.)])/, '$1\\$2');
}
