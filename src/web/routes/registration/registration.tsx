/**
 * The seed's registration screens 1–7, one route module per step; each POST answers with a 303 to
 * the next screen (PRG), so Back and reload never resubmit. The flow lives in the database; the
 * browser holds only its random token in a cookie.
 */
import { Hono } from 'hono';
import type { AppEnv, WebDeps } from '../../shared/context.js';
import { confirmRegistrationRoutes } from './confirm-registration.js';
import { enterProfileRoutes } from './enter-profile.js';
import { registrationFlow } from './flow.js';
import { startRegistrationRoutes } from './start-registration.js';
import { verifyEmailCodeRoutes } from './verify-email-code.js';

export function registrationRoutes(deps: WebDeps) {
  const r = new Hono<AppEnv>();
  const flow = registrationFlow(deps);
  r.route('/', startRegistrationRoutes(deps, flow));
  r.route('/', verifyEmailCodeRoutes(deps, flow));
  r.route('/', enterProfileRoutes(deps, flow));
  r.route('/', confirmRegistrationRoutes(deps, flow));

  // Where a flow in another state than the screen expects goes on.
  r.get('/register/resume', async (c) => {
    const loaded = await flow.load(c, ['started', 'code_sent', 'verified', 'profile_entered', 'completed']);
    if (!loaded.ok) return flow.restart(c, loaded.problem);
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
