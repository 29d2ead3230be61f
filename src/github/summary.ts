import { appendFile, stat } from 'node:fs/promises';
import { SUMMARY_LIMIT, truncate } from './limits.js';

/**
 * Appends Markdown to the job summary (`GITHUB_STEP_SUMMARY`), keeping the step's summary under
 * GitHub's 1 MiB limit: what does not fit is cut at a line boundary with a note. Returns false
 * when there is no job summary (outside Actions).
 */
export async function appendJobSummary(
  markdown: string,
  path = process.env.GITHUB_STEP_SUMMARY,
): Promise<boolean> {
  if (!path) return false;
  const used = await stat(path).then(
    (s) => s.size,
    () => 0,
  );
  const room = SUMMARY_LIMIT - used;
  let text = markdown.endsWith('\n') ? markdown : `${markdown}\n`;
  const note = 'truncated: the job summary is limited to 1 MiB';
  // the smallest cut is the note alone; without room for it nothing more is written
  if (Buffer.byteLength(text) > room && room <= Buffer.byteLength(`\n\n… _${note}_\n`)) return true;
  text = truncate(text, room, { note, bytes: true });
  await appendFile(path, text);
  return true;
}
