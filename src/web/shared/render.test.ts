import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { sendText } from './render.js';
import { fakeNodeResponse } from '../../../test/support/fake-node-response.js';

const BIG = Buffer.from('<p>川崎</p>'.repeat(400));
const SMALL = Buffer.from('<p>short</p>');

describe('sendText under node:http', () => {
  it('puts Vary and Content-Encoding on the node response, and the type beside the body', async () => {
    const outgoing = fakeNodeResponse();
    const app = new Hono().get('/', (c) => sendText(c, BIG, 'text/html; charset=UTF-8', 200));
    const res = await app.request('/', { headers: { 'accept-encoding': 'br, gzip' } }, { outgoing });
    expect(Object.fromEntries(outgoing.headers)).toEqual({
      vary: 'Accept-Encoding',
      'content-encoding': 'br',
    });
    // @hono/node-server writes its own default type when the answer has none: the type must be here.
    expect(res.headers.get('content-type')).toBe('text/html; charset=UTF-8');
    expect((await res.arrayBuffer()).byteLength).toBeLessThan(BIG.length);
  });

  it('removes a Content-Encoding an earlier answer to the same request left, when this one is not compressed', async () => {
    const outgoing = fakeNodeResponse();
    const app = new Hono().get('/', (c) => {
      sendText(c, BIG, 'text/html; charset=UTF-8', 200);
      return sendText(c, SMALL, 'text/plain; charset=UTF-8', 500);
    });
    const res = await app.request('/', { headers: { 'accept-encoding': 'br' } }, { outgoing });
    expect(res.status).toBe(500);
    expect(outgoing.headers.get('content-encoding')).toBeUndefined();
    expect(res.headers.get('content-type')).toBe('text/plain; charset=UTF-8');
    expect(Buffer.from(await res.arrayBuffer()).toString()).toBe('<p>short</p>');
  });

  it('uses Hono headers where there is no node response (app.request in tests)', async () => {
    const app = new Hono().get('/', (c) => sendText(c, BIG, 'text/html; charset=UTF-8', 200));
    const res = await app.request('/', { headers: { 'accept-encoding': 'gzip' } });
    expect(res.headers.get('content-type')).toBe('text/html; charset=UTF-8');
    expect(res.headers.get('content-encoding')).toBe('gzip');
    expect(res.headers.get('vary')).toBe('Accept-Encoding');
  });
});
