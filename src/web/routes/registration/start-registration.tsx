/** Screens 1–3: 利用者の新規登録, 利用規約の確認 (which starts the flow) and メールアドレスの登録. */
import { Hono } from 'hono';
import type { UserKind } from '../../../domain/profile.js';
import { formatDuration } from '../../../domain/duration.js';
import { k, translator } from '../../../messages/i18n.js';
import { validationMessageFor } from '../../shared/messages.js';
import type { AppEnv, Ctx, WebDeps } from '../../shared/context.js';
import { readForm } from '../../shared/render.js';
import type { Errors } from '../../views/shared/components.js';
import { ChooseKindView, EmailView, TermsView } from '../../views/registration/start-registration.js';
import type { RegistrationFlow } from './flow.js';

export const FLOW_MESSAGES: Record<string, string> = {
  expired: k(
    '認証コードの送信から{limit}が経過したため、入力された情報は削除されました。お手数ですが、改めて利用者登録を行ってください。',
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

export function startRegistrationRoutes(deps: WebDeps, flow: RegistrationFlow) {
  const r = new Hono<AppEnv>();
  const { page, shared, flowToken, setFlow, restart, tooMany, load } = flow;
  const mailDomain = deps.config.mailDomain;

  // Screen 1: 利用者の新規登録
  r.get('/register', (c) => {
    const reason = c.req.query('reason');
    const key = reason && Object.hasOwn(FLOW_MESSAGES, reason) ? FLOW_MESSAGES[reason] : undefined;
    const lang = c.get('lang');
    const message = key
      ? translator(lang)(key, { limit: formatDuration(deps.config.registrationTtlSeconds, lang) })
      : undefined;
    // Without a reason to show, the screen is the same for everybody (and built only once).
    return message
      ? page(c, { title: '利用者の新規登録' }, <ChooseKindView message={message} />)
      : shared(c, '/register', { title: '利用者の新規登録' }, () => <ChooseKindView />);
  });

  // Screen 2: 利用規約の確認
  const termsBody = (c: Ctx, kind: UserKind, errors?: Errors) => (
    <TermsView
      kind={kind}
      csrfToken={c.get('csrfToken')()}
      mailDomain={mailDomain}
      registrationTtlSeconds={deps.config.registrationTtlSeconds}
      errors={errors}
    />
  );
  const termsPage = (c: Ctx, kind: UserKind, errors?: Errors, status = 200) =>
    page(c, { title: '利用規約の確認', errors, status }, termsBody(c, kind, errors));

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
      <EmailView value={value} csrfToken={c.get('csrfToken')()} mailDomain={mailDomain} errors={errors} />,
    );

  r.get('/register/email', async (c) => {
    const loaded = await load(c, ['started', 'code_sent', 'verified', 'profile_entered']);
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

  return r;
}
