import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/index.js';
import { MAX_ARGS, parseCommandLine } from '../../src/command/parse.js';
import { readCommand } from '../../src/command/registry.js';
import { hasRole, minimumRole } from '../../src/command/spec.js';
import { COMMANDS } from '../../src/command/registry.js';

const read = (text: string) => {
  const r = readCommand(text);
  return r.kind === 'valid'
    ? { name: r.spec.name, args: r.args }
    : r.kind === 'none'
      ? 'none'
      : `${r.message} | ${r.hint}`;
};

describe('reading a comment', () => {
  it('reads the first line only: words, quoted strings and key=value pairs', () => {
    expect(parseCommandLine('/plan sprint 7 start="2026-01-05" \'a b\'\n/gate')).toEqual({
      kind: 'command',
      name: 'plan',
      rest: 'sprint 7 start="2026-01-05" \'a b\'',
      tokens: [
        { kind: 'word', value: 'sprint' },
        { kind: 'word', value: '7' },
        { kind: 'option', key: 'start', value: '2026-01-05' },
        { kind: 'word', value: 'a b' },
      ],
    });
    expect(read('/plan sprint 7 start=2026-01-05 duration=2-weeks')).toEqual({
      name: 'plan',
      args: { sprint: 7, start: '2026-01-05', duration: '2-weeks' },
    });
    expect(read('/release notes from=v1.2.0\nmore text')).toEqual({
      name: 'release',
      args: { from: 'v1.2.0' },
    });
  });

  it('ignores what is not a command', () => {
    for (const text of ['', 'LGTM', ' please /gate', '/usr/bin/env is odd', '/ gate', 'hi\n/gate'])
      expect(read(text)).toBe('none');
  });

  it('answers an unknown command or a bad argument by name, with "did you mean"', () => {
    expect(read('/gatte')).toBe('unknown command /gatte | Did you mean /gate? Run /help for the list.');
    expect(read('/plan sprint 7 strt=2026-01-05')).toMatch(
      /^\/plan has no argument strt=; did you mean start=\?/,
    );
    expect(read('/plan sprnt 7')).toMatch(/expected `sprint`, got "sprnt"/);
    expect(read('/plan sprint seven')).toMatch(/the sprint must be a number, got "seven"/);
    expect(read('/plan sprint 7 start=tomorrow')).toMatch(
      /start=: expected a date YYYY-MM-DD, got "tomorrow"/,
    );
    expect(read('/release notes from=v1 from=v2')).toMatch(/from= is given twice/);
    expect(read('/plan sprint "7')).toMatch(/quote is not closed/);
  });

  it('removes zero-width and other invisible characters before reading', () => {
    expect(read('\u200b/ga\u200dte\u2060')).toEqual({ name: 'gate', args: {} });
    expect(read('\ufeff/plan\u00a0sprint 7'.replace('\u00a0', ' '))).toEqual({
      name: 'plan',
      args: { sprint: 7 },
    });
    // A right-to-left override cannot make a reader see another command than the one that runs.
    expect(read('/help \u202egate')).toEqual({ name: 'help', args: { command: 'gate' } });
  });

  it('bounds the line: 1,000 characters and 50 arguments, whatever the body size', () => {
    expect(read(`/gate ${'x'.repeat(1000)}`)).toMatch(/longer than 1,000 characters/);
    const huge = `/gate ${'a'.repeat(10 * 1024 * 1024)}`;
    const started = performance.now();
    expect(read(huge)).toMatch(/longer than 1,000 characters/);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(read(`/help ${'a '.repeat(MAX_ARGS + 1)}`)).toMatch(/51 arguments; at most 50/);
  });

  it('keeps hostile text as data: a validation answer, never a shell', () => {
    expect(read('/gate $(rm -rf ~)')).toMatch(/takes no words, got "\$\(rm" "-rf" "~\)"/);
    expect(read('/plan sprint 7; curl x|sh')).toMatch(/unexpected "curl" "x\|sh"/);
    expect(read('/gate `id`')).toMatch(/takes no words/);
  });

  it('takes /ask as free text', () => {
    expect(read('/ask why is x=1 slow?')).toEqual({ name: 'ask', args: { question: 'why is x=1 slow?' } });
  });

  it('requires read for /help and write for the rest, unless shipkit.yml says otherwise', () => {
    const policy = { permission: 'write' as const, permissions: {}, disabled: [] };
    expect(minimumRole(COMMANDS.help, policy)).toBe('read');
    expect(minimumRole(COMMANDS.gate, policy)).toBe('write');
    expect(minimumRole(COMMANDS.gate, { ...policy, permissions: { gate: 'triage' } })).toBe('triage');
    expect(hasRole('maintain', 'write')).toBe(true);
    expect(hasRole('triage', 'write')).toBe(false);
  });
});

describe('shipkit command parse', () => {
  const cli = async (args: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await main(['command', ...args], { out: (t) => out.push(t), err: (t) => err.push(t) });
    return { code, out: out.join('\n'), err: err.join('\n') };
  };
  it('prints the parsed command, or the error with exit 2', async () => {
    expect(await cli(['parse', '/plan sprint 7', '--json'])).toEqual({
      code: 0,
      out: JSON.stringify({ command: 'plan', args: { sprint: 7 } }, null, 2),
      err: '',
    });
    const bad = await cli(['parse', '/gatte']);
    expect(bad).toMatchObject({ code: 2, out: '' });
    expect(bad.err).toBe('/gatte: unknown command /gatte. Did you mean /gate? Run /help for the list.');
    expect((await cli(['parse', 'LGTM'])).code).toBe(0);
    expect((await cli(['parse'])).code).toBe(2);
  });
});
