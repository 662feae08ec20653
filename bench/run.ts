/**
 * `npm run bench`: the app on the embedded database (or BENCH_DATABASE_URL's server — read through
 * config's test environment), a closed-loop load from this process on loopback, and the figures
 * that matter for an old phone and a small server: latency percentiles, throughput, page weight
 * and memory. Results go to docs/benchmarks.md. Bounded in time and count; loopback only.
 */
import { writeFileSync } from 'node:fs';
import { startTestApp } from '../test/support/app-server.js';
import { HttpClient } from '../test/support/http-client.js';

type Result = {
  name: string;
  requests: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  errors: number;
};

const DURATION_MS = 5_000;
const CONCURRENCY = 16;

async function load(name: string, make: () => () => Promise<Response>): Promise<Result> {
  const latencies: number[] = [];
  let errors = 0;
  const end = Date.now() + DURATION_MS;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      const send = make();
      while (Date.now() < end && latencies.length < 200_000) {
        const t = performance.now();
        try {
          const res = await send();
          await res.arrayBuffer();
          if (res.status >= 500) errors++;
        } catch {
          errors++;
        }
        latencies.push(performance.now() - t);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const pct = (p: number) =>
    Number(
      (latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? 0).toFixed(1),
    );
  return {
    name,
    requests: latencies.length,
    rps: Math.round(latencies.length / seconds),
    p50: pct(50),
    p95: pct(95),
    p99: pct(99),
    max: Number((latencies.at(-1) ?? 0).toFixed(1)),
    errors,
  };
}

async function main(): Promise<void> {
  const app = await startTestApp({
    env: { CODE_MAILS_PER_IP_PER_10_MIN: '100000', REGISTRATION_STARTS_PER_IP_PER_10_MIN: '1000000' },
  });
  const rssBefore = process.memoryUsage().rss;
  try {
    const weights: [string, number][] = [];
    for (const path of ['/', '/register/terms?kind=individual', '/assets/app.css', '/assets/app.js']) {
      const res = await fetch(app.url + path);
      weights.push([path, (await res.arrayBuffer()).byteLength]);
    }
    const results: Result[] = [];
    results.push(await load('GET / (portal home)', () => () => fetch(`${app.url}/`)));
    results.push(
      await load(
        'GET /register/terms (利用規約の確認, full terms)',
        () => () => fetch(`${app.url}/register/terms?kind=individual`),
      ),
    );
    results.push(
      await load('POST /register/terms → new flow (one DB insert)', () => {
        const client = new HttpClient(app.url);
        let token: string | null = null;
        return async () => {
          token ??= await client.token('/register/terms?kind=individual');
          return client.post('/register/terms', { _csrf: token, kind: 'individual', agree: 'yes' });
        };
      }),
    );
    results.push(
      await load('POST /register/terms then /register/email → code queued (two requests per row)', () => {
        const client = new HttpClient(app.url);
        let token: string | null = null;
        let n = 0;
        return async () => {
          token ??= await client.token('/register/terms?kind=individual');
          await client.post('/register/terms', { _csrf: token, kind: 'individual', agree: 'yes' });
          return client.post('/register/email', {
            _csrf: token,
            email: `bench${Math.random().toString(36).slice(2)}${n++}@example.jp`,
          });
        };
      }),
    );
    const rssAfter = process.memoryUsage().rss;
    const mb = (b: number) => (b / 1024 / 1024).toFixed(0);
    const table = results
      .map(
        (r) =>
          `| ${r.name} | ${r.requests} | ${r.rps} | ${r.p50} | ${r.p95} | ${r.p99} | ${r.max} | ${r.errors} |`,
      )
      .join('\n');
    const md = `# Benchmarks

Measured by \`npm run bench\` (bench/run.ts) on ${new Date().toISOString().slice(0, 10)}: the app and the load
generator in one Node ${process.version} process on a 2-core machine, embedded PGlite database,
${CONCURRENCY} concurrent clients for ${DURATION_MS / 1000} s per row, loopback only. Times in milliseconds.

| request | requests | req/s | p50 | p95 | p99 | max | 5xx/errors |
|---|---|---|---|---|---|---|---|
${table}

## Page weight (uncompressed)

${weights.map(([p, b]) => `- \`${p}\`: ${(b / 1024).toFixed(1)} KiB`).join('\n')}

No web fonts, no framework, one small script (progressive enhancement only): the first page is
usable on an old phone on a slow connection.

## Memory

- RSS with the embedded database loaded: ${mb(rssBefore)} MiB before the load, ${mb(rssAfter)} MiB after.

## Targets

- p95 of page GETs under 50 ms, of a registration POST under 100 ms, and of the two-request code step under 200 ms, on this machine with the embedded database (one connection; a PostgreSQL server with a pool does better under concurrency).
- No 5xx under load.
- HTML of any page under 30 KiB; CSS and JS under 30 KiB each.
`;
    writeFileSync(new URL('../docs/benchmarks.md', import.meta.url), md);
    console.log(md);
  } finally {
    await app.close();
  }
}

await main();
