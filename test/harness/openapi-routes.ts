// Matches request method + path against the description's path templates.
import {
  deref,
  HTTP_METHODS,
  type HttpMethod,
  type OpenApiDocument,
  type OperationObject,
  type ParameterObject,
  type Ref,
} from './openapi-spec.js';

/** Route key as used by `api.on()`: `'POST /repos/{owner}/{repo}/issues/{issue_number}/comments'`. */
export type RouteKey = string;

export interface Route {
  key: RouteKey;
  method: HttpMethod;
  template: string;
  operation: OperationObject;
}

export interface RouteMatch extends Route {
  /** Decoded path parameters, still strings. */
  params: Record<string, string>;
}

interface Segment {
  literal?: string;
  pattern?: RegExp;
  names: string[];
  /** A parameter marked `x-multi-segment` in the description: may span several path segments. */
  multi: boolean;
}

interface CompiledRoute extends Route {
  segments: Segment[];
}

interface Candidate {
  params: Record<string, string>;
  /** Per request path segment: 0 literal, 1 mixed (`{base}...{head}`), 2 parameter, 3 spanned. */
  rank: number[];
}

export function routeKey(method: string, template: string): RouteKey {
  return `${method.toUpperCase()} ${template}`;
}

function compileSegment(text: string, multiSegment: Set<string>): Segment {
  const names = [...text.matchAll(/\{([^}]+)\}/g)].map((m) => m[1] ?? '');
  if (names.length === 0) return { literal: text, names, multi: false };
  const parts = text.split(/\{[^}]+\}/);
  const source = parts.map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('(.+?)');
  const whole = names.length === 1 && parts.every((part) => part === '');
  return { pattern: new RegExp(`^${source}$`), names, multi: whole && multiSegment.has(names[0] ?? '') };
}

function segmentRank(segment: Segment): number {
  if (segment.literal !== undefined) return 0;
  return segment.names.length === 1 && segment.pattern?.source === '^(.+?)$' ? 2 : 1;
}

function matchSegment(segment: Segment, value: string, params: Record<string, string>): boolean {
  if (segment.literal !== undefined) return segment.literal === value;
  const m = segment.pattern?.exec(value);
  if (!m) return false;
  segment.names.forEach((name, i) => {
    params[name] = m[i + 1] ?? '';
  });
  return true;
}

export class RouteTable {
  private readonly routes: CompiledRoute[] = [];
  private readonly byKey = new Map<RouteKey, CompiledRoute>();

  constructor(doc: OpenApiDocument) {
    for (const [template, item] of Object.entries(doc.paths)) {
      for (const method of HTTP_METHODS) {
        const operation = item[method];
        if (!operation) continue;
        const multi = multiSegmentParameters(doc, [
          ...(item.parameters ?? []),
          ...(operation.parameters ?? []),
        ]);
        const segments = template
          .split('/')
          .slice(1)
          .map((text) => compileSegment(text, multi));
        const route = { key: routeKey(method, template), method, template, operation, segments };
        this.routes.push(route);
        this.byKey.set(route.key, route);
      }
    }
  }

  get(key: RouteKey): Route | undefined {
    const [method = '', ...rest] = key.trim().split(/\s+/);
    const route = this.byKey.get(routeKey(method, rest.join(' ')));
    return route && plainRoute(route);
  }

  /** Finds the operation for `method` + `path` (path relative to the API root, no query string). */
  match(method: string, path: string): RouteMatch | undefined {
    const wanted = method.toLowerCase();
    const parts = decodeSegments(path);
    if (!parts) return undefined;
    let best: { route: CompiledRoute; found: Candidate } | undefined;
    for (const route of this.routes) {
      if (route.method !== wanted) continue;
      const found = matchFrom(route.segments, parts, 0, 0);
      if (found && (!best || compareRanks(found.rank, best.found.rank) < 0)) best = { route, found };
    }
    return best && { ...plainRoute(best.route), params: best.found.params };
  }
}

function plainRoute({ key, method, template, operation }: CompiledRoute): Route {
  return { key, method, template, operation };
}

function multiSegmentParameters(doc: OpenApiDocument, parameters: (ParameterObject | Ref)[]): Set<string> {
  const resolved = parameters.map((p) => deref<ParameterObject & { 'x-multi-segment'?: boolean }>(doc, p));
  return new Set(resolved.filter((p) => p.in === 'path' && p['x-multi-segment']).map((p) => p.name));
}

function decodeSegments(path: string): string[] | undefined {
  if (!path.startsWith('/')) return undefined;
  try {
    return path.slice(1).split('/').map(decodeURIComponent);
  } catch {
    return undefined;
  }
}

/** Matches `parts[pi..]` against `segments[si..]`; a multi-segment parameter tries the shortest span first. */
function matchFrom(segments: Segment[], parts: string[], si: number, pi: number): Candidate | undefined {
  const segment = segments[si];
  if (!segment) return pi === parts.length ? { params: {}, rank: [] } : undefined;
  const maxSpan = segment.multi ? parts.length - pi - (segments.length - si - 1) : 1;
  for (let span = 1; span <= maxSpan; span++) {
    const value = parts.slice(pi, pi + span).join('/');
    const params: Record<string, string> = {};
    if (value === '' || !matchSegment(segment, value, params)) continue;
    const rest = matchFrom(segments, parts, si + 1, pi + span);
    if (!rest) continue;
    const rank = [segmentRank(segment), ...Array<number>(span - 1).fill(3), ...rest.rank];
    return { params: { ...params, ...rest.params }, rank };
  }
  return undefined;
}

function compareRanks(a: number[], b: number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const diff = (a[i] ?? 0) - (b[i] ?? 0);
    if (diff !== 0) return diff;
  }
  return 0;
}
