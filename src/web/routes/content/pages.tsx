/** The portal home, the published documents, the development mailbox. */
import { Hono } from 'hono';
import { deleteCookie, getCookie } from '../../shared/cookies.js';
import { cookieNames, type AppEnv, type Ctx, type WebDeps } from '../../shared/context.js';
import { renderPage, sharedPages } from '../../shared/render.js';
import { AccessibilityContent } from '../../views/content/accessibility.js';
import { FaqContent } from '../../views/content/faq.js';
import { PrivacyContent } from '../../views/content/privacy.js';
import { TermsContent } from '../../views/content/terms.js';
import { AccessibilityContentEn } from '../../views/content/accessibility-en.js';
import { FaqContentEn } from '../../views/content/faq-en.js';
import { PrivacyContentEn } from '../../views/content/privacy-en.js';
import { TermsContentEn } from '../../views/content/terms-en.js';
import { DevMailboxView } from '../../views/content/dev-mailbox.js';
import { HomeView } from '../../views/content/home.js';

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

  const names = cookieNames(deps.config.secureCookies);
  r.get('/', async (c) => {
    const notices = deps.backOffice ? await deps.backOffice.notices.important() : [];
    // Just signed out (account.tsx sets the cookie): said once, on a page of this visitor's own.
    if (getCookie(c, names.notice) === 'signed_out') {
      deleteCookie(c, names.notice, { path: '/', secure: deps.config.secureCookies });
      return page(c, { title: 'トップページ', h1: false }, <HomeView notices={notices} signedOut />);
    }
    return shared(
      c,
      '/',
      { title: 'トップページ', h1: false },
      () => <HomeView notices={notices} />,
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
      // `?to=` narrows the list to one address (compared without regard to case); empty is every mail.
      const to = (c.req.query('to') ?? '').trim().slice(0, 256);
      const mails = await list(to || undefined);
      return page(c, { title: '開発用メールボックス', wide: true }, <DevMailboxView mails={mails} to={to} />);
    });
  }
  return r;
}
