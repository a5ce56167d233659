/**
 * The harness's answer check on a two-route document: what it accepts and what it reports
 * (the HTTP suite itself only shows that real answers pass).
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineRoute, referenced } from '../route.ts';
import { buildOpenApi } from './generate.ts';
import { type Answer, ResponseChecker } from './response-check.ts';

const thing = z.object({ id: z.uuid(), name: z.string(), createdAt: z.iso.datetime() });
const routes = [
  defineRoute({
    method: 'get',
    path: '/admin/things/:id',
    summary: 'One thing',
    tag: 'Things',
    access: 'staff',
    params: z.object({ id: z.uuid() }),
    response: thing,
    otherAnswers: [{ status: 304, description: 'Not modified.' }],
    errors: ['PRODUCT_NOT_FOUND'],
    handler: async () => ({}),
  }),
  defineRoute({
    method: 'post',
    path: '/admin/things/special',
    summary: 'A literal segment',
    tag: 'Things',
    access: 'public',
    body: z.object({ brandId: z.uuid() }),
    response: thing,
    status: 201,
    errors: referenced('BRAND_NOT_FOUND'),
    handler: async () => ({}),
  }),
];
const checker = new ResponseChecker(buildOpenApi(routes, { version: '0.0.0' }));

const id = '01a21149-2890-708b-9da1-6b6cfb1961f5';
const good = { id, name: 'Mila', createdAt: '2026-11-25T05:21:41.000Z' };
const json = (status: number, body: unknown, type = 'application/json'): Omit<Answer, 'method' | 'url'> => ({
  status,
  headers: new Headers({ 'content-type': `${type}; charset=utf-8` }),
  text: JSON.stringify(body),
});
const problem = (status: number, code: string) =>
  json(
    status,
    {
      type: `urn:shoebox:problem:${code}`,
      title: code,
      status,
      code,
      detail: 'x',
      instance: '/',
      requestId: 'r',
    },
    'application/problem+json',
  );
const get = (url: string, answer: Omit<Answer, 'method' | 'url'>) =>
  checker.check({ method: 'GET', url, ...answer });
const message = (outcome: ReturnType<typeof get>) => (outcome.kind === 'violation' ? outcome.message : '');

describe('response check', () => {
  it('accepts documented answers: success body, 304, codes under their status', () => {
    expect(get(`/admin/things/${id}?x=1`, json(200, good)).kind).toBe('validated');
    expect(get(`/admin/things/${id}`, { status: 304, headers: new Headers(), text: '' }).kind).toBe(
      'validated',
    );
    expect(get(`/admin/things/${id}`, problem(404, 'PRODUCT_NOT_FOUND')).kind).toBe('validated');
    expect(get(`/admin/things/${id}`, problem(401, 'TOKEN_EXPIRED')).kind).toBe('validated');
    const post = checker.check({
      method: 'POST',
      url: '/admin/things/special',
      ...problem(422, 'BRAND_NOT_FOUND'),
    });
    expect(post.kind).toBe('validated');
  });

  it('reports a body that breaks its schema, naming the operation, status and field', () => {
    const outcome = get(`/admin/things/${id}`, json(200, { ...good, name: 3, createdAt: 'yesterday' }));
    expect(message(outcome)).toMatch(/GET \/admin\/things\/\{id\} \(getAdminThingsById\) 200/);
    expect(message(outcome)).toMatch(/\/name must be string/);
    expect(message(outcome)).toMatch(/\/createdAt must match format "date-time"/);
  });

  it('reports undocumented statuses, media types and codes, and codes under the wrong status', () => {
    expect(message(get(`/admin/things/${id}`, json(202, good)))).toMatch(/status 202 is not documented/);
    expect(message(get(`/admin/things/${id}`, json(200, good, 'text/plain')))).toMatch(
      /media type "text\/plain"/,
    );
    expect(message(get(`/admin/things/${id}`, problem(409, 'VERSION_CONFLICT')))).toMatch(/status 409/);
    expect(message(get(`/admin/things/${id}`, problem(404, 'BRAND_NOT_FOUND')))).toMatch(
      /code BRAND_NOT_FOUND is not documented under 404/,
    );
    const post = checker.check({
      method: 'POST',
      url: '/admin/things/special',
      ...problem(404, 'BRAND_NOT_FOUND'),
    });
    expect(message(post)).toMatch(/status 404 is not documented/);
  });

  it('lets unknown routes answer ROUTE_NOT_FOUND, and transport codes through anywhere', () => {
    expect(get('/admin/nothing', problem(404, 'ROUTE_NOT_FOUND')).kind).toBe('unrouted');
    expect(
      checker.check({ method: 'DELETE', url: `/admin/things/${id}`, ...problem(404, 'ROUTE_NOT_FOUND') })
        .kind,
    ).toBe('unrouted');
    expect(get('/admin/nothing', json(200, {})).kind).toBe('violation');
    expect(get(`/admin/things/${id}`, problem(431, 'REQUEST_HEADERS_TOO_LARGE')).kind).toBe('transport');
    expect(get('/docs/init.js', { status: 200, headers: new Headers(), text: 'x' }).kind).toBe(
      'undocumented-path',
    );
  });

  it('prefers a literal segment over a parameter', () => {
    const outcome = checker.check({ method: 'POST', url: '/admin/things/special', ...json(201, good) });
    expect(outcome).toEqual({
      kind: 'validated',
      operation: 'POST /admin/things/special (postAdminThingsSpecial)',
    });
  });
});
