import { z } from 'zod';
import { checkVersioned, parseVersioned } from '../versioned-json.js';
import { REPORT_SNAPSHOT, type ReportSnapshot, reportSnapshotSchema } from './snapshot.js';

/**
 * report.json: the snapshot with its keys in one order (sorted, at every level), two-space
 * indented, one final newline; the same snapshot always gives the same bytes.
 */
export function snapshotJson(snapshot: ReportSnapshot): string {
  return `${JSON.stringify(sortKeys(snapshot), null, 2)}\n`;
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) out[key] = sortKeys((value as Record<string, unknown>)[key]);
  return out;
}

/** Reads report.json through the schema: a damaged one is a ShipkitError naming the file and the field. */
export function parseSnapshot(text: string, file: string): ReportSnapshot {
  return parseVersioned(REPORT_SNAPSHOT, text, file);
}

/** The same for an already parsed value (a snapshot read from the data branch). */
export function checkSnapshot(value: unknown, file: string): ReportSnapshot {
  return checkVersioned(REPORT_SNAPSHOT, value, file);
}

/** Where a week's snapshot lives on the data branch: `report/2026-W49.json` (or `report/<from>_<to>.json`). */
export function snapshotPath(window: ReportSnapshot['window']): string {
  const name = window.week ?? `${window.from.slice(0, 10)}_${window.to.slice(0, 10)}`;
  return `report/${name}.json`;
}

/** The published JSON Schema of report.json (`shipkit report schema`, schema/report.schema.json). */
export function reportJsonSchema(): Record<string, unknown> {
  return {
    ...(z.toJSONSchema(reportSnapshotSchema, { io: 'output', target: 'draft-2020-12' }) as Record<
      string,
      unknown
    >),
    $id: 'https://github.com/shipkit/shipkit/schema/report.schema.json',
    title: 'shipkit weekly report snapshot (report.json)',
  };
}
