/**
 * ログインせずに申請する (procedures spec §6, decision 014), without JavaScript:
 *   GET|POST /procedures/:procedureId/guest              the address (a procedure without guests: 404)
 *   GET|POST /procedures/:procedureId/guest/code         認証コードの入力 → 303 to the form's first page
 *   POST     /procedures/:procedureId/guest/code/resend  認証コードを再送する
 *   GET      /guest/applications/:id?t=<secret>          the receipt mail's link: sets the guest cookie,
 *                                                        then 303 to the same page without the secret
 *   GET      /guest/applications/:id                     申請の詳細 for the guest (a draft: its form)
 *   GET|POST /guest/applications/:id/withdraw            取下げる, with a confirmation
 * The browser holds the flow's token (guest flow cookie) until the code is right, then the guest
 * cookie (routes/procedures/applicant.ts). Neither the token nor the secret is logged: the log has
 * the path without its query (app.tsx logPath).
 */
import { Hono } from 'hono';
import { getCookie } from '../../shared/cookies.js';
import { formatDuration } from '../../../domain/duration.js';
import { DRAFT_TTL_DAYS } from '../../../domain/procedures/states.js';
import { k, translator } from '../../../messages/i18n.js';
import type { AppEnv, Ctx, WebDeps } from '../../shared/context.js';
import { cookieNames } from '../../shared/context.js';
import { validationMessageFor } from '../../shared/messages.js';
import { readForm, renderPage } from '../../shared/render.js';
import { CodeEntry } from '../../views/account/code-entry.js';
import type { Errors } from '../../views/shared/components.js';
import { GuestApplicationView, GuestStartView, GuestWithdrawView } from '../../views/procedures/guest.js';
import {
  clearCookie,
  reasonMessage,
  setShortCookie,
  tooManyMessage,
  tooSoonMessage,
  wrongCodeMessage,
} from '../account/shared.js';
import { applicantOf, setGuestCookie } from './applicant.js';

const TITLE = k('ログインせずに申請する');
const CODE_TITLE = k('認証コードの入力');
const DETAIL_TITLE = k('申請の詳細');
const WITHDRAW_TITLE = k('申請の取下げ');

/** Why the guest flow started over (`?reason=`). */
const REASONS: Record<string, string> = {
  expired: k(
    '認証コードの送信から{limit}が経過したため、手続きを終了しました。お手数ですが、もう一度メールアドレスを入力してください。',
  ),
  exhausted: k(
    '認証コードを5回間違えたため、手続きを終了しました。お手数ですが、もう一度メールアドレスを入力してください。',
  ),
  missing: k('手続きが見つかりません。お手数ですが、もう一度メールアドレスを入力してください。'),
};

const DAY_SECONDS = 86400;

export function guestRoutes(deps: WebDeps) {
  const r = new Hono<AppEnv>();
  const names = cookieNames(deps.config.secureCookies);
  const dev = deps.devMailbox !== null;
  const ttlSeconds = deps.config.registrationTtlSeconds;
  const page = (c: Ctx, opts: Parameters<typeof renderPage>[2], body: Parameters<typeof renderPage>[3]) =>
    renderPage(c, dev, opts, body);
  const base = (procedureId: string) => `/procedures/${encodeURIComponent(procedureId)}/guest`;

  /** The procedure if it takes guests (else the routes answer 404). */
  async function guestProcedure(procedureId: string) {
    const entry = await deps.procedures.procedure(procedureId);
    return entry && entry.definition.guestAllowed ? entry : null;
  }

  const startPage = async (
    c: Ctx,
    procedureId: string,
    opts: { value?: string; errors?: Errors; status?: number; info?: string } = {},
  ) => {
    const entry = await guestProcedure(procedureId);
    if (!entry) return c.notFound();
    return page(
      c,
      { title: TITLE, errors: opts.errors, status: opts.status },
      <GuestStartView
        procedureId={procedureId}
        procedureName={entry.definition.name[c.get('lang')]}
        csrfToken={c.get('csrfToken')()}
        mailDomain={deps.config.mailDomain}
        open={entry.open}
        value={opts.value}
        errors={opts.errors}
        info={opts.info}
      />,
    );
  };

  const restart = (c: Ctx, procedureId: string, problem: string) => {
    clearCookie(c, deps, names.guestFlow);
    return c.redirect(`${base(procedureId)}?reason=${problem}`, 303);
  };

  r.get('/procedures/:procedureId/guest', (c) => {
    const lang = c.get('lang');
    const key = reasonMessage(REASONS, c.req.query('reason'));
    const info = key ? translator(lang)(key, { limit: formatDuration(ttlSeconds, lang) }) : undefined;
    return startPage(c, c.req.param('procedureId'), { info });
  });

  r.post('/procedures/:procedureId/guest', async (c) => {
    const procedureId = c.req.param('procedureId');
    if (!(await guestProcedure(procedureId))) return c.notFound();
    const form = await readForm(c);
    if (!form) return c.redirect(base(procedureId), 303);
    const lang = c.get('lang');
    const result = await deps.procedures.guest.start(procedureId, form.email ?? '', c.get('meta'), lang);
    if (result.ok) {
      setShortCookie(c, deps, names.guestFlow, result.token, ttlSeconds + 600);
      return c.redirect(`${base(procedureId)}/code`, 303);
    }
    if ('problem' in result)
      return result.problem === 'not_found' ? c.notFound() : startPage(c, procedureId, { status: 409 });
    if ('rateLimited' in result)
      return startPage(c, procedureId, {
        value: result.value,
        status: 429,
        errors: [{ field: 'email', message: tooManyMessage(lang, result.rateLimited) }],
      });
    return startPage(c, procedureId, {
      value: result.value,
      status: 400,
      errors: [{ field: 'email', message: validationMessageFor(lang, 'email', result.fieldError.code) }],
    });
  });

  const codePage = async (
    c: Ctx,
    procedureId: string,
    email: string,
    opts: { errors?: Errors; status?: number; info?: string } = {},
  ) =>
    page(
      c,
      { title: CODE_TITLE, errors: opts.errors, status: opts.status },
      <CodeEntry
        csrfToken={c.get('csrfToken')()}
        mailDomain={deps.config.mailDomain}
        ttlSeconds={ttlSeconds}
        email={email}
        action={`${base(procedureId)}/code`}
        resendAction={`${base(procedureId)}/code/resend`}
        errors={opts.errors}
        info={opts.info}
        intro={k(
          'メールに記載された6桁の認証コードを入力し、「認証コードを確認する」を押してください。認証コードを確認すると、申請の入力に進みます。',
        )}
        startOver={{ href: base(procedureId), label: '別のメールアドレスを入力する' }}
      />,
    );

  /** The flow of the cookie, for this procedure; else a redirect to start over. */
  async function flowOf(c: Ctx, procedureId: string) {
    const loaded = await deps.procedures.guest.load(getCookie(c, names.guestFlow));
    if (!loaded.ok) return { response: restart(c, procedureId, loaded.problem) };
    if (loaded.flow.procedureId !== procedureId) return { response: restart(c, procedureId, 'missing') };
    return { flow: loaded.flow };
  }

  r.get('/procedures/:procedureId/guest/code', async (c) => {
    const procedureId = c.req.param('procedureId');
    if (!(await guestProcedure(procedureId))) return c.notFound();
    const f = await flowOf(c, procedureId);
    if (!f.flow) return f.response;
    if (f.flow.applicationId) return c.redirect(`/applications/${f.flow.applicationId}`, 303);
    const info = c.req.query('resent')
      ? k('認証コードを再送しました。新しいメールを確認してください。')
      : undefined;
    return codePage(c, procedureId, f.flow.email, { info });
  });

  r.post('/procedures/:procedureId/guest/code', async (c) => {
    const procedureId = c.req.param('procedureId');
    if (!(await guestProcedure(procedureId))) return c.notFound();
    const f = await flowOf(c, procedureId);
    if (!f.flow) return f.response;
    const form = await readForm(c);
    if (!form) return c.redirect(`${base(procedureId)}/code`, 303);
    const token = getCookie(c, names.guestFlow);
    const result = await deps.procedures.guest.verifyCode(token, form.code ?? '', c.get('meta'));
    if (result.ok) {
      // the cookie lasts as long as the draft (30 days from its last save)
      setGuestCookie(
        c,
        deps,
        { applicationId: result.applicationId, secret: result.secret },
        DRAFT_TTL_DAYS * DAY_SECONDS,
      );
      clearCookie(c, deps, names.guestFlow);
      return c.redirect(
        `/applications/${result.applicationId}/pages/${encodeURIComponent(result.page)}`,
        303,
      );
    }
    if ('problem' in result)
      return result.problem === 'not_found' ? c.notFound() : restart(c, procedureId, result.problem);
    const lang = c.get('lang');
    const message =
      wrongCodeMessage(lang, result.triesLeft) ?? validationMessageFor(lang, 'code', result.fieldError.code);
    return codePage(c, procedureId, f.flow.email, {
      errors: [{ field: 'code', message }],
      status: 400,
    });
  });

  r.post('/procedures/:procedureId/guest/code/resend', async (c) => {
    const procedureId = c.req.param('procedureId');
    if (!(await guestProcedure(procedureId))) return c.notFound();
    const f = await flowOf(c, procedureId);
    if (!f.flow) return f.response;
    const result = await deps.procedures.guest.resendCode(getCookie(c, names.guestFlow), c.get('meta'));
    if (result.ok) return c.redirect(`${base(procedureId)}/code?resent=1`, 303);
    if ('problem' in result)
      return result.problem === 'verified'
        ? c.redirect(`/applications/${f.flow.applicationId ?? ''}`, 303)
        : restart(c, procedureId, result.problem);
    const lang = c.get('lang');
    const message =
      'rateLimited' in result
        ? tooManyMessage(lang, result.rateLimited)
        : result.refused === 'too_many'
          ? k(
              '認証コードの再送は5回までです。届いている認証コードを入力するか、「別のメールアドレスを入力する」からやり直してください。',
            )
          : tooSoonMessage(lang, result.retryAfterSeconds);
    return codePage(c, procedureId, f.flow.email, { errors: [{ field: 'code', message }], status: 429 });
  });

  // ---- the follow link and the guest's 申請の詳細 ------------------------------------------------

  r.get('/guest/applications/:id', async (c) => {
    const id = c.req.param('id');
    const secret = c.req.query('t');
    if (secret !== undefined) {
      // the receipt mail's link: the secret opens this one application, then leaves the address bar
      const guest = await deps.procedures.followable(id, secret);
      if (!guest) return c.notFound();
      setGuestCookie(c, deps, guest, DRAFT_TTL_DAYS * DAY_SECONDS);
      return c.redirect(`/guest/applications/${id}`, 303);
    }
    const applicant = applicantOf(c);
    if (!applicant || 'userId' in applicant) return c.notFound();
    const draft = await deps.procedures.draft(applicant, id);
    if (draft) return c.redirect(`/applications/${id}`, 303);
    const lang = c.get('lang');
    const detail = await deps.procedures.detail(applicant, id, lang);
    if (!detail) return c.notFound();
    return page(
      c,
      { title: DETAIL_TITLE },
      <GuestApplicationView
        application={detail.application}
        procedureName={detail.form.definition.name[lang]}
        sections={detail.sections}
        events={detail.events}
        actions={detail.actions}
        info={c.req.query('withdrawn') ? k('申請を取り下げました。') : undefined}
      />,
    );
  });

  const withdrawable = async (c: Ctx, id: string) => {
    const applicant = applicantOf(c);
    if (!applicant || 'userId' in applicant) return null;
    const detail = await deps.procedures.detail(applicant, id, c.get('lang'));
    return detail && detail.actions.includes('withdraw') ? { applicant, detail } : null;
  };

  r.get('/guest/applications/:id/withdraw', async (c) => {
    const id = c.req.param('id');
    const w = await withdrawable(c, id);
    if (!w) return c.notFound();
    return page(
      c,
      { title: WITHDRAW_TITLE },
      <GuestWithdrawView
        applicationId={id}
        referenceNumber={w.detail.application.referenceNumber ?? ''}
        procedureName={w.detail.form.definition.name[c.get('lang')]}
        csrfToken={c.get('csrfToken')()}
      />,
    );
  });

  r.post('/guest/applications/:id/withdraw', async (c) => {
    const id = c.req.param('id');
    const w = await withdrawable(c, id);
    if (!w) return c.notFound();
    const result = await deps.procedures.withdraw(w.applicant, id);
    // a refusal here is a race (staff acted first): the page shows the state as it is now
    return c.redirect(`/guest/applications/${id}${result.ok ? '?withdrawn=1' : ''}`, 303);
  });

  return r;
}
