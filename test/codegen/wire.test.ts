import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toolPath } from '../../scripts/client-project.mjs';
import { generateFromFile } from '../../src/codegen/generate.js';
import { compile, fixtures, loopbackServer, tempDir, writeClients } from './helpers.js';

// Generated clients on the wire: Stripe's own operations (test/fixtures/codegen/extract-stripe.mjs)
// sent to Stoplight Prism, a mock server that checks every request against the spec, and the same
// requests recorded by a loopback server to check the bytes Prism does not look at.

// A spec written for this test: a multipart body with an object part, a file and an Encoding Object.
const MULTIPART = {
  openapi: '3.1.0',
  info: { title: 'uploads', version: '1' },
  paths: {
    '/docs': {
      post: {
        operationId: 'upload',
        requestBody: {
          required: true,
          content: {
            'multipart/form-data': {
              schema: {
                type: 'object',
                properties: {
                  meta: { type: 'object', properties: { title: { type: 'string' } } },
                  file: { type: 'string', contentMediaType: 'application/octet-stream' },
                  tags: { type: 'array', items: { type: 'string' } },
                  note: { type: 'string' },
                },
              },
              encoding: { note: { contentType: 'text/markdown' } },
            },
          },
        },
        responses: { '204': { description: 'stored' } },
      },
    },
  },
};

// biome-ignore lint/suspicious/noExplicitAny: the generated modules are loaded at run time
let stripe: any;
// biome-ignore lint/suspicious/noExplicitAny: loaded at run time
let uploads: any;
let prism: ChildProcess | undefined;
let prismUrl = '';
const violations: string[] = [];
const recorder = loopbackServer();
let recorderUrl = '';

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Starts Prism on loopback over `spec`; resolves once it listens (its log says so). */
async function startPrism(spec: string): Promise<string> {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [toolPath('prism'), 'mock', '-h', '127.0.0.1', '-p', String(port), '--errors', spec],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  prism = child;
  let log = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Prism did not start in 60 s:\n${log}`)), 60_000);
    const read = (chunk: Buffer) => {
      log += chunk.toString();
      if (log.includes('Prism is listening')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.on('exit', (code) => reject(new Error(`Prism exited with ${code}:\n${log}`)));
  });
  return `http://127.0.0.1:${port}`;
}

/** A fetch that keeps Prism's `sl-violations` header: what it found wrong with a request. */
async function watchedFetch(url: string, init: RequestInit): Promise<Response> {
  const res = await fetch(url, init);
  const v = res.headers.get('sl-violations');
  if (v) violations.push(`${init.method} ${new URL(url).pathname}: ${v}`);
  return res;
}

beforeAll(async () => {
  const dir = tempDir('wire');
  const spec = join(dir, 'stripe-subset.json');
  writeFileSync(spec, gunzipSync(readFileSync(join(fixtures, 'specs/stripe-subset.json.gz'))));
  const multipart = join(dir, 'uploads.json');
  writeFileSync(multipart, JSON.stringify(MULTIPART));
  const s = await generateFromFile(spec, { int64: 'string' });
  const u = await generateFromFile(multipart, { int64: 'string' });
  writeClients(dir, { stripe: s.files, uploads: u.files });
  writeFileSync(
    join(dir, 'stripe', 'usage.ts'),
    [
      "import { createClient } from './index.js';",
      'export async function use() {',
      "  const c = createClient({ credentials: { bearerAuth: 'sk_test' } });",
      '  // @ts-expect-error a GET sends no body: it is not part of the input',
      '  await c.getCustomers({ body: {} });',
      '  return c.getCustomers({ query: { limit: 3 } });',
      '}',
    ].join('\n'),
  );
  expect(compile(dir, { emit: true })).toBe('');
  stripe = await import(pathToFileURL(join(dir, 'js', 'stripe', 'index.js')).href);
  uploads = await import(pathToFileURL(join(dir, 'js', 'uploads', 'index.js')).href);
  recorderUrl = await recorder.start();
  recorder.handle((_q, _b, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{"id":"cus_1","object":"customer"}');
  });
  prismUrl = await startPrism(spec);
}, 240_000);

afterAll(async () => {
  prism?.kill();
  await recorder.close();
});

const customer = {
  email: 'ada@example.com',
  metadata: { order_id: '6735' },
  expand: ['default_source', 'invoice_settings.default_payment_method'],
  address: { city: 'Berlin', country: 'DE', line1: 'Unter den Linden 1' },
  preferred_locales: ['de', 'en'],
  invoice_settings: { custom_fields: [{ name: 'VAT', value: 'DE123' }] },
};

// Prism 5.14 reads a deepObject field into an object even when the request leaves it out, and then
// reports that object's required properties missing (POST /v1/payment_intents: automatic_payment_methods
// "must have required property 'enabled'"), and it expects arrays of objects as JSON items: operations
// with such fields are checked on the wire below, not here.
describe("Stripe's operations against Prism", () => {
  it('form bodies follow the Encoding Objects (deepObject): Prism accepts them', async () => {
    violations.length = 0;
    const client = stripe.createClient({
      baseUrl: prismUrl,
      fetch: watchedFetch,
      credentials: { bearerAuth: 'sk_test_1' },
      retry: false,
    });
    await expect(client.postCustomers({ body: customer })).resolves.toMatchObject({ object: 'string' });
    await expect(
      client.postCustomersCustomer({ path: { customer: 'cus_1' }, body: { metadata: { tier: 'gold' } } }),
    ).resolves.toMatchObject({ object: 'string' });
    expect(violations).toEqual([]);
  });

  it('a body declared on a GET is never sent: the call succeeds', async () => {
    violations.length = 0;
    const client = stripe.createClient({
      baseUrl: prismUrl,
      fetch: watchedFetch,
      credentials: { bearerAuth: 'k' },
    });
    // A caller from plain JavaScript may still pass one: it is left out, not sent.
    await expect(client.getCustomers({ query: { limit: 3 }, body: { limit: 3 } })).resolves.toBeDefined();
    expect(violations).toEqual([]);
  });

  it('multipart: a file part, a deepObject field as its own parts; Prism accepts them', async () => {
    violations.length = 0;
    const client = stripe.createClient({
      baseUrl: prismUrl,
      fetch: watchedFetch,
      credentials: { bearerAuth: 'k' },
    });
    await expect(
      client.postFiles({
        body: {
          file: new File(['%PDF-1.4'], 'evidence.pdf', { type: 'application/pdf' }),
          purpose: 'dispute_evidence',
          file_link_data: { create: true },
        },
      }),
    ).resolves.toMatchObject({ object: 'string' });
    expect(violations).toEqual([]);
  });
});

describe('the bytes on the wire', () => {
  it("a form body as Stripe's Encoding Objects ask: nested objects and arrays in brackets, arrays indexed", async () => {
    const client = stripe.createClient({ baseUrl: recorderUrl, credentials: { bearerAuth: 'k' } });
    await client.postCustomers({ body: customer });
    const sent = recorder.seen.at(-1);
    expect(sent?.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(sent?.body.split('&')).toEqual([
      'email=ada%40example.com',
      'metadata[order_id]=6735',
      'expand[0]=default_source',
      'expand[1]=invoice_settings.default_payment_method',
      'address[city]=Berlin',
      'address[country]=DE',
      'address[line1]=Unter%20den%20Linden%201',
      'preferred_locales[0]=de',
      'preferred_locales[1]=en',
      'invoice_settings[custom_fields][0][name]=VAT',
      'invoice_settings[custom_fields][0][value]=DE123',
    ]);
    // An array of objects (Prism 5.14 cannot read these: it expects JSON items, so only here).
    await client.postCheckoutSessions({
      body: { mode: 'payment', line_items: [{ price: 'price_1', quantity: 2 }] },
    });
    expect(recorder.seen.at(-1)?.body).toBe(
      'mode=payment&line_items[0][price]=price_1&line_items[0][quantity]=2',
    );
    await client.postPaymentIntents({
      body: { amount: 2000, currency: 'eur', payment_method_types: ['card'], metadata: { order_id: '6735' } },
    });
    expect(recorder.seen.at(-1)?.body).toBe(
      'amount=2000&currency=eur&payment_method_types[0]=card&metadata[order_id]=6735',
    );
  });

  it('a GET never carries a body, even when handed one', async () => {
    const client = stripe.createClient({ baseUrl: recorderUrl, credentials: { bearerAuth: 'k' } });
    await client.getCustomers({ query: { limit: 3 }, body: { limit: 3 } });
    const sent = recorder.seen.at(-1);
    expect(sent?.method).toBe('GET');
    expect(sent?.body).toBe('');
    expect(sent?.headers['content-type']).toBeUndefined();
  });

  it('multipart parts carry their content types: objects application/json, files their own', async () => {
    const client = uploads.createClient({ baseUrl: recorderUrl });
    recorder.handle((_q, _b, res) => {
      res.writeHead(204);
      res.end();
    });
    await client.upload({
      body: {
        meta: { title: 'Q3' },
        file: new File(['bytes'], 'q3.bin', { type: 'application/octet-stream' }),
        tags: ['a', 'b'],
        note: '# hi',
      },
    });
    const sent = recorder.seen.at(-1);
    const boundary = /boundary=(.+)$/.exec(String(sent?.headers['content-type']))?.[1] ?? '?';
    const parts = (sent?.body ?? '')
      .split(`--${boundary}`)
      .slice(1, -1)
      .map((p) => p.replace(/^\r\n/, '').replace(/\r\n$/, ''));
    expect(parts).toEqual([
      'Content-Disposition: form-data; name="meta"\r\nContent-Type: application/json\r\n\r\n{"title":"Q3"}',
      'Content-Disposition: form-data; name="file"; filename="q3.bin"\r\nContent-Type: application/octet-stream\r\n\r\nbytes',
      'Content-Disposition: form-data; name="tags"\r\n\r\na',
      'Content-Disposition: form-data; name="tags"\r\n\r\nb',
      'Content-Disposition: form-data; name="note"\r\nContent-Type: text/markdown\r\n\r\n# hi',
    ]);
    expect((sent?.body ?? '').endsWith(`--${boundary}--\r\n`)).toBe(true);
  });
});
