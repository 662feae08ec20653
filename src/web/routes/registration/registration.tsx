/**
 * The seed's registration screens 1–7, one handler per step; each POST answers with a 303 to the
 * next screen (PRG), so Back and reload never resubmit. The flow lives in the database; the browser
 * holds only its random token in a cookie.
 */
import { Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { Child } from 'hono/jsx';
import type { UserKind } from '../../../domain/profile.js';
import { k, translator } from '../../../messages/i18n.js';
import { validationMessageFor } from '../../shared/messages.js';
import { T } from '../../shared/i18n.js';
import type { AppEnv, Ctx, WebDeps } from '../../shared/context.js';
import { cookieNames } from '../../shared/context.js';
import { readForm, renderPage, sharedPages } from '../../shared/render.js';
import {
  CsrfField,
  ErrorSummary,
  Notice,
  StepIndicator,
  TextField,
  type Errors,
} from '../../views/shared/components.js';
import { TermsContent } from '../../views/content/terms.js';
import { TermsContentEn } from '../../views/content/terms-en.js';
import { CodeForm, CodeHelp, SpamFilterNotice } from '../../views/shared/code-entry.js';
import { ConfirmView, ProfileForm, profileInputId } from '../../views/shared/profile-form.js';

const KINDS: Record<UserKind, string> = { individual: k('個人'), business: k('事業者') };

/** The registration's steps, for StepIndicator. */
const STEPS = {
  label: k('登録の手順'),
  steps: [k('メールアドレス'), k('認証コード'), k('利用者情報'), k('確認'), k('完了')],
};

export const FLOW_MESSAGES: Record<string, string> = {
  expired: k(
    '認証コードの送信から30分が経過したため、入力された情報は削除されました。お手数ですが、最初から利用者登録をやり直してください。',
  ),
  exhausted: k(
    '認証コードを5回間違えたため、登録の手続きを終了しました。お手数ですが、最初から利用者登録をやり直してください。',
  ),
  missing: k('登録の手続きが見つかりません。お手数ですが、最初から利用者登録をやり直してください。'),
  email_taken: k(
    'このメールアドレスでの登録は、別の画面ですでに完了しています。ログイン画面からログインしてください。',
  ),
};

function parseKind(v: string | undefined): UserKind | null {
  return v === 'individual' || v === 'business' ? v : null;
}

export function registrationRoutes(deps: WebDeps) {
  const r = new Hono<AppEnv>();
  const names = cookieNames(deps.config.secureCookies);
  const dev = deps.devMailbox !== null;
  const page = (c: Ctx, opts: Parameters<typeof renderPage>[2], body: Parameters<typeof renderPage>[3]) =>
    renderPage(c, dev, opts, body);
  const shared = sharedPages(dev);
  const flowToken = (c: Ctx) => getCookie(c, names.flow);
  const docOptions = {
    mailDomain: deps.config.mailDomain,
    registrationTtlSeconds: deps.config.registrationTtlSeconds,
  };
  const setFlow = (c: Ctx, token: string) =>
    setCookie(c, names.flow, token, {
      httpOnly: true,
      sameSite: 'Lax',
      secure: deps.config.secureCookies,
      path: '/',
      maxAge: deps.config.registrationTtlSeconds + 600,
    });
  /** A flow that cannot go on is never a dead end: back to the start with the reason. */
  const restart = (c: Ctx, problem: string) => {
    if (problem !== 'wrong_step')
      deleteCookie(c, names.flow, { path: '/', secure: deps.config.secureCookies });
    return c.redirect(problem === 'wrong_step' ? '/register/resume' : `/register?reason=${problem}`, 303);
  };
  const tooMany = (c: Ctx, seconds: number) =>
    translator(c.get('lang'))(
      '送信の回数が上限に達しました。しばらく時間をおいてから、もう一度お試しください。（約{minutes}分後）',
      {
        minutes: Math.max(1, Math.ceil(seconds / 60)),
      },
    );

  // Screen 1: 利用者の新規登録
  r.get('/register', (c) => {
    const reason = c.req.query('reason');
    const message = reason ? FLOW_MESSAGES[reason] : undefined;
    // Without a reason to show, the screen is the same for everybody (and built only once).
    const body = (): Child => (
      <>
        {message ? <Notice kind="warning">{message}</Notice> : null}
        <p>
          <T>利用者の区分を選んでください。メールアドレスが利用者IDになります。</T>
        </p>
        <form method="get" action="/register/terms" class="choice">
          <div class="choice__item">
            <button type="submit" name="kind" value="individual" class="button button--large">
              <T>個人として登録する</T>
            </button>
            <p class="field__hint">
              <T>個人の方はこちら</T>
            </p>
          </div>
          <div class="choice__item">
            <button type="submit" name="kind" value="business" class="button button--large">
              <T>事業者として登録する</T>
            </button>
            <p class="field__hint">
              <T>法人・事業者の方はこちら</T>
            </p>
          </div>
        </form>
      </>
    );
    return message
      ? page(c, { title: '利用者の新規登録' }, body())
      : shared(c, '/register', { title: '利用者の新規登録' }, body);
  });

  // Screen 2: 利用規約の確認
  const termsPage = (c: Ctx, kind: UserKind, errors?: Errors, status = 200) =>
    page(c, { title: '利用規約の確認', errors, status }, termsBody(c, kind, errors));
  const termsBody = (c: Ctx, kind: UserKind, errors?: Errors) => (
    <>
      <ErrorSummary errors={errors} />
      <p>
        <T params={{ kind: translator(c.get('lang'))(KINDS[kind]) }}>
          {
            '{kind}として登録します。利用規約をお読みいただき、同意のうえ「利用者の登録を開始する」を押してください。'
          }
        </T>
      </p>
      <section class="terms-box" tabindex={0} aria-labelledby="terms-title">
        <h2 id="terms-title">
          <T>オンライン手続かわさき 利用規約</T>
        </h2>
        {c.get('lang') === 'en' ? <TermsContentEn {...docOptions} /> : <TermsContent {...docOptions} />}
      </section>
      <form method="post" action="/register/terms" novalidate>
        <CsrfField token={c.get('csrfToken')()} />
        <input type="hidden" name="kind" value={kind} />
        <div class={`field${errors ? ' field--error' : ''}`}>
          {errors ? (
            <p id="agree-error" class="field__error">
              <span class="visually-hidden">
                <T>エラー：</T>
              </span>
              <T>{errors[0]?.message ?? ''}</T>
            </p>
          ) : null}
          <div class="checkbox">
            <input
              type="checkbox"
              id="agree"
              name="agree"
              value="yes"
              aria-invalid={errors ? 'true' : undefined}
              aria-describedby={errors ? 'agree-error' : undefined}
            />
            <label for="agree">
              <T>利用規約に同意します</T>
            </label>
          </div>
        </div>
        <button type="submit" class="button">
          <T>利用者の登録を開始する</T>
        </button>
      </form>
    </>
  );

  r.get('/register/terms', (c) => {
    const kind = parseKind(c.req.query('kind'));
    if (!kind) return c.redirect('/register', 303);
    return shared(c, `/register/terms?kind=${kind}`, { title: '利用規約の確認' }, () => termsBody(c, kind));
  });

  r.post('/register/terms', async (c) => {
    const form = await readForm(c);
    const kind = parseKind(form?.kind);
    if (!form || !kind) return c.redirect('/register', 303);
    if (form.agree !== 'yes')
      return termsPage(
        c,
        kind,
        [
          {
            field: 'agree',
            message: k('利用規約に同意する場合は、「利用規約に同意します」にチェックを入れてください'),
          },
        ],
        400,
      );
    const started = await deps.registration.start(kind, c.get('meta'), c.get('lang'));
    if (!started.ok)
      return termsPage(c, kind, [{ field: 'agree', message: tooMany(c, started.rateLimited) }], 429);
    setFlow(c, started.token);
    return c.redirect('/register/email', 303);
  });

  // Screen 3: メールアドレスの登録
  const emailPage = async (c: Ctx, value: string, errors?: Errors, status = 200) =>
    page(
      c,
      { title: 'メールアドレスの登録', errors, status },
      <>
        <StepIndicator {...STEPS} current={1} />
        <ErrorSummary errors={errors} />
        <p>
          <T>
            利用者IDとして使用するメールアドレスを入力し、「登録する」を押してください。入力したメールアドレスに認証コードを記載したメールをお送りします。
          </T>
        </p>
        <SpamFilterNotice mailDomain={deps.config.mailDomain} />
        <form method="post" action="/register/email" novalidate>
          <CsrfField token={c.get('csrfToken')()} />
          <TextField
            name="email"
            label="メールアドレス"
            type="email"
            value={value}
            autocomplete="email"
            inputmode="email"
            maxlength={300}
            error={errors?.[0]?.message}
            hint="半角英数字と記号で入力してください。例：taro@example.jp（PC用・携帯電話用のどちらでも構いません）"
          />
          <button type="submit" class="button">
            <T>登録する</T>
          </button>
        </form>
        <p>
          <a href="/faq#faq-characters">
            <T>使用できるメールアドレスについて（よくある質問）</T>
          </a>
        </p>
      </>,
    );

  r.get('/register/email', async (c) => {
    const loaded = await deps.registration.load(flowToken(c), [
      'started',
      'code_sent',
      'verified',
      'profile_entered',
    ]);
    if (!loaded.ok) return restart(c, loaded.problem);
    return emailPage(c, loaded.flow.email ?? '');
  });

  r.post('/register/email', async (c) => {
    const form = await readForm(c);
    if (!form) return c.redirect('/register/email', 303);
    const result = await deps.registration.submitEmail(flowToken(c), form.email ?? '', c.get('meta'));
    if (result.ok) {
      setFlow(c, result.token);
      return c.redirect('/register/code', 303);
    }
    if ('problem' in result) return restart(c, result.problem);
    if ('rateLimited' in result)
      return emailPage(
        c,
        form.email ?? '',
        [{ field: 'email', message: tooMany(c, result.rateLimited) }],
        429,
      );
    return emailPage(
      c,
      result.value,
      [{ field: 'email', message: validationMessageFor(c.get('lang'), 'email', result.fieldError.code) }],
      400,
    );
  });

  // Screen 4: メールアドレスの登録完了 (the code)
  const codePage = async (
    c: Ctx,
    email: string,
    opts: { errors?: Errors; status?: number; info?: string } = {},
  ) =>
    page(
      c,
      { title: 'メールアドレスの登録完了', errors: opts.errors, status: opts.status },
      <>
        <StepIndicator {...STEPS} current={2} />
        <ErrorSummary errors={opts.errors} />
        {opts.info ? <Notice kind="success">{opts.info}</Notice> : null}
        <p>
          <strong class="address">{email}</strong>{' '}
          <T>
            宛に、認証コードを記載したメールを送信しました。メールに記載された6桁の認証コードを入力し、「認証コードを確認する」を押してください。
          </T>
        </p>
        <Notice kind="warning">
          <T>
            メール受信後、30分以内に本登録画面で登録情報を入力してください。30分を過ぎると入力された情報は削除され、最初から登録し直す必要があります。
          </T>
        </Notice>
        <CodeForm
          action="/register/code"
          csrfToken={c.get('csrfToken')()}
          error={opts.errors?.[0]?.message}
        />
        <CodeHelp
          mailDomain={deps.config.mailDomain}
          resendAction="/register/code/resend"
          csrfToken={c.get('csrfToken')()}
        />
        <p>
          <a href={`/register/different-address?t=${encodeURIComponent(c.get('csrfToken')())}`}>
            <T>別のメールアドレスで登録する</T>
          </a>
        </p>
        <p>
          <a href="/faq#faq-no-mail">
            <T>認証コードが届かない場合（よくある質問）</T>
          </a>
        </p>
      </>,
    );

  r.get('/register/code', async (c) => {
    const loaded = await deps.registration.load(flowToken(c), ['code_sent', 'verified', 'profile_entered']);
    if (!loaded.ok) return restart(c, loaded.problem);
    if (loaded.flow.state !== 'code_sent') return c.redirect('/register/profile', 303);
    const info = c.req.query('resent')
      ? k('認証コードを再送しました。新しいメールを確認してください。')
      : undefined;
    return codePage(c, loaded.flow.email ?? '', { info });
  });

  r.post('/register/code', async (c) => {
    const form = await readForm(c);
    if (!form) return c.redirect('/register/code', 303);
    const result = await deps.registration.verifyCode(flowToken(c), form.code ?? '', c.get('meta'));
    if (result.ok) return c.redirect('/register/profile', 303);
    if ('problem' in result) return restart(c, result.problem);
    const loaded = await deps.registration.load(flowToken(c), ['code_sent']);
    if (!loaded.ok) return restart(c, loaded.problem);
    let message = validationMessageFor(c.get('lang'), 'code', result.fieldError.code);
    if (result.triesLeft !== undefined)
      message = translator(c.get('lang'))(
        '認証コードが正しくありません。メールに記載された6桁の認証コードを入力してください（あと{n}回まで入力できます）',
        { n: result.triesLeft },
      );
    return codePage(c, loaded.flow.email ?? '', { errors: [{ field: 'code', message }], status: 400 });
  });

  r.post('/register/code/resend', async (c) => {
    const result = await deps.registration.resendCode(flowToken(c), c.get('meta'));
    if (result.ok) return c.redirect('/register/code?resent=1', 303);
    if ('problem' in result) return restart(c, result.problem);
    const loaded = await deps.registration.load(flowToken(c), ['code_sent']);
    if (!loaded.ok) return restart(c, loaded.problem);
    const message =
      'rateLimited' in result
        ? tooMany(c, result.rateLimited)
        : result.refused === 'too_many'
          ? k(
              '認証コードの再送は5回までです。届いている認証コードを入力するか、「別のメールアドレスで登録する」からやり直してください。',
            )
          : translator(c.get('lang'))(
              '認証コードの再送は1分に1回までです。{seconds}秒ほど待ってから、もう一度お試しください。',
              {
                seconds: result.retryAfterSeconds,
              },
            );
    return codePage(c, loaded.flow.email ?? '', { errors: [{ field: 'code', message }], status: 429 });
  });

  r.get('/register/different-address', async (c) => {
    if (c.req.query('t') !== c.get('csrfToken')()) return c.redirect('/register/code', 303);
    const result = await deps.registration.useDifferentAddress(flowToken(c));
    if (!result.ok) return restart(c, result.problem);
    setFlow(c, result.token);
    return c.redirect('/register/email', 303);
  });

  // Screen 5: 利用者情報の入力
  r.get('/register/profile', async (c) => {
    const loaded = await deps.registration.load(flowToken(c), ['code_sent', 'verified', 'profile_entered']);
    if (!loaded.ok) return restart(c, loaded.problem);
    const flow = loaded.flow;
    if (flow.state === 'code_sent') return c.redirect('/register/code', 303);
    if (flow.state === 'profile_entered') await deps.registration.backToProfile(flowToken(c));
    return profilePage(c, flow.kind, flow.email ?? '', flow.profileValues ?? {}, flow.passwordHash !== null);
  });

  const profilePage = (
    c: Ctx,
    kind: UserKind,
    email: string,
    values: Record<string, string>,
    passwordKept: boolean,
    errors?: Errors,
  ) =>
    page(
      c,
      { title: '利用者情報の入力', errors, status: errors ? 400 : 200 },
      <>
        <StepIndicator {...STEPS} current={3} />
        <ErrorSummary errors={errors} />
        <ProfileForm
          kind={kind}
          email={email}
          values={values}
          errors={errors}
          passwordKept={passwordKept}
          csrfToken={c.get('csrfToken')()}
          action="/register/profile"
          submitLabel="入力内容を確認する"
          withPassword
        />
      </>,
    );

  r.post('/register/profile', async (c) => {
    const form = await readForm(c);
    if (!form) return c.redirect('/register/profile', 303);
    const result = await deps.registration.submitProfile(flowToken(c), form);
    if (result.ok) return c.redirect('/register/confirm', 303);
    if ('problem' in result) return restart(c, result.problem);
    const loaded = await deps.registration.load(flowToken(c), ['verified', 'profile_entered']);
    if (!loaded.ok) return restart(c, loaded.problem);
    const errors = result.errors.map((e) => ({
      field: e.field,
      message: validationMessageFor(c.get('lang'), e.field, e.code, loaded.flow.kind),
      inputId: profileInputId(e.field),
    }));
    return profilePage(
      c,
      loaded.flow.kind,
      loaded.flow.email ?? '',
      result.values,
      loaded.flow.passwordHash !== null,
      errors,
    );
  });

  // Screen 6: 入力内容の確認
  r.get('/register/confirm', async (c) => {
    const loaded = await deps.registration.load(flowToken(c), ['verified', 'profile_entered', 'completed']);
    if (!loaded.ok) return restart(c, loaded.problem);
    const flow = loaded.flow;
    if (flow.state === 'completed') return c.redirect('/register/complete', 303);
    if (flow.state !== 'profile_entered') return c.redirect('/register/profile', 303);
    return page(
      c,
      { title: '入力内容の確認', wide: false },
      <>
        <StepIndicator {...STEPS} current={4} />
        <p>
          <T>
            入力内容を確認し、よろしければ「登録する」を押してください。入力内容を訂正する場合は「入力に戻る」を押してください。
          </T>
        </p>
        <ConfirmView kind={flow.kind} email={flow.email ?? ''} values={flow.profileValues ?? {}} />
        <div class="actions">
          <form
            method="post"
            action="/register/confirm"
            data-confirm={translator(c.get('lang'))('登録します。よろしいですか？')}
            data-confirm-ok={translator(c.get('lang'))('OK')}
            data-confirm-cancel={translator(c.get('lang'))('キャンセル')}
          >
            <CsrfField token={c.get('csrfToken')()} />
            <button type="submit" class="button">
              <T>登録する</T>
            </button>
          </form>
          <form method="post" action="/register/back">
            <CsrfField token={c.get('csrfToken')()} />
            <button type="submit" class="button button--secondary">
              <T>入力に戻る</T>
            </button>
          </form>
        </div>
      </>,
    );
  });

  r.post('/register/back', async (c) => {
    const result = await deps.registration.backToProfile(flowToken(c));
    if (!result.ok) return restart(c, result.problem);
    return c.redirect('/register/profile', 303);
  });

  r.post('/register/confirm', async (c) => {
    const result = await deps.registration.confirm(flowToken(c), c.get('meta'));
    if (!result.ok) {
      if (result.problem === 'wrong_step') return c.redirect('/register/profile', 303);
      return restart(c, result.problem);
    }
    const current = c.get('session');
    if (!(current.status === 'signed_in' && current.user.id === result.userId)) {
      const sid = await deps.sessions.start(result.userId, c.get('sessionId'));
      setCookie(c, names.session, sid, {
        httpOnly: true,
        sameSite: 'Lax',
        secure: deps.config.secureCookies,
        path: '/',
      });
      c.get('renewCsrf')();
    }
    return c.redirect('/register/complete', 303);
  });

  // Screen 7: 本登録の完了
  r.get('/register/complete', async (c) => {
    const s = c.get('session');
    if (s.status !== 'signed_in') return c.redirect('/register', 303);
    return page(
      c,
      { title: '本登録の完了' },
      <>
        <StepIndicator {...STEPS} current={5} />
        <Notice kind="success">{k('利用者登録が完了しました。')}</Notice>
        <p>
          <T>登録したメールアドレス宛に、本登録完了メールを送信しました。ご確認ください。</T>{' '}
          <span class="address">{s.user.email}</span>
        </p>
        <p>
          <a href="/mypage" class="button">
            <T>マイページへ</T>
          </a>
        </p>
      </>,
    );
  });

  r.get('/register/resume', async (c) => {
    const loaded = await deps.registration.load(flowToken(c), [
      'started',
      'code_sent',
      'verified',
      'profile_entered',
      'completed',
    ]);
    if (!loaded.ok) return restart(c, loaded.problem);
    const next = {
      started: '/register/email',
      code_sent: '/register/code',
      verified: '/register/profile',
      profile_entered: '/register/confirm',
      completed: '/register/complete',
    } as const;
    return c.redirect(next[loaded.flow.state], 303);
  });

  return r;
}
