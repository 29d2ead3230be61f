import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as core from '@actions/core';
import { afterEach, describe, expect, it } from 'vitest';
import * as runner from '../../src/actions/runner.js';
import { ROOT } from '../harness/runner.js';
import { captured } from '../harness/stdout.js';

// src/actions/runner.ts stands in for @actions/core (whose import loads undici): what it writes must
// be what @actions/core writes, byte for byte, for the same calls on hostile text.
const F = join(ROOT, 'test/fixtures/hostile/workflow-commands');
const messages = JSON.parse(readFileSync(join(F, 'commits.json'), 'utf8')) as string[];
const hostile = [...messages, '::tok::', 'a%b\r\nc', 'x,y:z', '100%', '', ' padded '];

const saved = { ...process.env };
afterEach(() => {
  for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k];
  Object.assign(process.env, saved);
});

describe('the runner commands (src/actions/runner.ts) are those of @actions/core', () => {
  it('writes warnings, errors, debug lines, masks and info lines byte for byte alike', () => {
    for (const text of hostile) {
      const calls = (c: typeof runner) => () => {
        c.warning(text, { title: text, file: `src/${text}.ts`, startLine: 3, startColumn: 7 });
        c.warning(text);
        c.error(text, { title: 'shipkit', startLine: 0 });
        c.error(text, {});
        c.debug(text);
        c.setSecret(text);
        c.info(text);
      };
      expect(captured(calls(runner)), text).toBe(captured(calls(core as unknown as typeof runner)));
    }
  });

  it('reads inputs as @actions/core does (spaces to _, upper case, trimmed, empty when unset)', () => {
    process.env['INPUT_CONFIG-FILE'] = '  .github/x.yml \n';
    process.env.INPUT_MY_INPUT = 'v';
    for (const name of ['config-file', 'my input', 'unset-input', 'Config-File']) {
      expect(runner.getInput(name), name).toBe(core.getInput(name));
    }
  });

  it('appends outputs to GITHUB_OUTPUT in the same heredoc form, or writes ::set-output without it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'shipkit-runner-'));
    try {
      const write = (c: typeof runner) => {
        const file = join(dir, 'output');
        writeFileSync(file, '');
        process.env.GITHUB_OUTPUT = file;
        c.setOutput('config', '{"a":"x\\ny"}\nline two');
        c.setOutput('empty', '');
        return readFileSync(file, 'utf8').replace(/ghadelimiter_[0-9a-f-]{36}/g, 'DELIMITER');
      };
      const ours = write(runner);
      expect(ours).toBe(write(core as unknown as typeof runner));
      expect(ours).toContain('config<<DELIMITER\n');
      process.env.GITHUB_OUTPUT = '';
      const legacy = (c: typeof runner) => captured(() => c.setOutput('n', 'a\nb'));
      expect(legacy(runner)).toBe(legacy(core as unknown as typeof runner));
      process.env.GITHUB_OUTPUT = join(dir, 'missing');
      expect(() => runner.setOutput('n', 'v')).toThrow(/Missing file/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
