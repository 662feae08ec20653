/**
 * Page serving: each screen at full load (autocannon, 32 connections in a closed loop: as many
 * requests as the server answers) and at half of that rate, sent at a steady pace (bench/paced.ts),
 * beside its ceiling; and the weight of each screen as a browser downloads it.
 */
import { request } from 'node:http';
import autocannon from 'autocannon';
import { Visitor, formToken } from './client.js';
import type { CodeMailbox } from './mailbox.js';
import { PROFILE } from './flows.js';
import { APPLY_PROCEDURE } from './apply.js';
import { paced } from './paced.js';

/**
 * A screen to measure, and the ceiling it is judged against: `hello` (the bare Hono route) for the
 * pages that read nothing, `database` (plain node:http + the driver, making マイページ's queries) for
 * those that read the database.
 */
export type Screen = { name: string; path: string; cookie?: string; ceiling: CeilingKind };
export type CeilingKind = 'hello' | 'database';

export type PageResult = {
  name: string;
  path: string;
  ceiling: CeilingKind;
  rps: number;
  p50: number;
  p99: number;
  /**
   * p50 and p99 (ms) when requests arrive at a steady half of `rps`, each counted from the time it
   * was due (bench/paced.ts)
   */
  halfP50: number;
  halfP99: number;
  /** the rate the half-load run reached, and whether its generator fell behind its schedule */
  halfRate: number;
  halfBehind: boolean;
  errors: number;
  non2xx: number;
};

/** Like a browser: brotli or gzip; a new visitor unless the screen needs the flow's cookies. */
export const BROWSER_HEADERS = { 'accept-encoding': 'br, gzip', 'user-agent': 'Mozilla/5.0 (bench)' };

/** Closed loop: 32 connections, each sending its next request when the last one is answered. */
async function cannon(url: string, headers: Record<string, string>, seconds: number) {
  return autocannon({ url, headers, connections: 32, duration: seconds });
}

const tenth = (ms: number) => Math.round(ms * 10) / 10;

export async function measurePage(screen: Screen, url: string, seconds: number): Promise<PageResult> {
  const headers = { ...BROWSER_HEADERS, ...(screen.cookie ? { cookie: screen.cookie } : {}) };
  // One second first, not counted: the code of this screen is compiled and its caches are filled,
  // so that what is measured is the steady state a busy day brings.
  await cannon(url, headers, 1);
  const full = await cannon(url, headers, seconds);
  // Half load is a steady arrival rate, not autocannon's `overallRate`: that lets each connection
  // send its share of a second at full speed and then wait for the next second (full load for half
  // of each second), and adds phantom samples to its latencies in a wrong unit (`Math.ceil(1/rate)`
  // ms for the expected interval). See bench/findings.md.
  const half = await paced({
    url,
    headers,
    rate: Math.max(1, full.requests.average / 2),
    seconds,
    connections: 32,
  });
  return {
    name: screen.name,
    path: screen.path,
    ceiling: screen.ceiling,
    rps: full.requests.average,
    p50: full.latency.p50,
    p99: full.latency.p99,
    halfP50: tenth(half.p50),
    halfP99: tenth(half.p99),
    halfRate: half.achievedRate,
    halfBehind: half.behind,
    errors: full.errors + half.errors,
    non2xx: full.non2xx + half.non2xx,
  };
}

/** A visitor whose flow has gone through `steps` POSTs of the registration, and stopped there. */
async function flowAt(base: string, mailbox: CodeMailbox, label: string, steps: number): Promise<string> {
  const address = `bench-screens-${label}-${steps}-${Date.now().toString(36)}@example.jp`;
  const v = new Visitor(base);
  const token = formToken((await v.get('/register/terms?kind=individual')).html);
  const posts: (() => Promise<unknown>)[] = [
    () => v.post('/register/terms', token, { kind: 'individual', agree: 'yes' }),
    () => v.post('/register/email', token, { email: address }),
    async () => v.post('/register/code', token, { code: await mailbox.code(address) }),
    () => v.post('/register/profile', token, PROFILE),
    () => v.post('/register/confirm', token, {}),
  ];
  for (const post of posts.slice(0, steps)) await post();
  return v.cookieHeader();
}

/**
 * The registration screens, each reached by a flow of its own that stopped there, so that its GET
 * shows what a person sees at that step (the flow's cookies go with every request of that row).
 */
export async function registrationScreens(
  base: string,
  mailbox: CodeMailbox,
  label: string,
): Promise<Screen[]> {
  const done = await flowAt(base, mailbox, label, 5);
  return [
    { name: 'トップページ', path: '/', ceiling: 'hello' },
    { name: '利用者の新規登録', path: '/register', ceiling: 'hello' },
    { name: '利用規約の確認', path: '/register/terms?kind=individual', ceiling: 'hello' },
    {
      name: 'メールアドレスの登録',
      path: '/register/email',
      cookie: await flowAt(base, mailbox, label, 1),
      ceiling: 'database',
    },
    {
      name: 'メールアドレスの登録完了',
      path: '/register/code',
      cookie: await flowAt(base, mailbox, label, 2),
      ceiling: 'database',
    },
    {
      name: '利用者情報の入力',
      path: '/register/profile',
      cookie: await flowAt(base, mailbox, label, 3),
      ceiling: 'database',
    },
    {
      name: '入力内容の確認',
      path: '/register/confirm',
      cookie: await flowAt(base, mailbox, label, 4),
      ceiling: 'database',
    },
    { name: '本登録の完了', path: '/register/complete', cookie: done, ceiling: 'database' },
    { name: 'マイページ', path: '/mypage', cookie: done, ceiling: 'database' },
    { name: 'ログイン', path: '/login', ceiling: 'hello' },
    ...(await procedureScreens(base, done)),
  ];
}

/**
 * The online procedures' screens (issue 13): 手続一覧 with a keyword, a procedure's page, a form
 * page of a draft (started by 申請する with the signed-in person's session) and 申請履歴. Each reads
 * the database (手続管理's settings, the draft, the applications).
 */
async function procedureScreens(base: string, signedIn: string): Promise<Screen[]> {
  const v = new Visitor(base).adopt(signedIn);
  const token = formToken((await v.get('/mypage')).html);
  const started = await v.post(`/procedures/${APPLY_PROCEDURE}/apply`, token, {});
  if (started.status !== 200 || !started.via.includes('/pages/'))
    throw new Error(`申請する: got ${started.status} at ${started.via}`);
  return [
    {
      name: '手続一覧（キーワード）',
      path: `/procedures?q=${encodeURIComponent('ごみ')}`,
      ceiling: 'database',
    },
    { name: '手続の案内', path: `/procedures/${APPLY_PROCEDURE}`, ceiling: 'database' },
    { name: '申請フォーム', path: started.via, cookie: v.cookieHeader(), ceiling: 'database' },
    { name: '申請履歴', path: '/mypage/applications', cookie: v.cookieHeader(), ceiling: 'database' },
  ];
}

/** Bytes on the wire of a GET (compressed as a browser asks), without reading them as text. */
function wireBytes(
  url: string,
  cookie?: string,
): Promise<{ bytes: number; body: Buffer; encoding?: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: { ...BROWSER_HEADERS, ...(cookie ? { cookie } : {}) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (d: Buffer) => chunks.push(d));
      res.on('end', () => {
        const body = Buffer.concat(chunks);
        resolve({ bytes: body.length, body, encoding: res.headers['content-encoding'] });
      });
    });
    req.on('error', reject);
    req.end();
  });
}

export type Weight = {
  name: string;
  path: string;
  htmlBytes: number;
  assetBytes: number;
  total: number;
  requests: number;
  /** subresources that load from another origin (none may) */
  otherOrigins: string[];
  /** stylesheets and scripts without defer/async in the head: they hold the first paint */
  renderBlocking: string[];
};

/** The weight of each screen: its HTML and every file it loads, as sent to a browser. */
export async function pageWeights(base: string, screens: Screen[]): Promise<Weight[]> {
  const out: Weight[] = [];
  const { brotliDecompressSync, gunzipSync } = await import('node:zlib');
  for (const s of screens) {
    const page = await wireBytes(base + s.path, s.cookie);
    const html = (
      page.encoding === 'br'
        ? brotliDecompressSync(page.body)
        : page.encoding === 'gzip'
          ? gunzipSync(page.body)
          : page.body
    ).toString();
    const refs = [
      ...[...html.matchAll(/<link[^>]+rel="stylesheet"[^>]*href="([^"]+)"/g)].map((m) => ({
        url: m[1] ?? '',
        blocking: true,
      })),
      ...[...html.matchAll(/<script([^>]*)src="([^"]+)"([^>]*)>/g)].map((m) => ({
        url: m[2] ?? '',
        blocking: !/\b(defer|async)\b/.test(`${m[1]} ${m[3]}`),
      })),
      ...[...html.matchAll(/<img[^>]+src="([^"]+)"/g)].map((m) => ({ url: m[1] ?? '', blocking: false })),
    ];
    const origin = new URL(base).origin;
    let assetBytes = 0;
    const otherOrigins: string[] = [];
    const renderBlocking: string[] = [];
    for (const ref of refs) {
      if (ref.url.startsWith('data:')) continue;
      const url = new URL(ref.url, base + s.path);
      if (url.origin !== origin) {
        otherOrigins.push(url.href);
        continue;
      }
      if (ref.blocking) renderBlocking.push(url.pathname);
      assetBytes += (await wireBytes(url.href)).bytes;
    }
    out.push({
      name: s.name,
      path: s.path,
      htmlBytes: page.bytes,
      assetBytes,
      total: page.bytes + assetBytes,
      requests: 1 + refs.filter((r) => !r.url.startsWith('data:')).length,
      otherOrigins,
      renderBlocking,
    });
  }
  return out;
}
