/** GET /api/postal-codes/:code — the address lookup behind the 郵便番号 field (no personal data). */
import { Hono } from 'hono';
import { lookupPostalCode } from '../../../app/postal-codes/postal-codes.js';
import type { AppEnv } from '../../shared/context.js';

export function postalRoutes() {
  const r = new Hono<AppEnv>();
  r.get('/api/postal-codes/:code', (c) => {
    const addresses = lookupPostalCode(c.req.param('code').slice(0, 20));
    c.header('Cache-Control', 'public, max-age=86400');
    return c.json({ addresses }, addresses.length > 0 ? 200 : 404);
  });
  return r;
}
