/**
 * What the registration steps share: the page frame, the flow's cookie (the browser holds only the
 * flow's random token, and the time the flow expires), the way back to the start when a flow cannot
 * go on, the rate-limit message.
 *
 * The cookie reads `<token>.<expiry in Unix seconds>` (the expiry once a screen of the flow has been
 * shown): when the flow's row is gone, the remembered expiry tells a flow whose time limit ran out
 * (and that the sweep deleted) from one that never existed (docs/decisions/012-expired-flow-told-apart.md).
 * The expiry is not secret and not trusted for anything else: a forged one changes only the wording
 * of the message that sends the person back to the start.
 */
import { deleteCookie, getCookie, setCookie } from '../../shared/cookies.js';
import type { RegistrationRecord } from '../../../app/registration/ports.js';
import { translator } from '../../../messages/i18n.js';
import type { Ctx, WebDeps } from '../../shared/context.js';
import { cookieNames } from '../../shared/context.js';
import { renderPage, sharedPages } from '../../shared/render.js';

/** How long the cookie outlives the flow's time limit, so that a late visit can still be told why. */
const REMEMBER_EXPIRED_SECONDS = 7 * 86400;

export function registrationFlow(deps: WebDeps) {
  const names = cookieNames(deps.config.secureCookies);
  const dev = deps.devMailbox !== null;

  const cookie = (c: Ctx): { token?: string; expiresAt: Date | null } => {
    const value = getCookie(c, names.flow);
    if (!value) return { expiresAt: null };
    const [token, exp] = value.split('.');
    const seconds = exp && /^\d{1,12}$/.test(exp) ? Number(exp) : null;
    return { token: token || undefined, expiresAt: seconds === null ? null : new Date(seconds * 1000) };
  };
  const flowToken = (c: Ctx) => cookie(c).token;
  /** Sets the flow cookie; `expiresAt`, when known, is remembered beside the token. */
  const setFlow = (c: Ctx, token: string, expiresAt?: Date) =>
    setCookie(c, names.flow, expiresAt ? `${token}.${Math.floor(expiresAt.getTime() / 1000)}` : token, {
      httpOnly: true,
      sameSite: 'Lax',
      secure: deps.config.secureCookies,
      path: '/',
      maxAge: deps.config.registrationTtlSeconds + REMEMBER_EXPIRED_SECONDS,
    });

  return {
    names,
    page: (c: Ctx, opts: Parameters<typeof renderPage>[2], body: Parameters<typeof renderPage>[3]) =>
      renderPage(c, dev, opts, body),
    shared: sharedPages(dev),
    flowToken,
    setFlow,
    /**
     * Loads the browser's flow for a screen (`registration.load`) and, while it runs, remembers its
     * current expiry in the cookie (it moves on with each code mailed). A completed flow's cookie
     * forgets it: that flow did not run out of time.
     */
    load: async (c: Ctx, states: RegistrationRecord['state'][]) => {
      const token = flowToken(c);
      const loaded = await deps.registration.load(token, states);
      if (loaded.ok && token) {
        const remembered = cookie(c).expiresAt?.getTime();
        const expiresAt = loaded.flow.state === 'completed' ? undefined : loaded.flow.expiresAt;
        if (remembered !== expiresAt?.getTime()) setFlow(c, token, expiresAt);
      }
      return loaded;
    },
    /** A flow that cannot go on is never a dead end: back to the start with the reason. */
    restart: (c: Ctx, problem: string) => {
      const reason =
        problem === 'missing' && deps.registration.whyGone(cookie(c).expiresAt) === 'expired'
          ? 'expired'
          : problem;
      if (reason !== 'wrong_step')
        deleteCookie(c, names.flow, { path: '/', secure: deps.config.secureCookies });
      return c.redirect(reason === 'wrong_step' ? '/register/resume' : `/register?reason=${reason}`, 303);
    },
    tooMany: (c: Ctx, seconds: number) =>
      translator(c.get('lang'))(
        '送信の回数が上限に達しました。しばらく時間をおいてから、もう一度お試しください。（約{minutes}分後）',
        {
          minutes: Math.max(1, Math.ceil(seconds / 60)),
        },
      ),
  };
}

export type RegistrationFlow = ReturnType<typeof registrationFlow>;
