import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ShipkitError } from '../../src/errors.js';
import { readClover } from '../../src/gate/coverage/clover.js';
import { readCobertura } from '../../src/gate/coverage/cobertura.js';
import { readJacoco } from '../../src/gate/coverage/jacoco.js';
import { readCoverage } from '../../src/gate/coverage/read.js';
import { fixture } from './tool-summaries.js';

const dir = mkdtempSync(join(tmpdir(), 'shipkit-coverage-bad-'));
const real = (...p: string[]) => readFileSync(fixture(...p), 'utf8');
const write = (name: string, text: string) => {
  writeFileSync(join(dir, name), text);
  return name;
};

async function failure(patterns: string[], options = {}): Promise<ShipkitError> {
  try {
    await readCoverage(patterns, { root: dir, ...options });
  } catch (err) {
    expect(err).toBeInstanceOf(ShipkitError);
    return err as ShipkitError;
  }
  throw new Error('expected readCoverage to fail');
}

/** The first `n` lines of a text. */
const head = (text: string, n: number) => text.split('\n').slice(0, n).join('\n');

describe('bad coverage input: an error naming file and line, never a silent pass', () => {
  it('an lcov tracefile cut inside a record names the record that never ended', async () => {
    const lcov = real('lcov', 'tests.info');
    const lines = lcov.split('\n');
    const cut = lines.findIndex((l, i) => i > 40 && l.startsWith('DA:'));
    const lastSf = lines
      .slice(0, cut)
      .map((l, i) => [l, i] as const)
      .filter(([l]) => l.startsWith('SF:'))
      .pop();
    const e = await failure([write('cut.info', head(lcov, cut))]);
    expect(e.location).toEqual({ file: 'cut.info', line: (lastSf?.[1] ?? 0) + 1 });
    expect(e.message).toMatch(/no end_of_record: the report is truncated/);
  });

  it('a malformed lcov line is named with its line number', async () => {
    const lcov = real('c8', 'full', 'lcov.info').split('\n');
    lcov.splice(10, 0, 'DA:12');
    const e = await failure([write('bad-da.info', lcov.join('\n'))]);
    expect(e.location).toEqual({ file: 'bad-da.info', line: 11 });
    expect(e.message).toMatch(/DA needs line,hits/);
  });

  it('Cobertura cut in half: not well-formed XML, at the line where it stops', async () => {
    const xml = real('gcovr', 'gcovr-cobertura.xml');
    const name = write('cobertura.xml', head(xml, 60));
    const e = await failure([name]);
    expect(e.location?.file).toBe(name);
    expect(e.location?.line).toBeGreaterThanOrEqual(60);
    expect(e.message).toMatch(/not well-formed XML/);
  });

  it('JaCoCo with a broken attribute names its line', async () => {
    const xml = real('jacoco', 'jacoco.xml').replace('<line nr="', '\n<line nr="x');
    const e = await failure([write('jacoco.xml', xml)]);
    expect(e.location).toEqual({ file: 'jacoco.xml', line: 2 });
    expect(e.message).toMatch(/numeric nr=/);
  });

  it('coverage-final.json cut short: not valid JSON, with the line', async () => {
    const json = real('c8', 'full', 'coverage-final.json');
    const e = await failure([write('coverage-final.json', json.slice(0, json.length / 2))]);
    expect(e.location?.file).toBe('coverage-final.json');
    expect(e.location?.line).toBeGreaterThanOrEqual(1);
    expect(e.message).toMatch(/not valid JSON/);
  });

  it('a Go profile cut mid-line names that line', async () => {
    const out = real('go', 'cover-count.out');
    const lines = out.split('\n');
    const text = `${lines.slice(0, 50).join('\n')}\n${(lines[50] ?? '').slice(0, 20)}`;
    const e = await failure([write('cover.out', text)]);
    expect(e.location).toEqual({ file: 'cover.out', line: 51 });
  });

  it('content that is no coverage format, named like one, is an error that says so', async () => {
    const e = await failure([write('lcov.info', '<html><body>404</body></html>\n')]);
    expect(e.location).toEqual({ file: 'lcov.info', line: 1 });
    expect(e.message).toMatch(/named like a lcov report, but its content is not one/);
  });

  it('a report whose name says another format is read by content, with a warning', async () => {
    const name = write('coverage.xml.info', real('c8', 'full', 'cobertura-coverage.xml'));
    const warnings: string[] = [];
    const r = await readCoverage([name], { root: dir, warn: (w) => warnings.push(w) });
    expect(r.formats).toEqual(['cobertura']);
    expect(warnings.join('\n')).toMatch(
      /coverage\.xml\.info: named like a lcov report, but its content is Cobertura XML/,
    );
  });

  it('an empty file, and an lcov file with no record, are errors', async () => {
    expect((await failure([write('empty.info', '')])).message).toMatch(/empty file/);
    const e = await failure([write('tn-only.info', 'TN:\n')]);
    expect(e.message).toMatch(/empty lcov report: it covers no file/);
    const go = await failure([write('empty.out', 'mode: set\n')]);
    expect(go.message).toMatch(/empty Go coverprofile report/);
  });

  it('files outside the repository: a warning for some, an error when nothing is left', async () => {
    const lcov = 'SF:/usr/include/stdio.h\nDA:1,1\nend_of_record\nSF:src/a.c\nDA:1,0\nend_of_record\n';
    const warnings: string[] = [];
    const r = await readCoverage([write('mixed.info', lcov)], { root: dir, warn: (w) => warnings.push(w) });
    expect([...r.files.keys()]).toEqual(['src/a.c']);
    expect(warnings.join('\n')).toMatch(
      /mixed\.info: 1 file\(s\) outside the repository .* \/usr\/include\/stdio\.h \(line 1\)/,
    );
    const e = await failure([write('outside.info', 'SF:../../etc/x.c\nDA:1,1\nend_of_record\n')]);
    expect(e.message).toMatch(/every file in this report is outside the repository/);
  });

  it('a DOCTYPE that declares an external entity is refused and nothing is fetched', async () => {
    const secret = write('secret.txt', 'TOP-SECRET');
    const xml = `<?xml version="1.0"?>\n<!DOCTYPE coverage [<!ENTITY xxe SYSTEM "file://${join(dir, secret)}">]>\n<coverage line-rate="1"><packages><package><classes><class filename="a.js"><lines><line number="1" hits="&xxe;"/></lines></class></classes></package></packages></coverage>\n`;
    const e = await failure([write('xxe-cobertura.xml', xml)]);
    expect(e.message).toMatch(/the DOCTYPE declares entities: shipkit never expands or fetches them/);
    expect(e.location?.line).toBe(2);
    expect(JSON.stringify(e)).not.toContain('TOP-SECRET');
  });

  it('an XML reader given another format names the root element it expected, at its line', () => {
    const ctx = { file: 'report.xml', warn: () => {} };
    const cobertura = fixture('gcovr', 'gcovr-cobertura.xml');
    const jacoco = fixture('jacoco', 'jacoco.xml');
    const refusal = (read: () => unknown) => {
      try {
        read();
      } catch (err) {
        expect(err).toBeInstanceOf(ShipkitError);
        return [(err as ShipkitError).message, (err as ShipkitError).location];
      }
      throw new Error('expected the reader to fail');
    };
    const at = (path: string, root: string) => ({
      file: 'report.xml',
      line:
        readFileSync(path, 'utf8')
          .split('\n')
          .findIndex((l) => l.includes(`<${root} `)) + 1,
    });
    expect(refusal(() => readJacoco(cobertura, ctx))).toEqual([
      'a JaCoCo report starts with <report>, not <coverage>',
      at(cobertura, 'coverage'),
    ]);
    expect(refusal(() => readCobertura(jacoco, ctx))).toEqual([
      'a Cobertura report starts with <coverage>, not <report>',
      at(jacoco, 'report'),
    ]);
    expect(refusal(() => readClover(jacoco, ctx))[0]).toBe(
      'a Clover report starts with <coverage>, not <report>',
    );
  });

  it('a glob that matches nothing is an error, not an empty pass', async () => {
    const e = await failure(['coverage/**/lcov.info']);
    expect(e.message).toMatch(/no coverage report matches coverage\/\*\*\/lcov\.info/);
  });
});
