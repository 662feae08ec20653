/** 認証コードの入力 for the e-mail change and the password reset, and sentences with an element inside. */
import type { Child } from 'hono/jsx';
import { formatDuration } from '../../../domain/duration.js';
import { k } from '../../../messages/i18n.js';
import { T, useLang, useT } from '../../shared/i18n.js';
import { CodeForm, CodeHelp } from '../shared/code-entry.js';
import { ErrorSummary, Notice, type Errors } from '../shared/components.js';

/**
 * A translated sentence with an element inside: the text's one `{placeholder}` becomes `children`
 * (so the element can stand where each language puts it).
 */
export function WithElement({ text, children }: { text: string; children: Child }) {
  const [before = '', after = ''] = useT()(text).split(/\{\w+\}/);
  return (
    <>
      {before}
      {children}
      {after}
    </>
  );
}

/** 認証コードの入力, for the e-mail change and the password reset. */
export function CodeEntry(p: {
  csrfToken: string;
  mailDomain: string;
  /** the flow's time limit (configuration), in seconds */
  ttlSeconds: number;
  email: string;
  action: string;
  resendAction: string;
  errors?: Errors;
  info?: string;
  /** a catalogue key: what to do on this screen */
  intro: string;
  startOver: { href: string; label: string };
}) {
  const t = useT();
  const lang = useLang();
  return (
    <>
      <ErrorSummary errors={p.errors} />
      {p.info ? <Notice kind="success">{p.info}</Notice> : null}
      <p>
        <WithElement text={k('{email} 宛に、認証コードを記載したメールを送信しました。')}>
          <strong class="address">{p.email}</strong>
        </WithElement>
        {lang === 'en' ? ' ' : ''}
        {t(p.intro)}
      </p>
      <Notice kind="warning">
        <T params={{ limit: formatDuration(p.ttlSeconds, lang) }}>
          {
            '認証コードの有効期限は、メールの送信から{limit}です。時間を過ぎた場合は、お手数ですが最初からお手続きください。'
          }
        </T>
      </Notice>
      <CodeForm action={p.action} csrfToken={p.csrfToken} error={p.errors?.[0]?.message} />
      <CodeHelp mailDomain={p.mailDomain} resendAction={p.resendAction} csrfToken={p.csrfToken} />
      <p>
        <a href={p.startOver.href}>{t(p.startOver.label)}</a>
      </p>
    </>
  );
}
