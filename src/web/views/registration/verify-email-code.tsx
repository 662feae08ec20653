/** The seed's registration screen 4: メールアドレスの登録完了, where the 6-digit code is entered. */
import { formatDuration } from '../../../domain/duration.js';
import { T, useLang } from '../../shared/i18n.js';
import { CodeForm, CodeHelp } from '../shared/code-entry.js';
import { ErrorSummary, Notice, type Errors } from '../shared/components.js';
import { RegistrationSteps } from './steps.js';

export function CodeView(p: {
  email: string;
  csrfToken: string;
  mailDomain: string;
  /** the time limit of the registration (configuration), in seconds */
  ttlSeconds: number;
  errors?: Errors;
  info?: string;
}) {
  const { email } = p;
  const opts = p;
  const limit = formatDuration(p.ttlSeconds, useLang());
  return (
    <>
      <RegistrationSteps current={2} />
      <ErrorSummary errors={opts.errors} />
      {opts.info ? <Notice kind="success">{opts.info}</Notice> : null}
      <p>
        <strong class="address">{email}</strong>{' '}
        <T>
          宛に、認証コードを記載したメールを送信しました。メールに記載された6桁の認証コードを入力し、「認証コードを確認する」を押してください。
        </T>
      </p>
      <Notice kind="warning">
        <T params={{ limit }}>
          {
            'メール受信後、{limit}以内に本登録画面で登録情報を入力してください。{limit}を過ぎると入力された情報は削除され、最初から登録し直す必要があります。'
          }
        </T>
      </Notice>
      <CodeForm action="/register/code" csrfToken={p.csrfToken} error={opts.errors?.[0]?.message} />
      <CodeHelp mailDomain={p.mailDomain} resendAction="/register/code/resend" csrfToken={p.csrfToken} />
      <p>
        <a href={`/register/different-address?t=${encodeURIComponent(p.csrfToken)}`}>
          <T>別のメールアドレスで登録する</T>
        </a>
      </p>
      <p>
        <a href="/faq#faq-no-mail">
          <T>認証コードが届かない場合（よくある質問）</T>
        </a>
      </p>
    </>
  );
}
