/**
 * `npm run lighthouse`: Lighthouse's accessibility audit (run with npx, not a dependency) on every
 * registration screen, each reached with a real flow (its cookies passed to Lighthouse), in
 * Japanese and in English. Writes docs/lighthouse.md. Needs network access to the npm registry
 * the first time (npx downloads lighthouse).
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { writeFileSync } from 'node:fs';
import { desc } from 'drizzle-orm';
import { testEnv } from '../src/config.js';
import { mailOutbox } from '../src/db/schema.js';
import { startTestApp } from '../test/support/app-server.js';
import { HttpClient } from '../test/support/http-client.js';
import { INDIVIDUAL_FORM } from '../test/support/registration-harness.js';

type Row = { screen: string; lang: string; score: number; failing: string[] };

async function main(): Promise<void> {
  const app = await startTestApp({ env: { CODE_MAILS_PER_IP_PER_10_MIN: '1000' } });
  const rows: Row[] = [];
  try {
    for (const lang of ['ja', 'en']) {
      const client = new HttpClient(app.url);
      await client.get(`/lang/${lang}?back=/`);
      const audit = async (screen: string, path: string) => {
        // Asynchronously: the app answers from this same process while Lighthouse runs.
        const { stdout: out } = await promisify(execFile)(
          'npx',
          [
            '-y',
            'lighthouse@12.8.2',
            app.url.replace('localhost', '127.0.0.1') + path,
            '--only-categories=accessibility',
            '--output=json',
            '--quiet',
            `--extra-headers=${JSON.stringify({ Cookie: client.cookieHeader() })}`,
            '--chrome-flags=--headless=new --no-sandbox --disable-gpu',
          ],
          { env: { ...process.env, CHROME_PATH: testEnv().chromiumPath }, maxBuffer: 64 * 1024 * 1024 },
        );
        const report = JSON.parse(out) as {
          categories: { accessibility: { score: number } };
          audits: Record<string, { score: number | null; scoreDisplayMode: string }>;
        };
        const failing = Object.entries(report.audits)
          .filter(([, a]) => a.scoreDisplayMode === 'binary' && a.score === 0)
          .map(([id]) => id);
        rows.push({ screen, lang, score: Math.round(report.categories.accessibility.score * 100), failing });
        console.log(lang, screen, rows.at(-1)?.score, failing.join(' '));
      };
      await audit('トップページ', '/');
      await audit('利用者の新規登録', '/register');
      await audit('利用規約の確認', '/register/terms?kind=individual');
      const token = await client.token('/register/terms?kind=individual');
      await client.post('/register/terms', { _csrf: token, kind: 'individual', agree: 'yes' });
      await audit('メールアドレスの登録', '/register/email');
      await client.post('/register/email', { _csrf: token, email: `lighthouse-${lang}@example.jp` });
      await audit('メールアドレスの登録完了', '/register/code');
      const [mail] = await app.database.db.select().from(mailOutbox).orderBy(desc(mailOutbox.id)).limit(1);
      const code = mail?.body.match(/(?:認証コード：|Verification code: )(\d{6})/)?.[1] ?? '';
      await client.post('/register/code', { _csrf: token, code });
      await audit('利用者情報の入力', '/register/profile');
      await client.post('/register/profile', { _csrf: token, ...INDIVIDUAL_FORM });
      await audit('入力内容の確認', '/register/confirm');
      await client.post('/register/confirm', { _csrf: token });
      await audit('本登録の完了', '/register/complete');
      await audit('マイページ', '/mypage');
      await audit('ログイン', '/login');
      await audit('よくある質問', '/faq');
      await audit('利用規約', '/terms');
      await audit('アクセシビリティ方針', '/accessibility');
    }
  } finally {
    await app.close();
  }
  const md = `# Lighthouse accessibility scores

Measured by \`npm run lighthouse\` (scripts/lighthouse.ts, Lighthouse 12.8.2 with Debian's Chromium) on
${new Date().toISOString().slice(0, 10)}. Each registration screen is reached through a real flow.

| screen | language | score | failing audits |
|---|---|---|---|
${rows.map((r) => `| ${r.screen} | ${r.lang} | ${r.score} | ${r.failing.join(', ') || '—'} |`).join('\n')}
`;
  writeFileSync(new URL('../docs/lighthouse.md', import.meta.url), md);
  console.log(md);
}

await main();
