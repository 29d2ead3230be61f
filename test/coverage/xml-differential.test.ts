// The XML readers (Cobertura, JaCoCo, Clover) were tuned for speed; what they read must not change.
// golden.json.gz holds what the readers of commit 2960b85, before the tuning, gave for every XML
// report among the fixtures (real ones, several made on other machines) and for odd variants of
// them (numbers Number() reads unlike plain digits, CRLF, entities, repeated classes) and broken ones
// (the refusal's message, hint and line); see test/fixtures/coverage/xml-golden/make.mjs.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readClover } from '../../src/gate/coverage/clover.js';
import { readCobertura } from '../../src/gate/coverage/cobertura.js';
import { readJacoco } from '../../src/gate/coverage/jacoco.js';
import { FIXTURES, fixture } from './tool-summaries.js';
import { readAll, xmlCases } from './xml-cases.js';

const golden = JSON.parse(gunzipSync(readFileSync(fixture('xml-golden', 'golden.json.gz'))).toString('utf8'));
const dir = mkdtempSync(join(tmpdir(), 'shipkit-xml-differential-'));
const cases = xmlCases(FIXTURES);
const now = readAll(
  cases,
  { cobertura: readCobertura, jacoco: readJacoco, clover: readClover },
  (name, text) => {
    writeFileSync(join(dir, name), text);
    return join(dir, name);
  },
);

describe('XML readers give what they gave before they were tuned', () => {
  it('the cases are the ones the golden output was made from', () => {
    expect(Object.keys(now)).toEqual(Object.keys(golden));
    expect(cases.filter((c) => !c.name.includes(' ')).length).toBeGreaterThanOrEqual(13);
  });
  it.each(cases.map((c) => c.name))('%s', (name) => {
    expect(now[name]).toEqual(golden[name]);
  });
});
