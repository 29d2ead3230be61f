/** The file in every output directory that says shipkit wrote it (and from which spec). */
export const MARKER = '.shipkit-codegen.json';
export const GENERATOR = 'shipkit codegen';

/** Every file name the generator can write: ones on disk but not generated now are deleted. */
export const GENERATED_NAMES = [
  'types.ts',
  'client.ts',
  'index.ts',
  'mocks.ts',
  'mocks.test-template.ts',
  'schemas.ts',
  'api-summary.json',
  MARKER,
];

/** What the marker holds: the generator, the spec, a hash, and a proto target's .proto files. */
export interface Marker {
  generator: typeof GENERATOR;
  spec: string;
  sha256: string;
  targets?: string[];
}

/**
 * The marker's content: the generator and a hash (OpenAPI: of the output; proto: of the compiled
 * image), no version (an upgrade that generates the same files is no drift); a proto target also
 * lists its .proto files.
 */
export function markerText(spec: string, hash: string, targets?: readonly string[]): string {
  const marker: Marker = {
    generator: GENERATOR,
    spec,
    sha256: hash,
    ...(targets ? { targets: [...targets] } : {}),
  };
  return `${JSON.stringify(marker, null, 2)}\n`;
}

/**
 * A marker read back as markerText writes it, or undefined for anything else (a file shipkit did
 * not write, or one edited by hand). Checked by hand, not with zod: `codegen openapi` reads it
 * before replacing a folder and loads no schema library.
 */
export function readMarker(text: string): Marker | undefined {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return undefined;
  const { generator, spec, sha256, targets } = data as Record<string, unknown>;
  if (generator !== GENERATOR || typeof spec !== 'string' || typeof sha256 !== 'string') return undefined;
  if (targets === undefined) return { generator, spec, sha256 };
  if (!Array.isArray(targets) || !targets.every((t) => typeof t === 'string')) return undefined;
  return { generator, spec, sha256, targets };
}
