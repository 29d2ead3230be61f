import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as core from '@actions/core';
import { describe, expect, it } from 'vitest';
import { commandLike, inertLog, jsonForLog, redactSecrets } from '../../src/render/log.js';
import { ROOT } from '../harness/runner.js';
import { effectiveCommands } from '../harness/runner-commands.js';
import { captured } from '../harness/stdout.js';

const F = join(ROOT, 'test/fixtures/hostile/workflow-commands');
const names = (JSON.parse(readFileSync(join(F, 'bench-head.json'), 'utf8')) as { name: string }[]).map(
  (b) => b.name,
);
const messages = JSON.parse(readFileSync(join(F, 'commits.json'), 'utf8')) as string[];
const hostile = [...names, ...messages, '::tok::', 'x\n\n  \t::add-mask::secret', '::stop-commands::'];

describe('the log context', () => {
  it('every hostile text is command-like, and inert once through inertLog (text kept between the markers)', () => {
    let commands = 0;
    for (const text of hostile) {
      if (effectiveCommands(text).length > 0) {
        commands++;
        expect(commandLike(text), text).toBe(true);
      }
      const safe = inertLog(text);
      expect(effectiveCommands(safe), text).toEqual([]);
      expect(safe).toContain(text);
    }
    expect(commands).toBeGreaterThan(10);
  });

  it('plain text passes unchanged; a token found in the text is never the one chosen', () => {
    expect(inertLog('coverage 81.2% (target 80%): a::b')).toBe('coverage 81.2% (target 80%): a::b');
    const tokens = ['abc', 'abc', 'def'];
    expect(inertLog('::error::abc', () => tokens.shift() as string)).toBe(
      '::stop-commands::def\n::error::abc\n::def::',
    );
  });

  it('JSON keeps its value and carries no command, so `--json | jq` still works', () => {
    const value = { names: hostile, nested: { 'key\n::error::k': '##[add-mask]v' } };
    const json = jsonForLog(value);
    expect(JSON.parse(json)).toEqual(value);
    expect(effectiveCommands(json)).toEqual([]);
    expect(commandLike(json)).toBe(false);
  });

  it('@actions/core escapes a warning, an error and their properties into one command each (verified, not assumed)', () => {
    for (const text of hostile) {
      const out = captured(() => {
        core.warning(text, { title: text, file: `src/${text}.ts`, startLine: 3 });
        core.error(text);
      });
      const commands = effectiveCommands(out);
      expect(commands.map((c) => c.command)).toEqual(['warning', 'error']);
      expect(commands[0]?.message).toBe(text);
      expect(commands[0]?.properties.file).toBe(`src/${text}.ts`);
      expect(commands[1]?.message).toBe(text);
    }
  });

  it('core.info is not escaped: it needs inertLog', () => {
    expect(effectiveCommands(captured(() => core.info('a\n::error::x')))).toHaveLength(1);
    expect(effectiveCommands(captured(() => core.info(inertLog('a\n::error::x'))))).toEqual([]);
  });

  it('redacts known values and token shapes, and leaves ordinary words alone', () => {
    const ghp = `ghp_${'a1B2'.repeat(9)}`;
    const text = [
      `Bad credentials: authorization: token ${ghp}`,
      `"Authorization":"Bearer eyJhbGciOiJIUzI1NiJ9.e30.sig"`,
      `github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz`,
      'gho_0123456789abcdefghij ghs_0123456789abcdefghij sk-ant-api03-abcdefghijkl-XYZ',
      'xoxb-123456789012-abcdefgh https://hooks.slack.com/services/T000/B000/XXXX',
      'plain-secret-value in the body',
      'the token permissions: read; no GitHub token: set GITHUB_TOKEN',
    ].join('\n');
    const out = redactSecrets(text, ['plain-secret-value', undefined, '']);
    for (const secret of [
      ghp,
      'eyJhbGci',
      'github_pat_11',
      'gho_',
      'ghs_',
      'sk-ant-',
      'xoxb-',
      'T000/B000',
      'plain-secret',
    ]) {
      expect(out).not.toContain(secret);
    }
    expect(out).toContain('authorization: token ***');
    expect(out).toContain('"Authorization":"Bearer ***"');
    expect(out).toContain('the token permissions: read; no GitHub token: set GITHUB_TOKEN');
  });
});
