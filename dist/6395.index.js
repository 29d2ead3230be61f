export const id=6395;export const ids=[6395];export const modules={6395:(e,t,o)=>{o.r(t),o.d(t,{BUF_PACKAGE:()=>f,BUF_VERSION:()=>a,PROTOC_GEN_ES_PACKAGE:()=>l,PROTOC_GEN_ES_VERSION:()=>d,bufTools:()=>h,toolStore:()=>b});var n=o(1421),s=o(3024),r=o(8161),i=o(6760),c=o(3916);const u=String.raw`'use strict';
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
`,a="1.75.0",d="2.13.0",f=`@bufbuild/buf@${a}`,l=`@bufbuild/protoc-gen-es@${d}`,p=67108864;function b(e,t=process.env){return(0,i.join)(t.SHIPKIT_TOOLS??(0,i.join)((0,r.homedir)(),".cache","shipkit-tools"),e)}async function h(e=process.env){const t=e.SHIPKIT_BUF||function(e,t){for(const o of(t.PATH??"").split(i.delimiter)){if(!o)continue;const t=(0,i.join)(o,"win32"===process.platform?`${e}.exe`:e);try{return(0,s.accessSync)(t,s.constants.X_OK),t}catch{}}return}("buf",e)||await async function(e){const t=await m("buf",f,(0,i.join)("@bufbuild","buf","package.json"),e),o="win32"===process.platform?"win32":process.platform,n="arm64"===process.arch&&"linux"===o?"aarch64":process.arch,r="win32"===process.platform?"buf.exe":"buf",c=(0,i.join)(t,"@bufbuild",`buf-${o}-${n}`,"bin",r);return(0,s.existsSync)(c)?c:(0,i.join)(t,"@bufbuild","buf","bin","buf")}(e),o=await async function(e){const t=await m("protoc-gen-es",l,(0,i.join)("@bufbuild","protoc-gen-es","package.json"),e);return(0,i.join)(t,"@bufbuild","protoc-gen-es","bin","protoc-gen-es")}(e),r=JSON.stringify({plugin:[process.execPath,o],buf:w(t)});return{relay:{node:process.execPath,source:u,config:r},run:(e,o)=>function(e,t,o){const s=[...w(e),...t];return new Promise((t,r)=>{(0,n.execFile)(s[0],s.slice(1),{cwd:o.cwd,timeout:o.timeoutMs??6e5,maxBuffer:p,encoding:"utf8"},(n,s,i)=>{if(n&&"number"!=typeof n.code){const t=n.killed?`timed out after ${(o.timeoutMs??6e5)/1e3} s`:n.message;return void r(new c.ShipkitError(`buf could not run: ${t}`,{hint:`Check that ${e} is buf ${a} for this platform (or set SHIPKIT_BUF to one).`}))}t({code:n?Number(n.code):0,stdout:s,stderr:i})})})}(t,e,o)}}function w(e){return e.endsWith(".js")||e.includes(`${(0,i.join)("node_modules","@bufbuild","buf","bin")}`)?[process.execPath,e]:[e]}async function m(e,t,o,r){const u=b(e,r),a=(0,i.join)(u,"node_modules"),d=t.slice(t.lastIndexOf("@")+1);if(g((0,i.join)(a,o),d))return a;(0,s.mkdirSync)(u,{recursive:!0}),(0,s.writeFileSync)((0,i.join)(u,"package.json"),'{"private":true}');const f="win32"===process.platform?"npm.cmd":"npm",l=await new Promise(e=>{(0,n.execFile)(f,["i","--no-audit","--no-fund","--ignore-scripts","--no-save",t],{cwd:u,timeout:3e5,maxBuffer:p,encoding:"utf8"},(t,o,n)=>e({ok:!t,why:t?n.trim().split("\n").pop()??t.message:""}))});if(!l.ok||!g((0,i.join)(a,o),d))throw new c.ShipkitError(`${e} was not found and could not be installed from npm (${t}): ${l.why}`,{hint:`Install it yourself (npm i -D ${t}) and put it on PATH${"buf"===e?", or set SHIPKIT_BUF to a buf binary":""}; or set SHIPKIT_TOOLS to a directory holding ${e}/node_modules.`});return a}function g(e,t){try{return JSON.parse((0,s.readFileSync)(e,"utf8")).version===t}catch{return!1}}}};