/**
 * English translation, for reference, of the アクセシビリティ方針 (src/web/views/content/accessibility.tsx,
 * which is authoritative): the target, how we test, and the results. British spelling.
 * Returns the body only; the caller renders the layout and the <h1>. The wrapper carries
 * lang="en" because the layout's <html> is lang="ja"; Japanese labels are in lang="ja" spans.
 */
export function AccessibilityContentEn() {
  return (
    <div class="prose" lang="en">
      <p class="note">This is a translation for reference. The Japanese text is the authoritative version.</p>
      <p>
        Kawasaki City (<span lang="ja">川崎市</span>) is working to ensure and improve web accessibility so
        that everyone can use Online Procedures Kawasaki (<span lang="ja">オンライン手続かわさき</span>,
        e-KAWASAKI), regardless of their age, whether they have a disability, or the device they use.
      </p>
      <h2>Target conformance level</h2>
      <p>
        The target is to conform to level AA of the Japanese Industrial Standard JIS X 8341-3:2016 “Guidelines
        for older persons and persons with disabilities – Information and communications equipment, software
        and services – Part 3: Web content”. The service also aims to meet level AA of WCAG 2.2, which the
        Digital Agency Design System (<span lang="ja">デジタル庁デザインシステム</span>) targets.
      </p>
      <h2>Scope</h2>
      <p>
        This policy covers all screens of Online Procedures Kawasaki (the top page, user registration, login,
        My Page (<span lang="ja">マイページ</span>), the Terms of Use, the Privacy Policy, the Frequently
        Asked Questions and this page).
      </p>
      <h2>What we do</h2>
      <ul>
        <li>All screens can be used without JavaScript.</li>
        <li>
          Every step of user registration can be completed using only a keyboard. The current position (focus)
          is shown with a thick outline.
        </li>
        <li>
          When there is a mistake in what you have entered, a list of the mistakes is shown at the top of the
          screen, and how to correct each one is also shown next to the field concerned.
        </li>
        <li>
          Required fields are marked in text with “<span lang="ja">※必須</span>” (Required). The date of birth
          is split into three fields, for the year (<span lang="ja">年</span>), month (
          <span lang="ja">月</span>) and day (<span lang="ja">日</span>), and the year in the Japanese era
          calendar is also shown.
        </li>
        <li>
          Full-width numbers, letters and hyphens, furigana (readings) written in hiragana, and half-width
          katakana are also accepted and converted automatically (except in passwords).
        </li>
        <li>
          When you enter a postcode, the prefecture and municipality are filled in automatically (you can also
          enter them yourself).
        </li>
        <li>
          The service can be used on a smartphone with a screen width of 320 pixels without scrolling
          sideways. It can also be used with text enlarged to 200%.
        </li>
        <li>
          The Windows high-contrast display (forced colours mode) and settings to reduce motion are supported.
        </li>
      </ul>
      <h2>Testing methods and results</h2>
      <p>
        Every time the screens are changed, automated tests check all screens, including their states with
        input errors, using axe-core in a real browser (Chromium) against the level A and AA rules of WCAG 2.0
        to 2.2, and confirm that there are zero violations. Tests are also run to confirm that user
        registration can be completed using only a keyboard, and that no sideways scrolling occurs at a screen
        width of 320 pixels.
      </p>
      <table>
        <caption>Test results</caption>
        <thead>
          <tr>
            <th scope="col">Test</th>
            <th scope="col">Scope</th>
            <th scope="col">Result</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <td>axe-core (WCAG 2.0–2.2, A and AA)</td>
            <td>All screens, including states with input errors</td>
            <td>0 violations</td>
          </tr>
          <tr>
            <td>Operation using only a keyboard</td>
            <td>All steps of user registration</td>
            <td>Confirmed that registration can be completed</td>
          </tr>
          <tr>
            <td>Screen width of 320 pixels</td>
            <td>All user registration screens</td>
            <td>No sideways scrolling</td>
          </tr>
        </tbody>
      </table>
      <h2>Contact</h2>
      <p>
        If you find anything difficult to use or notice any other issues, please let the Digitalisation
        Promotion Office (<span lang="ja">デジタル化推進室</span>), General Affairs and Planning Bureau (
        <span lang="ja">総務企画局</span>), Kawasaki City know.
      </p>
      <p class="note">
        (This contact is given as an example. Replace it with the official contact point when the service goes
        live.)
      </p>
    </div>
  );
}
