/** 職員ログイン, 確認コードの入力 and 職員アカウントの設定 (enrolment). */
import {
  CsrfField,
  ErrorSummary,
  errorFor as errorOf,
  Notice,
  TextField,
  type Errors,
} from '../shared/components.js';
import { QrCode } from './graphics.js';

/** 職員ログイン: the address and the password. `next` is already checked. */
export function StaffSignInView(opts: {
  csrfToken: string;
  next: string;
  email?: string;
  errors?: Errors;
  info?: string;
}) {
  return (
    <>
      <ErrorSummary errors={opts.errors} />
      {opts.info ? <Notice kind="warning">{opts.info}</Notice> : null}
      <p>川崎市の職員の方専用の画面です。</p>
      <form method="post" action="/admin/login" novalidate>
        <CsrfField token={opts.csrfToken} />
        <input type="hidden" name="next" value={opts.next} />
        <TextField
          name="email"
          label="メールアドレス"
          type="email"
          autocomplete="username"
          inputmode="email"
          value={opts.email}
          error={errorOf(opts.errors, 'email')}
        />
        <TextField
          name="password"
          label="パスワード"
          type="password"
          autocomplete="current-password"
          error={errorOf(opts.errors, 'password')}
        />
        <button type="submit" class="button">
          ログイン
        </button>
      </form>
    </>
  );
}

/** 確認コードの入力: the authenticator's code. `next` is already checked. */
export function StaffCodeView(opts: { csrfToken: string; next: string; errors?: Errors }) {
  return (
    <>
      <ErrorSummary errors={opts.errors} />
      <p>
        認証アプリ（Google Authenticator、Microsoft Authenticator
        など）に表示されている6桁の確認コードを入力してください。
      </p>
      <form method="post" action="/admin/login/code" novalidate>
        <CsrfField token={opts.csrfToken} />
        <input type="hidden" name="next" value={opts.next} />
        <TextField
          name="code"
          label="確認コード"
          inputmode="numeric"
          autocomplete="one-time-code"
          width="short"
          maxlength={8}
          hint="半角数字6桁"
          error={errorOf(opts.errors, 'code')}
        />
        <button type="submit" class="button">
          確認する
        </button>
      </form>
      <p>
        <a href="/admin/login">ログインの最初に戻る</a>
      </p>
    </>
  );
}

/** The account is locked: why, and the way back to 職員ログイン. */
export function StaffLockedView({ message }: { message: string }) {
  return (
    <>
      <Notice kind="warning">{message}</Notice>
      <p>
        <a href="/admin/login">職員ログインへ</a>
      </p>
    </>
  );
}

/** An enrolment URL that cannot be used (any more). */
export function EnrolGoneView({ problem }: { problem: 'invalid' | 'expired' }) {
  return (
    <>
      <Notice kind="warning">
        {problem === 'expired'
          ? 'この設定用のURLは有効期限（24時間）が切れています。'
          : 'この設定用のURLは無効です。すでに設定が済んでいるか、URLが正しくありません。'}
      </Notice>
      <p>
        管理者の職員に、設定用のURLの発行を依頼してください。設定が済んでいる方は、職員ログインからログインしてください。
      </p>
      <p>
        <a href="/admin/login">職員ログインへ</a>
      </p>
    </>
  );
}

/** 職員アカウントの設定: the authenticator's QR code and secret, the password and a first code. */
export function EnrolView(p: {
  token: string;
  email: string;
  otpauthUri: string;
  secretBase32: string;
  csrfToken: string;
  errors?: Errors;
}) {
  const { token, errors } = p;
  const opened = p;
  return (
    <>
      <ErrorSummary errors={errors} />
      <p>
        <span class="address">{opened.email}</span>{' '}
        の職員アカウントを設定します。パスワードを決め、スマートフォンの認証アプリに登録してください。ログインのたびに、パスワードと認証アプリの確認コードが必要です。
      </p>
      <h2 class="subtitle">1. 認証アプリに登録する</h2>
      <p>
        認証アプリでこのQRコードを読み取ってください。読み取れない場合は、秘密鍵を認証アプリに入力してください。
      </p>
      <div class="enrol-qr">
        <QrCode text={opened.otpauthUri} label="認証アプリに登録するためのQRコード" />
        <div class="field">
          <div class="field__head">
            <label for="totp-secret" class="field__label">
              秘密鍵
            </label>
          </div>
          <div id="totp-secret-hint" class="field__hint">
            種類は「時間ベース」、桁数は6桁です。
          </div>
          <input
            id="totp-secret"
            type="text"
            readonly
            value={opened.secretBase32}
            class="input input--long code-text"
            aria-describedby="totp-secret-hint"
            spellcheck={false}
          />
        </div>
      </div>
      <h2 class="subtitle">2. パスワードと確認コードを入力する</h2>
      <form method="post" action={`/admin/enrol/${token}`} novalidate>
        <CsrfField token={p.csrfToken} />
        <input type="text" name="username" value={opened.email} autocomplete="username" hidden />
        <TextField
          name="password"
          label="パスワード"
          type="password"
          autocomplete="new-password"
          hint="12文字以上。メールアドレスと同じもの、よく使われているものは使えません。"
          error={errorOf(errors, 'password')}
        />
        <TextField
          name="passwordConfirm"
          label="パスワード（確認用）"
          type="password"
          autocomplete="new-password"
          error={errorOf(errors, 'passwordConfirm')}
        />
        <TextField
          name="code"
          label="確認コード"
          inputmode="numeric"
          autocomplete="one-time-code"
          width="short"
          maxlength={8}
          hint="登録した認証アプリに表示されている6桁の数字"
          error={errorOf(errors, 'code')}
        />
        <button type="submit" class="button">
          設定する
        </button>
      </form>
    </>
  );
}

/**
 * 最初の管理者の登録: the address (and name) of the first administrator, at the single-use URL the
 * app printed when it started with no staff account; then the usual 職員アカウントの設定.
 */
export function FirstAdminSetupView(p: {
  token: string;
  csrfToken: string;
  values?: { email?: string; name?: string };
  errors?: Errors;
}) {
  return (
    <>
      <ErrorSummary errors={p.errors} />
      <p>
        職員アカウントがまだありません。最初の管理者のメールアドレスを入力してください。次の画面で、パスワードと認証アプリを設定します。
      </p>
      <p>このURLは1回限りです。管理者を登録すると使えなくなります。</p>
      <form method="post" action={`/admin/setup/${p.token}`} novalidate>
        <CsrfField token={p.csrfToken} />
        <TextField
          name="email"
          label="メールアドレス"
          type="email"
          autocomplete="username"
          inputmode="email"
          value={p.values?.email}
          error={errorOf(p.errors, 'email')}
        />
        <TextField
          name="name"
          label="氏名"
          optional
          autocomplete="name"
          value={p.values?.name}
          maxlength={100}
          error={errorOf(p.errors, 'name')}
        />
        <button type="submit" class="button">
          登録する
        </button>
      </form>
    </>
  );
}

/** A setup URL that cannot be used: already used, replaced by a restart, or a staff account exists. */
export function SetupGoneView() {
  return (
    <>
      <Notice kind="warning">
        このURLは無効です。すでに管理者が登録されているか、アプリが再起動されてURLが変わりました。
      </Notice>
      <p>
        <a href="/admin/login">職員ログインへ</a>
      </p>
    </>
  );
}
