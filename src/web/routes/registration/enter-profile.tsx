/** Screen 5: 利用者情報の入力. */
import { Hono } from 'hono';
import type { UserKind } from '../../../domain/profile.js';
import { validationMessageFor } from '../../shared/messages.js';
import type { AppEnv, Ctx, WebDeps } from '../../shared/context.js';
import { readForm } from '../../shared/render.js';
import type { Errors } from '../../views/shared/components.js';
import { profileInputId } from '../../views/shared/profile-form.js';
import { ProfileView } from '../../views/registration/enter-profile.js';
import type { RegistrationFlow } from './flow.js';

export function enterProfileRoutes(deps: WebDeps, flow: RegistrationFlow) {
  const r = new Hono<AppEnv>();
  const { page, flowToken, restart, load } = flow;

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
      <ProfileView
        kind={kind}
        email={email}
        values={values}
        passwordKept={passwordKept}
        csrfToken={c.get('csrfToken')()}
        errors={errors}
      />,
    );

  r.get('/register/profile', async (c) => {
    const loaded = await load(c, ['code_sent', 'verified', 'profile_entered']);
    if (!loaded.ok) return restart(c, loaded.problem);
    const flow = loaded.flow;
    if (flow.state === 'code_sent') return c.redirect('/register/code', 303);
    if (flow.state === 'profile_entered') await deps.registration.backToProfile(flowToken(c));
    return profilePage(c, flow.kind, flow.email ?? '', flow.profileValues ?? {}, flow.passwordHash !== null);
  });

  r.post('/register/profile', async (c) => {
    const form = await readForm(c);
    if (!form) return c.redirect('/register/profile', 303);
    const result = await deps.registration.submitProfile(flowToken(c), form);
    if (result.ok) return c.redirect('/register/confirm', 303);
    if ('problem' in result) return restart(c, result.problem);
    const loaded = await load(c, ['verified', 'profile_entered']);
    if (!loaded.ok) return restart(c, loaded.problem);
    const errors = result.errors.map((e) => ({
      field: e.field,
      inputId: profileInputId(e.field),
      message: validationMessageFor(c.get('lang'), e.field, e.code, loaded.flow.kind),
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

  return r;
}
