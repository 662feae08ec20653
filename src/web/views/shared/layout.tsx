/** The page frame: header with the service name, the language switch and the account links, main, footer. */
import { html } from 'hono/html';
import type { Child } from 'hono/jsx';
import type { Lang } from '../../../messages/i18n.js';
import { useLang, useT } from '../../shared/i18n.js';
import { CsrfField } from './components.js';

export const SERVICE_NAME = 'オンライン手続かわさき';

export type PageChrome = {
  csrfToken: string;
  userName?: string;
  showDevMailbox: boolean;
  /** the current path and query, for the language switch to come back to */
  path: string;
};

/** The link to the other language, named in that language (and marked up as such). */
function LanguageSwitch({ path }: { path: string }) {
  const lang = useLang();
  const other: Lang = lang === 'ja' ? 'en' : 'ja';
  return (
    <a
      class="header__lang"
      href={`/lang/${other}?back=${encodeURIComponent(path)}`}
      lang={other}
      hreflang={other}
    >
      {other === 'en' ? 'English' : '日本語'}
    </a>
  );
}

export function Layout(props: {
  title: string;
  hasErrors?: boolean;
  chrome: PageChrome;
  children: Child;
  wide?: boolean;
}) {
  const { chrome } = props;
  const t = useT();
  const lang = useLang();
  // The head as text: hono/jsx renders <head> (and <title>, <meta>, <link>, <script>) through an
  // AsyncLocalStorage, which would slow every promise of the process (i18n.tsx). No icon: saves
  // every page view a request for /favicon.ico.
  return (
    <html lang={lang}>
      {html`<head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${`${props.hasErrors ? t('エラー：') : ''}${t(props.title)} | ${t(SERVICE_NAME)}`}</title>
        <link rel="icon" href="data:," />
        <link rel="stylesheet" href="/assets/app.css" />
        <script src="/assets/app.js" defer></script>
      </head>`}
      <body>
        <a class="skip-link" href="#main">
          {t('本文へ移動')}
        </a>
        <header class="header">
          <div class="header__inner">
            <a class="header__title" href="/">
              {t(SERVICE_NAME)}
              <span class="header__sub">{t('（e-KAWASAKI）')}</span>
            </a>
            <nav class="header__nav" aria-label={t('アカウント')}>
              <LanguageSwitch path={chrome.path} />
              {chrome.userName ? (
                <form method="post" action="/logout" class="header__account">
                  <CsrfField token={chrome.csrfToken} />
                  <a href="/mypage" class="header__user">
                    {chrome.userName}
                  </a>
                  <button type="submit" class="button button--small button--secondary">
                    {t('ログアウト')}
                  </button>
                </form>
              ) : (
                <ul class="header__links">
                  <li>
                    <a href="/register" class="button button--small">
                      {t('新規登録')}
                    </a>
                  </li>
                  <li>
                    <a href="/login" class="button button--small button--secondary">
                      {t('ログイン')}
                    </a>
                  </li>
                </ul>
              )}
            </nav>
          </div>
        </header>
        <main id="main" class={props.wide ? 'main main--wide' : 'main'} tabindex={-1}>
          {props.children}
        </main>
        <footer class="footer">
          <nav aria-label={t('サイトについて')}>
            <ul class="footer__links">
              <li>
                <a href="/terms">{t('利用規約')}</a>
              </li>
              <li>
                <a href="/privacy">{t('プライバシーポリシー')}</a>
              </li>
              <li>
                <a href="/faq">{t('よくある質問')}</a>
              </li>
              <li>
                <a href="/accessibility">{t('アクセシビリティ方針')}</a>
              </li>
              {chrome.showDevMailbox ? (
                <li>
                  <a href="/dev/mailbox">{t('開発用メールボックス')}</a>
                </li>
              ) : null}
            </ul>
          </nav>
          <p class="footer__copy">{t('川崎市')}</p>
        </footer>
      </body>
    </html>
  );
}
