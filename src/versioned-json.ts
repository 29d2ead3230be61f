import { z } from 'zod';
import { ShipkitError } from './errors.js';
import { isObject, parseReportJson } from './gate/report-json.js';

/**
 * shipkit's own JSON files (gate results, baselines, performance runs, saved outcomes, sprint
 * progress) each have an exported zod schema with a `schemaVersion`. The producer builds its value
 * through the schema; every consumer reads the file through it, here.
 */
/** A zod object schema whose `schemaVersion` is one number: the version its files carry. */
export type VersionedSchema = z.ZodObject<{ schemaVersion: z.ZodLiteral<number> } & z.ZodRawShape>;

export interface VersionedKind<T extends z.ZodType> {
  schema: T;
  /** What the file is, in the user's words: `gate result (shipkit gate --json)`. */
  what: string;
  /** The version this shipkit writes and reads: the schema's `schemaVersion` literal. */
  version: number;
  /** What writes it, for the hint: `Give the <what> that <writer> writes.` */
  writer: string;
  /** Files written before `schemaVersion` carried `schema: 1`; read as version 1 (stored history only). */
  legacySchemaField?: boolean;
}

/** Declares a stored JSON kind; its version is read from the schema, so the two cannot disagree. */
export function versionedKind<T extends VersionedSchema>(
  schema: T,
  about: Omit<VersionedKind<T>, 'schema' | 'version'>,
): VersionedKind<T> {
  return { schema, version: schema.shape.schemaVersion.value, ...about };
}

/** Parses `text` as `kind`; anything else is a ShipkitError naming the file and the field. */
export function parseVersioned<T extends z.ZodType>(
  kind: VersionedKind<T>,
  text: string,
  file: string,
): z.output<T> {
  return checkVersioned(kind, parseReportJson(text, file, `the ${kind.what}`), file);
}

/** Checks an already parsed value (see parseVersioned). */
export function checkVersioned<T extends z.ZodType>(
  kind: VersionedKind<T>,
  value: unknown,
  file: string,
): z.output<T> {
  const location = { file };
  const hint = `Give the ${kind.what} that ${kind.writer} writes.`;
  if (!isObject(value)) {
    throw new ShipkitError(`not a ${kind.what}: expected a JSON object`, { location, hint });
  }
  const version = value.schemaVersion ?? (kind.legacySchemaField && value.schema === 1 ? 1 : undefined);
  if (version === undefined) {
    throw new ShipkitError(`not a ${kind.what}: it has no schemaVersion`, { location, hint });
  }
  if (version !== kind.version) {
    throw new ShipkitError(
      `the ${kind.what} has schemaVersion ${JSON.stringify(version)}; this shipkit reads schemaVersion ${kind.version}`,
      {
        location,
        hint: `Use the same shipkit version to write it (${kind.writer}) and to read it.`,
      },
    );
  }
  const parsed = kind.schema.safeParse({ ...value, schemaVersion: version });
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0] as z.core.$ZodIssue;
  throw new ShipkitError(`the ${kind.what} is not valid: ${fieldPath(issue.path)}: ${issue.message}`, {
    location,
    hint,
  });
}

/** `results[0].status` from a zod issue path. */
export function fieldPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(top level)';
  return path
    .map((p, i) =>
      typeof p === 'number'
        ? `[${p}]`
        : /^[A-Za-z_$][\w$]*$/.test(String(p))
          ? `${i === 0 ? '' : '.'}${String(p)}`
          : `[${JSON.stringify(String(p))}]`,
    )
    .join('');
}

/**
 * What a standalone consumer (the plan's verify-week.mjs, run with plain node) needs to read the
 * file exactly as `parseVersioned` does: the version, what to call it, and the JSON Schema made
 * from the same zod schema.
 */
export function standaloneReader(kind: VersionedKind<z.ZodType>) {
  return {
    what: kind.what,
    version: kind.version,
    writer: kind.writer,
    schema: z.toJSONSchema(kind.schema, { io: 'input', target: 'draft-2020-12' }),
  };
}
