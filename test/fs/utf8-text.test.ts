import { describe, expect, it } from 'vitest';
import { utf8Text } from '../../src/fs/read.js';

/** `count` pieces of mostly-ASCII text with `extras` mixed in, seeded: about 1.6 MB (over the 1 MiB cut-off). */
function text(extras: readonly string[], seed: number, count = 40_000): string {
  let s = seed;
  const rand = () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
  const parts: string[] = [];
  for (let i = 0; i < count; i++) {
    parts.push('{"description": "plain ASCII text of a spec", "n": 1}\n');
    if (rand() < 0.01) parts.push(extras[Math.floor(rand() * extras.length)] as string);
  }
  return parts.join('');
}

describe('utf8Text gives what toString("utf8") gives', () => {
  const cases: Record<string, Buffer> = {
    'emoji, CJK, U+2028, U+FFFD, NUL, a BOM first': Buffer.from(
      `\ufeff${text(['😀', '🪲', '漢字', '\u2028', '\ufffd', '\0', 'é'], 1)}`,
    ),
    'Latin-1 only (a one-byte string)': Buffer.from(text(['é', 'Näme', '\u00ff'], 2)),
    'ASCII only': Buffer.from(text(['x'], 3)),
    'under 1 MiB': Buffer.from(text(['😀', 'é'], 4, 100)),
  };
  // Invalid UTF-8 is replaced by the plain decoder, as it always was: lone continuation bytes, an
  // overlong '/', an encoded surrogate, and a sequence cut off at the end.
  const invalid = Buffer.concat([
    cases['emoji, CJK, U+2028, U+FFFD, NUL, a BOM first'] as Buffer,
    Buffer.from([0x80, 0xbf, 0x41, 0xc0, 0xaf, 0xed, 0xa0, 0x80, 0xf0, 0x9f, 0x98]),
  ]);
  cases['invalid UTF-8'] = invalid;

  // Through ICU's transcode whatever Node runs the tests (Node 20 takes it by default), and as this
  // Node reads by default.
  for (const [name, bytes] of Object.entries(cases)) {
    it(name, () => {
      const want = bytes.toString('utf8');
      for (const got of [utf8Text(bytes, true), utf8Text(bytes)]) {
        expect(got.length).toBe(want.length);
        expect(got === want).toBe(true);
      }
    });
  }
});
