/**
 * What the registration steps share: the page frame, the flow's cookie (the browser holds only the
 * flow's random token), the way back to the start when a flow cannot go on, the rate-limit message.
 */
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { translator } from '../../../messages/i18n.js';
import type { Ctx, WebDeps } from '../../shared/context.js';
import { cookieNames } from '../../shared/context.js';
import { renderPage, sharedPages } from '../../shared/render.js';

export function registrationFlow(deps: WebDeps) {
  const names = cookieNames(deps.config.secureCookies);
  const dev = deps.devMailbox !== null;
  return {
    names,
    page: (c: Ctx, opts: Parameters<typeof renderPage>[2], body: Parameters<typeof renderPage>[3]) =>
      renderPage(c, dev, opts, body),
    shared: sharedPages(dev),
    flowToken: (c: Ctx) => getCookie(c, names.flow),
    setFlow: (c: Ctx, token: string) =>
      setCookie(c, names.flow, token, {
        httpOnly: true,
        sameSite: 'Lax',
        secure: deps.config.secureCookies,
        path: '/',
        maxAge: deps.config.registrationTtlSeconds + 600,
      }),
    /** A flow that cannot go on is never a dead end: back to the start with the reason. */
    restart: (c: Ctx, problem: string) => {
      if (problem !== 'wrong_step')
        deleteCookie(c, names.flow, { path: '/', secure: deps.config.secureCookies });
      return c.redirect(problem === 'wrong_step' ? '/register/resume' : `/register?reason=${problem}`, 303);
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
