import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/located.js';
import { formatError, ShipkitError } from '../../src/errors.js';

const problems = (text: string): string[] => {
  try {
    parseConfig(text, '.github/shipkit.yml');
  } catch (err) {
    expect(err).toBeInstanceOf(ShipkitError);
    return formatError(err as ShipkitError);
  }
  return [];
};

describe('the gates section, beyond the automation plan', () => {
  it('reads auto targets, patch, per-file minimums, components, allowlists and new clones', () => {
    const config = parseConfig(
      `gates:
  test_coverage:
    threshold: auto
    tolerance: 0.5%
    patch: {target: 80%, action: warn_if_below}
    file_minimum: 40%
    files: [{path: 'src/core/**', minimum: 80%}]
    components:
      - {name: core, paths: ['src/core/**'], threshold: 95%, informational: true}
    ignore: ['src/generated/**']
  code_duplication: {threshold: 5%, max_new_clones: 0}
  security:
    allowlist:
      - {id: GHSA-29mw-wpgm-hmr9, path: lodash, expires: 2026-12-31, reason: not reachable}
`,
      'a.yml',
    );
    expect(config.gates.test_coverage).toEqual({
      threshold: 'auto',
      tolerance: 0.5,
      action: 'fail_if_below',
      patch: { target: 80, action: 'warn_if_below' },
      file_minimum: 40,
      files: [{ path: 'src/core/**', minimum: 80 }],
      components: [{ name: 'core', paths: ['src/core/**'], threshold: 95, informational: true }],
      ignore: ['src/generated/**'],
    });
    expect(config.gates.code_duplication).toEqual({
      threshold: 5,
      max_new_clones: 0,
      action: 'warn_if_above',
    });
    expect(config.gates.security?.allowlist).toEqual([
      { id: 'GHSA-29mw-wpgm-hmr9', path: 'lodash', expires: '2026-12-31', reason: 'not reachable' },
    ]);
  });

  it('accepts patch as a bare target', () => {
    const config = parseConfig('gates:\n  test_coverage: {threshold: 90%, patch: auto}\n', 'a.yml');
    expect(config.gates.test_coverage?.patch).toBe('auto');
  });

  it('names a bad expiry date and a missing one at their lines', () => {
    const found = problems(
      'gates:\n  security:\n    allowlist:\n      - {id: GHSA-a, expires: 31-12-2026}\n      - {id: GHSA-b}\n',
    );
    expect(found.join('\n')).toMatch(
      /shipkit\.yml:4:\d+: `gates\.security\.allowlist\[0\]\.expires`: expected a date such as 2026-12-31/,
    );
    expect(found.join('\n')).toMatch(
      /shipkit\.yml:5:\d+: missing required field `gates\.security\.allowlist\[1\]\.expires`/,
    );
  });
});
