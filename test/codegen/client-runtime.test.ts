import type { ServerResponse } from 'node:http';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateFromFile } from '../../src/codegen/generate.js';
import { compile, loopbackServer, root, tempDir, writeClients } from './helpers.js';

// The example spec's client, compiled by tsc and run against a loopback HTTP server.
const loopback = loopbackServer();
const seen = loopback.seen;
const json = (res: ServerResponse, status: number, text: string, headers: Record<string, string> = {}) => {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(text);
};

// biome-ignore lint/suspicious/noExplicitAny: the generated module is loaded at run time
let mod: any;
let baseUrl = '';
// biome-ignore lint/suspicious/noExplicitAny: loaded at run time
let templates: any;
// biome-ignore lint/suspicious/noExplicitAny: loaded at run time
let schemas: any;

beforeAll(async () => {
  const dir = tempDir('runtime');
  const g = await generateFromFile(join(root, 'examples/api/openapi.yaml'), {
    int64: 'string',
    mocks: true,
    zod: true,
  });
  writeClients(dir, { acme: g.files });
  // Type-level checks: discriminators narrow, readOnly stays out of requests, errors are typed.
  const { writeFileSync } = await import('node:fs');
  writeFileSync(
    join(dir, 'acme', 'usage.ts'),
    [
      "import { createClient, isApiError, Category, type PaymentMethod, type ProductRequest, type OrderRequest, type Order } from './index.js';",
      'export function brand(m: PaymentMethod): string { return m.type === "card" ? m.brand : m.iban; }',
      "const ok: ProductRequest = { sku: 'a', name: 'n', price: { amount: 1, currency: 'EUR' }, category: Category.Tools };",
      '// @ts-expect-error id is readOnly: not part of a request',
      "const bad: ProductRequest = { id: '1', sku: 'a', name: 'n', price: { amount: 1, currency: 'EUR' }, category: 'tools' };",
      "const order: OrderRequest = { lines: [{ productId: '9007199254740993', quantity: 1 }], shipping: { line1: 'x', city: 'y', country: 'DE' }, cardCvc: '123' };",
      '// @ts-expect-error cardCvc is writeOnly: not part of a response',
      'export const cvc = ({} as Order).cardCvc;',
      'export async function use() {',
      "  const c = createClient({ credentials: { bearerAuth: 't' } });",
      "  try { await c.getProduct({ path: { productId: '1' } }); } catch (e) {",
      "    if (isApiError(e, 'getProduct') && e.detail.status === 404) return e.detail.body.title;",
      '  }',
      '  // @ts-expect-error path is required',
      '  await c.getProduct({});',
      '  return [ok, bad, order];',
      '}',
    ].join('\n'),
  );
  const errors = compile(dir, { emit: true });
  expect(errors).toBe('');
  mod = await import(pathToFileURL(join(dir, 'js', 'acme', 'index.js')).href);
  schemas = await import(pathToFileURL(join(dir, 'js', 'acme', 'schemas.js')).href);
  templates = await import(pathToFileURL(join(dir, 'js', 'acme', 'mocks.test-template.js')).href);
  baseUrl = await loopback.start();
}, 180_000);
afterAll(() => loopback.close());

describe('generated fetch client', () => {
  it('serializes path, query (pipe, space, deepObject), header params and auth; keeps int64 exact', async () => {
    seen.length = 0;
    loopback.handle((_q, _b, res) =>
      json(
        res,
        200,
        '{"items":[{"id":9007199254740993,"sku":"A","name":"Anvil","price":{"amount":5,"currency":"EUR"},"category":"tools","stock":{"w1":3}}],"next":null}',
      ),
    );
    const client = mod.createClient({ baseUrl, credentials: { bearerAuth: 'tok' } });
    const page = await client.listProducts({
      query: {
        tags: ['a', 'b c'],
        sort: ['price', '-name'],
        filter: { minPrice: 1, category: 'tools' },
        limit: 5,
      },
      header: { 'Accept-Language': 'de' },
    });
    expect(seen[0]?.url).toBe(
      '/products?filter[minPrice]=1&filter[category]=tools&limit=5&sort=price%20-name&tags=a|b%20c',
    );
    expect(seen[0]?.headers.authorization).toBe('Bearer tok');
    expect(seen[0]?.headers['accept-language']).toBe('de');
    expect(page.items[0].id).toBe('9007199254740993');
    expect(page.items[0].stock).toEqual({ w1: 3 });
    // The zod schemas agree with the types (tsc checked z.ZodType<T.X>) and with the decoded data.
    expect(schemas.ProductPage.parse(page)).toEqual(page);
    expect(() => schemas.Product.parse({ ...page.items[0], id: 1 })).toThrow();
  });

  it('typed errors carry the status and the parsed body', async () => {
    loopback.handle((_q, _b, res) => json(res, 404, '{"title":"Not Found","status":404}'));
    const client = mod.createClient({ baseUrl, retry: false });
    const err = await client.getProduct({ path: { productId: '7' } }).catch((e: unknown) => e);
    expect(mod.isApiError(err, 'getProduct')).toBe(true);
    expect(err.detail).toEqual({ status: 404, body: { title: 'Not Found', status: 404 } });
  });

  it('retries idempotent requests honouring Retry-After; not a POST unless told', async () => {
    let n = 0;
    loopback.handle((_q, _b, res) => {
      n++;
      if (n === 1) json(res, 503, '{}', { 'retry-after': '0' });
      else
        json(
          res,
          200,
          '{"id":1,"lines":[],"status":"paid","shipping":{"line1":"a","city":"b","country":"DE"}}',
        );
    });
    const client = mod.createClient({ baseUrl, retry: { minDelayMs: 1 } });
    const order = await client.getOrder({ path: { orderId: '12' }, cookie: { session: 's 1' } });
    expect(n).toBe(2);
    expect(order.id).toBe('1');
    expect(seen.at(-1)?.headers.cookie).toBe('session=s%201');
    n = 0;
    const body = {
      lines: [{ productId: 1n, quantity: 1 }],
      shipping: { line1: 'a', city: 'b', country: 'DE' },
    };
    const err = await client.createOrder({ body }).catch((e: unknown) => e);
    expect([n, err.status]).toEqual([1, 503]);
    expect(seen.at(-1)?.body).toBe(
      '{"lines":[{"productId":1,"quantity":1}],"shipping":{"line1":"a","city":"b","country":"DE"}}',
    );
    n = 0;
    await client.createOrder({ body }, { retry: { retryNonIdempotent: true, minDelayMs: 1 } });
    expect(n).toBe(2);
  });

  it('times out and honours an AbortSignal', async () => {
    loopback.handle((_q, _b, res) => setTimeout(() => json(res, 200, '{}'), 400));
    const client = mod.createClient({ baseUrl, retry: false });
    const timedOut = await client
      .getProduct({ path: { productId: '1' } }, { timeoutMs: 20 })
      .catch((e: Error) => e);
    expect(timedOut.name).toBe('TimeoutError');
    const controller = new AbortController();
    const pending = client
      .getProduct({ path: { productId: '1' } }, { signal: controller.signal })
      .catch((e: Error) => e);
    controller.abort(new Error('user gave up'));
    expect((await pending).message).toBe('user gave up');
  });

  it('sends form-urlencoded and multipart bodies, and apiKey auth', async () => {
    loopback.handle((_q, _b, res) => json(res, 200, '{"url":"https://x"}'));
    const client = mod.createClient({ baseUrl, credentials: { apiKey: 'k1' } });
    await client.cancelOrder({ path: { orderId: '5' }, body: { reason: 'fraud', notify: true } });
    expect(seen.at(-1)?.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(seen.at(-1)?.body).toBe('reason=fraud&notify=true');
    expect(seen.at(-1)?.headers['x-api-key']).toBe('k1');
    await client.uploadProductImage({
      path: { productId: '5' },
      body: { file: new Blob(['png!']), alt: 'pic' },
    });
    expect(seen.at(-1)?.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    expect(seen.at(-1)?.body).toContain('png!');
  });

  it('mocks: a fake client answering from the spec examples, and a runnable test template per operation', async () => {
    const fake = mod.createMockClient({
      createProduct: (input: { body: { name: string } }) => ({ id: '1', ...input.body }),
    });
    expect(await fake.getProduct({ path: { productId: '42' } })).toMatchObject({
      id: '42', // int64: as the client returns it (string with int64: string)
      name: 'Rocket skates',
    });
    expect(await fake.createProduct({ body: { name: 'Anvil' } })).toEqual({ id: '1', name: 'Anvil' });
    await expect(fake.getOrder({ path: { orderId: '1' } })).rejects.toThrow(/no example for getOrder/);
    expect(fake.calls.map((c: { operation: string }) => c.operation)).toEqual([
      'getProduct',
      'createProduct',
      'getOrder',
    ]);
    await templates.operationTests.listPaymentMethods();
    await expect(templates.operationTests.getOrder()).rejects.toThrow(/TODO: answer getOrder/);
  });
});
