import { loadTemplate, type Render } from '../render/handlebars.js';
import type { ReleaseNotes } from './notes.js';

const compiled = new Map<string, Render>();

/**
 * Renders the notes with the built-in template (templates/release/notes.hbs, embedded in the
 * bundle) or the user's (`release.template`). Commit text is data, escaped, never compiled.
 */
export async function renderNotes(notes: ReleaseNotes, templateFile?: string): Promise<string> {
  const key = templateFile ?? 'release/notes';
  let render = compiled.get(key);
  if (!render) {
    ({ render } = await loadTemplate(
      'release/notes',
      templateFile ? { path: templateFile, optional: false } : undefined,
    ));
    compiled.set(key, render);
  }
  return `${render(notes)
    .replace(/\n{3,}/g, '\n\n')
    .trim()}\n`;
}
