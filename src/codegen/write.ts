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

/** The marker's content: the generator and the spec's hash (no version: an upgrade is not drift). */
export function markerText(spec: string, hash: string): string {
  return `${JSON.stringify({ generator: GENERATOR, spec, sha256: hash }, null, 2)}\n`;
}
