// Reading the parts of an OpenAPI document the model is made of: parameters, media types and
// their examples, path templates, and the spec's own name of a schema.
import { basename, extname } from 'node:path';
import { type Located, unescapePointer } from './load.js';
import type { Obj, Parameter } from './model.js';

/** The names of a path's template parts (`/a/{b}/c` → `b`): what /\{([^}]+)\}/g captures, by indexOf. */
export function pathTemplateNames(path: string): string[] {
  const out: string[] = [];
  for (let i = path.indexOf('{'); i !== -1; i = path.indexOf('{', i + 1)) {
    const end = path.indexOf('}', i + 1);
    if (end === -1) break;
    if (end > i + 1) out.push(path.slice(i + 1, end));
    i = end;
  }
  return out;
}

export function exampleOf(media: Obj): unknown {
  if (media.example !== undefined) return media.example;
  const examples = media.examples as Obj | undefined;
  if (examples) {
    const first = Object.keys(examples).sort()[0];
    const ex = first === undefined ? undefined : (examples[first] as Obj | undefined);
    if (ex && typeof ex === 'object' && 'value' in ex) return ex.value;
  }
  return undefined;
}

const JSON_TYPE = /^application\/(.+\+)?json(;.*)?$|^\*\/\*$|^application\/x-ndjson/;

/** The media type the client uses: JSON first, then forms, then anything. */
export function encodingOf(v: unknown): Obj | undefined {
  return v && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length > 0
    ? (v as Obj)
    : undefined;
}

export function pickContent(
  content: Obj | undefined,
  request: boolean,
): { type: string; media: Obj } | undefined {
  if (!content || typeof content !== 'object') return undefined;
  const types = Object.keys(content).sort();
  if (types.length === 0) return undefined;
  const order = [
    (t: string) => t === 'application/json',
    (t: string) => JSON_TYPE.test(t) && t !== '*/*',
    (t: string) => request && t === 'application/x-www-form-urlencoded',
    (t: string) => request && t === 'multipart/form-data',
    (t: string) => t.startsWith('text/'),
    () => true,
  ];
  for (const test of order) {
    const t = types.find(test);
    if (t !== undefined) return { type: t, media: (content[t] ?? {}) as Obj };
  }
  return undefined;
}

export function toParameter(
  p: Located,
  fail: (m: string, f: string, p: string, h: string) => never,
): Parameter {
  const v = p.value as Obj;
  if (!v || typeof v !== 'object')
    fail('parameter is not an object', p.file, p.pointer, 'Write `{name: …, in: query, schema: …}`.');
  const where = v.in;
  if (where !== 'path' && where !== 'query' && where !== 'header' && where !== 'cookie') {
    fail(
      `parameter "${String(v.name)}" has in: ${JSON.stringify(where)}`,
      p.file,
      `${p.pointer}/in`,
      'Use path, query, header or cookie.',
    );
  }
  if (typeof v.name !== 'string') fail('parameter has no name', p.file, p.pointer, 'Add `name:`.');
  let schema = v.schema;
  let json = false;
  if (schema === undefined && v.content) {
    const picked = pickContent(v.content as Obj, false);
    schema = picked?.media.schema;
    json = true;
  }
  const inw = where as Parameter['in'];
  const style =
    typeof v.style === 'string' ? v.style : inw === 'query' || inw === 'cookie' ? 'form' : 'simple';
  const explode = typeof v.explode === 'boolean' ? v.explode : style === 'form';
  return {
    name: v.name as string,
    in: inw,
    required: inw === 'path' || v.required === true,
    style,
    explode,
    schema: schema ?? {},
    file: p.file,
    json,
  };
}

/** The spec's own name of a schema at a location: a component's key, a file's base name. */
export function specNameOf(file: string, pointer: string): string {
  const segs = pointer === '' ? [] : pointer.slice(1).split('/').map(unescapePointer);
  if (segs.length === 0) return basename(file, extname(file));
  const last = segs[segs.length - 1] as string;
  if (
    segs.length >= 2 &&
    ['schemas', 'definitions', '$defs', 'properties'].includes(segs[segs.length - 2] as string)
  ) {
    return segs.length === 3 && segs[0] === 'components'
      ? last
      : segs
          .filter((s) => !['components', 'schemas', 'properties', 'content', 'schema'].includes(s))
          .join('-');
  }
  return (
    segs
      .filter((s) => !['components', 'schemas', 'properties', 'content', 'schema', 'paths'].includes(s))
      .join('-') || last
  );
}
