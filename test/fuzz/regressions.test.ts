import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/located.js';
import { ShipkitError } from '../../src/errors.js';
import { parseBacklog } from '../../src/plan/backlog.js';

/** Inputs the fuzz test (readers.test.ts) found crashing a reader, kept as plain cases. */

function failure(run: () => unknown): ShipkitError {
  try {
    run();
  } catch (err) {
    if (err instanceof ShipkitError) return err;
    throw err;
  }
  throw new Error('expected a ShipkitError');
}

describe('fuzz findings', () => {
  it('a YAML alias without an anchor before it names the file and line (was a bare ReferenceError)', () => {
    const config = failure(() => parseConfig('gates:\n  coverage: *missing\n', 'shipkit.yml'));
    expect(config.message).toBe('YAML alias *missing has no anchor before it');
    expect(config.location).toEqual({ file: 'shipkit.yml', line: 2, column: 13 });
    expect(failure(() => parseConfig('*!', 'shipkit.yml')).message).toBe(
      'YAML alias *! has no anchor before it',
    );
    const backlog = failure(() => parseBacklog('items:\n  - *later\n  - &later {id: a}\n', 'backlog.yml'));
    expect(backlog.message).toBe('YAML alias *later has no anchor before it');
    expect(backlog.location).toMatchObject({ file: 'backlog.yml', line: 2 });
  });

  it('an alias bomb in a config or backlog is refused with the file named', () => {
    const bomb = [
      'a: &a [x, x, x, x, x, x, x, x, x]',
      ...'bcdefgh'.split('').map((k, i) => {
        const prev = 'abcdefgh'[i];
        return `${k}: &${k} [*${prev}, *${prev}, *${prev}, *${prev}, *${prev}, *${prev}, *${prev}, *${prev}, *${prev}]`;
      }),
    ].join('\n');
    expect(failure(() => parseConfig(bomb, 'shipkit.yml'))).toMatchObject({
      message: 'YAML aliases expand too far (aliases of aliases)',
      location: { file: 'shipkit.yml' },
    });
    expect(failure(() => parseBacklog(bomb, 'backlog.yml')).message).toBe(
      'YAML aliases expand too far (aliases of aliases)',
    );
  });
});
