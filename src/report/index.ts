/**
 * The weekly report's core: collect (the callers) → buildReport → renderReport. No I/O here:
 * the git collector is src/cli/report-git.ts, the GitHub collectors src/github/report-*.ts.
 */
export { type ReportInputs, buildReport, NOT_COLLECTED } from './build.js';
export { decideCheckpoint, verdictOf } from './checkpoint.js';
export { type ReportHistory, coverageFromHistory, performanceFromHistory } from './history.js';
export { checkSnapshot, parseSnapshot, reportJsonSchema, snapshotJson, snapshotPath } from './json.js';
export { type RenderedFile, REPORT_FILES, renderReport } from './render.js';
export * from './snapshot.js';
export { isoWeekOf, lastFinishedWeek, resolveWindow, type WindowRequest, weekWindow } from './window.js';
