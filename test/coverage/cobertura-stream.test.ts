// Cobertura is streamed in 64 KiB chunks, each class's line hits gathered in a scratch array and
// copied out when the class closes. Classes naming one file (a file split into several classes, or
// two reports concatenated) must still add up line by line.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCobertura } from '../../src/gate/coverage/cobertura.js';
import { fixture } from './tool-summaries.js';

const dir = mkdtempSync(join(tmpdir(), 'shipkit-coverage-cobertura-'));
const read = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return readCobertura(path, { file: name, warn: () => {} });
};

describe('Cobertura streamed', () => {
  const xml = readFileSync(fixture('c8', 'full', 'cobertura-coverage.xml'), 'utf8');

  it('a class repeated for the same file adds its line hits, line by line', () => {
    const open = xml.indexOf('<packages>') + '<packages>'.length;
    const close = xml.lastIndexOf('</packages>');
    const twice = xml.slice(0, close) + xml.slice(open, close) + xml.slice(close);
    const once = read('once.xml', xml).files;
    const doubled = read('twice.xml', twice).files;
    expect(doubled.map((f) => f.path)).toEqual(once.map((f) => f.path));
    for (const [i, f] of once.entries()) {
      const lines = [...f.coverage.lines];
      expect(lines.length).toBeGreaterThan(100);
      expect([...(doubled[i]?.coverage.lines ?? [])]).toEqual(lines.map(([l, h]) => [l, h * 2]));
      expect(doubled[i]?.coverage.branches).toEqual(f.coverage.branches);
    }
  });

  it('CRLF line endings read the same', () => {
    const a = read('lf.xml', xml).files;
    const b = read('crlf.xml', xml.replaceAll('\n', '\r\n')).files;
    expect(b.map((f) => [f.path, [...f.coverage.lines]])).toEqual(
      a.map((f) => [f.path, [...f.coverage.lines]]),
    );
  });
});
