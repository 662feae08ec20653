/**
 * パスワードの変更 (signed in) and パスワードを忘れた方 → パスワードの再設定 → 認証コードの入力 →
 * 新しいパスワードの設定 → パスワードの再設定完了 (signed in). The reset screens read the same
 * whether or not the address belongs to a user.
 */
import { formatDuration } from '../../../domain/duration.js';
import { Hono } from 'hono';
import { getCookie } from '../../shared/cookies.js';
import { k, translator, type Lang } from '../../../messages/i18n.js';
import type { AppEnv, Ctx, WebDeps } from '../../shared/context.js';
import { readForm, renderPage } from '../../shared/render.js';
import type { Errors } from '../../views/shared/components.js';
import { CodeEntry } from '../../views/account/code-entry.js';
import {
  ChangePasswordView,
  NewPasswordView,
  PasswordChangedView,
  PasswordResetView,
  ResetStartView,
} from '../../views/account/password.js';
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

/** Why the reset started over (`?reason=`), in the page's language. */
export function resetMessages(lang: Lang, ttlSeconds: number): Record<string, string> {
  const t = translator(lang);
  return {
    expired: t(
      '認証コードの送信から{limit}が経過したため、パスワードの再設定の手続きを終了しました。お手数ですが、もう一度お手続きください。',
      { limit: formatDuration(ttlSeconds, lang) },
    ),
    exhausted: t(
      '認証コードを5回間違えたため、パスワードの再設定の手続きを終了しました。お手数ですが、もう一度お手続きください。',
    ),
    missing: t('パスワードの再設定の手続きが見つかりません。お手数ですが、もう一度お手続きください。'),
  };
}

export function accountPasswordRoutes(deps: WebDeps) {
  const r = new Hono<AppEnv>();
  const names = accountCookieNames(deps.config.secureCookies);
  const dev = deps.devMailbox !== null;
  const ttlSeconds = deps.config.registrationTtlSeconds;
  const page = (c: Ctx, opts: Parameters<typeof renderPage>[2], body: Parameters<typeof renderPage>[3]) =>
    renderPage(c, dev, opts, body);

  // ---- パスワードの変更 (signed in)

  const changePage = (c: Ctx, errors?: Errors) =>
    page(
      c,
      { title: 'パスワードの変更', errors, status: errors ? 400 : 200 },
      <ChangePasswordView csrfToken={c.get('csrfToken')()} errors={errors} />,
    );

  r.get('/account/password', (c) => {
    if (!actorOf(c)) return toSignIn(c, '/account/password');
    return changePage(c);
  });

  r.post('/account/password', async (c) => {
    const actor = actorOf(c);
    if (!actor) return toSignIn(c, '/account/password');
    const form = await readForm(c);
    if (!form) return c.redirect('/account/password', 303);
    const result = await deps.account.changePassword(actor, form, c.get('meta'));
    if (!result.ok) return changePage(c, toErrors(c.get('lang'), result.errors));
    setSessionCookie(c, deps, result.sessionId);
    return c.redirect('/account/password/complete', 303);
  });

  r.get('/account/password/complete', (c) => {
    if (!actorOf(c)) return toSignIn(c, '/mypage');
    return page(c, { title: 'パスワードの変更完了' }, <PasswordChangedView />);
  });

  // ---- パスワードを忘れた方 (the reset)

  const flowToken = (c: Ctx) => getCookie(c, names.resetFlow);
  const restart = (c: Ctx, problem: string) => {
    clearCookie(c, deps, names.resetFlow);
    return c.redirect(`/password-reset?reason=${problem}`, 303);
  };

  const startPage = (c: Ctx, opts: { value?: string; errors?: Errors; status?: number; info?: string }) =>
    page(
      c,
      { title: 'パスワードの再設定', errors: opts.errors, status: opts.status },
      <ResetStartView
        csrfToken={c.get('csrfToken')()}
        mailDomain={deps.config.mailDomain}
        value={opts.value}
        errors={opts.errors}
        info={opts.info}
      />,
    );

  r.get('/password-reset', (c) => {
    const reason = c.req.query('reason');
    return startPage(c, { info: reasonMessage(resetMessages(c.get('lang'), ttlSeconds), reason) });
  });

  r.post('/password-reset', async (c) => {
    const form = await readForm(c);
    if (!form) return c.redirect('/password-reset', 303);
    const result = await deps.account.startReset(form.email ?? '', c.get('meta'));
    if (result.ok) {
      setShortCookie(c, deps, names.resetFlow, result.token, deps.config.registrationTtlSeconds + 600);
      return c.redirect('/password-reset/code', 303);
    }
    if ('rateLimited' in result)
      return startPage(c, {
        value: result.value,
        status: 429,
        errors: [{ field: 'email', message: tooManyMessage(c.get('lang'), result.rateLimited) }],
      });
    return startPage(c, {
      value: result.value,
      status: 400,
      errors: toErrors(c.get('lang'), [result.fieldError]),
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
        action="/password-reset/code"
        resendAction="/password-reset/code/resend"
        errors={opts.errors}
        info={opts.info}
        intro={k(
          'メールに記載された6桁の認証コードを入力し、「認証コードを確認する」を押してください。メールは、利用者IDとして登録されているメールアドレスにのみお送りしています。',
        )}
        startOver={{ href: '/password-reset', label: 'メールアドレスの入力に戻る' }}
      />,
    );

  const resetNext = {
    code_sent: null,
    verified: '/password-reset/new',
    completed: '/password-reset/complete',
  };

  r.get('/password-reset/code', async (c) => {
    const loaded = await deps.account.loadReset(flowToken(c), ['code_sent', 'verified', 'completed']);
    if (!loaded.ok) return restart(c, loaded.problem);
    const next = resetNext[loaded.flow.state];
    if (next) return c.redirect(next, 303);
    const info = c.req.query('resent')
      ? k('認証コードを再送しました。新しいメールを確認してください。')
      : undefined;
    return codePage(c, loaded.flow.email, { info });
  });

  r.post('/password-reset/code', async (c) => {
    const form = await readForm(c);
    if (!form) return c.redirect('/password-reset/code', 303);
    const result = await deps.account.verifyReset(flowToken(c), form.code ?? '', c.get('meta'));
    if (result.ok) return c.redirect('/password-reset/new', 303);
    if ('problem' in result) return restart(c, result.problem);
    const loaded = await deps.account.loadReset(flowToken(c), ['code_sent']);
    if (!loaded.ok) return restart(c, loaded.problem);
    const message =
      wrongCodeMessage(c.get('lang'), result.triesLeft) ??
      toErrors(c.get('lang'), [result.fieldError])[0]?.message ??
      '';
    return codePage(c, loaded.flow.email, { errors: [{ field: 'code', message }], status: 400 });
  });

  r.post('/password-reset/code/resend', async (c) => {
    const result = await deps.account.resendReset(flowToken(c), c.get('meta'));
    if (result.ok) return c.redirect('/password-reset/code?resent=1', 303);
    if ('problem' in result) return restart(c, result.problem);
    const loaded = await deps.account.loadReset(flowToken(c), ['code_sent']);
    if (!loaded.ok) return restart(c, loaded.problem);
    const message =
      'rateLimited' in result
        ? tooManyMessage(c.get('lang'), result.rateLimited)
        : result.refused === 'too_many'
          ? k(
              '認証コードの再送は5回までです。届いている認証コードを入力するか、「メールアドレスの入力に戻る」からやり直してください。',
            )
          : tooSoonMessage(c.get('lang'), result.retryAfterSeconds);
    return codePage(c, loaded.flow.email, { errors: [{ field: 'code', message }], status: 429 });
  });

  const newPasswordPage = (c: Ctx, errors?: Errors) =>
    page(
      c,
      { title: '新しいパスワードの設定', errors, status: errors ? 400 : 200 },
      <NewPasswordView csrfToken={c.get('csrfToken')()} errors={errors} />,
    );

  r.get('/password-reset/new', async (c) => {
    const loaded = await deps.account.loadReset(flowToken(c), ['code_sent', 'verified', 'completed']);
    if (!loaded.ok) return restart(c, loaded.problem);
    if (loaded.flow.state === 'code_sent') return c.redirect('/password-reset/code', 303);
    if (loaded.flow.state === 'completed') return c.redirect('/password-reset/complete', 303);
    return newPasswordPage(c);
  });

  r.post('/password-reset/new', async (c) => {
    const form = await readForm(c);
    if (!form) return c.redirect('/password-reset/new', 303);
    const result = await deps.account.completeReset(flowToken(c), form, c.get('meta'));
    if (result.ok) {
      if (result.sessionId) {
        // A session of someone else in this browser ends too (the user's own ended in the reset).
        await deps.sessions.end(c.get('sessionId'), c.get('meta'));
        setSessionCookie(c, deps, result.sessionId);
      }
      clearCookie(c, deps, names.resetFlow);
      return c.redirect('/password-reset/complete', 303);
    }
    if ('problem' in result) {
      if (result.problem === 'wrong_step') return c.redirect('/password-reset/code', 303);
      return restart(c, result.problem);
    }
    return newPasswordPage(c, toErrors(c.get('lang'), result.errors));
  });

  r.get('/password-reset/complete', (c) => {
    if (!actorOf(c)) return c.redirect('/login', 303);
    return page(c, { title: 'パスワードの再設定完了' }, <PasswordResetView />);
  });

  return r;
}
