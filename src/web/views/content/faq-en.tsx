/**
 * English translation, for reference, of the よくある質問 of オンライン手続かわさき (e-KAWASAKI)
 * (src/web/views/content/faq.tsx, which is authoritative). British spelling.
 * Returns the body only; the caller renders the layout and the <h1>. The wrapper carries
 * lang="en" because the layout's <html> is lang="ja"; the Japanese screen and button labels
 * (which the service shows in Japanese) are in lang="ja" spans with an English gloss.
 *
 * Each question keeps the id of its Japanese counterpart, so `/faq#faq-no-mail` style links work
 * on both pages. Takes the same props as FaqContent; keep the two files in step.
 */
import { formatDuration } from '../../../domain/duration.js';
import type { FaqContentProps } from './faq.js';

export type FaqContentEnProps = FaqContentProps;

const duration = (seconds: number): string => formatDuration(seconds, 'en');

/** The symbols the seed allows in an email address besides half-width letters and digits (as in faq.tsx). */
const allowedSymbols = [
  '!',
  '#',
  '$',
  '%',
  '&',
  "'",
  '*',
  '+',
  '-',
  '/',
  '=',
  '?',
  '^',
  '_',
  '`',
  '{',
  '|',
  '}',
  '~',
  '.',
];

export function FaqContentEn(props: FaqContentEnProps = {}) {
  const mailDomain = props.mailDomain ?? 'dx.city.kawasaki.jp';
  const limit = duration(props.registrationTtlSeconds ?? 1800);

  return (
    <div class="prose" lang="en">
      <p class="note">This is a translation for reference. The Japanese text is the authoritative version.</p>

      <h2>About user registration</h2>
      <dl>
        <dt id="faq-mobile">
          For user registration, can I use either a computer email address or a mobile phone email address?
        </dt>
        <dd>
          <p>Either is fine. Please enter an email address that can receive email.</p>
        </dd>

        <dt id="faq-characters">
          Are there any characters that cannot be used in the email address for user registration?
        </dt>
        <dd>
          <p>An email address cannot be used if any of the following applies:</p>
          <ol>
            <li>
              it contains any symbol other than half-width letters and numbers and the following:{' '}
              {allowedSymbols.map((symbol, i) => (
                <>
                  {i > 0 ? ' ' : ''}
                  <code>{symbol}</code>
                </>
              ))}
            </li>
            <li>
              it contains two or more dots (<code>.</code>) in a row
            </li>
            <li>
              it begins, or ends (immediately before the <code>@</code>), with a character other than a
              half-width letter or number
            </li>
            <li>the whole email address is 256 characters or longer</li>
          </ol>
          <p>
            Letters, numbers and symbols entered as full-width characters are converted to half-width
            characters before the address is checked.
          </p>
        </dd>

        <dt id="faq-no-mail">
          I am registering as a new user, but the email with the verification code has not arrived.
        </dt>
        <dd>
          <p>
            The notification email sent by the system may have been judged to be spam and put in your spam
            (junk mail) folder instead of your inbox. Please check whether the notification email is in your
            spam folder, and change your settings so that you can receive email from “@{mailDomain}”.
          </p>
          <p>Alternatively, the email address you entered may be wrong.</p>
          <p>
            Please also note that the information is deleted {limit} after the verification code is sent. In
            that case, please register as a user again.
          </p>
        </dd>

        <dt id="faq-old-id">
          Can I use the user ID I registered on the former system, Net Madoguchi Kawasaki (
          <span lang="ja">ネット窓口かわさき</span>)?
        </dt>
        <dd>
          <p>
            User IDs registered on Net Madoguchi Kawasaki cannot be used on this system. We are sorry for the
            inconvenience, but please register as a user again.
          </p>
        </dd>
      </dl>

      <h2>Other frequently asked questions</h2>
      <dl>
        <dt id="faq-code-expiry">Does the verification code expire? Can I have it sent again?</dt>
        <dd>
          <p>
            Please enter the verification code and complete full registration (until the “
            <span lang="ja">本登録の完了</span>” (Registration Complete) screen is shown) within {limit} of
            the verification code email being sent. After {limit}, the information from the unfinished
            registration is deleted, so please register as a user again.
          </p>
          <p>
            If the email does not arrive, you can have the verification code sent again by clicking “
            <span lang="ja">認証コードを再送する</span>” (Resend the verification code) on the “
            <span lang="ja">メールアドレスの登録完了</span>” (Email Address Registered) screen. You can resend
            it up to 5 times, each at least 1 minute after the previous sending. If you resend it, the time
            limit of {limit} is counted from the time the last verification code was sent. Verification codes
            that arrived earlier can still be used.
          </p>
          <p>
            If you enter the verification code incorrectly 5 times in total, the information from the
            unfinished registration is deleted, so please register as a user again.
          </p>
        </dd>

        <dt id="faq-password">What are the requirements for passwords?</dt>
        <dd>
          <p>
            Please enter a password of at least 8 half-width characters that includes at least two of the
            following:
          </p>
          <ol>
            <li>upper-case letters</li>
            <li>lower-case letters</li>
            <li>numbers</li>
            <li>symbols</li>
          </ol>
          <p>Full-width characters and spaces cannot be used. Passwords can be up to 128 characters long.</p>
          <p>For security, the following passwords cannot be registered:</p>
          <ul>
            <li>
              a password that is the same as the email address, or as the part of the email address before the
              “<code>@</code>”
            </li>
            <li>a password that contains the name of the service or the city (e.g. kawasaki)</li>
            <li>a password that is commonly used and easy to guess (e.g. password1)</li>
          </ul>
          <p>You can also paste in a password created with password manager software.</p>
        </dd>

        <dt id="faq-other-address">
          I entered the wrong email address. I would like to register with a different email address.
        </dt>
        <dd>
          <p>
            Please click “<span lang="ja">別のメールアドレスで登録する</span>” (Register with a different
            email address) on the “<span lang="ja">メールアドレスの登録完了</span>” (Email Address Registered)
            screen. The information from the unfinished registration is deleted immediately and you return to
            the “<span lang="ja">メールアドレスの登録</span>” (Email Address Registration) screen, where you
            can enter the email address you want to use.
          </p>
          <p>
            After full registration has been completed, you can check and correct your registered user
            information on My Page (<span lang="ja">マイページ</span>).
          </p>
        </dd>

        <dt id="faq-withdraw">Can I cancel my user registration (withdraw)?</dt>
        <dd>
          <p>
            Yes. Please log in and complete the withdrawal procedure on My Page. When you withdraw, your
            registered user information is deleted and you can no longer log in with that user ID.
          </p>
          <p>
            Records of applications and other submissions made before you withdrew are kept by Kawasaki City (
            <span lang="ja">川崎市</span>) as provided by the laws and regulations for each procedure. If you
            want to use this system again, please register as a user again.
          </p>
        </dd>
      </dl>
    </div>
  );
}
