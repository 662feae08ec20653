import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { deleteCookie, setCookie } from './cookies.js';
import { fakeNodeResponse } from '../../../test/support/fake-node-response.js';

describe('cookies', () => {
  it('appends each Set-Cookie to the node response under node:http, none in Hono’s headers', async () => {
    const outgoing = fakeNodeResponse();
    const app = new Hono().get('/', (c) => {
      setCookie(c, 'a', '1', { httpOnly: true, sameSite: 'Lax' });
      deleteCookie(c, 'b', { path: '/' });
      return c.redirect('/next', 303);
    });
    const res = await app.request('/', { headers: { cookie: 'b=old' } }, { outgoing });
    expect(outgoing.headers.get('set-cookie')).toEqual([
      'a=1; Path=/; HttpOnly; SameSite=Lax',
      'b=; Max-Age=0; Path=/',
    ]);
    expect(res.headers.get('set-cookie')).toBeNull();
    expect(res.headers.get('location')).toBe('/next');
  });

  it('keeps them in Hono’s headers where there is no node response, and tells what a deleted cookie held', async () => {
    let held: string | undefined;
    const app = new Hono().get('/', (c) => {
      setCookie(c, 'a', '1');
      held = deleteCookie(c, 'b');
      return c.body(null, 204);
    });
    const res = await app.request('/', { headers: { cookie: 'b=old' } });
    expect(res.headers.getSetCookie()).toEqual(['a=1; Path=/', 'b=; Max-Age=0; Path=/']);
    expect(held).toBe('old');
  });
});
