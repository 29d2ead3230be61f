// The plugin buf runs for proto codegen: protoc-gen-es behind a relay. buf compiles the .proto
// files once and hands its plugin a CodeGeneratorRequest; the relay passes that request to
// protoc-gen-es unchanged and, at the same time (a second core works while protoc-gen-es does),
// turns it into an image (FileDescriptorSet) and has buf write that image as JSON. It keeps, in
// the folder named by its last argument:
//   response.bin   protoc-gen-es's CodeGeneratorResponse (the generated files, never written one
//                  by one: the core reads them from this one file)
//   image.binpb    the image (FileDescriptorSet: the request's proto_file, source info included)
//   image.json     the image as `buf build image.binpb --exclude-source-info -o -#format=json`
//                  prints it (a third of the JSON with source info; the core reads the comments it
//                  needs from image.binpb)
//   image.status   {"code", "stderr"} of that buf build, written (whole) as soon as it ends:
//                  the core reads the image while protoc-gen-es still runs
// and answers buf with protoc-gen-es's response without its files (its error, its supported
// features and editions), so buf accepts and refuses exactly what protoc-gen-es does and writes
// nothing. protoc-gen-es failing: its stderr and exit status are the relay's.
// Its second-to-last argument is JSON: {"plugin": protoc-gen-es argv, "buf": buf argv}.
// Run as `node <this source, in a .cjs file> <config> <dir>` (CommonJS, no dependencies).

export const PROTO_RELAY = String.raw`'use strict';
const { spawn } = require('child_process');
const fs = require('fs');
const path = require('path');
const [config, dir] = process.argv.slice(-2);
const { plugin, buf } = JSON.parse(config);
function varint(b, i) {
  let v = 0;
  let s = 1;
  for (let j = i; j < b.length && j < i + 10; j++) {
    v += (b[j] & 0x7f) * s;
    s *= 128;
    if (b[j] < 0x80) return [v, j + 1];
  }
  throw new Error('bad varint');
}
function encode(n) {
  const out = [];
  while (n >= 0x80) {
    out.push((n % 128) | 0x80);
    n = Math.floor(n / 128);
  }
  out.push(n);
  return Buffer.from(out);
}
// Each top-level field of a message: [field number, wire type, start, end of the whole field, start of its bytes].
function fields(b) {
  const out = [];
  let i = 0;
  while (i < b.length) {
    const [tag, at] = varint(b, i);
    const field = Math.floor(tag / 8);
    const wire = tag % 8;
    let end;
    let body = at;
    if (wire === 2) {
      const [n, s] = varint(b, at);
      body = s;
      end = s + n;
    } else if (wire === 0) end = varint(b, at)[1];
    else if (wire === 1) end = at + 8;
    else if (wire === 5) end = at + 4;
    else throw new Error('unexpected wire type ' + wire);
    if (end > b.length) throw new Error('truncated message');
    out.push([field, wire, i, end, body]);
    i = end;
  }
  return out;
}
// CodeGeneratorRequest.proto_file (15) as FileDescriptorSet.file (1).
function image(request) {
  const parts = [];
  for (const [field, wire, , end, body] of fields(request)) {
    if (field === 15 && wire === 2) parts.push(Buffer.from([10]), encode(end - body), request.subarray(body, end));
  }
  return Buffer.concat(parts);
}
// A CodeGeneratorResponse without its files (15).
function withoutFiles(response) {
  const parts = [];
  for (const [field, , start, end] of fields(response)) if (field !== 15) parts.push(response.subarray(start, end));
  return Buffer.concat(parts);
}
// protoc-gen-es starts at once and reads the request as buf sends it.
const generated = new Promise((resolve) => {
  const es = spawn(plugin[0], plugin.slice(1), { stdio: ['pipe', 'pipe', 'inherit'] });
  const out = [];
  es.stdout.on('data', (d) => out.push(d));
  es.on('error', (err) => resolve({ code: 1, why: err.message }));
  es.on('close', (code, signal) => resolve({ code: code === null ? 1 : code, why: signal, out: Buffer.concat(out) }));
  es.stdin.on('error', () => {});
  process.stdin.pipe(es.stdin);
});
const chunks = [];
process.stdin.on('data', (d) => chunks.push(d));
process.stdin.on('end', () => {
  const request = Buffer.concat(chunks);
  const file = path.join(dir, 'image.binpb');
  fs.writeFileSync(file, image(request));
  const json = fs.openSync(path.join(dir, 'image.json'), 'w');
  const converted = new Promise((resolve) => {
    const b = spawn(buf[0], [...buf.slice(1), 'build', file, '--exclude-source-info', '-o', '-#format=json'], {
      cwd: dir,
      stdio: ['ignore', json, 'pipe'],
    });
    let stderr = '';
    b.stderr.on('data', (d) => (stderr += d));
    // image.status appears whole (renamed into place) once image.json is complete.
    const done = (status) => {
      fs.closeSync(json);
      fs.writeFileSync(path.join(dir, 'image.status.tmp'), JSON.stringify(status));
      fs.renameSync(path.join(dir, 'image.status.tmp'), path.join(dir, 'image.status'));
      resolve();
    };
    let settled = false;
    const once = (status) => {
      if (!settled) done(status);
      settled = true;
    };
    b.on('error', (err) => once({ code: 1, stderr: err.message }));
    b.on('close', (code) => once({ code: code === null ? 1 : code, stderr }));
  });
  Promise.all([generated, converted]).then(([es]) => {
    if (es.code !== 0) {
      if (es.why) process.stderr.write(plugin.join(' ') + ': ' + es.why + '\n');
      process.exitCode = es.code;
      return;
    }
    fs.writeFileSync(path.join(dir, 'response.bin'), es.out);
    process.stdout.write(withoutFiles(es.out));
  });
});
`;
