/**
 * メールアドレスの変更 → 認証コードの入力 → メールアドレスの変更完了. The code goes to the new
 * address; the browser holds only the flow's random token; the address changes at the right code,
 * with a new session id and every other session ended.
 */
import { formatDuration } from '../../../domain/duration.js';
import { Hono } from 'hono';
import { getCookie } from '../../shared/cookies.js';
import { k, translator, type Lang } from '../../../messages/i18n.js';
import type { AppEnv, Ctx, WebDeps } from '../../shared/context.js';
import { readForm, renderPage } from '../../shared/render.js';
import type { Errors } from '../../views/shared/components.js';
import { CodeEntry } from '../../views/account/code-entry.js';
import { EmailChangedView, EmailChangeView } from '../../views/account/email.js';
import {
  accountCookieNames,
  actorOf,
  clearCookie,
  reasonMessage,
  setSessionCookie,
  setShortCookie,
  toErrors,
  toSignIn,
  tooManyMessage,
  tooSoonMessage,
  wrongCodeMessage,
} from './shared.js';

/** Why the e-mail change started over (`?reason=`), in the page's language. */
export function emailChangeMessages(lang: Lang, ttlSeconds: number): Record<string, string> {
  const t = translator(lang);
  return {
    expired: t(
      '認証コードの送信から{limit}が経過したため、メールアドレスの変更の手続きを終了しました。メールアドレスは変更されていません。お手数ですが、もう一度お手続きください。',
      { limit: formatDuration(ttlSeconds, lang) },
    ),
    exhausted: t(
      '認証コードを5回間違えたため、メールアドレスの変更の手続きを終了しました。メールアドレスは変更されていません。お手数ですが、もう一度お手続きください。',
    ),
    missing: t(
      'メールアドレスの変更の手続きが見つかりません。メールアドレスは変更されていません。お手数ですが、もう一度お手続きください。',
    ),
    email_taken: t(
      'このメールアドレスは、すでに利用者IDとして使われているため、変更できませんでした。別のメールアドレスを入力してください。',
    ),
  };
}

export function accountEmailRoutes(deps: WebDeps) {
  const r = new Hono<AppEnv>();
  const names = accountCookieNames(deps.config.secureCookies);
  const dev = deps.devMailbox !== null;
  const ttlSeconds = deps.config.registrationTtlSeconds;
  const page = (c: Ctx, opts: Parameters<typeof renderPage>[2], body: Parameters<typeof renderPage>[3]) =>
    renderPage(c, dev, opts, body);
  const flowToken = (c: Ctx) => getCookie(c, names.emailFlow);
  const restart = (c: Ctx, problem: string) => {
    clearCookie(c, deps, names.emailFlow);
    return c.redirect(`/account/email?reason=${problem}`, 303);
  };

  const formPage = (
    c: Ctx,
    opts: { value?: string; errors?: Errors; status?: number; reauth: boolean; info?: string },
  ) => {
    const actor = actorOf(c);
    if (!actor) return toSignIn(c, '/account/email');
    return page(
      c,
      { title: 'メールアドレスの変更', errors: opts.errors, status: opts.status },
      <EmailChangeView
        csrfToken={c.get('csrfToken')()}
        mailDomain={deps.config.mailDomain}
        email={actor.user.email}
        reauth={opts.reauth}
        value={opts.value}
        errors={opts.errors}
        info={opts.info}
      />,
    );
  };

  r.get('/account/email', (c) => {
    const actor = actorOf(c);
    if (!actor) return toSignIn(c, '/account/email');
    const reason = c.req.query('reason');
    return formPage(c, {
      reauth: deps.account.needsReauth(actor.signedInAt),
      info: reasonMessage(emailChangeMessages(c.get('lang'), ttlSeconds), reason),
    });
  });

  r.post('/account/email', async (c) => {
    const actor = actorOf(c);
    if (!actor) return toSignIn(c, '/account/email');
    const form = await readForm(c);
    if (!form) return c.redirect('/account/email', 303);
    const result = await deps.account.startEmailChange(actor, form, c.get('meta'));
    if (result.ok) {
      setShortCookie(c, deps, names.emailFlow, result.token, deps.config.registrationTtlSeconds + 600);
      return c.redirect('/account/email/code', 303);
    }
    const reauth = deps.account.needsReauth(actor.signedInAt);
    if ('rateLimited' in result)
      return formPage(c, {
        value: result.value,
        reauth,
        status: 429,
        errors: [{ field: 'newEmail', message: tooManyMessage(c.get('lang'), result.rateLimited) }],
      });
    return formPage(c, {
      value: result.value,
      reauth,
      status: 400,
      errors: toErrors(c.get('lang'), result.errors),
    });
  });

  const codePage = (c: Ctx, email: string, opts: { errors?: Errors; status?: number; info?: string } = {}) =>
    page(
      c,
      { title: '認証コードの入力', errors: opts.errors, status: opts.status },
      <CodeEntry
        csrfToken={c.get('csrfToken')()}
        mailDomain={deps.config.mailDomain}
        ttlSeconds={ttlSeconds}
        email={email}
        action="/account/email/code"
        resendAction="/account/email/code/resend"
        errors={opts.errors}
        info={opts.info}
        intro={k(
          'メールに記載された6桁の認証コードを入力し、「認証コードを確認する」を押してください。認証コードを確認すると、メールアドレス（利用者ID）が変更されます。',
        )}
        startOver={{ href: '/account/email', label: '別のメールアドレスを入力する' }}
      />,
    );

  r.get('/account/email/code', async (c) => {
    const actor = actorOf(c);
    if (!actor) return toSignIn(c, '/account/email/code');
    const loaded = await deps.account.loadEmailChange(actor, flowToken(c), ['code_sent', 'completed']);
    if (!loaded.ok) return restart(c, loaded.problem);
    if (loaded.flow.state === 'completed') return c.redirect('/account/email/complete', 303);
    const info = c.req.query('resent')
      ? k('認証コードを再送しました。新しいメールを確認してください。')
      : undefined;
    return codePage(c, loaded.flow.email, { info });
  });

  r.post('/account/email/code', async (c) => {
    const actor = actorOf(c);
    if (!actor) return toSignIn(c, '/account/email/code');
    const form = await readForm(c);
    if (!form) return c.redirect('/account/email/code', 303);
    const result = await deps.account.verifyEmailChange(actor, flowToken(c), form.code ?? '', c.get('meta'));
    if (result.ok) {
      if (result.sessionId) setSessionCookie(c, deps, result.sessionId);
      clearCookie(c, deps, names.emailFlow);
      return c.redirect('/account/email/complete', 303);
    }
    if ('problem' in result) return restart(c, result.problem);
    const loaded = await deps.account.loadEmailChange(actor, flowToken(c), ['code_sent']);
    if (!loaded.ok) return restart(c, loaded.problem);
    const message =
      wrongCodeMessage(c.get('lang'), result.triesLeft) ??
      toErrors(c.get('lang'), [result.fieldError])[0]?.message ??
      '';
    return codePage(c, loaded.flow.email, { errors: [{ field: 'code', message }], status: 400 });
  });

  r.post('/account/email/code/resend', async (c) => {
    const actor = actorOf(c);
    if (!actor) return toSignIn(c, '/account/email/code');
    const result = await deps.account.resendEmailChange(actor, flowToken(c), c.get('meta'));
    if (result.ok) return c.redirect('/account/email/code?resent=1', 303);
    if ('problem' in result) return restart(c, result.problem);
    const loaded = await deps.account.loadEmailChange(actor, flowToken(c), ['code_sent']);
    if (!loaded.ok) return restart(c, loaded.problem);
    const message =
      'rateLimited' in result
        ? tooManyMessage(c.get('lang'), result.rateLimited)
        : result.refused === 'too_many'
          ? k(
              '認証コードの再送は5回までです。届いている認証コードを入力するか、「別のメールアドレスを入力する」からやり直してください。',
            )
          : tooSoonMessage(c.get('lang'), result.retryAfterSeconds);
    return codePage(c, loaded.flow.email, { errors: [{ field: 'code', message }], status: 429 });
  });

  r.get('/account/email/complete', (c) => {
    const actor = actorOf(c);
    if (!actor) return toSignIn(c, '/mypage');
    return page(c, { title: 'メールアドレスの変更完了' }, <EmailChangedView email={actor.user.email} />);
  });

  return r;
}
