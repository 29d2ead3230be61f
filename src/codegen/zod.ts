import { locatedKey, resolveRef } from './load.js';
import { discriminatorTags, type Model, type Obj, propertiesOf } from './model.js';
import { propertyKey } from './names.js';
import type { TypeOptions } from './types.js';

/**
 * schemas.ts: a zod schema per named schema (response form), declared `z.ZodType<T.Name>` and
 * wrapped in `z.lazy` so recursive specs compile and load in any order.
 *
 * The proof that a schema agrees with its type is `satisfies Parses<T.Name>`: what the schema
 * parses (zod's `_zod.output`) must be assignable to the type. That is all that assigning the
 * `z.ZodType<T.Name>` annotation directly proves, since the input is `unknown` and the rest of
 * ZodType is the same for every schema; but assigning it makes tsc compare each `ZodLazy<…>`
 * member by member with ZodType (some sixty methods typed by `this`), 0.1–0.3 s and megabytes
 * per schema: Microsoft Graph's 2,600 schemas took tsc past its 4 GB heap. Once proved, the
 * schema is handed to its annotation `as never`, which costs nothing and hides nothing
 * the `satisfies` has not checked.
 */
export function renderZod(model: Model, options: TypeOptions, header: string): string {
  const r = new ZodRenderer(model, options);
  const out = [
    header,
    "import { z } from 'zod';",
    "import type * as T from './types.js';",
    '',
    '/**',
    ' * A zod schema whose parse result is a T. `satisfies Parses<T.X>` is the proof that schema X agrees',
    ' * with type X; `as never` then hands the proved schema to its `z.ZodType<T.X>` annotation without',
    " * a second comparison of zod's classes, which costs tsc far more and proves nothing more.",
    ' */',
    'type Parses<T> = { _zod: { output: T } };',
    '',
  ];
  for (const n of [...model.named.values()].sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const body = r.render(n.schema, n.file, '');
    out.push(
      `export const ${n.name}: z.ZodType<T.${n.name}> = z.lazy(() => ${body}) satisfies Parses<T.${n.name}> as never;`,
    );
    out.push('');
  }
  return `${out.join('\n').trimEnd()}\n`;
}

const LITERAL = (v: unknown) => v === null || ['string', 'number', 'boolean'].includes(typeof v);

class ZodRenderer {
  constructor(
    private readonly model: Model,
    private readonly options: TypeOptions,
  ) {}

  render(schema: unknown, file: string, indent: string): string {
    if (schema === false) return 'z.never()';
    if (!schema || typeof schema !== 'object' || Array.isArray(schema)) return 'z.unknown()';
    const s = schema as Obj;
    const t = this.core(s, file, indent);
    return s.nullable === true && t !== 'z.unknown()' && t !== 'z.null()' ? `${t}.nullable()` : t;
  }

  private ref(ref: string, file: string): string {
    const t = resolveRef(this.model.spec, ref, file);
    const n = t ? this.model.named.get(locatedKey(t)) : undefined;
    return n ? n.name : 'z.unknown()';
  }

  /** The JS value of a literal (int64 as the string or bigint the types use). */
  private value(v: unknown, s: Obj): string {
    if (typeof v === 'number' && s.format === 'int64' && Number.isInteger(v)) {
      return this.options.int64 === 'bigint' ? `${v}n` : JSON.stringify(String(v));
    }
    return JSON.stringify(v);
  }

  /** One literal, or several as one `z.literal([…])` (one call for tsc, not one per value). */
  private literals(values: unknown[], s: Obj): string {
    const u = [...new Set(values.map((v) => this.value(v, s)))];
    if (u.length === 0) return 'z.never()';
    if (u.length === 1) return u[0] === 'null' ? 'z.null()' : `z.literal(${u[0]})`;
    return `z.literal([${u.join(', ')}])`;
  }

  private union(items: string[]): string {
    const u = [...new Set(items)];
    if (u.length === 0) return 'z.never()';
    return u.length === 1 ? (u[0] as string) : `z.union([${u.join(', ')}])`;
  }

  private core(s: Obj, file: string, indent: string): string {
    if (typeof s.$ref === 'string') {
      const name = this.ref(s.$ref, file);
      if (['properties', 'allOf', 'oneOf', 'anyOf', 'items'].some((k) => s[k] !== undefined)) {
        return `z.intersection(${name}, ${this.core({ ...s, $ref: undefined }, file, indent)})`;
      }
      return name;
    }
    if ('const' in s && LITERAL(s.const)) return this.literals([s.const], s);
    if (Array.isArray(s.enum) && s.enum.length > 0 && s.enum.every(LITERAL)) return this.literals(s.enum, s);
    const parts: string[] = [];
    if (Array.isArray(s.allOf) && s.allOf.length > 0)
      parts.push(...s.allOf.map((m) => this.render(m, file, indent)));
    const union = (Array.isArray(s.oneOf) && s.oneOf) || (Array.isArray(s.anyOf) && s.anyOf) || undefined;
    if (union && union.length > 0) {
      const disc = s.discriminator as Obj | undefined;
      const prop = typeof disc?.propertyName === 'string' ? disc.propertyName : undefined;
      parts.push(
        this.union(
          union.map((m) => {
            const z = this.render(m, file, indent);
            if (!prop || !m || typeof m !== 'object' || typeof (m as Obj).$ref !== 'string') return z;
            const tags = discriminatorTags(this.model, disc as Obj, (m as Obj).$ref as string, file);
            if (tags.length === 0) return z;
            return `z.intersection(${z}, z.object({ ${propertyKey(prop)}: ${this.literals(tags, {})} }))`;
          }),
        ),
      );
    }
    const types = Array.isArray(s.type) ? (s.type as string[]) : typeof s.type === 'string' ? [s.type] : [];
    if (types.length > 0 || s.properties || s.additionalProperties !== undefined || s.items) {
      const inferred = types.length > 0 ? types : s.items ? ['array'] : ['object'];
      const body = this.union(inferred.map((t) => this.typed(t, s, file, indent)));
      if (!(parts.length > 0 && body === 'z.record(z.string(), z.unknown())')) parts.push(body);
    }
    if (parts.length === 0) return 'z.unknown()';
    return parts.reduce((a, b) => `z.intersection(${a}, ${b})`);
  }

  private typed(type: string, s: Obj, file: string, indent: string): string {
    switch (type) {
      case 'string':
        return s.format === 'binary' ? 'z.instanceof(Blob)' : 'z.string()';
      case 'integer':
        if (s.format === 'int64')
          return this.options.int64 === 'bigint' ? 'z.bigint()' : 'z.string().regex(/^-?\\d+$/)';
        return 'z.number().int()';
      case 'number':
        return 'z.number()';
      case 'boolean':
        return 'z.boolean()';
      case 'null':
        return 'z.null()';
      case 'array':
        if (Array.isArray(s.prefixItems)) {
          const items = s.prefixItems.map((m) => this.render(m, file, indent)).join(', ');
          const rest =
            s.items === false || s.items === undefined ? '' : `, ${this.render(s.items, file, indent)}`;
          return rest ? `z.tuple([${items}]${rest})` : `z.tuple([${items}])`;
        }
        return `z.array(${this.render(s.items, file, indent)})`;
      case 'object':
        return this.object(s, file, indent);
      default:
        return 'z.unknown()';
    }
  }

  private object(s: Obj, file: string, indent: string): string {
    const inner = `${indent}  `;
    const lines: string[] = [];
    for (const { name, schema, required } of propertiesOf(s, (p) => p.writeOnly === true)) {
      const z = this.render(schema, file, inner);
      lines.push(`${inner}${propertyKey(name)}: ${required ? z : `${z}.optional()`},`);
    }
    const ap = s.additionalProperties;
    let index: string | undefined;
    if (ap === true || (ap && typeof ap === 'object' && Object.keys(ap).length === 0)) index = 'z.unknown()';
    else if (ap && typeof ap === 'object') index = this.render(ap, file, inner);
    else if (ap === undefined && lines.length === 0 && !s.patternProperties) index = 'z.unknown()';
    if (s.patternProperties) index = 'z.unknown()';
    if (lines.length === 0) {
      if (ap === false) return 'z.record(z.string(), z.never())';
      return `z.record(z.string(), ${index ?? 'z.unknown()'})`;
    }
    const obj = `z.object({\n${lines.join('\n')}\n${indent}})`;
    return index === undefined ? obj : `${obj}.catchall(${index})`;
  }
}
