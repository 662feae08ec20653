/** Writes docs/performance.md and its charts from one benchmark run, and judges the budgets. */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';
import type { FlowResult } from './flows.js';
import type { CeilingKind, PageResult, Weight } from './pages.js';
import type { ScaleResult } from './scale.js';

export type DatabaseRun = {
  driver: 'pglite' | 'postgres';
  rssAtRest: number;
  /** each ceiling: the mean of its measurements before and after the pages */
  ceilings: Record<CeilingKind, PageResult>;
  ceilingRuns: Record<CeilingKind, PageResult[]>;
  pages: PageResult[];
  pagesPeak: number;
  registration: FlowResult;
  /** CPU ms per completed registration: the server process (argon2id included), PostgreSQL, the benchmark */
  registrationCpu: { server: number; postgres: number; loadGenerator: number };
  registrationPeak: number;
  signIn: FlowResult;
  signInPeak: number;
  /** 申請する end to end (issue 13): a draft, 次へ on each page, 申請する, 申請の完了 */
  apply: FlowResult;
  applyPeak: number;
};

export type Results = {
  date: string;
  command: string;
  machine: { cores: number; model: string; memoryGiB: number; node: string; os: string; loadAtStart: number };
  settings: { pageSeconds: number; flowSeconds: number; flowUsers: number };
  /** the mean of argon2Runs: measured at the start and again at the end of the run */
  argon2: { hashesPerSecond: number; verifiesPerSecond: number };
  argon2Runs: { hashesPerSecond: number; verifiesPerSecond: number }[];
  pgliteBaseline: number;
  runs: DatabaseRun[];
  weights: Weight[];
  coldStart: { firstMs: number; againMs: number };
  scale: ScaleResult[];
};

export const BUDGET = {
  pageShareOfCeiling: 0.5,
  halfLoadP99Ms: 20,
  registrationShareOfArgon2: 0.6,
  signInShareOfVerify: 0.8,
  screenBytes: 30_000,
  postgresRssMiB: 256,
  pgliteGrowthMiB: 100,
};

export type Verdict = { budget: string; ok: boolean; detail: string };

const f0 = (n: number) => Math.round(n).toLocaleString('en-US');
const f1 = (n: number) => n.toFixed(1);
const pct = (n: number) => `${Math.round(n * 100)}%`;
const kb = (n: number) => `${(n / 1000).toFixed(1)} kB`;
const CEILING_NAME: Record<CeilingKind, string> = { hello: 'bare-Hono', database: 'node:http + driver' };
/** A page's requests per second as a share of its own ceiling in the same run. */
export const shareOf = (run: DatabaseRun, p: PageResult) => p.rps / run.ceilings[p.ceiling].rps;

export function verdicts(r: Results): Verdict[] {
  const out: Verdict[] = [];
  for (const run of r.runs) {
    for (const p of run.pages) {
      const share = shareOf(run, p);
      out.push({
        budget: `${run.driver}: ${p.name} at least half the ${CEILING_NAME[p.ceiling]} ceiling`,
        ok: share >= BUDGET.pageShareOfCeiling,
        detail: `${f0(p.rps)} of ${f0(run.ceilings[p.ceiling].rps)} req/s (${pct(share)})`,
      });
      out.push({
        budget: `${run.driver}: ${p.name} p99 under ${BUDGET.halfLoadP99Ms} ms at half load`,
        ok: p.halfP99 < BUDGET.halfLoadP99Ms,
        detail:
          `p99 ${p.halfP99} ms at ${f0(p.halfRate)} req/s, paced` +
          (p.halfBehind ? ' (the load generator fell behind its schedule)' : ''),
      });
    }
    const share = run.registration.perSecond / r.argon2.hashesPerSecond;
    out.push({
      budget: `${run.driver}: registrations at least ${pct(BUDGET.registrationShareOfArgon2)} of the argon2id limit`,
      ok: share >= BUDGET.registrationShareOfArgon2 && run.registration.failed === 0,
      detail: `${f1(run.registration.perSecond)} of ${f1(r.argon2.hashesPerSecond)}/s (${pct(share)}), ${run.registration.failed} failed`,
    });
    const signInShare = run.signIn.perSecond / r.argon2.verifiesPerSecond;
    out.push({
      budget: `${run.driver}: sign-ins at least ${pct(BUDGET.signInShareOfVerify)} of the verification limit`,
      ok: signInShare >= BUDGET.signInShareOfVerify && run.signIn.failed === 0,
      detail: `${f1(run.signIn.perSecond)} of ${f1(r.argon2.verifiesPerSecond)}/s (${pct(signInShare)}), ${run.signIn.failed} failed`,
    });
    out.push({
      budget: `${run.driver}: applications (申請する end to end) complete without a failure`,
      ok: run.apply.completed > 0 && run.apply.failed === 0,
      detail: `${f1(run.apply.perSecond)}/s, p50 ${f0(run.apply.p50)} ms, p99 ${f0(run.apply.p99)} ms, ${run.apply.failed} failed`,
    });
    const peak = Math.max(run.pagesPeak, run.registrationPeak, run.signInPeak, run.applyPeak);
    if (run.driver === 'postgres')
      out.push({
        budget: `postgres: RSS under ${BUDGET.postgresRssMiB} MiB at peak`,
        ok: peak < BUDGET.postgresRssMiB,
        detail: `peak ${f0(peak)} MiB (at rest ${f0(run.rssAtRest)} MiB)`,
      });
    else
      out.push({
        budget: `pglite: growth under load below ${BUDGET.pgliteGrowthMiB} MiB`,
        ok: peak - run.rssAtRest < BUDGET.pgliteGrowthMiB,
        detail: `${f0(run.rssAtRest)} → ${f0(peak)} MiB (+${f0(peak - run.rssAtRest)}); PGlite alone ${f0(r.pgliteBaseline)} MiB`,
      });
  }
  for (const w of r.weights) {
    out.push({
      budget: `${w.name} under 30 kB compressed in all`,
      ok: w.total < BUDGET.screenBytes,
      detail: `${kb(w.total)} in ${w.requests} requests`,
    });
    out.push({
      budget: `${w.name} loads nothing from another origin`,
      ok: w.otherOrigins.length === 0,
      detail: w.otherOrigins.join(', ') || 'none',
    });
  }
  return out;
}

function bar(x: number, y: number, w: number, h: number, fill: string): string {
  return `<rect x="${x.toFixed(1)}" y="${y}" width="${Math.max(0, w).toFixed(1)}" height="${h}" fill="${fill}"/>`;
}
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** Requests per second of each screen as a share of the ceiling, one bar per database. */
export function pagesChart(r: Results): string {
  const names = r.runs[0]?.pages.map((p) => p.name) ?? [];
  const left = 190;
  const width = 460;
  const rowH = 26;
  const height = 60 + names.length * rowH + 30;
  const colors: Record<string, string> = { pglite: '#0031d8', postgres: '#259d63' };
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${left + width + 60}" height="${height}" font-family="sans-serif" font-size="12" role="img" aria-labelledby="t">`,
    `<title id="t">Requests per second of each screen, as a share of its ceiling measured in the same run</title>`,
    `<rect width="100%" height="100%" fill="#fff"/>`,
    `<text x="10" y="20" font-size="14" font-weight="bold">Pages: requests/s as a share of their ceiling</text>`,
  ];
  r.runs.forEach((run, i) => {
    parts.push(bar(left + i * 120, 32, 12, 12, colors[run.driver] ?? '#666'));
    parts.push(`<text x="${left + i * 120 + 16}" y="42">${run.driver}</text>`);
  });
  names.forEach((name, row) => {
    const y = 60 + row * rowH;
    parts.push(`<text x="${left - 8}" y="${y + 15}" text-anchor="end">${esc(name)}</text>`);
    r.runs.forEach((run, i) => {
      const p = run.pages[row];
      if (!p) return;
      const share = Math.min(1, shareOf(run, p));
      parts.push(bar(left, y + i * 11, share * width, 10, colors[run.driver] ?? '#666'));
      parts.push(
        `<text x="${left + share * width + 4}" y="${y + i * 11 + 9}" font-size="10">${pct(shareOf(run, p))}</text>`,
      );
    });
  });
  const half = left + width * BUDGET.pageShareOfCeiling;
  const bottom = 60 + names.length * rowH;
  parts.push(
    `<line x1="${half}" y1="52" x2="${half}" y2="${bottom}" stroke="#ec0000" stroke-dasharray="4 3"/>`,
  );
  parts.push(`<text x="${half}" y="${bottom + 16}" text-anchor="middle" fill="#ec0000">budget 50%</text>`);
  parts.push(`<line x1="${left}" y1="52" x2="${left}" y2="${bottom}" stroke="#333"/>`);
  parts.push('</svg>');
  return parts.join('\n');
}

/** Completed registrations and sign-ins per second beside the argon2id limit. */
export function flowsChart(r: Results): string {
  const rows: { label: string; value: number; limit: number }[] = [];
  for (const run of r.runs) {
    rows.push({
      label: `${run.driver}: registrations/s`,
      value: run.registration.perSecond,
      limit: r.argon2.hashesPerSecond,
    });
    rows.push({
      label: `${run.driver}: sign-ins/s`,
      value: run.signIn.perSecond,
      limit: r.argon2.verifiesPerSecond,
    });
  }
  const left = 190;
  const width = 460;
  const rowH = 34;
  const max = Math.max(...rows.map((x) => Math.max(x.value, x.limit)), 1);
  const height = 50 + rows.length * rowH + 20;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${left + width + 80}" height="${height}" font-family="sans-serif" font-size="12" role="img" aria-labelledby="t">`,
    `<title id="t">Completed flows per second beside argon2id operations per second on the same machine</title>`,
    `<rect width="100%" height="100%" fill="#fff"/>`,
    `<text x="10" y="20" font-size="14" font-weight="bold">Flows per second (dark) beside the argon2id limit (light)</text>`,
  ];
  rows.forEach((row, i) => {
    const y = 40 + i * rowH;
    parts.push(`<text x="${left - 8}" y="${y + 16}" text-anchor="end">${esc(row.label)}</text>`);
    parts.push(bar(left, y, (row.limit / max) * width, 24, '#c5d7fb'));
    parts.push(bar(left, y + 4, (row.value / max) * width, 16, '#0031d8'));
    parts.push(
      `<text x="${left + (Math.max(row.value, row.limit) / max) * width + 4}" y="${y + 16}">${f1(row.value)} / ${f1(row.limit)} (${pct(row.value / row.limit)})</text>`,
    );
  });
  parts.push('</svg>');
  return parts.join('\n');
}

export function markdown(r: Results, findings: string): string {
  const v = verdicts(r);
  const lines: string[] = [];
  const m = r.machine;
  lines.push('# Performance', '');
  lines.push(
    `Measured by \`${r.command}\` (code in \`bench/\`) on ${r.date}: ${m.cores} cores (${m.model}), ${m.memoryGiB} GiB, ${m.os}, Node ${m.node}; load average ${m.loadAtStart.toFixed(1)} when it started (other work on the machine lowers every figure). ` +
      'Everything runs in one go so that the ratios compare like with like. The server is its own process ' +
      '(`bench/server.ts`: the app as `npm start` builds it and runs it, with its Node flags, `NODE_ENV=test`, info logs). ' +
      'Each page is judged against a ceiling measured in the same run, before the pages and again after them, each ceiling in a process of its own ' +
      '(`bench/ceilings.ts`): the pages that read nothing against a bare Hono route, the pages that read the database against a plain ' +
      "`node:http` server with the same driver making マイページ's queries (the session with its user in one SELECT, the notices for the kind kept 5 s) and " +
      'sending a page of the same size, compressed the same way. autocannon and the virtual users run in the ' +
      'benchmark process on the same machine, on loopback only.',
    '',
  );
  lines.push(`![Pages as a share of the ceiling](performance-pages.svg)`, '');
  lines.push(`![Flows beside the argon2id limit](performance-flows.svg)`, '');
  const failed = v.filter((x) => !x.ok);
  lines.push('## Budgets', '');
  lines.push(
    failed.length === 0
      ? `All ${v.length} budgets are met.`
      : `${v.length - failed.length} of ${v.length} budgets are met; the misses are explained under "Findings".`,
    '',
  );
  lines.push('| budget | result | measured |', '| --- | --- | --- |');
  for (const x of v) lines.push(`| ${x.budget} | ${x.ok ? 'met' : '**missed**'} | ${x.detail} |`);
  lines.push('');
  lines.push('## Page serving', '');
  lines.push(
    `Full load: autocannon, 32 connections in a closed loop, ${r.settings.pageSeconds} s per row (after 1 s of warm-up). ` +
      'Half load: half of that rate for as long, sent at a steady pace (`bench/paced.ts`: evenly spaced ' +
      'requests over 32 keep-alive connections, each latency counted from the time the request was due ' +
      'until the end of its body, so that waiting in a queue counts; "behind" marks a run that could not ' +
      'keep its schedule). Requests are sent as a browser sends them (`Accept-Encoding: br, gzip`); the screens ' +
      'before the flow come from new visitors (no cookie: each gets its form cookie), the flow screens with ' +
      'the cookies of a flow at that step. Latency in ms.',
    '',
  );
  for (const run of r.runs) {
    lines.push(`### ${run.driver === 'pglite' ? 'Embedded database (PGlite)' : 'PostgreSQL server'}`, '');
    lines.push(
      '| screen | path | req/s | ceiling | share of ceiling | p50 | p99 | p50 at half | p99 at half | errors/non-2xx |',
    );
    lines.push('| --- | --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |');
    for (const kind of ['hello', 'database'] as const)
      for (const [i, p] of run.ceilingRuns[kind].entries())
        lines.push(
          `| ${p.name}, ${i === 0 ? 'before' : 'after'} | \`${p.path}\` | ${f0(p.rps)} | — | — | ${p.p50} | ${p.p99} | ${p.halfP50} | ${p.halfP99}${p.halfBehind ? ' (behind)' : ''} | ${p.errors}/${p.non2xx} |`,
        );
    for (const p of run.pages)
      lines.push(
        `| ${p.name} | \`${p.path}\` | ${f0(p.rps)} | ${CEILING_NAME[p.ceiling]} ${f0(run.ceilings[p.ceiling].rps)} | ${pct(shareOf(run, p))} | ${p.p50} | ${p.p99} | ${p.halfP50} | ${p.halfP99}${p.halfBehind ? ' (behind)' : ''} | ${p.errors}/${p.non2xx} |`,
      );
    lines.push('');
  }
  lines.push('## Registration and sign-in', '');
  lines.push(
    `${r.settings.flowUsers} virtual users in a closed loop for ${r.settings.flowSeconds} s each. A registration is the whole flow as a browser ` +
      'does it, every 303 followed by its GET: 利用規約の確認 → メールアドレスの登録 → the 認証コード read from the mail ' +
      'that the app sent to a real SMTP server in the benchmark process → 利用者情報の入力 → 入力内容の確認 → 本登録の完了 ' +
      '(12 requests and 2 mails). A sign-in is ログイン (GET) and its POST, followed to マイページ. Each user comes from its own ' +
      'address (X-Forwarded-For with TRUST_PROXY=true), so the per-address limits apply as in real life. The limit beside ' +
      "each is argon2id through the app's own hasher (19 MiB, t=2, p=1, one hash per core at a time) with every core busy and nothing else running, " +
      `measured at the start of the run and again at the end (${r.argon2Runs.map((a) => `${f1(a.hashesPerSecond)} hashes/s and ${f1(a.verifiesPerSecond)} verifications/s`).join(', then ')}): the mean is the limit.`,
    '',
  );
  lines.push(
    '| database | flow | completed | per second | argon2id limit/s | share | p50 ms | p99 ms | failed |',
  );
  lines.push('| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const run of r.runs) {
    lines.push(
      `| ${run.driver} | registration | ${run.registration.completed} | ${f1(run.registration.perSecond)} | ${f1(r.argon2.hashesPerSecond)} (hash) | ${pct(run.registration.perSecond / r.argon2.hashesPerSecond)} | ${f0(run.registration.p50)} | ${f0(run.registration.p99)} | ${run.registration.failed} |`,
    );
    lines.push(
      `| ${run.driver} | sign-in | ${run.signIn.completed} | ${f1(run.signIn.perSecond)} | ${f1(r.argon2.verifiesPerSecond)} (verify) | ${pct(run.signIn.perSecond / r.argon2.verifiesPerSecond)} | ${f0(run.signIn.p50)} | ${f0(run.signIn.p99)} | ${run.signIn.failed} |`,
    );
    lines.push(
      `| ${run.driver} | 申請する (市長への手紙: 4 POSTs, each with its GET) | ${run.apply.completed} | ${f1(run.apply.perSecond)} | — | — | ${f0(run.apply.p50)} | ${f0(run.apply.p99)} | ${run.apply.failed} |`,
    );
  }
  lines.push(
    '',
    'Where the CPU goes, per completed registration (from /proc; one argon2id hash costs ' +
      `${f1((1000 * r.machine.cores) / r.argon2.hashesPerSecond)} ms of CPU here):`,
    '',
    '| database | server process (hash included) | PostgreSQL processes | load generator and SMTP server | median wait for the code mail |',
    '| --- | ---: | ---: | ---: | ---: |',
  );
  for (const run of r.runs)
    lines.push(
      `| ${run.driver} | ${f1(run.registrationCpu.server)} ms | ${run.driver === 'postgres' ? `${f1(run.registrationCpu.postgres)} ms` : '—'} | ${f1(run.registrationCpu.loadGenerator)} ms | ${f0(run.registration.mailWaitP50 ?? 0)} ms |`,
    );
  const errors = r.runs
    .flatMap((run) => [run.registration.firstError, run.signIn.firstError, run.apply.firstError])
    .filter(Boolean);
  if (errors.length) lines.push('', `First errors: ${errors.join('; ')}`);
  lines.push('');
  lines.push('## Memory', '');
  lines.push('Resident set size of the server process, sampled every 50 ms.', '');
  lines.push(
    '| database | at rest | peak, pages | peak, registration | peak, sign-in | peak, 申請する | PGlite alone |',
  );
  lines.push('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const run of r.runs)
    lines.push(
      `| ${run.driver} | ${f0(run.rssAtRest)} MiB | ${f0(run.pagesPeak)} MiB | ${f0(run.registrationPeak)} MiB | ${f0(run.signInPeak)} MiB | ${f0(run.applyPeak)} MiB | ${run.driver === 'pglite' ? `${f0(r.pgliteBaseline)} MiB` : '—'} |`,
    );
  lines.push('');
  lines.push('## Page weight', '');
  lines.push(
    'Bytes on the wire for each screen as a browser asks for it (brotli or gzip), with every file it loads, ' +
      'and the number of requests. "Render-blocking" lists what holds the first paint (all from this origin).',
    '',
  );
  lines.push('| screen | HTML | CSS + JS | total | requests | render-blocking | other origins |');
  lines.push('| --- | ---: | ---: | ---: | ---: | --- | --- |');
  for (const w of r.weights)
    lines.push(
      `| ${w.name} | ${kb(w.htmlBytes)} | ${kb(w.assetBytes)} | ${kb(w.total)} | ${w.requests} | ${w.renderBlocking.join(', ') || 'none'} | ${w.otherOrigins.join(', ') || 'none'} |`,
    );
  lines.push(
    '',
    'Lighthouse scores (performance on mobile emulation, accessibility) are in [lighthouse.md](lighthouse.md).',
    '',
  );
  lines.push('## Cold start', '');
  lines.push(
    `\`npm start\` to the first 200 of the home page (development settings, embedded database): ` +
      `${f0(r.coldStart.firstMs)} ms on an empty data folder (the database is created and migrated), ` +
      `${f0(r.coldStart.againMs)} ms on the same folder again.`,
    '',
  );
  lines.push('## The background jobs at city scale', '');
  lines.push(
    '| database | users | registrations in progress | seeding | one sweep (deletes the expired half) | a sweep with nothing to do | a mail worker round | two key lookups |',
  );
  lines.push('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const s of r.scale)
    lines.push(
      `| ${s.driver} | ${f0(s.users)} | ${f0(s.pending)} | ${f0(s.seedSeconds)} s | ${f0(s.sweepMs)} ms (${f0(s.expiredDeleted)} flows) | ${f1(s.idleSweepMs)} ms | ${f1(s.workerRoundMs)} ms (${s.workerMails} mails) | ${f1(s.lookupMs)} ms |`,
    );
  lines.push('');
  lines.push(findings.trim(), '');
  return lines.join('\n');
}

export async function writeReport(r: Results, findings: string, docs: URL): Promise<void> {
  // Written as Prettier would (with the repository's settings), so that the format check passes.
  const write = async (name: string, text: string, parser: string) => {
    const url = new URL(name, docs);
    const options = (await resolveConfig(fileURLToPath(url))) ?? {};
    writeFileSync(url, await format(text, { ...options, parser }));
  };
  await write('performance.md', markdown(r, findings), 'markdown');
  await write('performance.json', JSON.stringify(r), 'json');
  writeFileSync(new URL('performance-pages.svg', docs), pagesChart(r));
  writeFileSync(new URL('performance-flows.svg', docs), flowsChart(r));
}
