/** What every route sees: the request's variables and the app's dependencies. */
import type { Context } from 'hono';
import type { Config } from '../config.js';
import type { RequestMeta, RegistrationUseCases } from '../app/registration.js';
import type { CurrentSession, SessionUseCases } from '../app/sessions.js';
import type { SignInUseCases } from '../app/sign-in.js';

export type Logger = {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
};

export type WebDeps = {
  config: Config;
  registration: RegistrationUseCases;
  sessions: SessionUseCases;
  signIn: SignInUseCases;
  devMailbox:
    | (() => Promise<
        { id: number; to: string; subject: string; body: string; status: string; createdAt: Date }[]
      >)
    | null;
  ready: () => Promise<boolean>;
  logger: Logger;
};

export type AppEnv = {
  Variables: {
    requestId: string;
    meta: RequestMeta;
    csrfToken: string;
    session: CurrentSession;
    sessionId: string | undefined;
  };
};

export type Ctx = Context<AppEnv>;

export function cookieNames(secure: boolean) {
  const p = secure ? '__Host-' : '';
  return { session: `${p}sid`, flow: `${p}reg`, csrf: `${p}csrf`, notice: `${p}flash` };
}
