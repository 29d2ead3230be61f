import { describeIssues } from '../config/issues.js';
import type { JsonSchema } from '../config/json-schema.js';
import { parseYaml, quickYamlData, yamlData } from '../config/yaml.js';
import { ShipkitError, type SourceLocation } from '../errors.js';
import {
  type BacklogFile,
  backlogJsonSchema,
  backlogSchema,
  ESTIMATE,
  type Priority,
  type SprintInput,
} from './backlog-schema.js';

export type Unit = 'points' | 'hours';

/** A backlog item as the scheduler sees it: one estimate in the backlog's unit. */
export interface Item {
  id: string;
  title: string;
  effort: number;
  depends_on: string[];
  owner: string | undefined;
  priority: Priority;
  labels: string[];
  area: string | undefined;
  description: string | undefined;
  closed: boolean;
  carried_over: boolean;
  paths: string[];
  /** Where it was read from (file line, or an issue URL). */
  source: SourceLocation | undefined;
  /** GitHub issue number when the item is an issue. */
  issue?: number;
}

export interface Backlog {
  unit: Unit;
  items: Item[];
  sprint: SprintInput | undefined;
  file: string;
}

/** Parses a backlog file (YAML or JSON, which is YAML) and reports every problem with its line. */
export function parseBacklog(text: string, file: string): Backlog {
  // A valid backlog goes the fast way (JSON.parse, or YAML without positions); lines are looked up
  // only for an error, and an invalid one is read again with positions so every problem has its line.
  const data = text.trimStart().startsWith('{') ? parseJson(text) : quickYamlData(text)?.data;
  const parsed = data === undefined ? undefined : backlogSchema.safeParse(data);
  if (parsed?.success) {
    let locate: ((index: number) => SourceLocation) | undefined;
    return normalise(parsed.data, file, (i) => {
      locate ??= itemLocator(text, file);
      return locate(i);
    });
  }
  return parseDocumentBacklog(text, file);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function itemLocator(text: string, file: string): (index: number) => SourceLocation {
  const source = parseYaml(text, file);
  return (index) => source.atNode(source.nodeAt(['items', index]));
}

function parseDocumentBacklog(text: string, file: string): Backlog {
  const source = parseYaml(text, file);
  if (source.errors.length > 0) {
    throw invalid(
      file,
      source.errors.map(
        (e) =>
          new ShipkitError(`YAML syntax error: ${e.message}`, {
            location: { file, line: e.line, column: e.column },
          }),
      ),
    );
  }
  const data: unknown = yamlData(source.doc, file, { lines: source.lines });
  const parsed = backlogSchema.safeParse(data);
  if (!parsed.success) {
    const schema = backlogJsonSchema() as JsonSchema;
    throw invalid(file, describeIssues(parsed.error.issues, { source, data, schema, root: 'backlog' }));
  }
  return normalise(parsed.data, file, (i) => source.atNode(source.nodeAt(['items', i])));
}

function invalid(file: string, details: ShipkitError[]): ShipkitError {
  const n = details.length;
  return new ShipkitError(`${file} is not a valid backlog (${n} problem${n === 1 ? '' : 's'})`, {
    location: { file },
    details,
  });
}

/** One estimate unit per backlog: items in points and items in hours cannot be added up. */
function normalise(data: BacklogFile, file: string, lineOf: (index: number) => SourceLocation): Backlog {
  const problems: ShipkitError[] = [];
  const firstOf: Partial<Record<Unit, string>> = {};
  const items: Item[] = [];
  const seen = new Map<string, number>();
  data.items.forEach((raw, index) => {
    let where: SourceLocation | undefined;
    const source = () => {
      where ??= lineOf(index);
      return where;
    };
    let effort: number | undefined;
    let unit: Unit | undefined;
    if (raw.points !== undefined && raw.estimate !== undefined) {
      problems.push(
        new ShipkitError(`item ${raw.id} has both \`points\` and \`estimate\``, {
          location: source(),
          hint: 'Keep one of them.',
        }),
      );
    } else if (raw.points !== undefined) {
      effort = raw.points;
      unit = 'points';
    } else if (raw.estimate !== undefined) {
      const m = ESTIMATE.exec(raw.estimate);
      effort = Number(m?.[1]);
      unit = /^h/i.test(m?.[2] ?? '') ? 'hours' : 'points';
    } else {
      problems.push(
        new ShipkitError(`item ${raw.id} has no estimate`, {
          location: source(),
          hint: 'Add `points: 3` (or `estimate: 8h`).',
        }),
      );
    }
    if (unit) firstOf[unit] ??= raw.id;
    if (seen.has(raw.id)) {
      problems.push(
        new ShipkitError(`duplicate item id ${raw.id}`, {
          location: source(),
          hint: `The first ${raw.id} is item [${seen.get(raw.id)}]; ids must be unique.`,
        }),
      );
    }
    seen.set(raw.id, index);
    const item = {
      id: raw.id,
      title: raw.title,
      effort: effort ?? 0,
      depends_on: [...new Set(raw.depends_on)],
      owner: raw.owner,
      priority: raw.priority ?? 'P2',
      labels: raw.labels,
      area: raw.area,
      description: raw.description,
      closed: raw.status === 'closed',
      carried_over: raw.carried_over,
      paths: raw.paths,
      source: undefined as SourceLocation | undefined,
    };
    // Where an item sits is looked up only when a message needs it.
    Object.defineProperty(item, 'source', { get: source, enumerable: true });
    items.push(item);
  });
  const unit = mixedUnits(firstOf, items, problems);
  if (problems.length > 0) throw invalid(file, problems);
  return { unit, items, sprint: data.sprint, file };
}

function mixedUnits(firstOf: Partial<Record<Unit, string>>, items: Item[], problems: ShipkitError[]): Unit {
  if (firstOf.points !== undefined && firstOf.hours !== undefined) {
    const hours = items.find((i) => i.id === firstOf.hours);
    problems.push(
      new ShipkitError(
        `estimates in mixed units: item ${firstOf.points} is in points, item ${firstOf.hours} in hours`,
        { location: hours?.source, hint: 'Give every item the same unit (all points or all hours).' },
      ),
    );
  }
  return firstOf.hours !== undefined && firstOf.points === undefined ? 'hours' : 'points';
}
