import { readFile } from 'node:fs/promises';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { configJsonSchema } from '../src/config/json-schema.js';
import { parseConfig } from '../src/config/located.js';
import { parseDuration, parsePercent, parsePercentOf, parseRate } from '../src/config/units.js';
import { formatError, ShipkitError } from '../src/errors.js';

const planBlock = await readFile(
  new URL('./fixtures/config/master-plan-quality-gates.yml', import.meta.url),
  'utf8',
);

function problems(text: string, file = '.github/shipkit.yml'): string[] {
  try {
    parseConfig(text, file);
  } catch (err) {
    expect(err).toBeInstanceOf(ShipkitError);
    return formatError(err as ShipkitError);
  }
  throw new Error('expected the config to be rejected');
}

describe('values as teams write them', () => {
  it('reads percentages', () => {
    expect(parsePercent('90%')).toBe(90);
    expect(parsePercent(' 2.5 % ')).toBe(2.5);
    expect(parsePercent(90)).toBe(90);
    expect(parsePercent('120%')).toBeUndefined();
    expect(parsePercent('90')).toBeUndefined();
    expect(parsePercentOf('100% of public APIs')).toEqual({ percent: 100, of: 'public APIs' });
  });
  it('reads durations in milliseconds', () => {
    expect(parseDuration('500ms')).toBe(500);
    expect(parseDuration('1.5s')).toBe(1500);
    expect(parseDuration('2 min')).toBe(120_000);
    expect(parseDuration('250us')).toBe(0.25);
    expect(parseDuration('500')).toBeUndefined();
    expect(parseDuration('5 parsecs')).toBeUndefined();
  });
  it('reads rates, with + as a floor', () => {
    expect(parseRate('100+ req/sec')).toEqual({ per_second: 100, at_least: true });
    expect(parseRate('100 req/s')).toEqual({ per_second: 100, at_least: false });
    expect(parseRate('6000 requests per minute')).toEqual({ per_second: 100, at_least: false });
    expect(parseRate('250 rps')).toEqual({ per_second: 250, at_least: false });
    expect(parseRate('fast')).toBeUndefined();
  });
});

describe('the quality gates block of the automation plan', () => {
  it('loads exactly as written there, on its own', () => {
    const config = parseConfig(planBlock, 'quality-gates.yml');
    expect(config.gates).toEqual({
      test_coverage: { threshold: 90, action: 'fail_if_below' },
      code_duplication: { threshold: 5, action: 'warn_if_above' },
      performance: {
        latency_p99: 500,
        throughput: { per_second: 100, at_least: true },
        action: 'fail_if_exceeded',
      },
      security: { max_vulnerabilities: 0, max_warnings: 5, action: 'fail_if_exceeded' },
      documentation: { coverage: { percent: 100, of: 'public APIs' }, action: 'warn_if_below' },
    });
  });
  it('loads the same with its body pasted under gates:', () => {
    const body = planBlock.split('\n').filter((l) => l.startsWith('  ') || l === '');
    const underGates = `gates:\n${body.join('\n')}`;
    expect(parseConfig(underGates, 'a.yml')).toEqual(parseConfig(planBlock, 'b.yml'));
  });
  it('refuses both names at once', () => {
    const both = `${planBlock}\ngates: {}\n`;
    expect(problems(both).join('\n')).toMatch(/`gates` and `quality_gates` are the same section/);
  });
});

describe('errors name the file, line, column and field', () => {
  it('suggests the key a typo meant', () => {
    expect(problems('gates:\n  test_coverag:\n    threshold: 90%\n')).toEqual([
      '.github/shipkit.yml:2:3: unknown key `gates.test_coverag`. Did you mean `test_coverage`?',
    ]);
  });
  it('lists what is allowed when nothing is close', () => {
    expect(problems('zebra: 1\n')[0]).toBe(
      '.github/shipkit.yml:1:1: unknown key `zebra`. Allowed here: `gates`, `quality_gates`, `codegen`, `plan`, `report`, `release`, `commands`.',
    );
  });
  it('says what was expected and what it got, for units and enums', () => {
    const lines = problems(
      [
        'gates:',
        '  performance:',
        '    latency_p99: 5',
        '    throughput: lots',
        '    action: fail_if_exceded',
        '  security: { max_vulnerabilities: -1 }',
        '  documentation: {}',
      ].join('\n'),
    );
    expect(lines).toEqual([
      '.github/shipkit.yml:3:18: `gates.performance.latency_p99`: expected a duration such as 500ms, 1.5s or 2min; got 5',
      '.github/shipkit.yml:4:17: `gates.performance.throughput`: expected a rate such as 100+ req/sec; got "lots"',
      '.github/shipkit.yml:5:13: `gates.performance.action`: expected one of fail_if_exceeded, warn_if_exceeded, informational; got "fail_if_exceded". Did you mean `fail_if_exceeded`?',
      '.github/shipkit.yml:6:36: `gates.security.max_vulnerabilities`: expected 0 or more; got -1',
      '.github/shipkit.yml:7:18: missing required field `gates.documentation.coverage`. Add `coverage:` under `gates.documentation`.',
    ]);
  });
  it('points into lists', () => {
    const lines = problems(
      'codegen:\n  targets:\n    - spec: a.yaml\n      out: x\n    - spec: b.yaml\n      zod: maybe\n',
    );
    expect(lines).toContain(
      '.github/shipkit.yml:5:7: missing required field `codegen.targets[1].out`. Add `out:` under `codegen.targets[1]`.',
    );
    expect(lines).toContain(
      '.github/shipkit.yml:6:12: `codegen.targets[1].zod`: expected boolean; got "maybe"',
    );
  });
  it('reports YAML syntax errors with their position', () => {
    expect(problems('gates:\n  test_coverage: {threshold: 90%\n')[0]).toMatch(
      /^\.github\/shipkit\.yml:3:1: YAML syntax error: /,
    );
    expect(problems('plan: {}\nplan: {}\n')[0]).toMatch(/:2:1: YAML syntax error: Map keys must be unique/);
  });
  it('rejects a file that is not a mapping', () => {
    expect(problems('- gates\n')).toEqual([
      '.github/shipkit.yml:1:1: expected a mapping of sections (gates, codegen, plan, report, release, commands)',
    ]);
  });
  it('accepts an empty file as all defaults', () => {
    const config = parseConfig('', 'empty.yml');
    expect(config.gates).toEqual({});
    expect(config.release.tag_prefix).toBe('v');
    expect(config.commands.permission).toBe('write');
  });
});

describe('the published JSON Schema', () => {
  it('is the committed schema/shipkit.schema.json', async () => {
    const committed = JSON.parse(
      await readFile(new URL('../schema/shipkit.schema.json', import.meta.url), 'utf8'),
    );
    expect(committed).toEqual(configJsonSchema());
  });
  it('agrees with the loader on valid and invalid files', async () => {
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    // ajv-formats is CommonJS: under NodeNext its default export is the module object.
    addFormatsModule.default(ajv);
    const validate = ajv.compile(configJsonSchema());
    const example = parse(
      await readFile(new URL('../examples/.github/shipkit.yml', import.meta.url), 'utf8'),
    );
    expect(validate(example), JSON.stringify(validate.errors)).toBe(true);
    expect(validate(parse(planBlock))).toBe(true);
    expect(validate({ gates: { test_coverag: { threshold: '90%' } } })).toBe(false);
    expect(validate({ gates: { performance: { latency_p99: 'soon' } } })).toBe(false);
  });
});
