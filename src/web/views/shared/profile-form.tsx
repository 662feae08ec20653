/**
 * The profile form of screen 5 (and of 利用者情報の変更) for each kind of user, and the read-only
 * table of screen 6. Labels are the spec's, verbatim.
 */
import type { UserKind } from '../../../domain/profile.js';
import { PREFECTURES, toWareki } from '../../../domain/profile.js';
import { translator, type Translate } from '../../../messages/i18n.js';
import { useT } from '../../shared/i18n.js';
import {
  CsrfField,
  DateField,
  RadioGroup,
  SelectField,
  TextField,
  errorFor,
  type Errors,
} from './components.js';

function NotifyHint() {
  const t = useT();
  return (
    <>
      {t(
        '「希望する」を選択すると、登録した利用者情報や過去の申請内容に基づき関連するお知らせのメールが届きます。',
      )}
      <br />
      {t('「希望しない」を選択した場合でも、重要なお知らせがメールで届きます。')}
    </>
  );
}

/** The seed's password rule, printed next to the field. */
export function PasswordRule() {
  const t = useT();
  return (
    <>
      {t('パスワードは、以下の条件を2つ以上満たす8文字以上の半角文字列を入力してください（128文字まで）。')}
      <ol class="rule-list">
        <li>{t('英字（大文字）')}</li>
        <li>{t('英字（小文字）')}</li>
        <li>{t('数字')}</li>
        <li>{t('記号')}</li>
      </ol>
      {t(
        'メールアドレスと同じもの、「kawasaki」などのサービス名を含むもの、よく使われるパスワードは使えません。',
      )}
    </>
  );
}

type FormProps = {
  kind: UserKind;
  email: string;
  values: Record<string, string>;
  errors?: Errors;
  passwordKept?: boolean;
  csrfToken: string;
  action: string;
  submitLabel: string;
  withPassword: boolean;
};

export function ProfileForm(p: FormProps) {
  const t = useT();
  const v = p.values;
  const err = (f: string) => errorFor(p.errors, f);
  const dateError = err('birthDate') ?? err('birthYear') ?? err('birthMonth') ?? err('birthDay');
  return (
    <form method="post" action={p.action} novalidate class="profile-form">
      <CsrfField token={p.csrfToken} />
      <p>{t('利用者情報を入力してください。')}</p>
      <dl class="readonly">
        <dt>{t('利用者ID（メールアドレス）')}</dt>
        <dd class="address">{p.email}</dd>
      </dl>
      {p.withPassword ? (
        <>
          {p.passwordKept ? (
            <p class="notice notice--info" id="password-kept">
              {t(
                'パスワードは入力済みです（安全のため表示していません）。変更しない場合は、パスワード欄を空欄のままにしてください。',
              )}
            </p>
          ) : null}
          <TextField
            name="password"
            label="パスワード"
            type="password"
            autocomplete="new-password"
            error={err('password')}
            hint={<PasswordRule />}
            optional={p.passwordKept}
            maxlength={200}
          />
          <TextField
            name="passwordConfirm"
            label="パスワード（確認用）"
            type="password"
            autocomplete="new-password"
            error={err('passwordConfirm')}
            hint="確認のため、もう一度同じパスワードを入力してください。"
            optional={p.passwordKept}
            maxlength={200}
          />
          <div class="show-password" hidden data-show-password="password passwordConfirm">
            <input type="checkbox" id="show-password" />
            <label for="show-password">{t('パスワードを表示する')}</label>
          </div>
        </>
      ) : null}
      {p.kind === 'individual' ? (
        <>
          <fieldset class="fieldset field">
            <legend class="field__label">{t('氏名')}</legend>
            <div class="name-pair">
              <TextField
                name="familyName"
                label="姓"
                value={v.familyName}
                error={err('familyName')}
                autocomplete="family-name"
                width="medium"
              />
              <TextField
                name="givenName"
                label="名"
                value={v.givenName}
                error={err('givenName')}
                autocomplete="given-name"
                width="medium"
              />
            </div>
          </fieldset>
          <fieldset class="fieldset field">
            <legend class="field__label">{t('氏名（フリガナ）')}</legend>
            <div class="name-pair">
              <TextField
                name="familyNameKana"
                label="セイ"
                value={v.familyNameKana}
                error={err('familyNameKana')}
                width="medium"
                hint="全角カタカナ"
              />
              <TextField
                name="givenNameKana"
                label="メイ"
                value={v.givenNameKana}
                error={err('givenNameKana')}
                width="medium"
                hint="全角カタカナ"
              />
            </div>
          </fieldset>
        </>
      ) : (
        <>
          <TextField
            name="orgName"
            label="法人名/事業者名"
            value={v.orgName}
            error={err('orgName')}
            autocomplete="organization"
          />
          <TextField
            name="orgNameKana"
            label="法人名/事業者名（フリガナ）"
            value={v.orgNameKana}
            error={err('orgNameKana')}
            hint="全角カタカナ"
          />
        </>
      )}
      <fieldset class="fieldset field">
        <legend class="field__label">{t('住所')}</legend>
        <TextField
          name="postalCode"
          label="郵便番号"
          value={v.postalCode}
          error={err('postalCode')}
          autocomplete="postal-code"
          inputmode="numeric"
          width="short"
          hint="7桁の数字（例：210-8577）"
        />
        <SelectField
          name="prefecture"
          label="都道府県"
          options={PREFECTURES}
          optionLang="ja"
          value={v.prefecture}
          error={err('prefecture')}
          autocomplete="address-level1"
        />
        <TextField
          name="cityAddress"
          label="市区町村・番地"
          value={v.cityAddress}
          error={err('cityAddress')}
          autocomplete="address-level2"
          hint="例：川崎市川崎区宮本町1番地"
        />
        <TextField
          name="building"
          label="建物名など"
          value={v.building}
          error={err('building')}
          autocomplete="address-line2"
          optional
        />
      </fieldset>
      {p.kind === 'individual' ? (
        <>
          <TextField
            name="phone"
            label="電話番号"
            type="tel"
            value={v.phone}
            error={err('phone')}
            autocomplete="tel"
            inputmode="tel"
            width="medium"
            hint="例：044-200-2111（ハイフンはなくても構いません）"
          />
          <DateField legend="生年月日" prefix="birth" values={v} error={dateError} />
          <RadioGroup
            name="gender"
            legend="性別"
            value={v.gender}
            error={err('gender')}
            options={[
              { value: 'male', label: '男性' },
              { value: 'female', label: '女性' },
              { value: 'unanswered', label: '回答しない' },
            ]}
          />
        </>
      ) : (
        <>
          <TextField
            name="representativeName"
            label="代表者名"
            value={v.representativeName}
            error={err('representativeName')}
          />
          <TextField
            name="phone"
            label="連絡先電話番号"
            type="tel"
            value={v.phone}
            error={err('phone')}
            autocomplete="tel"
            inputmode="tel"
            width="medium"
            hint="例：044-200-2111（ハイフンはなくても構いません）"
          />
          <TextField name="department" label="担当部署" value={v.department} error={err('department')} />
          <TextField
            name="contactName"
            label="担当者名"
            value={v.contactName}
            error={err('contactName')}
            autocomplete="name"
          />
          <DateField legend="担当者生年月日" prefix="birth" values={v} error={dateError} />
        </>
      )}
      <RadioGroup
        name="notify"
        legend="お知らせ・通知メール"
        value={v.notify}
        error={err('notify')}
        hint={<NotifyHint />}
        options={[
          { value: 'yes', label: '希望する' },
          { value: 'no', label: '希望しない' },
        ]}
      />
      <button type="submit" class="button">
        {t(p.submitLabel)}
      </button>
    </form>
  );
}

const GENDER: Record<string, string> = { male: '男性', female: '女性', unanswered: '回答しない' };

function formatPostal(v: string | undefined): string {
  const digits = (v ?? '').replace(/\D/g, '');
  return digits.length === 7 ? `〒${digits.slice(0, 3)}-${digits.slice(3)}` : (v ?? '');
}

function formatDate(v: Record<string, string>, t: Translate): string {
  const wareki = toWareki(Number(v.birthYear));
  const date = t('{year}年{month}月{day}日', {
    year: v.birthYear ?? '',
    month: v.birthMonth ?? '',
    day: v.birthDay ?? '',
  });
  return `${date}${wareki ? `（${wareki}）` : ''}`;
}

/** Rows of the read-only table (screen 6, マイページ): label and displayed value. */
export function profileRows(
  kind: UserKind,
  v: Record<string, string>,
  t: Translate = translator('ja'),
): [string, string][] {
  const address: [string, string][] = [
    ['郵便番号', formatPostal(v.postalCode)],
    ['都道府県', v.prefecture ?? ''],
    ['市区町村・番地', v.cityAddress ?? ''],
    ['建物名など', v.building || t('（なし）')],
  ];
  const notify: [string, string] = [
    'お知らせ・通知メール',
    t(v.notify === 'yes' ? '希望する' : '希望しない'),
  ];
  return kind === 'individual'
    ? [
        ['氏名', `${v.familyName ?? ''} ${v.givenName ?? ''}`],
        ['氏名（フリガナ）', `${v.familyNameKana ?? ''} ${v.givenNameKana ?? ''}`],
        ...address,
        ['電話番号', v.phone ?? ''],
        ['生年月日', formatDate(v, t)],
        ['性別', t(GENDER[v.gender ?? ''] ?? '')],
        notify,
      ]
    : [
        ['法人名/事業者名', v.orgName ?? ''],
        ['法人名/事業者名（フリガナ）', v.orgNameKana ?? ''],
        ...address,
        ['代表者名', v.representativeName ?? ''],
        ['連絡先電話番号', v.phone ?? ''],
        ['担当部署', v.department ?? ''],
        ['担当者名', v.contactName ?? ''],
        ['担当者生年月日', formatDate(v, t)],
        notify,
      ];
}

export function ConfirmView(p: {
  kind: UserKind;
  email: string;
  values: Record<string, string>;
  showPassword?: boolean;
}) {
  const t = useT();
  return (
    <table class="summary">
      <caption class="visually-hidden">{t('入力内容')}</caption>
      <tbody>
        <tr>
          <th scope="row">{t('利用者ID（メールアドレス）')}</th>
          <td class="address">{p.email}</td>
        </tr>
        {p.showPassword === false ? null : (
          <tr>
            <th scope="row">{t('パスワード')}</th>
            <td>
              <span aria-hidden="true">●●●●●●●●</span>
              <span class="visually-hidden">{t('（入力済み。安全のため表示しません）')}</span>
            </td>
          </tr>
        )}
        {profileRows(p.kind, p.values, t).map(([label, value]) => (
          <tr>
            <th scope="row">{t(label)}</th>
            <td>{value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
