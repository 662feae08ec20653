/**
 * 退会 → (the dialog 「退会します。よろしいですか？」 with JavaScript, a plain confirm step without
 * it) → 退会の完了. The form carries `nojs=1` inside <noscript>, which a browser only submits when
 * scripting is off: then the password is checked first and the confirm step follows.
 */
import { Hono } from 'hono';
import { getCookie } from 'hono/cookie';
import { DELETE_TICKET_SECONDS } from '../../../app/account/account.js';
import { k, translator } from '../../../messages/i18n.js';
import type { AppEnv, Ctx, WebDeps } from '../../shared/context.js';
import { T } from '../../shared/i18n.js';
import { readForm, renderPage } from '../../shared/render.js';
import { CsrfField, ErrorSummary, TextField, type Errors } from '../../views/shared/components.js';
import {
  accountCookieNames,
  actorOf,
  clearCookie,
  clearSessionCookie,
  setShortCookie,
  toErrors,
  toSignIn,
} from './shared.js';

export const DELETE_QUESTION = k('退会します。よろしいですか？');

export function accountDeleteRoutes(deps: WebDeps) {
  const r = new Hono<AppEnv>();
  const names = accountCookieNames(deps.config.secureCookies);
  const dev = deps.devMailbox !== null;
  const page = (c: Ctx, opts: Parameters<typeof renderPage>[2], body: Parameters<typeof renderPage>[3]) =>
    renderPage(c, dev, opts, body);

  const deletePage = (c: Ctx, errors?: Errors) => {
    const t = translator(c.get('lang'));
    return page(
      c,
      { title: '退会', errors, status: errors ? 400 : 200 },
      <>
        <ErrorSummary errors={errors} />
        <p>
          <T>
            退会すると、オンライン手続かわさきの利用者登録を取り消します。退会の前に、次の点をご確認ください。
          </T>
        </p>
        <h2 class="subtitle">
          <T>削除される情報</T>
        </h2>
        <ul class="list">
          <li>
            <T>利用者ID（メールアドレス）とパスワード</T>
          </li>
          <li>
            <T>利用者情報（氏名または法人名/事業者名、フリガナ、住所、電話番号、生年月日など）</T>
          </li>
          <li>
            <T>お知らせ・通知メールの設定と、マイページのお知らせ</T>
          </li>
          <li>
            <T>ログイン中のすべての端末のログイン状態</T>
          </li>
        </ul>
        <h2 class="subtitle">
          <T>ご注意</T>
        </h2>
        <ul class="list">
          <li>
            <T>退会は取り消せません。削除した情報は元に戻せません。</T>
          </li>
          <li>
            <T>同じメールアドレスで、改めて利用者登録をすることができます。</T>
          </li>
          <li>
            <T>退会が完了すると、登録のメールアドレスに退会手続完了のお知らせをお送りします。</T>
          </li>
        </ul>
        <form
          method="post"
          action="/account/delete"
          novalidate
          data-confirm={t(DELETE_QUESTION)}
          data-confirm-ok={t('OK')}
          data-confirm-cancel={t('キャンセル')}
        >
          <CsrfField token={c.get('csrfToken')()} />
          <noscript>
            <input type="hidden" name="nojs" value="1" />
          </noscript>
          <TextField
            name="password"
            label="パスワード"
            type="password"
            autocomplete="current-password"
            maxlength={200}
            error={errors?.[0]?.message}
            hint="本人確認のため、現在のパスワードを入力してください。"
          />
          <button type="submit" class="button button--danger">
            <T>退会する</T>
          </button>
        </form>
        <p>
          <a href="/mypage">
            <T>退会せずにマイページへ戻る</T>
          </a>
        </p>
      </>,
    );
  };

  const done = (c: Ctx) => {
    clearSessionCookie(c, deps);
    clearCookie(c, deps, names.deleteTicket);
    return c.redirect('/account/delete/complete', 303);
  };

  r.get('/account/delete', (c) => {
    if (!actorOf(c)) return toSignIn(c, '/account/delete');
    clearCookie(c, deps, names.deleteTicket);
    return deletePage(c);
  });

  r.post('/account/delete', async (c) => {
    const actor = actorOf(c);
    if (!actor) return toSignIn(c, '/account/delete');
    const form = await readForm(c);
    if (!form) return c.redirect('/account/delete', 303);
    if (form.nojs === '1') {
      // Without JavaScript: the password first, then the plain confirm step.
      const checked = await deps.account.checkDeletion(actor, form.password);
      if (!checked.ok) return deletePage(c, toErrors(c.get('lang'), checked.errors));
      setShortCookie(c, deps, names.deleteTicket, checked.ticket, DELETE_TICKET_SECONDS);
      return c.redirect('/account/delete/confirm', 303);
    }
    // With JavaScript the dialog's OK has been pressed.
    const result = await deps.account.deleteAccount(actor, { password: form.password }, c.get('meta'));
    if (!result.ok) return deletePage(c, toErrors(c.get('lang'), result.errors));
    return done(c);
  });

  r.get('/account/delete/confirm', (c) => {
    const actor = actorOf(c);
    if (!actor) return toSignIn(c, '/account/delete');
    if (!deps.account.deletionTicketValid(actor, getCookie(c, names.deleteTicket)))
      return c.redirect('/account/delete', 303);
    return page(
      c,
      { title: '退会の確認' },
      <>
        <p>
          <strong>
            <T>{DELETE_QUESTION}</T>
          </strong>
        </p>
        <p>
          <T>「OK」を押すと退会し、利用者情報を削除します。この操作は取り消せません。</T>
        </p>
        <div class="actions">
          <form method="post" action="/account/delete/confirm">
            <CsrfField token={c.get('csrfToken')()} />
            <button type="submit" class="button button--danger">
              <T>OK</T>
            </button>
          </form>
          <form method="get" action="/account/delete">
            <button type="submit" class="button button--secondary">
              <T>キャンセル</T>
            </button>
          </form>
        </div>
      </>,
    );
  });

  r.post('/account/delete/confirm', async (c) => {
    const actor = actorOf(c);
    if (!actor) return toSignIn(c, '/account/delete');
    const result = await deps.account.deleteAccount(
      actor,
      { ticket: getCookie(c, names.deleteTicket) ?? '' },
      c.get('meta'),
    );
    if (!result.ok) {
      clearCookie(c, deps, names.deleteTicket);
      return c.redirect('/account/delete', 303);
    }
    return done(c);
  });

  r.get('/account/delete/complete', (c) =>
    page(
      c,
      { title: '退会の完了' },
      <>
        <p>
          <T>
            退会の手続が完了しました。これまでオンライン手続かわさきをご利用いただき、ありがとうございました。
          </T>
        </p>
        <p>
          <T>
            登録されていた利用者情報は削除しました。登録のメールアドレスに、退会手続完了のお知らせをお送りしました。
          </T>
        </p>
        <p>
          <a href="/">
            <T>オンライン手続かわさきのトップページへ</T>
          </a>
        </p>
      </>,
    ),
  );

  return r;
}
