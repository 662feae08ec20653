/**
 * English translation, for reference, of the プライバシーポリシー (個人情報の取扱い) of
 * オンライン手続かわさき (e-KAWASAKI) (src/web/views/content/privacy.tsx, which is authoritative).
 * British spelling. Returns the body only; the caller renders the layout and the <h1>. The wrapper
 * carries lang="en" because the layout's <html> is lang="ja"; Japanese labels are in lang="ja" spans.
 *
 * Takes the same props as PrivacyContent; keep the two files in step when either changes.
 * The contact section is an example placeholder, as in the Japanese text.
 */
import { formatDuration } from '../../../domain/duration.js';
import type { Child } from 'hono/jsx';
import type { PrivacyContentProps } from './privacy.js';

export type PrivacyContentEnProps = PrivacyContentProps;

const duration = (seconds: number): string => formatDuration(seconds, 'en');

/** [item, collected from individuals, collected from businesses] */
const collectedItems: ReadonlyArray<readonly [Child, boolean, boolean]> = [
  ['Email address (User ID)', true, true],
  ['Password (only a hash value is stored)', true, true],
  [
    <>
      Name and its reading in katakana (<span lang="ja">フリガナ</span>, furigana)
    </>,
    true,
    false,
  ],
  ['Corporate or business name and its reading in katakana', false, true],
  ['Address (postcode, prefecture, municipality and street address, building name, etc.)', true, true],
  ['Telephone number', true, false],
  ['Date of birth', true, false],
  ['Gender', true, false],
  ["Representative's name", false, true],
  ['Contact telephone number', false, true],
  ['Department in charge', false, true],
  ['Name of the person in charge', false, true],
  ['Date of birth of the person in charge', false, true],
  ['Whether news and notification emails are wanted', true, true],
];

const mark = (collected: boolean) => (collected ? 'Collected' : 'Not collected');

export function PrivacyContentEn(props: PrivacyContentEnProps = {}) {
  const limit = duration(props.registrationTtlSeconds ?? 1800);

  return (
    <div class="prose" lang="en">
      <p class="note">This is a translation for reference. The Japanese text is the authoritative version.</p>

      <p>
        Kawasaki City (<span lang="ja">川崎市</span>) (“the City”) sets out below how it handles personal
        information in Online Procedures Kawasaki (<span lang="ja">オンライン手続かわさき</span>, e-KAWASAKI)
        (“the Service”).
      </p>

      <h2>1. Basic Policy</h2>
      <p>
        The City handles personal information obtained through the Service properly, in accordance with the
        Act on the Protection of Personal Information (<span lang="ja">個人情報の保護に関する法律</span>, Act
        No. 57 of 2003), the Kawasaki City Personal Information Protection Ordinance (
        <span lang="ja">川崎市個人情報保護条例</span>) and other related laws, regulations, etc.
      </p>

      <h2>2. Personal Information Collected</h2>
      <p>At user registration, the City collects the following information, depending on the type of user.</p>
      <table>
        <caption>Information collected at user registration</caption>
        <thead>
          <tr>
            <th scope="col">Item</th>
            <th scope="col">Individuals</th>
            <th scope="col">Businesses</th>
          </tr>
        </thead>
        <tbody>
          {collectedItems.map(([item, individual, business]) => (
            <tr>
              <th scope="row">{item}</th>
              <td>{mark(individual)}</td>
              <td>{mark(business)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        Passwords are converted into a form that cannot be turned back into the original string (a hash value)
        before they are stored. No one, including City staff, can know the password itself.
      </p>
      <p>
        In addition, to operate the Service securely, the City automatically collects the date and time of
        access, IP address, browser type and a record of operations (logs). When you make an application or
        other submission for a procedure, the City also collects the information needed for that procedure.
      </p>

      <h2>3. Purposes of Use</h2>
      <p>The City uses the personal information it collects for the following purposes:</p>
      <ol>
        <li>user registration, login and other identity verification;</li>
        <li>receiving and processing applications, notifications and other procedures (“Applications”);</li>
        <li>
          sending notices and communications, such as verification codes, the registration completion email,
          and the status of the receipt and processing of Applications;
        </li>
        <li>
          where the user so wishes, sending related news based on their user information and the content of
          their past Applications;
        </li>
        <li>
          showing user information on the input screens for Applications (to save users re-entering it);
        </li>
        <li>
          preventing unauthorised access, impersonation, mass sending, etc., and otherwise keeping the Service
          secure; and
        </li>
        <li>
          responding to enquiries, and operating and improving the Service (using statistical processing, in a
          form that cannot identify individuals).
        </li>
      </ol>
      <p>
        The City does not use personal information for any purpose other than these, except where based on
        laws, regulations, etc.
      </p>

      <h2>4. Restrictions on Provision to Third Parties</h2>
      <p>
        The City does not provide the personal information it collects to any third party, except in any of
        the following cases:
      </p>
      <ol>
        <li>where based on laws, regulations, etc.;</li>
        <li>where the person concerned has consented; or</li>
        <li>
          where it is urgently necessary to protect a person's life, body or property and it is difficult to
          obtain the consent of the person concerned.
        </li>
      </ol>
      <p>
        Where the City entrusts part of the operation and maintenance of the Service to a contractor, it
        requires the contractor by contract to handle personal information properly, not to use it for other
        purposes, to restrict subcontracting, to delete it when the work ends, and so on, and supervises the
        contractor appropriately.
      </p>

      <h2>5. Security Measures</h2>
      <p>
        To prevent the leakage, loss or damage of personal information, the City takes the following measures:
      </p>
      <ul>
        <li>encryption of communications (TLS);</li>
        <li>
          storing passwords and verification codes in a form that cannot be turned back into the original;
        </li>
        <li>
          limiting access to the system to the City staff and contractor personnel who need it, and keeping a
          record of that access;
        </li>
        <li>
          preventing misuse by limiting the number of verification code entry attempts and the number of
          emails sent;
        </li>
        <li>
          recording email addresses in operation records (logs) in a partly masked form (e.g.
          ta***@example.jp); and
        </li>
        <li>training for staff who handle personal information.</li>
      </ul>

      <h2>6. Use of Cookies</h2>
      <p>The Service uses cookies only for the following purposes:</p>
      <ul>
        <li>session cookies, to keep you logged in and to keep a registration in progress; and</li>
        <li>
          security cookies, to prevent unauthorised submissions from other sites (cross-site request forgery).
        </li>
      </ul>
      <p>
        The Service does not use cookies for access analysis, advertising or tracking behaviour, or cookies
        issued by third parties. If cookies are disabled in your browser settings, you will not be able to
        register as a user or log in.
      </p>

      <h2>7. Retention Period and Deletion</h2>
      <ul>
        <li>
          Information from a user registration in progress (the email address entered, the verification code,
          the user information being entered, etc.) is deleted, as a registration that was not completed,{' '}
          {limit} after the verification code was last sent. If “
          <span lang="ja">別のメールアドレスで登録する</span>” (Register with a different email address) is
          selected, or if the verification code is entered incorrectly the set number of times, the
          information is deleted immediately at that point.
        </li>
        <li>
          A registered user's user information is kept while their user registration continues, and is deleted
          when the withdrawal procedure has been completed.
        </li>
        <li>
          Records of Applications are kept for the period set by the laws, regulations, ordinances, etc. for
          each procedure.
        </li>
        <li>Operation records (logs) are deleted after being kept for the period necessary for security.</li>
      </ul>

      <h2>8. Requests for Disclosure, Correction and Suspension of Use</h2>
      <p>
        You can check and correct your registered user information at any time on My Page (
        <span lang="ja">マイページ</span>).
      </p>
      <p>
        You may also request the disclosure, correction or suspension of use of your own personal information
        held by the City, as provided by the Act on the Protection of Personal Information and other related
        laws, regulations, etc. Please ask the contact below how to make a request.
      </p>

      <h2>9. Contact</h2>
      <address>
        Digitalisation Promotion Office (<span lang="ja">デジタル化推進室</span>), General Affairs and
        Planning Bureau (<span lang="ja">総務企画局</span>), Kawasaki City
        <br />
        1 Miyamoto-cho, Kawasaki-ku, Kawasaki 210-8577
        <br />
        <span lang="ja">〒210-8577 川崎市川崎区宮本町1番地</span>
      </address>
      <p class="note">
        * This contact is shown as an example (a provisional entry). Please check the official contact on the
        Kawasaki City website.
      </p>

      <h2>10. Revisions to This Policy</h2>
      <p>
        The City may revise this Privacy Policy as necessary. When it does so, it will announce the revision
        by posting it on the Service's website.
      </p>

      <p>
        Established on 1 March 2023 (<span lang="ja">令和5年3月1日</span>, Reiwa 5).
      </p>
    </div>
  );
}
