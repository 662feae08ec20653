/**
 * パスワードの変更 (signed in) and パスワードを忘れた方 → パスワードの再設定 → 認証コードの入力 →
 * 新しいパスワードの設定 → パスワードの再設定完了 (signed in). The reset screens read the same
 * whether or not the address belongs to a user.
 */
import { Hono } from 'hono';
import { getCookie } from 'hono/cookie';
import { k, translator, type Lang } from '../../../messages/i18n.js';
import type { AppEnv, Ctx, WebDeps } from '../../shared/context.js';
import { T } from '../../shared/i18n.js';
import { SpamFilterNotice } from '../../views/shared/code-entry.js';
import { readForm, renderPage } from '../../shared/render.js';
import { CsrfField, ErrorSummary, Notice, TextField, type Errors } from '../../views/shared/components.js';
import { PasswordRule } from '../../views/shared/profile-form.js';
import {
  CodeEntry,
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
export function resetMessages(lang: Lang, ttlMinutes: number): Record<string, string> {
  const t = translator(lang);
  return {
    expired: t(
      '認証コードの送信から{minutes}分が経過したため、パスワードの再設定の手続きを終了しました。お手数ですが、もう一度お手続きください。',
      { minutes: ttlMinutes },
    ),
    exhausted: t(
      '認証コードを5回間違えたため、パスワードの再設定の手続きを終了しました。お手数ですが、もう一度お手続きください。',
    ),
    missing: t('パスワードの再設定の手続きが見つかりません。お手数ですが、もう一度お手続きください。'),
  };
}

/** The new password and its confirmation, with the rule and the show-password toggle. */
function NewPasswordFields({ errors }: { errors?: Errors }) {
  return (
    <>
      <TextField
        name="newPassword"
        label="新しいパスワード"
        type="password"
        autocomplete="new-password"
        maxlength={200}
        error={errors?.find((e) => e.field === 'newPassword')?.message}
        hint={<PasswordRule />}
      />
      <TextField
        name="newPasswordConfirm"
        label="新しいパスワード（確認用）"
        type="password"
        autocomplete="new-password"
        maxlength={200}
        error={errors?.find((e) => e.field === 'newPasswordConfirm')?.message}
        hint="確認のため、もう一度同じパスワードを入力してください。"
      />
      <div class="show-password" hidden data-show-password="newPassword newPasswordConfirm">
        <input type="checkbox" id="show-password" />
        <label for="show-password">
          <T>パスワードを表示する</T>
        </label>
      </div>
    </>
  );
}

export function accountPasswordRoutes(deps: WebDeps) {
  const r = new Hono<AppEnv>();
  const names = accountCookieNames(deps.config.secureCookies);
  const dev = deps.devMailbox !== null;
  const ttlMinutes = Math.round(deps.config.registrationTtlSeconds / 60);
  const page = (c: Ctx, opts: Parameters<typeof renderPage>[2], body: Parameters<typeof renderPage>[3]) =>
    renderPage(c, dev, opts, body);

  // ---- パスワードの変更 (signed in)

  const changePage = (c: Ctx, errors?: Errors) =>
    page(
      c,
      { title: 'パスワードの変更', errors, status: errors ? 400 : 200 },
      <>
        <ErrorSummary errors={errors} />
        <p>
          <T>
            現在のパスワードと新しいパスワードを入力し、「変更する」を押してください。変更すると、安全のため、ほかの端末でのログインはすべて終了します。
          </T>
        </p>
        <form method="post" action="/account/password" novalidate>
          <CsrfField token={c.get('csrfToken')()} />
          <TextField
            name="currentPassword"
            label="現在のパスワード"
            type="password"
            autocomplete="current-password"
            maxlength={200}
            error={errors?.find((e) => e.field === 'currentPassword')?.message}
          />
          <NewPasswordFields errors={errors} />
          <button type="submit" class="button">
            <T>変更する</T>
          </button>
        </form>
        <p>
          <a href="/mypage">
            <T>変更せずにマイページへ戻る</T>
          </a>
        </p>
      </>,
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
    return page(
      c,
      { title: 'パスワードの変更完了' },
      <>
        <Notice kind="success">
          <T>パスワードを変更しました。</T>
        </Notice>
        <p>
          <T>
            次回から新しいパスワードでログインしてください。安全のため、ほかの端末でのログインはすべて終了しました。登録のメールアドレスに、変更のお知らせをお送りしました。
          </T>
        </p>
        <p>
          <a href="/mypage" class="button">
            <T>マイページへ</T>
          </a>
        </p>
      </>,
    );
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
      <>
        <ErrorSummary errors={opts.errors} />
        {opts.info ? <Notice kind="warning">{opts.info}</Notice> : null}
        <p>
          <T>
            利用者ID（登録したメールアドレス）を入力し、「認証コードを送信する」を押してください。登録されているメールアドレスの場合は、認証コードを記載したメールをお送りします。
          </T>
        </p>
        <p>
          <T>
            ログインを続けて間違えてログインが停止されている場合でも、パスワードを再設定できます。再設定すると、ほかの端末でのログインはすべて終了します。
          </T>
        </p>
        <SpamFilterNotice mailDomain={deps.config.mailDomain} />
        <form method="post" action="/password-reset" novalidate>
          <CsrfField token={c.get('csrfToken')()} />
          <TextField
            name="email"
            label="メールアドレス"
            type="email"
            value={opts.value}
            autocomplete="email"
            inputmode="email"
            maxlength={300}
            error={opts.errors?.[0]?.message}
            hint="利用者IDとして登録したメールアドレスを入力してください。"
          />
          <button type="submit" class="button">
            <T>認証コードを送信する</T>
          </button>
        </form>
        <p>
          <a href="/login">
            <T>ログイン画面へ戻る</T>
          </a>
        </p>
      </>,
    );

  r.get('/password-reset', (c) => {
    const reason = c.req.query('reason');
    return startPage(c, { info: reasonMessage(resetMessages(c.get('lang'), ttlMinutes), reason) });
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
        ttlMinutes={ttlMinutes}
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
      <>
        <ErrorSummary errors={errors} />
        <p>
          <T>
            新しいパスワードを入力し、「設定する」を押してください。設定すると、この画面からそのままログインした状態になり、ほかの端末でのログインはすべて終了します。
          </T>
        </p>
        <form method="post" action="/password-reset/new" novalidate>
          <CsrfField token={c.get('csrfToken')()} />
          <NewPasswordFields errors={errors} />
          <button type="submit" class="button">
            <T>設定する</T>
          </button>
        </form>
      </>,
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
    return page(
      c,
      { title: 'パスワードの再設定完了' },
      <>
        <Notice kind="success">
          <T>パスワードを再設定しました。</T>
        </Notice>
        <p>
          <T>
            ログインした状態になっています。次回から新しいパスワードでログインしてください。登録のメールアドレスに、再設定のお知らせをお送りしました。
          </T>
        </p>
        <p>
          <a href="/mypage" class="button">
            <T>マイページへ</T>
          </a>
        </p>
      </>,
    );
  });

  return r;
}
