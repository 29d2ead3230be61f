import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseYaml, quickYamlData, yamlData } from '../../src/config/yaml.js';

const root = new URL('../..', import.meta.url).pathname;

/** What the located way reads: undefined when it reports a syntax error or throws. */
function located(text: string, merge = false): { data: unknown } | undefined {
  const source = parseYaml(text, 'x.yml', { merge });
  if (source.errors.length > 0) return undefined;
  try {
    return { data: yamlData(source.doc, 'x.yml') };
  } catch {
    return undefined;
  }
}

describe('quickYamlData reads what parseYaml + yamlData read, or hands over', () => {
  it('agrees on every YAML file in the repository', () => {
    const files = execFileSync('git', ['ls-files', '*.yml', '*.yaml'], { cwd: root, encoding: 'utf8' })
      .split('\n')
      .filter(Boolean);
    expect(files.length).toBeGreaterThan(20);
    let quick = 0;
    for (const file of files) {
      const text = readFileSync(`${root}/${file}`, 'utf8');
      const fast = quickYamlData(text);
      if (fast === undefined) continue;
      quick++;
      expect(fast, file).toEqual(located(text));
    }
    expect(quick).toBeGreaterThan(files.length / 2);
  });

  it.each([
    ['1_000', 'an underscore number (js-yaml core reads 1000)'],
    ['0b101', 'a binary number'],
    ['+0x1F', 'a signed hex number'],
    ['0o17', 'an octal number'],
    ['0x1f', 'a hex number'],
    ['-.inf', 'minus infinity'],
    ['.NaN', 'not a number'],
    ['1.', 'a float without decimals'],
    ['.5e3', 'a float with an exponent'],
    ['007', 'a zero-padded integer'],
    ['~', 'a tilde null'],
    ['', 'an empty value'],
    ['Null', 'a capitalised null'],
    ['yes', 'YAML 1.1 yes'],
    ['on', 'YAML 1.1 on'],
    ['True', 'a capitalised boolean'],
    ['2026-12-01', 'a date (a string in YAML 1.2)'],
    ['12:30:00', 'a sexagesimal number in YAML 1.1'],
    ['"1"', 'a quoted number'],
  ])('reads the scalar %s as the located way does (%s)', (scalar) => {
    const text = `a: ${scalar}\nb: [${scalar || '~'}]\n`;
    expect(quickYamlData(text)).toEqual(located(text));
  });

  it.each([
    ['a: 1\na: 2\n', 'a duplicate key'],
    ['a: [1, 2\n', 'a syntax error'],
    ['%YAML 1.1\n---\na: yes\n', 'a YAML 1.1 directive'],
    ['a: &x {b: 1}\nc: *x\n', 'an alias of a mapping'],
    ['a: &x [1]\nb: [*x, *x]\n', 'an alias of a list'],
    ['a: &x [*x]\n', 'a loop'],
    ['a: *missing\n', 'an alias without an anchor'],
    ['a: !!binary aGk=\n', 'a tag'],
    ['a: 1\n---\nb: 2\n', 'two documents'],
    ['a: b: c\n', 'a nested compact mapping'],
    [
      'a: &x [a, &y [b, &z [c, *z, *z], *y], *x]\nb: [*x, *x, *x, *x, *x, *x, *x, *x, *x, *x, *x, *x, *x, *x]\n',
      'an alias bomb',
    ],
  ])('hands %j over (%s)', (text) => {
    expect(quickYamlData(text)).toBeUndefined();
  });

  it('hands merge keys over when merges are asked for, and reads them as plain keys otherwise', () => {
    const text = 'a:\n  <<: {b: 1}\n  c: 2\n';
    expect(quickYamlData(text, { merge: true })).toBeUndefined();
    expect(quickYamlData(text)).toEqual(located(text));
  });

  it('reads aliases of scalars and an empty text as the located way does', () => {
    for (const text of [
      'a: &x 5\nb: *x\n',
      '__proto__: {polluted: 1}\n',
      '',
      '# only a comment\n',
      'just text\n',
      '[1, 2]\n',
    ]) {
      expect(quickYamlData(text), text).toEqual(located(text));
    }
    expect(quickYamlData('', { empty: null })).toEqual({ data: null });
  });
});
