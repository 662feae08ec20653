/** Screens 6 and 7: 入力内容の確認 (or back to the form) and 本登録の完了, signed in. */
import { Hono } from 'hono';
import { setCookie } from '../../shared/cookies.js';
import type { AppEnv, WebDeps } from '../../shared/context.js';
import {
  ConfirmRegistrationView,
  RegistrationCompleteView,
} from '../../views/registration/confirm-registration.js';
import type { RegistrationFlow } from './flow.js';

export function confirmRegistrationRoutes(deps: WebDeps, flow: RegistrationFlow) {
  const r = new Hono<AppEnv>();
  const { names, page, flowToken, setFlow, restart, load } = flow;

  // Screen 6: 入力内容の確認
  r.get('/register/confirm', async (c) => {
    const loaded = await load(c, ['verified', 'profile_entered', 'completed']);
    if (!loaded.ok) return restart(c, loaded.problem);
    const flow = loaded.flow;
    if (flow.state === 'completed') return c.redirect('/register/complete', 303);
    if (flow.state !== 'profile_entered') return c.redirect('/register/profile', 303);
    return page(
      c,
      { title: '入力内容の確認', wide: false },
      <ConfirmRegistrationView
        kind={flow.kind}
        email={flow.email ?? ''}
        values={flow.profileValues ?? {}}
        csrfToken={c.get('csrfToken')()}
      />,
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
    // The flow is done: its cookie forgets the expiry (a done flow never "ran out of time").
    const token = flowToken(c);
    if (token) setFlow(c, token);
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
    return page(c, { title: '本登録の完了' }, <RegistrationCompleteView email={s.user.email} />);
  });

  return r;
}
