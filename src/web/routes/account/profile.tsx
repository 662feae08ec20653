/**
 * 利用者情報の変更 → 変更内容の確認 → 利用者情報の変更完了. The pending edit lives in a sealed
 * cookie between the two screens (docs/decisions/account-pending-profile-edit.md), so every POST
 * answers with a 303 and nothing is stored in a table until 変更する.
 */
import { Hono } from 'hono';
import { getCookie } from '../../shared/cookies.js';
import { PENDING_EDIT_SECONDS } from '../../../app/account/account.js';
import type { AppEnv, Ctx, WebDeps } from '../../shared/context.js';
import { validationMessageFor } from '../../shared/messages.js';
import { readForm, renderPage } from '../../shared/render.js';
import type { Errors } from '../../views/shared/components.js';
import { profileInputId } from '../../views/shared/profile-form.js';
import { ProfileChangedView, ProfileConfirmView, ProfileEditView } from '../../views/account/profile.js';
import { accountCookieNames, actorOf, clearCookie, setShortCookie, toSignIn } from './shared.js';

export function accountProfileRoutes(deps: WebDeps) {
  const r = new Hono<AppEnv>();
  const names = accountCookieNames(deps.config.secureCookies);
  const dev = deps.devMailbox !== null;
  const page = (c: Ctx, opts: Parameters<typeof renderPage>[2], body: Parameters<typeof renderPage>[3]) =>
    renderPage(c, dev, opts, body);

  const formPage = (c: Ctx, values: Record<string, string>, errors?: Errors) => {
    const actor = actorOf(c);
    if (!actor) return toSignIn(c, '/account/profile');
    return page(
      c,
      { title: '利用者情報の変更', errors, status: errors ? 400 : 200 },
      <ProfileEditView user={actor.user} values={values} csrfToken={c.get('csrfToken')()} errors={errors} />,
    );
  };

  r.get('/account/profile', (c) => {
    const actor = actorOf(c);
    if (!actor) return toSignIn(c, '/account/profile');
    // 入力に戻る brings back the pending values; otherwise the form starts from what is stored.
    const pending = c.req.query('back')
      ? deps.account.pendingProfile(actor, getCookie(c, names.profileEdit))
      : null;
    if (!pending) clearCookie(c, deps, names.profileEdit);
    return formPage(c, pending ?? actor.user.profileValues);
  });

  r.post('/account/profile', async (c) => {
    const actor = actorOf(c);
    if (!actor) return toSignIn(c, '/account/profile');
    const form = await readForm(c);
    if (!form) return c.redirect('/account/profile', 303);
    const result = deps.account.reviewProfile(actor, form);
    if (!result.ok)
      return formPage(
        c,
        result.values,
        result.errors.map((e) => ({
          field: e.field,
          inputId: profileInputId(e.field),
          message: validationMessageFor(c.get('lang'), e.field, e.code, actor.user.kind),
        })),
      );
    setShortCookie(c, deps, names.profileEdit, result.pending, PENDING_EDIT_SECONDS);
    return c.redirect('/account/profile/confirm', 303);
  });

  r.get('/account/profile/confirm', (c) => {
    const actor = actorOf(c);
    if (!actor) return toSignIn(c, '/account/profile');
    const values = deps.account.pendingProfile(actor, getCookie(c, names.profileEdit));
    if (!values) return c.redirect('/account/profile', 303);
    return page(
      c,
      { title: '変更内容の確認' },
      <ProfileConfirmView user={actor.user} values={values} csrfToken={c.get('csrfToken')()} />,
    );
  });

  r.post('/account/profile/back', (c) => {
    if (!actorOf(c)) return toSignIn(c, '/account/profile');
    return c.redirect('/account/profile?back=1', 303);
  });

  r.post('/account/profile/confirm', async (c) => {
    const actor = actorOf(c);
    if (!actor) return toSignIn(c, '/account/profile');
    const result = await deps.account.applyProfile(actor, getCookie(c, names.profileEdit), c.get('meta'));
    if (!result.ok)
      return c.redirect('errors' in result ? '/account/profile?back=1' : '/account/profile', 303);
    clearCookie(c, deps, names.profileEdit);
    return c.redirect('/account/profile/complete', 303);
  });

  r.get('/account/profile/complete', (c) => {
    if (!actorOf(c)) return toSignIn(c, '/mypage');
    return page(c, { title: '利用者情報の変更完了' }, <ProfileChangedView />);
  });

  return r;
}
