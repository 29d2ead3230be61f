import { snapshotJson } from './json.js';
import { reportMarkdown } from './markdown.js';
import { reportHtml } from './html.js';
import { slackMessage } from './slack.js';
import type { ReportSnapshot } from './snapshot.js';

/** One output file: a name relative to the output directory, and its text. */
export interface RenderedFile {
  path: string;
  content: string;
}

/** The four files and the `formats:` name of each. */
export const REPORT_FILES = {
  markdown: 'report.md',
  html: 'report.html',
  json: 'report.json',
  slack: 'slack.json',
} as const;

/** A format of the report, named as `report.formats` names it. */
export type Format = keyof typeof REPORT_FILES;

/**
 * Every format from the snapshot alone (no clock, no environment): a saved report.json renders
 * to the same bytes. The caller writes them all or nothing (writeFilesAtomic).
 */
export function renderReport(
  snapshot: ReportSnapshot,
  formats: readonly (keyof typeof REPORT_FILES)[] = ['markdown', 'html', 'json', 'slack'],
): RenderedFile[] {
  const render = {
    markdown: () => reportMarkdown(snapshot),
    html: () => reportHtml(snapshot),
    json: () => snapshotJson(snapshot),
    slack: () => `${JSON.stringify(slackMessage(snapshot), null, 2)}\n`,
  };
  return formats.map((f) => ({ path: REPORT_FILES[f], content: render[f]() }));
}
