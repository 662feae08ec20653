/** The portal home, the published documents, the development mailbox. */
import { Hono } from 'hono';
import type { AppEnv, Ctx, WebDeps } from '../../shared/context.js';
import { renderPage, sharedPages } from '../../shared/render.js';
import { AccessibilityContent } from '../../views/content/accessibility.js';
import { FaqContent } from '../../views/content/faq.js';
import { PrivacyContent } from '../../views/content/privacy.js';
import { TermsContent } from '../../views/content/terms.js';
import { AccessibilityContentEn } from '../../views/content/accessibility-en.js';
import { FaqContentEn } from '../../views/content/faq-en.js';
import { PrivacyContentEn } from '../../views/content/privacy-en.js';
import { TermsContentEn } from '../../views/content/terms-en.js';
import { T } from '../../shared/i18n.js';
import { ImportantNoticeList } from '../../views/notices/public-notices.js';

export function pageRoutes(deps: WebDeps) {
  const r = new Hono<AppEnv>();
  const dev = deps.devMailbox !== null;
  const page = (c: Ctx, opts: Parameters<typeof renderPage>[2], body: Parameters<typeof renderPage>[3]) =>
    renderPage(c, dev, opts, body);
  const shared = sharedPages(dev);
  const docOptions = {
    mailDomain: deps.config.mailDomain,
    registrationTtlSeconds: deps.config.registrationTtlSeconds,
  };

  r.get('/', async (c) => {
    const notices = deps.backOffice ? await deps.backOffice.notices.important() : [];
    return shared(
      c,
      '/',
      { title: 'トップページ', h1: false },
      () => (
        <>
          <h1 class="title">
            <T>オンライン手続かわさき</T>
            <T>（e-KAWASAKI）</T>
          </h1>
          <p>
            <T>
              川崎市の行政手続を、パソコンやスマートフォンからオンラインで行うことができます。ご利用には利用者登録が必要です。
            </T>
          </p>
          <section aria-labelledby="important-notices" class="notices">
            <h2 id="important-notices" class="subtitle">
              <T>重要なお知らせ</T>
            </h2>
            <ImportantNoticeList list={notices} />
          </section>
          <section aria-labelledby="start" class="start">
            <h2 id="start" class="subtitle">
              <T>はじめての方へ</T>
            </h2>
            <p>
              <T>
                利用者登録をすると、マイページから利用者情報の確認や変更ができます。メールアドレスが利用者IDになります。
              </T>
            </p>
            <p>
              <a href="/register" class="button">
                <T>利用者登録を始める</T>
              </a>
            </p>
            <p>
              <a href="/faq">
                <T>よくある質問</T>
              </a>
            </p>
          </section>
        </>
      ),
      notices,
    );
  });

  const en = (c: Ctx) => c.get('lang') === 'en';
  r.get('/terms', (c) =>
    shared(c, '/terms', { title: '利用規約' }, () =>
      en(c) ? <TermsContentEn {...docOptions} /> : <TermsContent {...docOptions} />,
    ),
  );
  r.get('/privacy', (c) =>
    shared(c, '/privacy', { title: 'プライバシーポリシー' }, () =>
      en(c) ? (
        <PrivacyContentEn registrationTtlSeconds={docOptions.registrationTtlSeconds} />
      ) : (
        <PrivacyContent registrationTtlSeconds={docOptions.registrationTtlSeconds} />
      ),
    ),
  );
  r.get('/faq', (c) =>
    shared(c, '/faq', { title: 'よくある質問' }, () =>
      en(c) ? <FaqContentEn {...docOptions} /> : <FaqContent {...docOptions} />,
    ),
  );
  r.get('/accessibility', (c) =>
    shared(c, '/accessibility', { title: 'アクセシビリティ方針' }, () =>
      en(c) ? <AccessibilityContentEn /> : <AccessibilityContent />,
    ),
  );

  if (deps.devMailbox) {
    const list = deps.devMailbox;
    r.get('/dev/mailbox', async (c) => {
      const mails = await list();
      return page(
        c,
        { title: '開発用メールボックス', wide: true },
        <>
          <p class="notice notice--warning">
            SMTP_URL
            が設定されていないため、送信されるメールはここに表示されます（開発用。本番では表示されません）。
          </p>
          {mails.length === 0 ? <p>メールはまだありません。</p> : null}
          {mails.map((m) => (
            <article class="mail" aria-labelledby={`mail-${m.id}`}>
              <h2 id={`mail-${m.id}`} class="subtitle">
                {m.subject}
              </h2>
              <p class="mail__meta">
                宛先：<span class="address">{m.to}</span>／{m.createdAt.toISOString()}／
                {m.status === 'sent' ? '送信済み' : '送信待ち'}
              </p>
              <pre class="mail__body">{m.body}</pre>
            </article>
          ))}
        </>,
      );
    });
  }
  return r;
}
