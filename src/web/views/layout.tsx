/** The page frame: header with the service name and the account links, main, footer. */
import type { Child } from 'hono/jsx';
import { CsrfField } from './components.js';

export const SERVICE_NAME = 'オンライン手続かわさき';

export type PageChrome = {
  csrfToken: string;
  userName?: string;
  showDevMailbox: boolean;
};

export function Layout(props: {
  title: string;
  hasErrors?: boolean;
  chrome: PageChrome;
  children: Child;
  wide?: boolean;
}) {
  const { chrome } = props;
  return (
    <html lang="ja">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${props.hasErrors ? 'エラー：' : ''}${props.title} | ${SERVICE_NAME}`}</title>
        <link rel="stylesheet" href="/assets/app.css" />
        <script src="/assets/app.js" defer></script>
      </head>
      <body>
        <a class="skip-link" href="#main">
          本文へ移動
        </a>
        <header class="header">
          <div class="header__inner">
            <a class="header__title" href="/">
              {SERVICE_NAME}
              <span class="header__sub">（e-KAWASAKI）</span>
            </a>
            <nav class="header__nav" aria-label="アカウント">
              {chrome.userName ? (
                <form method="post" action="/logout" class="header__account">
                  <CsrfField token={chrome.csrfToken} />
                  <a href="/mypage" class="header__user">
                    {chrome.userName}
                  </a>
                  <button type="submit" class="button button--small button--secondary">
                    ログアウト
                  </button>
                </form>
              ) : (
                <ul class="header__links">
                  <li>
                    <a href="/register" class="button button--small">
                      新規登録
                    </a>
                  </li>
                  <li>
                    <a href="/login" class="button button--small button--secondary">
                      ログイン
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
          <nav aria-label="サイトについて">
            <ul class="footer__links">
              <li>
                <a href="/terms">利用規約</a>
              </li>
              <li>
                <a href="/privacy">プライバシーポリシー</a>
              </li>
              <li>
                <a href="/faq">よくある質問</a>
              </li>
              <li>
                <a href="/accessibility">アクセシビリティ方針</a>
              </li>
              {chrome.showDevMailbox ? (
                <li>
                  <a href="/dev/mailbox">開発用メールボックス</a>
                </li>
              ) : null}
            </ul>
          </nav>
          <p class="footer__copy">川崎市</p>
        </footer>
      </body>
    </html>
  );
}
