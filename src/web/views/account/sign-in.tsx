/** ログイン. */
import { T } from '../../shared/i18n.js';
import { CsrfField, ErrorSummary, Notice, TextField, type Errors } from '../shared/components.js';

export function SignInView(opts: {
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
      <form method="post" action="/login" novalidate>
        <CsrfField token={opts.csrfToken} />
        <input type="hidden" name="next" value={opts.next} />
        <TextField
          name="email"
          label="メールアドレス"
          type="email"
          autocomplete="email"
          inputmode="email"
          value={opts.email}
          error={opts.errors?.find((e) => e.field === 'email')?.message}
        />
        <TextField
          name="password"
          label="パスワード"
          type="password"
          autocomplete="current-password"
          error={opts.errors?.find((e) => e.field === 'password')?.message}
        />
        <button type="submit" class="button">
          <T>ログイン</T>
        </button>
      </form>
      <ul class="list">
        <li>
          <a href="/password-reset">
            <T>パスワードを忘れた方</T>
          </a>
        </li>
        <li>
          <a href="/register">
            <T>新規登録</T>
          </a>
        </li>
      </ul>
    </>
  );
}
