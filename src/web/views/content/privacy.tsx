/**
 * プライバシーポリシー (個人情報の取扱い) of オンライン手続かわさき (e-KAWASAKI).
 * Returns the body only; the caller renders the layout and the <h1>.
 *
 * The registration time limit is configuration (`registrationTtlSeconds` in src/config.ts);
 * the default is the seed's 30 minutes. The contact section is an example placeholder.
 */
import { formatDuration } from '../../../domain/duration.js';

export type PrivacyContentProps = {
  /** time a pending registration is kept after the latest code mail; default 1800 (30分) */
  registrationTtlSeconds?: number;
};

const duration = (seconds: number): string => formatDuration(seconds, 'ja');

/** [item, collected from individuals, collected from businesses] */
const collectedItems: ReadonlyArray<readonly [string, boolean, boolean]> = [
  ['メールアドレス（利用者ID）', true, true],
  ['パスワード（ハッシュ値のみを保存）', true, true],
  ['氏名及びそのフリガナ', true, false],
  ['法人名/事業者名及びそのフリガナ', false, true],
  ['住所（郵便番号、都道府県、市区町村・番地、建物名など）', true, true],
  ['電話番号', true, false],
  ['生年月日', true, false],
  ['性別', true, false],
  ['代表者名', false, true],
  ['連絡先電話番号', false, true],
  ['担当部署', false, true],
  ['担当者名', false, true],
  ['担当者生年月日', false, true],
  ['お知らせ・通知メールの希望の有無', true, true],
];

const mark = (collected: boolean) => (collected ? '取得します' : '取得しません');

export function PrivacyContent(props: PrivacyContentProps = {}) {
  const limit = duration(props.registrationTtlSeconds ?? 1800);

  return (
    <div class="prose">
      <p>
        川崎市（以下「市」といいます。）は、オンライン手続かわさき（e-KAWASAKI）（以下「本サービス」といいます。）における個人情報の取扱いについて、次のとおり定めます。
      </p>

      <h2>1　基本方針</h2>
      <p>
        市は、個人情報の保護に関する法律（平成15年法律第57号）及び川崎市個人情報保護条例その他の関係法令等に基づき、本サービスを通じて取得した個人情報を適正に取り扱います。
      </p>

      <h2>2　取得する個人情報</h2>
      <p>利用者登録の際には、利用区分に応じて次の情報を取得します。</p>
      <table>
        <caption>利用者登録の際に取得する情報</caption>
        <thead>
          <tr>
            <th scope="col">項目</th>
            <th scope="col">個人の方</th>
            <th scope="col">事業者の方</th>
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
        パスワードは、元の文字列に戻すことができない形式（ハッシュ値）に変換して保存します。市の職員を含め、誰もパスワードそのものを知ることはできません。
      </p>
      <p>
        このほか、本サービスの安全な運用のため、アクセスした日時、IPアドレス、ブラウザの種類、操作の記録（ログ）を自動的に取得します。また、各手続の申請等の際には、当該手続に必要な情報を取得します。
      </p>

      <h2>3　利用目的</h2>
      <p>取得した個人情報は、次の目的のために利用します。</p>
      <ol>
        <li>利用者登録、ログインその他の本人確認</li>
        <li>申請、届出その他の手続（以下「申請等」といいます。）の受付及び処理</li>
        <li>認証コード、本登録完了メール、申請等の受付・処理状況その他の通知及び連絡</li>
        <li>利用者が希望した場合における、利用者情報や過去の申請内容に基づく関連するお知らせの送信</li>
        <li>申請等の入力画面への利用者情報の表示（入力の手間を省くため）</li>
        <li>不正アクセス、なりすまし、大量送信等の防止その他の本サービスの安全確保</li>
        <li>
          問合せへの対応並びに本サービスの運営及び改善（統計的に処理し、個人を特定できない形で行います。）
        </li>
      </ol>
      <p>市は、法令等に基づく場合を除き、これらの目的以外の目的のために個人情報を利用しません。</p>

      <h2>4　第三者への提供の制限</h2>
      <p>市は、次のいずれかに該当する場合を除き、取得した個人情報を第三者に提供しません。</p>
      <ol>
        <li>法令等に基づく場合</li>
        <li>本人の同意がある場合</li>
        <li>人の生命、身体又は財産の保護のために緊急に必要があり、本人の同意を得ることが困難である場合</li>
      </ol>
      <p>
        本サービスの運用及び保守の一部を事業者に委託する場合は、契約により個人情報の適正な取扱い、目的外利用の禁止、再委託の制限、業務終了後の消去等を義務付け、委託先を適切に監督します。
      </p>

      <h2>5　安全管理措置</h2>
      <p>市は、個人情報の漏えい、滅失又は毀損を防止するため、次の措置を講じます。</p>
      <ul>
        <li>通信の暗号化（TLS）</li>
        <li>パスワード及び認証コードを元に戻すことのできない形式で保存すること</li>
        <li>システムへのアクセスを必要な職員及び委託先の担当者に限ること並びにその記録</li>
        <li>認証コードの入力回数及びメール送信回数の制限による不正利用の防止</li>
        <li>操作の記録（ログ）には、メールアドレスを一部伏せた形（例：ta***@example.jp）で記録すること</li>
        <li>個人情報を取り扱う職員への研修</li>
      </ul>

      <h2>6　Cookie（クッキー）の使用</h2>
      <p>本サービスでは、次の目的に限り、Cookieを使用します。</p>
      <ul>
        <li>ログイン状態や入力途中の登録手続を維持するためのセッション用Cookie</li>
        <li>
          他のサイトからの不正な送信（クロスサイト・リクエスト・フォージェリ）を防ぐためのセキュリティ用Cookie
        </li>
      </ul>
      <p>
        アクセス解析、広告、行動追跡を目的とするCookieや、第三者が発行するCookieは使用しません。ブラウザの設定でCookieを無効にしている場合は、利用者登録やログインを行うことができません。
      </p>

      <h2>7　保存期間及び消去</h2>
      <ul>
        <li>
          利用者登録の途中の情報（入力されたメールアドレス、認証コード、入力中の利用者情報など）は、最後に認証コードを送信した時から
          {limit}
          を経過した時点で、本登録に至らなかったものとして消去します。「別のメールアドレスで登録する」を選択した場合、及び認証コードを定められた回数誤って入力した場合は、その時点で直ちに消去します。
        </li>
        <li>
          登録利用者の利用者情報は、利用者登録が継続している間保存し、退会の手続が完了した時点で消去します。
        </li>
        <li>申請等の記録は、各手続に係る法令、条例等に定める期間保存します。</li>
        <li>操作の記録（ログ）は、安全確保に必要な期間保存した後、消去します。</li>
      </ul>

      <h2>8　開示、訂正及び利用停止の請求</h2>
      <p>登録した利用者情報は、マイページからいつでも確認し、修正することができます。</p>
      <p>
        このほか、市が保有する自己の個人情報について、個人情報の保護に関する法律その他の関係法令等の定めるところにより、開示、訂正又は利用停止を請求することができます。請求の方法は、次の問合せ先にお尋ねください。
      </p>

      <h2>9　問合せ先</h2>
      <address>
        川崎市 総務企画局 デジタル化推進室
        <br />
        〒210-8577 川崎市川崎区宮本町1番地
      </address>
      <p class="note">
        ※ この問合せ先は表示例（仮の記載）です。正式な問合せ先は、川崎市ホームページでご確認ください。
      </p>

      <h2>10　本ポリシーの改定</h2>
      <p>
        市は、必要に応じてこのプライバシーポリシーを改定することがあります。改定した場合は、本サービスのホームページに掲載してお知らせします。
      </p>

      <p>令和5年3月1日制定</p>
    </div>
  );
}
