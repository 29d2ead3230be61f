import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { tscPath, writeClientProject } from '../../scripts/client-project.mjs';
import { toolStore } from '../../src/process/buf.js';

export const root = resolve(import.meta.dirname, '../..');
export const fixtures = join(root, 'test/fixtures/codegen');

/** protoc-gen-es's bin in the tools cache (scripts/install-tools.mjs). */
export const PROTOC_GEN_ES = join(
  toolStore('protoc-gen-es'),
  'node_modules/@bufbuild/protoc-gen-es/bin/protoc-gen-es',
);

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `shipkit-codegen-${prefix}-`));
}

/** Writes each generated client into dir/<name>/ and returns the directory. */
export function writeClients(dir: string, clients: Record<string, Map<string, string>>): string {
  for (const [name, files] of Object.entries(clients)) {
    mkdirSync(join(dir, name), { recursive: true });
    for (const [file, text] of files) writeFileSync(join(dir, name, file), text);
  }
  return dir;
}

/** Runs the real `tsc --noEmit --strict` (TypeScript 5.9) over dir; returns its output ('' when clean). */
export function compile(dir: string, options: { emit?: boolean; files?: string[] } = {}): string {
  writeClientProject(dir, options);
  try {
    execFileSync(process.execPath, [tscPath, '-p', dir], { encoding: 'utf8', stdio: 'pipe' });
    return '';
  } catch (err) {
    return String((err as { stdout?: string }).stdout ?? err);
  }
}

export interface SeenRequest {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}
export type Handler = (req: IncomingMessage, body: string, res: ServerResponse) => void;

/**
 * A loopback HTTP server for running generated clients: it records every request (`seen`) and
 * answers with the handler last given to `handle` (an empty 200 until then).
 */
export function loopbackServer() {
  const seen: SeenRequest[] = [];
  let handler: Handler = (_q, _b, res) => res.end();
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => {
      body += c;
    });
    req.on('end', () => {
      seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      handler(req, body, res);
    });
  });
  return {
    seen,
    handle(h: Handler) {
      handler = h;
    },
    /** Starts listening; resolves to the base URL. */
    async start(): Promise<string> {
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
