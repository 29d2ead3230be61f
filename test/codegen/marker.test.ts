// The output marker (.shipkit-codegen.json) is shipkit's own JSON: every reader goes through
// readMarker, which takes exactly what markerText writes (an OpenAPI target's, or a proto
// target's with its .proto files) and nothing else.
import { describe, expect, it } from 'vitest';
import { GENERATOR, markerText, readMarker } from '../../src/codegen/write.js';

describe('the codegen output marker', () => {
  it('reads back what markerText writes, with and without proto targets', () => {
    expect(readMarker(markerText('api/openapi.yaml', 'ab12'))).toEqual({
      generator: GENERATOR,
      spec: 'api/openapi.yaml',
      sha256: 'ab12',
    });
    expect(readMarker(markerText('proto', 'cd34', ['a/v1/a.proto', 'b/b.proto']))?.targets).toEqual([
      'a/v1/a.proto',
      'b/b.proto',
    ]);
  });

  it('refuses what shipkit did not write: other generators, missing fields, wrong types, bad JSON', () => {
    for (const text of [
      '',
      'not json',
      '[]',
      'null',
      JSON.stringify({ generator: 'openapi-typescript', spec: 'a', sha256: 'b' }),
      JSON.stringify({ generator: GENERATOR }),
      JSON.stringify({ generator: GENERATOR, spec: 'a', sha256: 1 }),
      JSON.stringify({ generator: GENERATOR, spec: 'a', sha256: 'b', targets: 'a.proto' }),
      JSON.stringify({ generator: GENERATOR, spec: 'a', sha256: 'b', targets: [1] }),
    ])
      expect(readMarker(text), text).toBeUndefined();
  });
});
