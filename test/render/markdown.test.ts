import { describe, expect, it } from 'vitest';
import { truncate } from '../../src/render/markdown.js';

describe('truncate', () => {
  it('leaves text within the limit alone', () => {
    expect(truncate('a\nb\n', 4)).toBe('a\nb\n');
  });

  it('cuts at a line end and says so, within the character limit', () => {
    const text = `${'x'.repeat(50)}\n`.repeat(100);
    const cut = truncate(text, 1000, { note: 'cut' });
    expect(cut.length).toBeLessThanOrEqual(1000);
    expect(cut).toMatch(/x\n\n… _cut_\n$/);
    expect(
      cut
        .split('\n\n…')[0]
        ?.split('\n')
        .every((l) => l === 'x'.repeat(50)),
    ).toBe(true);
  });

  it('never splits a character: an emoji is not halved by a character budget', () => {
    const cut = truncate('😀'.repeat(100), 21, { note: 'n' });
    expect(cut).toBe(`${'😀'.repeat(6)}\n\n… _n_\n`);
    expect(cut).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });

  it('counts UTF-8 bytes with `bytes`, as the job summary does', () => {
    const cut = truncate('é'.repeat(1000), 100, { note: 'n', bytes: true });
    expect(Buffer.byteLength(cut)).toBeLessThanOrEqual(100);
    expect(cut).toBe(`${'é'.repeat(45)}\n\n… _n_\n`);
  });
});
