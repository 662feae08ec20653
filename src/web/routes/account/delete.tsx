/**
 * 退会 → (the dialog 「退会します。よろしいですか？」 with JavaScript, a plain confirm step without
 * it) → 退会の完了. The form carries `nojs=1` inside <noscript>, which a browser only submits when
 * scripting is off: then the password is checked first and the confirm step follows.
 */
import { Hono } from 'hono';
import { getCookie } from '../../shared/cookies.js';
import { DELETE_TICKET_SECONDS } from '../../../app/account/account.js';
import type { AppEnv, Ctx, WebDeps } from '../../shared/context.js';
import { readForm, renderPage } from '../../shared/render.js';
import type { Errors } from '../../views/shared/components.js';
import { DeleteConfirmView, DeletedView, DeleteView } from '../../views/account/delete.js';
import {
  accountCookieNames,
  actorOf,
  clearCookie,
  clearSessionCookie,
  setShortCookie,
  toErrors,
  toSignIn,
} from './shared.js';

export function accountDeleteRoutes(deps: WebDeps) {
  const r = new Hono<AppEnv>();
  const names = accountCookieNames(deps.config.secureCookies);
  const dev = deps.devMailbox !== null;
  const page = (c: Ctx, opts: Parameters<typeof renderPage>[2], body: Parameters<typeof renderPage>[3]) =>
    renderPage(c, dev, opts, body);

  const deletePage = (c: Ctx, errors?: Errors) =>
    page(
      c,
      { title: '退会', errors, status: errors ? 400 : 200 },
      <DeleteView csrfToken={c.get('csrfToken')()} errors={errors} />,
    );

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
    return page(c, { title: '退会の確認' }, <DeleteConfirmView csrfToken={c.get('csrfToken')()} />);
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

  r.get('/account/delete/complete', (c) => page(c, { title: '退会の完了' }, <DeletedView />));

  return r;
}
