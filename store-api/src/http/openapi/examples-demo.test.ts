/**
 * Issue 19: every request example of the API document works against the demo shop `npm start`
 * seeds. Each one is sent as written (the staff routes with the token the sign-in example gets,
 * the cart routes with a new cart) to a freshly seeded shop, and must succeed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../db/seed/demo.ts';
import { startTestApp, type TestApp, testDialect } from '../../test-support/harness.ts';
import { buildOpenApi, type OpenApiDocument } from './generate.ts';

/** A node of the generated document, walked as plain JSON. */
type Node = any;

interface RequestExample {
  method: string;
  path: string;
  operationId: string;
  value: unknown;
  secured: boolean;
  cartToken: boolean;
}

function requestExamples(doc: OpenApiDocument): RequestExample[] {
  const out: RequestExample[] = [];
  for (const [path, item] of Object.entries(doc.paths as Record<string, Record<string, Node>>)) {
    for (const [method, op] of Object.entries(item)) {
      const example = op.requestBody?.content?.['application/json']?.examples?.example;
      if (!example) continue;
      out.push({
        method: method.toUpperCase(),
        path,
        operationId: String(op.operationId),
        value: example.value,
        secured: Array.isArray(op.security) && op.security.length > 0,
        cartToken: JSON.stringify(op.parameters ?? []).includes('x-cart-token'),
      });
    }
  }
  return out;
}

describe(`OpenAPI request examples against the demo shop (${testDialect})`, () => {
  let t: TestApp;
  let examples: RequestExample[];
  beforeAll(async () => {
    t = await startTestApp();
    await seedDemo(t.store);
    examples = requestExamples(buildOpenApi(t.routes));
  }, 180_000);
  afterAll(() => t.close());

  it('finds the examples in the document', () => {
    expect(examples.map((e) => e.operationId).sort()).toEqual([
      'postAdminAuthSignIn',
      'postAdminInventoryReceive',
      'postAdminProducts',
      'postStoreCartLines',
    ]);
  });

  it('answers every request example with a success', async () => {
    const signIn = examples.find((e) => e.operationId === 'postAdminAuthSignIn')!;
    const session = await t.call('POST', signIn.path, { body: signIn.value });
    expect(session.status, session.text).toBe(200);
    const failures: string[] = [];
    for (const e of examples) {
      expect(e.path, `${e.operationId}: an example on a path with parameters needs values`).not.toContain(
        '{',
      );
      const headers: Record<string, string> = {};
      if (e.cartToken) headers['x-cart-token'] = (await t.call('POST', '/store/cart')).body.token;
      const res = await t.call(e.method, e.path, {
        body: e.value,
        headers,
        ...(e.secured ? { token: session.body.accessToken } : {}),
      });
      if (res.status >= 300) failures.push(`${e.operationId}: ${res.status} ${res.text.slice(0, 300)}`);
    }
    expect(failures).toEqual([]);
  });
});
