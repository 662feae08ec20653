/** What every route sees: the request's variables and the app's dependencies. */
import type { Context } from 'hono';
import type { Config } from '../../config.js';
import type { Lang } from '../../messages/i18n.js';
import type { RegistrationUseCases } from '../../app/registration/registration.js';
import type { RequestMeta } from '../../app/shared/request-meta.js';
import type { CurrentSession, SessionUseCases } from '../../app/account/sessions.js';
import type { SignInUseCases } from '../../app/account/sign-in.js';
import type { AccountUseCases } from '../../app/account/account.js';
import type { BackOffice } from '../../app/staff/back-office.js';
import type { GuestApplicant, ProcedureUseCases } from '../../app/procedures/procedures.js';

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
  /** the account side (issue 3): profile, e-mail and password changes, reset, 退会 */
  account: AccountUseCases;
  /** the development mailbox's newest mails, to one address when `to` is given (no SMTP only) */
  devMailbox:
    | ((
        to?: string,
      ) => Promise<
        { id: number; to: string; subject: string; body: string; status: string; createdAt: Date }[]
      >)
    | null;
  ready: () => Promise<boolean>;
  logger: Logger;
  /** the staff back office (/admin) and the notices residents see; absent where not wired */
  backOffice?: BackOffice;
  /** online procedures (issue 13): the catalogue, applications, 申請履歴 and the staff's processing */
  procedures: ProcedureUseCases;
};

export type AppEnv = {
  Variables: {
    requestId: string;
    meta: RequestMeta;
    /** the form token; the first call sets the browser's CSRF cookie if it has none (see security.ts) */
    csrfToken: () => string;
    /**
     * A new CSRF cookie and token from here on, the old token refused: called whenever the session
     * changes (sign-in, sign-out, a credential change that replaces the sessions).
     */
    renewCsrf: () => void;
    session: CurrentSession;
    sessionId: string | undefined;
    /** the page language: the `lang` cookie, Japanese by default */
    lang: Lang;
    /** the guest cookie's guest, read by the procedures' routes (routes/procedures/applicant.ts) */
    guest?: GuestApplicant | null;
  };
};

export type Ctx = Context<AppEnv>;

export function cookieNames(secure: boolean) {
  const p = secure ? '__Host-' : '';
  return {
    session: `${p}sid`,
    flow: `${p}reg`,
    csrf: `${p}csrf`,
    notice: `${p}flash`,
    lang: `${p}lang`,
    /** the device cookie of sign-in (app/account/sign-in.ts): the owner's browser is not held */
    device: `${p}device`,
    /** ログインせずに申請する: the guest flow's token, until the code is right */
    guestFlow: `${p}gflow`,
    /** a guest's one application: `<application id>.<secret>` (routes/procedures/applicant.ts) */
    guest: `${p}guest`,
  };
}
