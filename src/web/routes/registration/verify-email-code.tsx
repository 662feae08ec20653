/**
 * Screen 4: メールアドレスの登録完了, where the code is entered, resent, or given up for another
 * address.
 */
import { Hono } from 'hono';
import { k, translator } from '../../../messages/i18n.js';
import { validationMessageFor } from '../../shared/messages.js';
import type { AppEnv, Ctx, WebDeps } from '../../shared/context.js';
import { readForm } from '../../shared/render.js';
import type { Errors } from '../../views/shared/components.js';
import { CodeView } from '../../views/registration/verify-email-code.js';
import type { RegistrationFlow } from './flow.js';

export function verifyEmailCodeRoutes(deps: WebDeps, flow: RegistrationFlow) {
  const r = new Hono<AppEnv>();
  const { page, flowToken, setFlow, restart, tooMany, load } = flow;

  const codePage = async (
    c: Ctx,
    email: string,
    opts: { errors?: Errors; status?: number; info?: string } = {},
  ) =>
    page(
      c,
      { title: 'メールアドレスの登録完了', errors: opts.errors, status: opts.status },
      <CodeView
        email={email}
        csrfToken={c.get('csrfToken')()}
        mailDomain={deps.config.mailDomain}
        ttlSeconds={deps.config.registrationTtlSeconds}
        errors={opts.errors}
        info={opts.info}
      />,
    );

  r.get('/register/code', async (c) => {
    const loaded = await load(c, ['code_sent', 'verified', 'profile_entered']);
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
    const loaded = await load(c, ['code_sent']);
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
    const loaded = await load(c, ['code_sent']);
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

  return r;
}
