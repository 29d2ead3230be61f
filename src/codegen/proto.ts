import { createHash } from 'node:crypto';
import { join, resolve } from 'node:path';
import { pathExists } from '../fs/list.js';
import { scratchDir, writeScratchFile } from '../fs/scratch.js';
import { ShipkitError } from '../errors.js';
import { readBytes, readText, readTextIfExists } from '../fs/read.js';
import { type BreakingCategory, type ProtoLayout, protoLayout } from './proto-input.js';
import { addLeadingComments, committedImage, type ImageJson, responseFiles } from './proto-image.js';
import { renderProtoClients } from './proto-client.js';
import type { BufFinding } from './proto-summary.js';
import { MARKER, markerText } from './write.js';

/** What proto codegen needs from the outside (src/process/buf.ts is the real one). */
export interface Buf {
  /**
   * The plugin buf runs: protoc-gen-es behind a relay (`node <source file> <config> <folder>`)
   * that leaves in the folder response.bin (protoc-gen-es's CodeGeneratorResponse), image.binpb
   * (the image), image.json (as `buf build image.binpb --exclude-source-info -o -#format=json`
   * prints it) and image.status ({code, stderr} of that build, as soon as it ends).
   */
  relay: { node: string; source: string; config: string };
  run(
    args: string[],
    options: { cwd: string; timeoutMs?: number },
  ): Promise<{ code: number; stdout: string; stderr: string }>;
}

export interface ProtoOptions {
  /** Directories imports resolve from (like protoc -I), for inputs that are not a buf module. */
  include?: string[];
  mocks?: boolean;
  /** buf's breaking-change category for `codegen check` (inputs that are not a buf module). */
  breaking?: BreakingCategory;
}

/** The image committed beside the generated code: what `codegen check` compares against. */
export const PROTO_IMAGE = 'buf-image.json';

export interface ProtoGenerated {
  files: Map<string, string>;
  image: ImageJson;
  targets: Set<string>;
  /** The committed image's text (buf-image.json). */
  committed: string;
  hash: string;
  specFiles: string[];
  services: number;
}

/** A compiled proto target: its layout in a temporary directory, removed by `close`. */
export interface ProtoSession {
  layout: ProtoLayout;
  breaking: BreakingCategory;
  buf: Buf;
  generated: ProtoGenerated;
  close(): void;
}

/** Compiles the spec with buf, generates with protoc-gen-es and renders the Connect clients, in memory. */
export async function openProto(
  specs: string[],
  options: ProtoOptions,
  cwd: string,
  buf: Buf,
): Promise<ProtoSession> {
  const scratch = scratchDir('shipkit-proto-');
  const tmp = scratch.dir;
  const close = scratch.remove;
  try {
    const layout = protoLayout(specs, options.include ?? [], options.breaking ?? 'FILE', cwd, tmp);
    const generated = await generateIn(layout, options, buf, tmp, specs.join(' '));
    return { layout, breaking: options.breaking ?? 'FILE', buf, generated, close };
  } catch (err) {
    close();
    throw err;
  }
}

export async function generateProto(
  specs: string[],
  options: ProtoOptions,
  cwd: string,
  buf: Buf,
): Promise<ProtoGenerated> {
  const session = await openProto(specs, options, cwd, buf);
  session.close();
  return session.generated;
}

async function generateIn(
  layout: ProtoLayout,
  options: ProtoOptions,
  buf: Buf,
  tmp: string,
  specDisplay: string,
): Promise<ProtoGenerated> {
  const template = {
    version: 'v2',
    plugins: [
      // One plugin process for every file (buf's default starts one per directory): the same
      // output, in half the time on Google Ads v25. The relay runs protoc-gen-es and, beside it,
      // buf's JSON of the image: the files come back in one response, not written one by one.
      {
        local: [buf.relay.node, join(tmp, 'relay.cjs'), buf.relay.config, tmp],
        out: join(tmp, 'none'),
        opt: ['target=ts', 'import_extension=js'],
        include_imports: true,
        strategy: 'all',
      },
    ],
  };
  // A file, not `node -e`: buf names a failing plugin by its command line.
  writeScratchFile(join(tmp, 'relay.cjs'), buf.relay.source);
  writeScratchFile(join(tmp, 'buf.gen.json'), JSON.stringify(template));
  const args = ['generate', '.', '--template', join(tmp, 'buf.gen.json'), '--error-format', 'text'];
  for (const p of layout.paths) args.push('--path', p);
  // The image is ready (the relay says so in image.status) well before protoc-gen-es ends: it is
  // read while protoc-gen-es still runs. buf's own error, when it fails, comes first.
  const running = buf.run(args, { cwd: layout.bufDir });
  const status = join(tmp, 'image.status');
  await whenWritten(status, running);
  let described: Described | Error | undefined;
  if (pathExists(status)) {
    try {
      described = describeImage(tmp, layout);
    } catch (err) {
      described = err as Error;
    }
  }
  const result = await running;
  if (result.code !== 0) throw bufError(result.stderr || result.stdout, layout);
  if (described instanceof Error) throw described;
  const { image, targets, committed, hash } = described ?? describeImage(tmp, layout);
  const files = responseFiles(
    readBytes(join(tmp, 'response.bin'), { kind: 'report', what: "protoc-gen-es's output" }),
  );
  const clients = renderProtoClients(image, targets, files, options.mocks === true);
  for (const [name, text] of clients.files) files.set(name, text);
  files.set(PROTO_IMAGE, committed);
  files.set(MARKER, markerText(specDisplay, hash, [...targets].sort()));
  return { files, image, targets, committed, hash, specFiles: layout.specPaths, services: clients.services };
}

interface Described {
  image: ImageJson;
  targets: Set<string>;
  committed: string;
  hash: string;
}

/**
 * image.status as the relay (src/process/proto-relay.ts) writes it: `{"code", "stderr"}` of its
 * `buf build`. Anything else is a one-line error, not a guess.
 */
function relayStatus(text: string): { code: number; stderr: string } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    data = undefined;
  }
  const { code, stderr } = (data ?? {}) as Record<string, unknown>;
  if (Number.isInteger(code) && typeof stderr === 'string') return { code: code as number, stderr };
  throw new ShipkitError('the proto relay left an image.status that is not {"code", "stderr"}', {
    hint: 'Run the command again; if it repeats, report it with the buf and protoc-gen-es versions.',
  });
}

/** The image the relay kept: its files, the spec's own among them, the committed text and its hash. */
function describeImage(tmp: string, layout: ProtoLayout): Described {
  const status = relayStatus(
    readText(join(tmp, 'image.status'), { kind: 'report', what: "buf's image status" }),
  );
  if (status.code !== 0) throw bufError(status.stderr, layout);
  const image = JSON.parse(
    readText(join(tmp, 'image.json'), { kind: 'report', what: 'the compiled descriptors' }),
  ) as ImageJson;
  const targets = new Set(image.file.map((f) => f.name).filter((n) => layout.isTarget(n)));
  const withServices = image.file.filter((f) => targets.has(f.name) && f.service?.length);
  if (withServices.length > 0) {
    const binary = readBytes(join(tmp, 'image.binpb'), { kind: 'report', what: 'the compiled descriptors' });
    addLeadingComments(image, binary, new Set(withServices.map((f) => f.name)));
  }
  const committed = committedImage(image, targets);
  return { image, targets, committed, hash: createHash('sha256').update(committed).digest('hex') };
}

/** Resolves when a file exists at `path` (looked for every 20 ms) or when `running` settles. */
function whenWritten(path: string, running: Promise<unknown>): Promise<void> {
  return new Promise((resolve) => {
    const timer = setInterval(() => {
      if (pathExists(path)) stop();
    }, 20);
    const stop = () => {
      clearInterval(timer);
      resolve();
    };
    running.then(stop, stop);
  });
}

/**
 * buf's messages as one ShipkitError: each `file:line:col:message` line with its location (in the
 * user's paths); a missing import names the import and how to make it resolve.
 */
export function bufError(stderr: string, layout: ProtoLayout): ShipkitError {
  const details: ShipkitError[] = [];
  for (const line of stderr.split('\n')) {
    const m = /^(.+?\.proto):(\d+):(\d+):\s*(.*)$/.exec(line.trim());
    if (!m) continue;
    const file = layout.display(m[1] as string);
    const lineNo = Number(m[2]);
    const column = Number(m[3]);
    let message = m[4] as string;
    let hint: string | undefined;
    if (/edition/.test(message)) hint = EDITION_HINT;
    if (/imported file does not exist|not found/.test(message)) {
      const imported = importAt(resolve(layout.bufDir, m[1] as string), lineNo);
      if (imported) {
        message = `import "${imported}" was not found`;
        hint = `Pass the directory that holds ${imported} with --include (codegen target: include:), or add the module that has it to buf.yaml's deps (e.g. buf.build/googleapis/googleapis) and run \`buf dep update\`.`;
      }
    }
    details.push(new ShipkitError(message, { location: { file, line: lineNo, column }, hint }));
  }
  // A missing import makes every name from it unknown too: report the imports alone.
  const missing = details.filter((d) => d.message.startsWith('import "'));
  if (missing.length > 0) details.splice(0, details.length, ...missing);
  const first =
    stderr
      .trim()
      .split('\n')
      .find((l) => l.trim() !== '') ?? 'buf failed';
  if (details.length === 0) {
    const edition = /edition/i.test(stderr);
    return new ShipkitError(`buf: ${first.replace(/^Failure:\s*/, '')}`, {
      hint: edition ? EDITION_HINT : 'Fix the .proto files (buf build shows the same message).',
    });
  }
  const head = details[0] as ShipkitError;
  return new ShipkitError(
    details.length === 1 ? head.message : `${details.length} errors compiling the .proto files`,
    {
      location: head.location,
      hint: details.length === 1 ? head.hint : undefined,
      details: details.length === 1 ? [] : details,
    },
  );
}

const EDITION_HINT =
  'buf 1.75.0 and protoc-gen-es 2.13.0 compile proto2, proto3 and editions 2023 and 2024: change the `edition` (or `syntax`) line.';

/** The path of an `import "…";` statement at a line of a .proto file. */
function importAt(file: string, line: number): string | undefined {
  try {
    const source = readTextIfExists(file, { kind: 'spec', what: 'the .proto file' }) ?? '';
    const text = source.split('\n')[line - 1] ?? '';
    return /import\s+(?:public\s+|weak\s+)?"([^"]+)"/.exec(text)?.[1];
  } catch {
    return undefined;
  }
}

/**
 * `buf breaking` of the new image against a committed one (both images: nothing is compiled again,
 * and file names agree): buf's findings, none when it passes. Rules: the buf module's own buf.yaml,
 * else the target's category.
 */
export async function breakingFindings(
  session: ProtoSession,
  against: string,
  committed: string,
): Promise<BufFinding[]> {
  const scratch = scratchDir('shipkit-breaking-');
  const dir = scratch.dir;
  try {
    writeScratchFile(join(dir, 'new.json'), committed);
    const own = join(session.layout.bufDir, 'buf.yaml');
    const config =
      session.layout.paths.length === 0 && pathExists(own)
        ? own
        : JSON.stringify({ version: 'v1', breaking: { use: [session.breaking] } });
    const args = ['breaking', 'new.json#format=json', '--against', `${against}#format=json`];
    args.push('--error-format', 'json', '--config', config);
    const result = await session.buf.run(args, { cwd: dir });
    if (result.code === 0) return [];
    const findings: BufFinding[] = [];
    for (const line of result.stdout.split('\n')) {
      if (line.trim().startsWith('{')) findings.push(JSON.parse(line) as BufFinding);
    }
    if (findings.length === 0) throw bufError(result.stderr || result.stdout, session.layout);
    return findings;
  } finally {
    scratch.remove();
  }
}
