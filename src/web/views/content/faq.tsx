/**
 * よくある質問 of オンライン手続かわさき (e-KAWASAKI): the seed guide's four questions (wording kept,
 * OCR errors fixed) followed by practical questions about the registration flow.
 * Returns the body only; the caller renders the layout and the <h1>.
 *
 * Each question has an id so that screens can link to it, e.g. `/faq#faq-no-mail`.
 * The mail domain and the registration time limit are configuration (`mailDomain`,
 * `registrationTtlSeconds` in src/config.ts); the defaults are the seed's values.
 */
import { formatDuration } from '../../../domain/duration.js';

export type FaqContentProps = {
  /** domain the service mails from, without "@"; default `dx.city.kawasaki.jp` */
  mailDomain?: string;
  /** time allowed to finish registering after the code mail; default 1800 (30分) */
  registrationTtlSeconds?: number;
};

const duration = (seconds: number): string => formatDuration(seconds, 'ja');

/** The symbols the seed allows in an email address besides half-width letters and digits. */
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

export function FaqContent(props: FaqContentProps = {}) {
  const mailDomain = props.mailDomain ?? 'dx.city.kawasaki.jp';
  const limit = duration(props.registrationTtlSeconds ?? 1800);

  return (
    <div class="prose">
      <h2>利用者登録について</h2>
      <dl>
        <dt id="faq-mobile">利用者登録時のメールアドレスは、PC用と携帯電話用のどちらでもよいですか。</dt>
        <dd>
          <p>どちらでも構いません。受信可能なメールアドレスを入力してください。</p>
        </dd>

        <dt id="faq-characters">利用者登録時のメールアドレスに、使用できない文字はありますか。</dt>
        <dd>
          <p>メールアドレスには以下の文字やパターンは使用できません。</p>
          <ol>
            <li>
              半角英数字と{allowedSymbols.map((symbol) => `「${symbol}」`).join('')}
              以外の記号が含まれている場合
            </li>
            <li>「.」を2文字以上連続使用している場合</li>
            <li>半角英数字以外の文字を最初と最後（@の直前）に使っている場合</li>
            <li>メールアドレス全体で256文字以上になっている場合</li>
          </ol>
          <p>なお、全角で入力された英数字や記号は、半角に置き換えてから確認します。</p>
        </dd>

        <dt id="faq-no-mail">利用者の新規登録を行う際、認証コードが記載されたメールが届きません。</dt>
        <dd>
          <p>
            システムから送信される通知メールが迷惑メールと判定されて、受信フォルダではなく迷惑メールフォルダに格納されている可能性があります。迷惑メールフォルダに通知メールが格納されていないかどうか確認し、「@
            {mailDomain}」のメールを受信できるよう設定を変更してください。
          </p>
          <p>あるいは、入力されたメールアドレスが誤っている可能性があります。</p>
          <p>
            また、認証コードが送信されてから{limit}
            が経過すると、情報が削除されますので、改めて利用者登録を行ってください。
          </p>
        </dd>

        <dt id="faq-old-id">
          旧システム（ネット窓口かわさき）で登録した利用者IDは使用できないのでしょうか。
        </dt>
        <dd>
          <p>
            ネット窓口かわさきで登録した利用者IDは本システムでは利用できませんので、お手数ですが改めて利用者登録をお願いします。
          </p>
        </dd>
      </dl>

      <h2>そのほかのよくある質問</h2>
      <dl>
        <dt id="faq-code-expiry">認証コードに有効期限はありますか。また、認証コードを再送できますか。</dt>
        <dd>
          <p>
            認証コードが記載されたメールが送信されてから{limit}
            以内に、認証コードを入力して本登録（『本登録の完了』画面の表示）まで済ませてください。{limit}
            を過ぎると、登録途中の情報は削除されますので、改めて利用者登録を行ってください。
          </p>
          <p>
            メールが届かない場合は、『メールアドレスの登録完了』画面の「認証コードを再送する」をクリックすると、認証コードを再送できます。再送は、前回の送信から1分以上経ってから、5回まで行えます。再送した場合、
            {limit}
            の期限は最後に送信した認証コードの時刻から数えます。先に届いた認証コードも、引き続き使用できます。
          </p>
          <p>
            認証コードを合わせて5回誤って入力すると、登録途中の情報は削除されますので、改めて利用者登録を行ってください。
          </p>
        </dd>

        <dt id="faq-password">パスワードには、どのような条件がありますか。</dt>
        <dd>
          <p>8文字以上の半角文字列で、以下の条件を2つ以上満たすパスワードを入力してください。</p>
          <ol>
            <li>英字（大文字）</li>
            <li>英字（小文字）</li>
            <li>数字</li>
            <li>記号</li>
          </ol>
          <p>全角文字や空白は使用できません。長さは128文字まで使用できます。</p>
          <p>また、安全のため、次のようなパスワードは登録できません。</p>
          <ul>
            <li>メールアドレス、又はメールアドレスの「@」より前の部分と同じもの</li>
            <li>サービス名や市の名前（例：kawasaki）を含むもの</li>
            <li>よく使われていて推測されやすいもの（例：password1）</li>
          </ul>
          <p>パスワード管理ソフトで作成したパスワードの貼り付けもできます。</p>
        </dd>

        <dt id="faq-other-address">
          入力したメールアドレスを間違えました。別のメールアドレスで登録したいのですが。
        </dt>
        <dd>
          <p>
            『メールアドレスの登録完了』画面の「別のメールアドレスで登録する」をクリックしてください。それまでの登録途中の情報は直ちに削除され、『メールアドレスの登録』画面に戻りますので、使用するメールアドレスを改めて入力してください。
          </p>
          <p>本登録が完了した後は、登録した利用者情報をマイページから確認、修正することができます。</p>
        </dd>

        <dt id="faq-withdraw">利用者登録を取り消す（退会する）ことはできますか。</dt>
        <dd>
          <p>
            はい。ログインしたうえで、マイページから退会の手続を行ってください。退会すると、登録されている利用者情報は削除され、その利用者IDではログインできなくなります。
          </p>
          <p>
            退会する前に行った申請等の記録は、各手続の法令等の定めるところにより市が保存します。再び本システムを利用する場合は、改めて利用者登録を行ってください。
          </p>
        </dd>
      </dl>
    </div>
  );
}
