import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { locatedConfig } from '../../src/config/located.js';
import { quickConfig } from '../../src/config/quick.js';

const root = new URL('../..', import.meta.url).pathname;

/** What the located way (the way every config was read before quick.ts) makes of a text. */
function located(text: string): { config: unknown; warnings: number } | 'rejected' {
  try {
    const r = locatedConfig(text, 'shipkit.yml');
    return { config: r.config, warnings: r.warnings.length };
  } catch {
    return 'rejected';
  }
}

const SECTIONS = /^(gates|quality_gates|codegen|plan|report|release|commands):/m;

/** Every shipkit.yml in the repository, and every ```yaml block of the docs that is one. */
function configsInRepo(): [string, string][] {
  const files = execFileSync('git', ['ls-files', '*.yml', '*.yaml', '*.md'], { cwd: root, encoding: 'utf8' })
    .split('\n')
    .filter((f) => /shipkit\.ya?ml$|fixtures\/config\/|^README\.md$|^docs\/.*\.md$/.test(f));
  const out: [string, string][] = [];
  for (const file of files) {
    const text = readFileSync(`${root}/${file}`, 'utf8');
    if (!file.endsWith('.md')) {
      out.push([file, text]);
      continue;
    }
    let n = 0;
    for (const m of text.matchAll(/```ya?ml\n([\s\S]*?)```/g)) {
      const block = m[1] ?? '';
      if (SECTIONS.test(block) && !/^(on|jobs|name|steps):/m.test(block)) out.push([`${file}#${++n}`, block]);
    }
  }
  return out;
}

describe('quickConfig reads what the located way reads, or hands over', () => {
  it('agrees on every shipkit.yml of the repository and its docs', () => {
    const configs = configsInRepo();
    expect(configs.length).toBeGreaterThan(3);
    let quick = 0;
    for (const [name, text] of configs) {
      const fast = quickConfig(text);
      const slow = located(text);
      if (fast === undefined) {
        // Handing over is always safe; a valid file without warnings should not need it.
        expect(slow === 'rejected' || slow.warnings > 0, name).toBe(true);
        continue;
      }
      quick++;
      expect(slow, name).not.toBe('rejected');
      expect(fast, name).toEqual(slow !== 'rejected' && slow.config);
    }
    expect(quick).toBeGreaterThan(configs.length / 2);
  });

  it.each([
    ['', 'an empty file: the defaults'],
    ['# only a comment\n', 'a file of comments'],
    ['gates:\n  test_coverage: {threshold: 90%, patch: auto}\n', 'flow style'],
    ['plan:\n  duration: 3-weeks\nrelease:\n  tag_prefix: v\n', 'two sections'],
    ['quality_gates:\n  test_coverage:\n    threshold: 90%\n', 'the other name of gates'],
    [
      'gates:\n  test_coverage: {threshold: &n 90%}\n  code_duplication: {threshold: *n}\n',
      'an alias of a scalar',
    ],
    ['x: &n 80%\ngates: {test_coverage: {threshold: *n}}\n', 'an unknown section'],
    ['gates: {test_coverage: {threshold: "90%"}}\n', 'a quoted value'],
  ])('valid or not, reads %j as the located way does (%s)', (text) => {
    const fast = quickConfig(text);
    const slow = located(text);
    if (slow === 'rejected') expect(fast).toBeUndefined();
    else expect(fast).toEqual(slow.config);
  });

  it.each([
    ['gates:\n  test_coverag:\n    threshold: 90%\n', 'a misspelled key'],
    ['zebra: 1\n', 'an unknown section'],
    ['gates: {}\nquality_gates: {}\n', 'both names of gates'],
    ['- gates\n', 'a list at the root'],
    ['plain text\n', 'a scalar at the root'],
    ['plan: {}\nplan: {}\n', 'a duplicate key'],
    ['gates:\n  test_coverage: {threshold: 90%\n', 'a syntax error'],
    ['plan: &p {duration: 3-weeks}\nrelease: *p\n', 'an alias of a mapping'],
  ])('hands %j over to the located way, which names the line (%s)', (text) => {
    expect(quickConfig(text)).toBeUndefined();
  });
});
