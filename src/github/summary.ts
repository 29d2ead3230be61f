import { appendFile, stat } from 'node:fs/promises';
import { SUMMARY_LIMIT } from './limits.js';

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
  if (Buffer.byteLength(text) > room) {
    const note = '\n… _truncated: the job summary is limited to 1 MiB_\n';
    const budget = room - Buffer.byteLength(note);
    if (budget <= 0) return true;
    text = cutToBytes(text, budget) + note;
  }
  await appendFile(path, text);
  return true;
}

function cutToBytes(text: string, bytes: number): string {
  const buf = Buffer.from(text);
  let cut = buf.subarray(0, bytes).toString('utf8');
  if (cut.endsWith('\uFFFD')) cut = cut.slice(0, -1);
  const nl = cut.lastIndexOf('\n');
  return nl > 0 ? cut.slice(0, nl + 1) : cut;
}
