import { createServer, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { paced } from './paced.js';

const servers: ReturnType<typeof createServer>[] = [];

async function serve(handler: RequestListener): Promise<string> {
  const server = createServer(handler);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

afterEach(async () => {
  for (const s of servers.splice(0)) {
    s.closeAllConnections();
    await new Promise((resolve) => s.close(resolve));
  }
});

describe('paced', () => {
  it('sends at the asked rate, evenly spread, with the asked headers', async () => {
    const arrivals: number[] = [];
    const cookies = new Set<string | undefined>();
    const base = await serve((req, res) => {
      arrivals.push(performance.now());
      cookies.add(req.headers.cookie);
      res.end(req.url === '/missing' ? '' : 'hello');
    });
    const result = await paced({ url: `${base}/`, rate: 200, seconds: 1, headers: { cookie: 'a=b' } });

    expect(result.requests).toBe(200);
    expect(result.errors).toBe(0);
    expect(result.non2xx).toBe(0);
    expect(result.behind).toBe(false);
    expect(result.achievedRate).toBeGreaterThan(190);
    expect([...cookies]).toEqual(['a=b']);
    // No 100 ms window holds much more than its share (20): the requests are not sent in bursts.
    const first = arrivals[0] ?? 0;
    const windows = new Map<number, number>();
    for (const t of arrivals) {
      const w = Math.floor((t - first) / 100);
      windows.set(w, (windows.get(w) ?? 0) + 1);
    }
    expect(Math.max(...windows.values())).toBeLessThanOrEqual(30);
    expect(windows.size).toBeGreaterThanOrEqual(10);
  });

  it('counts the wait behind a slow server from each request’s intended time', async () => {
    // One connection, a request every 25 ms, answered after 50 ms: each waits 25 ms longer than the
    // one before (a closed-loop tool would see 50 ms every time).
    const base = await serve((_req, res) => {
      setTimeout(() => res.end('slow'), 50);
    });
    const result = await paced({ url: base, rate: 40, seconds: 0.5, connections: 1 });

    expect(result.requests).toBe(20);
    expect(result.p50).toBeGreaterThan(200);
    expect(result.max).toBeGreaterThan(450);
    expect(result.behind).toBe(true);
  });

  it('waits for the end of a chunked body, and counts what is not 2xx', async () => {
    const base = await serve((req, res) => {
      res.statusCode = req.url === '/missing' ? 404 : 200;
      res.write('first part');
      setTimeout(() => res.end('last part'), 30);
    });
    const ok = await paced({ url: `${base}/`, rate: 20, seconds: 0.25 });
    const missing = await paced({ url: `${base}/missing`, rate: 20, seconds: 0.25 });

    expect(ok.requests).toBe(5);
    expect(ok.p50).toBeGreaterThanOrEqual(30);
    expect(ok.errors + ok.non2xx).toBe(0);
    expect(missing.non2xx).toBe(5);
  });
});
