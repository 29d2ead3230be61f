import { blockComment } from '../render/emit.js';
import { locatedKey, resolveRef } from './load.js';
import {
  discriminatorTags,
  type Model,
  type NamedSchema,
  type Obj,
  type Operation,
  propertiesOf,
  type Response,
  reachSets,
} from './model.js';
import { allocateNames, pascalCase, propertyKey } from './names.js';

export interface TypeOptions {
  /** How `integer` with `format: int64` is typed: never `number`, which would lose precision. */
  int64: 'string' | 'bigint';
}

export type Mode = 'response' | 'request';

const LITERAL_OK = (v: unknown) => v === null || ['string', 'number', 'boolean'].includes(typeof v);

/** Renders schemas as TypeScript types; tracks what it had to degrade. */
export class TypeRenderer {
  readonly requestNames = new Map<string, string>();
  readonly notes: string[] = [];
  private readonly model: Model;
  private readonly options: TypeOptions;
  /** Rendered text at indent '' by file and mode, then by schema object. */
  private readonly rendered = new Map<string, Record<Mode, Map<Obj, string>>>();

  constructor(model: Model, options: TypeOptions) {
    this.model = model;
    this.options = options;
    const split = reachSets(model).readWriteOnly;
    const taken = [...model.named.values()].map((n) => n.name);
    const names = allocateNames(
      [...split].map((key) => ({
        key,
        preferred: `${(model.named.get(key) as NamedSchema).name}Request`,
        priority: 0,
      })),
      taken,
    );
    for (const [key, name] of names) {
      this.requestNames.set(key, name);
      (model.named.get(key) as NamedSchema).requestName = name;
    }
  }

  refName(ref: string, file: string, mode: Mode): string {
    const target = resolveRef(this.model.spec, ref, file);
    if (!target) return 'unknown';
    const key = locatedKey(target);
    const named = this.model.named.get(key);
    if (!named) return 'unknown';
    return (mode === 'request' && this.requestNames.get(key)) || named.name;
  }

  /**
   * A schema as a TypeScript type, its lines after the first indented by `indent`. Each schema
   * object is rendered once per file and mode (the operations share parameters and responses, and
   * the summary renders them all again): the text at indent '' is kept and re-indented, which
   * gives what rendering at `indent` would (only line breaks carry indentation; the text's
   * literals are JSON, where a line break is always escaped).
   */
  render(schema: unknown, file: string, indent: string, mode: Mode): string {
    if (schema === true || schema === undefined || schema === null) return 'unknown';
    if (schema === false) return 'never';
    if (typeof schema !== 'object' || Array.isArray(schema)) return 'unknown';
    const s = schema as Obj;
    let byMode = this.rendered.get(file);
    if (!byMode) {
      byMode = { response: new Map(), request: new Map() };
      this.rendered.set(file, byMode);
    }
    const done = byMode[mode];
    let t = done.get(s);
    if (t === undefined) {
      t = this.core(s, file, '', mode);
      if (s.nullable === true && t !== 'unknown' && t !== 'null') t = `${wrap(t)} | null`;
      // A short text (`string`, a name, a small enum: most schemas) is made again when met again:
      // that costs less than keying the map by one more object.
      if (t.length > 32) done.set(s, t);
    }
    return indent === '' || !t.includes('\n') ? t : t.replaceAll('\n', `\n${indent}`);
  }

  private core(s: Obj, file: string, indent: string, mode: Mode): string {
    if (typeof s.$ref === 'string') {
      const name = this.refName(s.$ref, file, mode);
      const rest = hasStructure(s) ? this.core({ ...s, $ref: undefined }, file, indent, mode) : undefined;
      return rest && rest !== 'unknown' ? `${name} & ${wrap(rest)}` : name;
    }
    if ('const' in s && LITERAL_OK(s.const)) return this.literal(s.const, s);
    if (Array.isArray(s.enum) && s.enum.length > 0) {
      const values = s.enum.filter(LITERAL_OK);
      if (values.length === s.enum.length) {
        const lits = [...new Set(values.map((v) => this.literal(v, s)))];
        return lits.join(' | ');
      }
    }
    // Most schemas have no allOf/oneOf/anyOf: then no array is made, and the type is the answer.
    let parts: string[] | undefined;
    if (Array.isArray(s.allOf) && s.allOf.length > 0) {
      parts = [s.allOf.map((m) => wrap(this.render(m, file, indent, mode))).join(' & ')];
    }
    const union = (Array.isArray(s.oneOf) && s.oneOf) || (Array.isArray(s.anyOf) && s.anyOf) || undefined;
    if (union && union.length > 0) {
      parts ??= [];
      parts.push(this.union(s, union, file, indent, mode));
    }
    if (s.not !== undefined && parts === undefined && !s.type && !s.properties) {
      this.notes.push('a `not` schema is typed as unknown');
    }
    if (s.if !== undefined) this.notes.push('`if`/`then`/`else` are ignored (typed by the base schema)');
    const type = s.type;
    const typeCount = Array.isArray(type) ? type.length : typeof type === 'string' ? 1 : 0;
    if (typeCount > 0 || s.properties || s.additionalProperties !== undefined || s.items) {
      let body: string;
      if (typeCount > 1) {
        const rendered = [...new Set((type as string[]).map((ty) => this.typed(ty, s, file, indent, mode)))];
        body = rendered.length === 1 ? (rendered[0] as string) : rendered.map(wrap).join(' | ');
      } else {
        // No type: an `items` makes it an array, else it is an object.
        const one = typeCount === 1 ? (Array.isArray(type) ? type[0] : type) : s.items ? 'array' : 'object';
        body = this.typed(one as string, s, file, indent, mode);
      }
      if (parts === undefined) return body;
      // With allOf/oneOf beside `type: object` and no properties, the composition says it all.
      if (body !== 'Record<string, unknown>') parts.push(wrap(body));
    }
    if (parts === undefined) return 'unknown';
    return parts.length === 1 ? (parts[0] as string) : parts.map(wrap).join(' & ');
  }

  private union(s: Obj, members: unknown[], file: string, indent: string, mode: Mode): string {
    const disc = s.discriminator as Obj | undefined;
    const prop = typeof disc?.propertyName === 'string' ? disc.propertyName : undefined;
    const rendered = members.map((m) => {
      const t = this.render(m, file, indent, mode);
      if (!prop || !m || typeof m !== 'object' || typeof (m as Obj).$ref !== 'string') return wrap(t);
      const tags = discriminatorTags(this.model, disc as Obj, (m as Obj).$ref as string, file);
      if (tags.length === 0) return wrap(t);
      return `(${wrap(t)} & { ${propertyKey(prop)}: ${tags.map((x) => JSON.stringify(x)).join(' | ')} })`;
    });
    return [...new Set(rendered)].join(' | ');
  }

  private literal(v: unknown, s: Obj): string {
    if (typeof v === 'number' && s.format === 'int64' && Number.isInteger(v)) {
      return this.options.int64 === 'bigint' ? `${v}n` : JSON.stringify(String(v));
    }
    return JSON.stringify(v);
  }

  private typed(type: string, s: Obj, file: string, indent: string, mode: Mode): string {
    switch (type) {
      case 'string':
        return s.format === 'binary' ? 'Blob' : 'string';
      case 'integer':
        return s.format === 'int64' ? this.options.int64 : 'number';
      case 'number':
        return 'number';
      case 'boolean':
        return 'boolean';
      case 'null':
        return 'null';
      case 'array': {
        if (Array.isArray(s.prefixItems)) {
          const items = s.prefixItems.map((m) => this.render(m, file, indent, mode));
          const rest =
            s.items === false || s.items === undefined
              ? ''
              : `, ...${wrap(this.render(s.items, file, indent, mode))}[]`;
          return `[${items.join(', ')}${rest}]`;
        }
        return `${wrap(this.render(s.items, file, indent, mode))}[]`;
      }
      case 'object':
        return this.object(s, file, indent, mode);
      default:
        this.notes.push(`unknown type "${type}" is typed as unknown`);
        return 'unknown';
    }
  }

  private object(s: Obj, file: string, indent: string, mode: Mode): string {
    const inner = `${indent}  `;
    const lines: string[] = [];
    const hidden = (p: Obj) =>
      (mode === 'request' && p.readOnly === true) || (mode === 'response' && p.writeOnly === true);
    for (const { name, schema, object, required } of propertiesOf(s, hidden)) {
      const ro = mode === 'response' && object?.readOnly === true ? 'readonly ' : '';
      lines.push(
        `${inner}${ro}${propertyKey(name)}${required ? '' : '?'}: ${this.render(schema, file, inner, mode)};`,
      );
    }
    const ap = s.additionalProperties;
    let index: string | undefined;
    if (ap === true || (ap && typeof ap === 'object' && Object.keys(ap).length === 0)) index = 'unknown';
    else if (ap && typeof ap === 'object') index = this.render(ap, file, inner, mode);
    else if (ap === undefined && lines.length === 0 && !s.patternProperties) index = 'unknown';
    if (s.patternProperties) index = 'unknown';
    if (lines.length === 0) {
      if (ap === false) return 'Record<string, never>';
      return `Record<string, ${index ?? 'unknown'}>`;
    }
    const obj = `{\n${lines.join('\n')}\n${indent}}`;
    if (index === undefined) return obj;
    if (index === 'unknown') return `{\n${lines.join('\n')}\n${inner}[key: string]: unknown;\n${indent}}`;
    return `${obj} & Record<string, ${index}>`;
  }

  /** `export type X = …;` for a named schema (and its request form, and an enum's const object). */
  declaration(n: NamedSchema): string {
    const out: string[] = [];
    const t = this.render(n.schema, n.file, '', 'response');
    out.push(`export type ${n.name} = ${t};`);
    const req = this.requestNames.get(n.key);
    if (req)
      out.push(
        `/** ${n.name} as sent in a request: without its readOnly properties. */\nexport type ${req} = ${this.render(n.schema, n.file, '', 'request')};`,
      );
    const s = n.schema as Obj | null;
    if (s && typeof s === 'object' && Array.isArray(s.enum) && !s.$ref) {
      const values = s.enum.filter((v) => typeof v === 'string' || typeof v === 'number');
      if (values.length > 0 && values.length === s.enum.filter((v) => v !== null).length) {
        const keys = allocateNames(
          values.map((v) => ({
            key: String(v),
            preferred: pascalCase(String(v)).replace(/^_/, 'V'),
            priority: 0,
          })),
        );
        const lines = [...new Set(values)].map(
          (v) => `  ${propertyKey(keys.get(String(v)) as string)}: ${this.literal(v, s)},`,
        );
        out.push(`export const ${n.name} = {\n${lines.join('\n')}\n} as const;`);
      }
    }
    return out.join('\n');
  }

  /** The body type of a response (or a request body): JSON by schema, text as string, else Blob. */
  bodyType(mediaType: string | undefined, schema: unknown, file: string, indent: string, mode: Mode): string {
    if (mediaType === undefined) return 'undefined';
    if (/json/.test(mediaType) || mediaType === '*/*') return this.render(schema, file, indent, mode);
    if (mediaType === 'application/x-www-form-urlencoded' || mediaType === 'multipart/form-data') {
      return this.render(schema, file, indent, mode);
    }
    const s = schema as Obj | undefined;
    if (
      mediaType.startsWith('text/') ||
      (mediaType.endsWith('xml') && s?.type === 'string' && s.format !== 'binary')
    ) {
      return 'string';
    }
    return mode === 'request' ? 'Blob | ArrayBuffer | Uint8Array | string' : 'Blob';
  }

  /** The `Operations` entry of one operation: input, output, errors. */
  operation(op: Operation): string {
    const ind = '    ';
    const inputs: string[] = [];
    for (const where of ['path', 'query', 'header', 'cookie'] as const) {
      const ps = op.params.filter((p) => p.in === where).sort((a, b) => (a.name < b.name ? -1 : 1));
      if (ps.length === 0) continue;
      const lines = ps.map(
        (p) =>
          `${ind}    ${propertyKey(p.name)}${p.required ? '' : '?'}: ${this.render(p.schema, p.file, `${ind}    `, 'request')};`,
      );
      const req = ps.some((p) => p.required);
      inputs.push(`${ind}  ${where}${req ? '' : '?'}: {\n${lines.join('\n')}\n${ind}  };`);
    }
    if (op.body) {
      const t = this.bodyType(op.body.mediaType, op.body.schema, op.body.file, `${ind}  `, 'request');
      inputs.push(`${ind}  body${op.body.required ? '' : '?'}: ${t};`);
    }
    const ok = op.responses.filter((r) => /^2/.test(r.status));
    const fallback = op.responses.filter((r) => r.status === 'default');
    const success = ok.length > 0 ? ok : fallback;
    const output = this.unionOf(success.map((r) => this.responseType(r, `${ind}  `)));
    const errors = op.responses
      .filter((r) => !/^2/.test(r.status))
      .map((r) => {
        const status = /^\d{3}$/.test(r.status) ? r.status : 'number';
        return `{ status: ${status}; body: ${this.responseType(r, `${ind}  `)} }`;
      });
    const input = inputs.length > 0 ? `{\n${inputs.join('\n')}\n${ind}}` : 'Record<string, never>';
    return [
      `  /** ${blockComment(`${op.method} ${op.path}${op.summary ? ` — ${op.summary.replace(/\s+/g, ' ').slice(0, 120)}` : ''}`)}${op.deprecated ? ' @deprecated' : ''} */`,
      `  ${propertyKey(op.name)}: {`,
      `${ind}input: ${input};`,
      `${ind}output: ${success.length > 0 ? output : 'unknown'};`,
      `${ind}errors: ${errors.length > 0 ? [...new Set(errors)].join(' | ') : 'never'};`,
      '  };',
    ].join('\n');
  }

  private responseType(r: Response, indent: string): string {
    return this.bodyType(r.mediaType, r.schema, r.file, indent, 'response');
  }

  private unionOf(types: string[]): string {
    const u = [...new Set(types)];
    if (u.length === 0) return 'unknown';
    return u.map(wrap).join(' | ');
  }
}

function hasStructure(s: Obj): boolean {
  return ['properties', 'allOf', 'oneOf', 'anyOf', 'items', 'additionalProperties'].some(
    (k) => s[k] !== undefined,
  );
}

/** Parenthesises a type that would otherwise bind wrongly inside `A[]`, `A & B` or `A | B`. */
export function wrap(t: string): string {
  if (/^[A-Za-z_$][\w$]*$/.test(t) || /^"[^"\\]*"$/.test(t) || /^-?\d+(\.\d+)?(e[+-]?\d+)?n?$/i.test(t))
    return t;
  if (t.startsWith('{') && matchingClose(t) === t.length - 1) return t;
  if (t.startsWith('Record<') && matchingClose(t.slice(6)) === t.length - 7) return t;
  if (t.startsWith('(') && matchingClose(t) === t.length - 1) return t;
  if (t.startsWith('[') && matchingClose(t) === t.length - 1) return t;
  return `(${t})`;
}

function matchingClose(t: string): number {
  let depth = 0;
  let inStr = false;
  // Char codes, not one-character strings: this scans every type text that is wrapped.
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (inStr) {
      if (c === 92 /* \\ */) i++;
      else if (c === 34 /* " */) inStr = false;
      continue;
    }
    if (c === 34) inStr = true;
    else if (c === 123 /* { */ || c === 40 /* ( */ || c === 91 /* [ */ || c === 60 /* < */) depth++;
    else if (c === 125 /* } */ || c === 41 /* ) */ || c === 93 /* ] */ || c === 62 /* > */) {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}
