// The plugin buf runs for proto codegen, and protoc-gen-es behind it, already loaded. buf compiles
// the .proto files (about a second on Google Ads v25) and only then starts its plugin, which must be
// a process of its own: here a relay of a few lines that passes buf's CodeGeneratorRequest to this
// process over a local socket and answers buf with what comes back. protoc-gen-es itself runs in a
// worker thread of this process, started beside buf: starting Node and loading protoc-gen-es (its
// protobuf runtime and TypeScript, a third of a second) happens while buf compiles, not after it.
// The worker runs what protoc-gen-es's own bin runs (protoplugin's runNodeJs): fromBinary the
// request, protocGenEs.run, toBinary the response; a failure is `protoc-gen-es: <message>` on the
// relay's stderr and exit status 1, as runNodeJs writes it. buf is answered with the response
// without its files (its error, supported features and editions), so buf accepts and refuses exactly
// what protoc-gen-es does and writes nothing; the files go to the caller as strings, never encoded.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Socket } from 'node:net';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { GeneratedFile } from '../codegen/proto-image.js';
import { generationRequest } from '../codegen/proto-request.js';
import { writeScratchFile } from '../fs/scratch.js';

/** protoc-gen-es in this process, behind the plugin command buf runs. */
export interface ProtocGenEsHost {
  /** The plugin's command line (buf.gen's `local`): node, the relay, the socket. */
  command: string[];
  /** buf's CodeGeneratorRequest, once the relay has passed it on (pending while buf compiles). */
  request: Promise<Uint8Array>;
  /** The files of protoc-gen-es's response; undefined when it failed (buf fails with its message). */
  response: Promise<GeneratedFile[] | undefined>;
  /** Stops the worker and the socket; safe to call twice. */
  close(): void;
}

// The relay, run as `node <this source, in a .cjs file> <socket>` (CommonJS, no dependencies): stdin
// to the socket; the answer is one byte (0: a CodeGeneratorResponse for stdout follows; 1: a
// message for stderr follows, exit status 1), then its bytes until the socket ends.
export const PROTO_RELAY = String.raw`'use strict';
const socket = require('net').connect(process.argv[process.argv.length - 1]);
const answer = [];
let failure = '';
socket.on('data', (d) => answer.push(d));
socket.on('error', (err) => (failure = ': ' + err.message));
socket.on('close', () => {
  const all = Buffer.concat(answer);
  if (all.length > 0 && all[0] === 0) return void process.stdout.write(all.subarray(1));
  process.exitCode = 1;
  if (all.length > 0 && all[0] === 1) return void process.stderr.write(all.subarray(1));
  process.stderr.write('shipkit proto relay: shipkit did not answer' + failure + '\n');
});
process.stdin.pipe(socket);
`;

// The worker: protoc-gen-es loaded as its bin loads it, then one request. protoplugin requires
// TypeScript (and @typescript/vfs) when it loads, but uses them only to transpile for target=js or
// dts: shipkit asks for target=ts, so they are loaded on first use, never (a fifth of a second).
const WORKER = `'use strict';
const { parentPort, workerData } = require('worker_threads');
const Module = require('module');
const loadModule = Module._load;
Module._load = function (request, parent, isMain) {
  if (request !== 'typescript' && request !== '@typescript/vfs') return loadModule.apply(this, arguments);
  let real;
  const get = () => real || (real = loadModule.call(Module, request, parent, isMain));
  return new Proxy({}, { get: (_, key) => (key === '__esModule' ? undefined : get()[key]) });
};
let es;
let failure;
try {
  const load = Module.createRequire(workerData.plugin);
  const { fromBinary, toBinary } = load('@bufbuild/protobuf');
  const { CodeGeneratorRequestSchema, CodeGeneratorResponseSchema } = load('@bufbuild/protobuf/wkt');
  const { protocGenEs } = load('../dist/cjs/src/protoc-gen-es-plugin.js');
  es = { fromBinary, toBinary, CodeGeneratorRequestSchema, CodeGeneratorResponseSchema, plugin: protocGenEs };
} catch (err) {
  failure = 'protoc-gen-es could not be loaded from ' + workerData.plugin + ': ' + (err && err.message);
}
parentPort.once('message', (request) => {
  if (!es) return parentPort.postMessage({ error: failure });
  let res;
  try {
    res = es.plugin.run(es.fromBinary(es.CodeGeneratorRequestSchema, request));
  } catch (reason) {
    return parentPort.postMessage({ error: es.plugin.name + ': ' + (reason instanceof Error ? reason.message : String(reason)) });
  }
  // The files as buf would read them: UTF-8 has no lone surrogates (each becomes U+FFFD).
  const files = res.file.map((f) => ({
    name: f.name,
    insertionPoint: f.insertionPoint,
    content: f.content.toWellFormed(),
  }));
  res.file = [];
  parentPort.postMessage({ files, stub: es.toBinary(es.CodeGeneratorResponseSchema, res) });
});
`;

interface Answer {
  files?: GeneratedFile[];
  stub?: Uint8Array;
  error?: string;
}

/**
 * Starts protoc-gen-es (`plugin`: its bin in the tools cache) in a worker and listens for the relay;
 * the relay's source is written into `dir` (a scratch folder: buf names a failing plugin by its
 * command line, so it is a file, not `node -e`).
 */
export function hostProtocGenEs(plugin: string, dir: string): ProtocGenEsHost {
  const relay = join(dir, 'relay.cjs');
  writeScratchFile(relay, PROTO_RELAY);
  const where = socketPath(dir);
  const worker = new Worker(WORKER, { eval: true, workerData: { plugin } });
  const answer = new Promise<Answer>((resolve) => {
    worker.once('message', (a: Answer) => resolve(a));
    worker.on('error', (err) => resolve({ error: `protoc-gen-es: ${err.message}` }));
    worker.once('exit', (code) => resolve({ error: `protoc-gen-es stopped (exit status ${code})` }));
  });
  let received: (request: Uint8Array) => void = () => {};
  const request = new Promise<Uint8Array>((resolve) => {
    received = resolve;
  });
  let answered: (response: GeneratedFile[] | undefined) => void = () => {};
  const response = new Promise<GeneratedFile[] | undefined>((resolve) => {
    answered = resolve;
  });
  let served = false;
  const serve = (conn: Socket) => {
    conn.on('error', () => {});
    if (served) {
      conn.destroy();
      return;
    }
    served = true;
    const chunks: Buffer[] = [];
    conn.on('data', (d: Buffer) => chunks.push(d));
    conn.on('end', () => {
      const bytes = Buffer.concat(chunks);
      received(bytes);
      let answering = answer;
      try {
        worker.postMessage(generationRequest(bytes));
      } catch (err) {
        answering = Promise.resolve({
          error: `shipkit: buf's request is unreadable: ${(err as Error).message}`,
        });
      }
      void answering.then((a) => {
        // buf first: its answer goes out before the files are handed on.
        const body = a.files && a.stub ? Buffer.concat([OK, a.stub]) : Buffer.from(`\x01${a.error}\n`);
        conn.end(body);
        answered(a.files);
      });
    });
  };
  const server = createServer({ allowHalfOpen: true }, serve);
  // A socket that cannot listen leaves the relay without an answer: buf fails with its message.
  server.on('error', () => {});
  server.listen(where.path);
  let closed = false;
  return {
    command: [process.execPath, relay, where.path],
    request,
    response,
    close: () => {
      if (closed) return;
      closed = true;
      server.close();
      void worker.terminate();
      where.remove();
    },
  };
}

const OK = Buffer.from([0]);

/**
 * Where the relay finds this process: a named pipe on Windows, else a Unix socket in the scratch
 * folder (only its owner can reach it), or in a new private folder under /tmp when that path is too
 * long for a socket (104 bytes on macOS).
 */
function socketPath(dir: string): { path: string; remove(): void } {
  if (process.platform === 'win32') {
    return { path: `\\\\.\\pipe\\shipkit-proto-${randomBytes(8).toString('hex')}`, remove: () => {} };
  }
  const inDir = join(dir, 'relay.sock');
  if (Buffer.byteLength(inDir) <= 100) return { path: inDir, remove: () => {} };
  const own = mkdtempSync('/tmp/shipkit-');
  return { path: join(own, 's'), remove: () => rmSync(own, { recursive: true, force: true }) };
}
