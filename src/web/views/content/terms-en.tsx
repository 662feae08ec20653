/**
 * English translation, for reference, of the 利用規約 of オンライン手続かわさき (e-KAWASAKI)
 * (src/web/views/content/terms.tsx, which is authoritative). British spelling.
 * Returns the body only; the caller renders the layout and the <h1>. The wrapper carries
 * lang="en" because the layout's <html> is lang="ja"; Japanese labels are in lang="ja" spans.
 *
 * Takes the same props as TermsContent; keep the two files in step when either changes.
 */
import { formatDuration } from '../../../domain/duration.js';
import type { Child } from 'hono/jsx';
import type { TermsContentProps } from './terms.js';

export type TermsContentEnProps = TermsContentProps;

const duration = (seconds: number): string => formatDuration(seconds, 'en');

/** Article 2, items: [term, meaning] */
const definitions: ReadonlyArray<readonly [Child, string]> = [
  ['User', 'means any person who uses the Service.'],
  [
    'Registered User',
    'means an individual, or a corporation or other business, that has completed user registration under the following Article.',
  ],
  [
    'User ID',
    'means the identifier used to identify a Registered User; the email address registered at user registration serves as the User ID.',
  ],
  [
    'Password',
    'means the character string, set by a Registered User, that is used together with the User ID to confirm that the Registered User is who they claim to be.',
  ],
  [
    'Verification Code',
    'means the number that the City sends to an email address entered at user registration, in order to confirm that the email address can receive email and that the person who entered it can receive that email.',
  ],
  [
    'User Information',
    'means the name, corporate or business name, address, telephone number, date of birth and other information that a Registered User has registered with the Service at or after user registration.',
  ],
  [
    <>
      My Page (<span lang="ja">マイページ</span>)
    </>,
    'means the screen of the Service on which a Registered User checks, changes, etc. their User Information.',
  ],
];

export function TermsContentEn(props: TermsContentEnProps = {}) {
  const mailDomain = props.mailDomain ?? 'dx.city.kawasaki.jp';
  const limit = duration(props.registrationTtlSeconds ?? 1800);

  return (
    <div class="prose" lang="en">
      <p class="note">This is a translation for reference. The Japanese text is the authoritative version.</p>

      <h2>Article 1 (Purpose)</h2>
      <p>
        These Terms set out the matters necessary for making applications, notifications and other procedures
        (“Applications”) to Kawasaki City (<span lang="ja">川崎市</span>) (“the City”) using Online Procedures
        Kawasaki (<span lang="ja">オンライン手続かわさき</span>, e-KAWASAKI) (“the Service”), which is
        operated by the City.
      </p>
      <p>
        (2) Anyone who uses the Service shall do so after agreeing to these Terms. A person who selects “
        <span lang="ja">利用規約に同意します</span>” (I agree to the Terms of Use) at user registration, and a
        person who has used the Service, is deemed to have agreed to these Terms.
      </p>
      <p>
        (3) Where the City has separately set conditions of use or similar for an individual procedure, Users
        shall follow those conditions in addition to these Terms. Where these Terms and those conditions
        differ, those conditions prevail.
      </p>

      <h2>Article 2 (Definitions)</h2>
      <p>In these Terms, the terms listed in the following items have the meanings given in those items.</p>
      <ol>
        {definitions.map(([term, meaning]) => (
          <li>
            <dfn>{term}</dfn> {meaning}
          </li>
        ))}
      </ol>

      <h2>Article 3 (User Registration)</h2>
      <p>
        A person who wishes to use a procedure of the Service that requires user registration shall register
        as a user, either as an individual or as a business, following the steps set by the City.
      </p>
      <p>
        (2) A person registering as a user shall enter the email address to be used as their User ID, enter
        the Verification Code sent to that email address, and then enter and register their User Information.
      </p>
      <p>
        (3) User registration must be completed within {limit} of the time the email containing the
        Verification Code was sent (if the Verification Code was resent, the most recent such email). If user
        registration is not completed within this time, the City shall delete the information entered up to
        that point, and the person shall register as a user again from the beginning.
      </p>
      <p>
        (4) Emails from the Service are sent from email addresses in the “@{mailDomain}” domain. Persons
        registering as users and Registered Users shall make the necessary settings, such as spam filter
        settings, so that the receipt of these emails is not blocked.
      </p>
      <p>
        (5) A person registering as a user must register true and accurate information about themselves. When
        registering as a business, the registration shall be made by a person who represents the business or
        by a person authorised by the business.
      </p>
      <p>(6) Only one user may be registered for each email address.</p>
      <p>
        (7) User registration is complete when the Service's screen shows that full registration has been
        completed. The City will then send a registration completion email to the registered email address.
      </p>
      <p>
        (8) User IDs registered on the former system, Net Madoguchi Kawasaki (
        <span lang="ja">ネット窓口かわさき</span>), cannot be used on the Service.
      </p>

      <h2>Article 4 (Management of the Email Address and Password)</h2>
      <p>
        Registered Users shall properly manage, on their own responsibility, the email address that serves as
        their User ID and their Password, and must not allow any third party to use them, or lend, transfer or
        disclose them to any third party.
      </p>
      <p>
        (2) Registered Users must set a Password that is a string of at least 8 half-width characters and
        contains at least two of the following: upper-case letters, lower-case letters, numbers and symbols.
        Registered Users shall also endeavour to set a Password that is difficult for others to guess.
      </p>
      <p>
        (3) Registered Users shall endeavour to keep the email address registered as their User ID able to
        receive email at all times.
      </p>
      <p>
        (4) If a Registered User's User ID or Password has become known, or may have become known, to a third
        party, the Registered User shall promptly change the Password or take other necessary measures, and
        shall inform the City of this.
      </p>
      <p>
        (5) Any use of the Service made with a User ID and Password is deemed to have been made by the
        Registered User to whom that User ID belongs.
      </p>
      <p>
        (6) The City is not liable for any damage suffered by a Registered User as a result of inadequate
        management of the User ID or Password, errors in their use, unauthorised use by a third party or the
        like, except where the damage is caused by the City's wilful misconduct or gross negligence.
      </p>

      <h2>Article 5 (Changes to User Information)</h2>
      <p>
        When there is a change in their User Information, Registered Users shall promptly make the change on
        My Page.
      </p>
      <p>
        (2) A change of the email address registered as the User ID shall be made following the steps set by
        the City, after confirming that the new email address can receive email.
      </p>
      <p>
        (3) The City is not liable for any disadvantage arising because a notice from the City did not arrive,
        or was delayed, as a result of a Registered User failing to follow the procedures in the preceding two
        paragraphs.
      </p>

      <h2>Article 6 (Environment for Use and Costs)</h2>
      <p>
        Users shall provide, at their own expense and on their own responsibility, the equipment, software,
        communication lines and other environment necessary to use the Service.
      </p>
      <p>
        (2) Communication charges and other costs of using the Service are borne by the User. However, fees
        and similar charges for individual procedures are as provided by the laws, regulations, ordinances,
        etc. that apply to those procedures.
      </p>

      <h2>Article 7 (Arrival of Applications)</h2>
      <p>
        Unless otherwise specially provided by laws, regulations, ordinances, etc., an Application made using
        the Service is deemed to have reached the City when it has been recorded in a file on the computer
        used by the City for the Service.
      </p>
      <p>
        (2) When the City has received an Application, it shall notify the User of this on the Service's
        screen or by email. However, this notice does not confirm that the content of the Application is in
        order.
      </p>

      <h2>Article 8 (Prohibited Acts)</h2>
      <p>When using the Service, Users must not do any of the following:</p>
      <ol>
        <li>registering false information, or making an Application with false content;</li>
        <li>
          using another person's User ID or Password, or using the Service while pretending to be another
          person;
        </li>
        <li>
          gaining unauthorised access to, or placing an excessive load on, the computers, communication lines,
          etc. of the Service;
        </li>
        <li>sending or uploading computer viruses or other harmful programs;</li>
        <li>interfering with the operation of the Service, or damaging its credibility;</li>
        <li>
          infringing the copyright or other intellectual property rights, privacy, reputation or other rights
          or interests of the City or any third party;
        </li>
        <li>using the Service for purposes other than Applications (including commercial purposes);</li>
        <li>
          acts that violate, or may violate, laws, regulations, ordinances, or public order and morals; and
        </li>
        <li>besides those listed in the preceding items, any act that the City considers inappropriate.</li>
      </ol>

      <h2>Article 9 (Suspension and Interruption of the Service)</h2>
      <p>
        The City may suspend or interrupt the provision of all or part of the Service, without notifying Users
        in advance, in any of the following cases:
      </p>
      <ol>
        <li>when maintaining, inspecting or updating the systems of the Service;</li>
        <li>
          when providing the Service has become difficult because of a natural disaster, power cut,
          communication failure or other force majeure;
        </li>
        <li>
          when a failure caused by unauthorised access, a computer virus or the like has occurred or may
          occur; and
        </li>
        <li>
          besides the cases listed in the preceding three items, when the City considers it necessary to
          suspend or interrupt the Service.
        </li>
      </ol>
      <p>
        (2) When the City intends to suspend or interrupt the Service under the preceding paragraph, it shall
        endeavour to announce this in advance on the Service's website or by other means. However, this does
        not apply in urgent and unavoidable cases.
      </p>
      <p>
        (3) The City may change the content of the Service, or end the provision of the Service, when it
        considers this necessary.
      </p>

      <h2>Article 10 (Disclaimer)</h2>
      <p>
        The City is not liable for any damage suffered by a User as a result of using the Service, except
        where the damage is caused by the City's wilful misconduct or gross negligence.
      </p>
      <p>
        (2) The City is not liable for any damage suffered by a User as a result of the suspension,
        interruption, change or termination of the Service under the preceding Article.
      </p>
      <p>
        (3) The City is not liable for any damage arising because an email from the Service did not reach the
        User, or was delayed, as a result of a failure of communication lines, a fault in the equipment used
        by the User, spam filter settings or the like.
      </p>
      <p>
        (4) The City is not responsible for the content of websites that are linked from the Service and
        operated by parties other than the City.
      </p>

      <h2>Article 11 (Handling of Personal Information)</h2>
      <p>
        The City shall handle personal information obtained through the Service properly, in accordance with
        the Act on the Protection of Personal Information (<span lang="ja">個人情報の保護に関する法律</span>,
        Act No. 57 of 2003) and other related laws and regulations, the City's related ordinances and the
        Service's Privacy Policy.
      </p>
      <p>
        (2) The City shall use User Information for identity verification, processing Applications, notifying
        and contacting Users, and operating and improving the Service. Except where based on laws,
        regulations, etc., the City shall not use User Information for any other purpose, or provide it to a
        third party, without the consent of the person concerned.
      </p>

      <h2>Article 12 (Copyright)</h2>
      <p>
        Copyright in the text, images, programs and other content provided on the Service belongs to the City
        or to third parties holding legitimate rights. Users must not reproduce, modify or republish such
        content beyond the extent permitted by the Copyright Act (<span lang="ja">著作権法</span>, Act No. 48
        of 1970).
      </p>

      <h2>Article 13 (Withdrawal)</h2>
      <p>
        Registered Users may withdraw from the Service at any time by completing the procedure set by the City
        on My Page.
      </p>
      <p>
        (2) When the withdrawal procedure has been completed, the City shall delete the Registered User's User
        Information. However, records of Applications made before withdrawal are kept by the City as provided
        by laws, regulations, ordinances, etc.
      </p>
      <p>
        (3) A person who has withdrawn and wishes to use the Service again shall register as a user again.
      </p>

      <h2>Article 14 (Cancellation of User Registration)</h2>
      <p>
        If the City finds that a Registered User falls under any of the following items, the City may cancel
        their user registration or suspend their use of the Service without notifying them in advance:
      </p>
      <ol>
        <li>the Registered User has violated these Terms;</li>
        <li>the User Information they registered is found to be false;</li>
        <li>
          the email address registered as their User ID can no longer receive email, and the City is unable to
          contact them;
        </li>
        <li>
          they have not used the Service for longer than a period separately set by the City since the date
          they last used it; or
        </li>
        <li>
          besides the cases listed in the preceding items, the City considers it inappropriate to continue
          their user registration.
        </li>
      </ol>
      <p>
        (2) The City is not liable for any damage suffered by a Registered User as a result of the
        cancellation of their user registration under the preceding paragraph.
      </p>

      <h2>Article 15 (Changes to These Terms)</h2>
      <p>
        The City may change these Terms without the prior consent of Users when it considers this necessary.
      </p>
      <p>
        (2) When the City has changed these Terms, it shall make the content of the revised Terms, and the
        date on which they take effect, known by posting them on the Service's website.
      </p>
      <p>
        (3) If a User uses the Service on or after the date on which the revised Terms take effect, the User
        is deemed to have agreed to the revised Terms.
      </p>

      <h2>Article 16 (Governing Law and Jurisdiction)</h2>
      <p>These Terms are governed by the laws of Japan and shall be interpreted in accordance with them.</p>
      <p>
        (2) Any dispute between the City and a User concerning the Service or these Terms shall be subject to
        the exclusive agreed jurisdiction of the Yokohama District Court (
        <span lang="ja">横浜地方裁判所</span>) as the court of first instance.
      </p>

      <h2>Supplementary Provision</h2>
      <p>
        These Terms come into effect on 1 March 2023 (<span lang="ja">令和5年3月1日</span>, Reiwa 5).
      </p>
    </div>
  );
}
