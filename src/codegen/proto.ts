import { createHash } from 'node:crypto';
import { join, resolve } from 'node:path';
import { pathExists } from '../fs/list.js';
import { scratchDir, writeScratchFile } from '../fs/scratch.js';
import { ShipkitError } from '../errors.js';
import { readTextIfExists } from '../fs/read.js';
import { type BreakingCategory, type ProtoLayout, protoLayout } from './proto-input.js';
import {
  addLeadingComments,
  committedImage,
  type GeneratedFile,
  generatedFiles,
  type ImageJson,
} from './proto-image.js';
import { imageOfRequest } from './proto-request.js';
import { renderProtoClients } from './proto-client.js';
import type { BufFinding } from './proto-summary.js';
import { MARKER, markerText } from './write.js';

/** What proto codegen needs from the outside (src/process/buf.ts is the real one). */
export interface Buf {
  /**
   * protoc-gen-es, started at once (loaded while buf compiles), behind a relay plugin whose file is
   * written into `dir` (src/process/proto-relay.ts): buf runs `command`, and the request it sends
   * and protoc-gen-es's response come back here, not as files.
   */
  protocGenEs(dir: string): PluginHost;
  run(
    args: string[],
    options: { cwd: string; timeoutMs?: number; input?: Uint8Array },
  ): Promise<{ code: number; stdout: string; stderr: string }>;
}

export interface PluginHost {
  command: string[];
  /** buf's CodeGeneratorRequest, once buf has sent it. */
  request: Promise<Uint8Array>;
  /** The files of protoc-gen-es's CodeGeneratorResponse; undefined when it failed (buf says why). */
  response: Promise<GeneratedFile[] | undefined>;
  close(): void;
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
  const es = buf.protocGenEs(tmp);
  try {
    const template = {
      version: 'v2',
      plugins: [
        // One plugin process for every file (buf's default starts one per directory): the same
        // output, in half the time on Google Ads v25.
        {
          local: es.command,
          out: join(tmp, 'none'),
          opt: ['target=ts', 'import_extension=js'],
          include_imports: true,
          strategy: 'all',
        },
      ],
    };
    writeScratchFile(join(tmp, 'buf.gen.json'), JSON.stringify(template));
    const args = ['generate', '.', '--template', join(tmp, 'buf.gen.json'), '--error-format', 'text'];
    for (const p of layout.paths) args.push('--path', p);
    // The image comes with the request, before protoc-gen-es starts on it: it is described (buf
    // prints it as JSON) while protoc-gen-es runs, and the clients are rendered as soon as
    // protoc-gen-es answers, while buf ends. buf's own error, when it fails, comes first.
    const running = buf.run(args, { cwd: layout.bufDir });
    const request = await Promise.race([es.request, running.then(() => undefined)]);
    const rendered =
      request &&
      Promise.all([describeImage(request, buf, layout), es.response])
        .then(([image, response]) => response && renderFiles(image, response, options, layout, specDisplay))
        .catch((err: Error) => err);
    const result = await running;
    if (result.code !== 0) throw bufError(result.stderr || result.stdout, layout);
    const generated = await rendered;
    if (generated instanceof Error) throw generated;
    if (!generated) {
      throw new ShipkitError('buf finished without running protoc-gen-es', {
        hint: 'Run the command again; if it repeats, report it with the buf and protoc-gen-es versions.',
      });
    }
    return generated;
  } finally {
    es.close();
  }
}

function renderFiles(
  { image, targets, committed, hash }: Described,
  response: readonly GeneratedFile[],
  options: ProtoOptions,
  layout: ProtoLayout,
  specDisplay: string,
): ProtoGenerated {
  const files = generatedFiles(response);
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
 * The image of buf's request as buf prints it in JSON without source info (a third of the text),
 * with the leading comments the clients carry read from the binary; its files, the spec's own among
 * them, the committed text and its hash.
 */
async function describeImage(request: Uint8Array, buf: Buf, layout: ProtoLayout): Promise<Described> {
  const args = ['build', '-#format=binpb', '--exclude-source-info', '-o', '-#format=json'];
  const lean = imageOfRequest(request, { sourceInfo: false });
  const printed = await buf.run(args, { cwd: layout.bufDir, input: lean });
  if (printed.code !== 0) throw bufError(printed.stderr || printed.stdout, layout);
  const image = JSON.parse(printed.stdout) as ImageJson;
  const targets = new Set(image.file.map((f) => f.name).filter((n) => layout.isTarget(n)));
  const withServices = image.file.filter((f) => targets.has(f.name) && f.service?.length);
  const commented = new Set(withServices.map((f) => f.name));
  if (commented.size > 0) addLeadingComments(image, imageOfRequest(request), commented);
  const committed = committedImage(image, targets);
  return { image, targets, committed, hash: createHash('sha256').update(committed).digest('hex') };
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
