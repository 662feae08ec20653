import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import type { AppEnv } from './context.js';
import { clientMeta } from './security.js';

function appWith(trustProxy: boolean) {
  const app = new Hono<AppEnv>();
  app.use('*', clientMeta(trustProxy));
  app.get('/', (c) => c.text(c.get('meta').ip ?? 'none'));
  return app;
}

describe('the client address used for per-IP limits and the audit log', () => {
  it('behind the load balancer, is the entry it added (the last), not one the client wrote', async () => {
    const res = await appWith(true).request('/', {
      headers: { 'x-forwarded-for': '203.0.113.9, 198.51.100.7' },
    });
    expect(await res.text()).toBe('198.51.100.7');
  });

  it('without a trusted proxy, ignores X-Forwarded-For entirely', async () => {
    const res = await appWith(false).request('/', { headers: { 'x-forwarded-for': '203.0.113.9' } });
    expect(await res.text()).toBe('none'); // app.request() has no socket; a forged header is not used
  });
});
