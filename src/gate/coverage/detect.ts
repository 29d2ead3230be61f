import { basename } from 'node:path';
import { openFile } from '../../fs/read.js';
import type { CoverageFormat } from './model.js';

const HEAD = 64 * 1024;

/** The format a report's content shows, or undefined when it is none of ours. */
export function detectFormat(path: string, file = path): CoverageFormat | undefined {
  const f = openFile(path, { kind: 'coverage', what: 'the coverage report', file });
  const buffer = Buffer.alloc(HEAD);
  let read: number;
  try {
    read = f.read(buffer, 0, HEAD, 0);
  } finally {
    f.close();
  }
  return detectText(buffer.toString('utf8', 0, read).replace(/^\uFEFF/, ''));
}

export function detectText(head: string): CoverageFormat | undefined {
  const text = head.trimStart();
  if (text.startsWith('<')) return detectXml(text);
  if (text.startsWith('{')) return detectJson(text);
  if (/^mode: (set|count|atomic)\s*(\n|$)/.test(text)) return 'go';
  if (/^(TN|SF|VER):/.test(text)) return 'lcov';
  return undefined;
}

function detectXml(text: string): CoverageFormat | undefined {
  // The first element after the prolog, DOCTYPE and comments.
  const body = text.replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>[]*(\[[\s\S]*?\])?\s*>/g, '');
  const m = /<([A-Za-z_][\w.-]*)([^>]*)>/.exec(body);
  if (!m) return undefined;
  const [, name, attrs = ''] = m;
  if (name === 'report') return 'jacoco';
  if (name !== 'coverage') return undefined;
  if (
    /\bclover=|\bgenerated=/.test(attrs) ||
    /^\s*<project[\s>]/.test(body.slice((m.index ?? 0) + m[0].length))
  ) {
    return 'clover';
  }
  return 'cobertura';
}

function detectJson(text: string): CoverageFormat | undefined {
  if (/"meta"\s*:\s*\{[^}]*"version"/.test(text) && /"files"\s*:/.test(text)) return 'coveragepy';
  if (/"statementMap"\s*:/.test(text)) return 'istanbul-final';
  if (
    /^\{\s*"total"\s*:\s*\{\s*"lines"\s*:/.test(text) ||
    /"lines"\s*:\s*\{\s*"total"\s*:\s*\d+\s*,\s*"covered"/.test(text)
  ) {
    return 'istanbul-summary';
  }
  return undefined;
}

/** The format a report's file name suggests, when it suggests one. */
export function formatFromName(path: string): CoverageFormat | undefined {
  const name = basename(path).toLowerCase();
  if (name.endsWith('.info') || name.endsWith('.lcov') || name.startsWith('lcov')) return 'lcov';
  if (name === 'coverage-final.json') return 'istanbul-final';
  if (name === 'coverage-summary.json') return 'istanbul-summary';
  if (name === 'clover.xml') return 'clover';
  if (name.includes('jacoco') && name.endsWith('.xml')) return 'jacoco';
  if (name.includes('cobertura') && name.endsWith('.xml')) return 'cobertura';
  if (name.endsWith('.coverprofile') || (name.endsWith('.out') && name.includes('cover'))) return 'go';
  if (name === 'coverage.json' || name === '.coverage.json') return 'coveragepy';
  return undefined;
}

export const FORMAT_NAMES: Record<CoverageFormat, string> = {
  lcov: 'lcov',
  cobertura: 'Cobertura XML',
  clover: 'Clover XML',
  'istanbul-final': 'Istanbul coverage-final.json',
  'istanbul-summary': 'Istanbul coverage-summary.json',
  jacoco: 'JaCoCo XML',
  go: 'Go coverprofile',
  coveragepy: 'coverage.py JSON',
};
