/**
 * The Japanese message of a field error, from its code (domain/fields.ts) and parameters, in plain
 * instruction-style Japanese (the GOV.UK / Digital Agency pattern: say what to do, name the field by
 * its visible label). Registration's profile and any form defined as data get the same wording.
 * An unknown code gets a generic but still instructive message, never an exception.
 */

/** What a message needs besides the code. */
export type FieldMessageParams = {
  /** the field's visible label, in the message's language */
  label: string;
  /** the person picks the value (select, radio) rather than typing it: 「…を選択してください」 */
  select?: boolean;
  /** the input of a date the error is on (a date's 'required' on its year is the whole date's) */
  part?: 'year' | 'month' | 'day';
  /** too_long: the maximum length; without it the message only says to shorten */
  max?: number;
  /** date_too_old: the earliest year */
  minYear?: number;
  /** number_min, too_few: the minimum */
  min?: number;
  /** file_too_large, files_too_large: the limit in MB */
  maxMb?: number;
  /** file_kind: the kinds accepted (PDF, JPEG, PNG) */
  kinds?: readonly string[];
};

const EMAIL_SYMBOLS = "! # $ % & ' * + - / = ? ^ _ ` { | } ~ .";
const DATE_PART: Record<string, string> = { year: '年', month: '月', day: '日' };

function dateMessage(code: string, { label, part, minYear }: FieldMessageParams): string {
  switch (code) {
    case 'required':
      // 'required' on the year is also the error for an empty date (all three parts)
      return part === 'month' || part === 'day'
        ? `${label}の${DATE_PART[part] ?? ''}を入力してください`
        : `${label}を入力してください`;
    case 'date_invalid':
      if (part === 'year') return `${label}の年は西暦4桁の数字で入力してください（例：1985）`;
      if (part === 'month') return `${label}の月は1から12までの数字で入力してください`;
      return `${label}は実在する日付を入力してください`;
    case 'date_future':
      return `${label}は今日より前の日付を入力してください`;
    case 'date_past':
      return `${label}は明日以降の日付を入力してください`;
    case 'date_too_old':
      return minYear === undefined
        ? `${label}を正しく入力してください`
        : `${label}は${minYear}年以降の日付を入力してください`;
    default:
      return `${label}を正しく入力してください`;
  }
}

/** The message for error `code` on a field labelled `p.label`. */
export function fieldMessageJa(code: string, p: FieldMessageParams): string {
  const { label } = p;
  if (p.part !== undefined) return dateMessage(code, p);
  switch (code) {
    case 'required':
      return p.select ? `${label}を選択してください` : `${label}を入力してください`;
    case 'too_long':
      return p.max === undefined
        ? `${label}を短くしてください`
        : `${label}は${p.max}文字以内で入力してください`;
    case 'katakana':
      return `${label}はカタカナで入力してください`;
    case 'postal_code':
      return `${label}は7桁の数字で入力してください（例：210-8577）`;
    case 'phone':
      return `${label}は市外局番から、10桁または11桁の数字で入力してください（例：044-200-2111）`;
    case 'prefecture':
      return `${label}は一覧から選択してください`;
    case 'choice':
      return `${label}は選択肢の中から選択してください`;
    case 'invalid_chars':
      return `${label}に使用できない文字が含まれています。半角英数字と記号 ${EMAIL_SYMBOLS} のみ使用できます`;
    case 'consecutive_dots':
      return `${label}に「.」を2文字以上続けて使用することはできません`;
    case 'bad_edge':
      return `${label}の最初の文字と「@」の直前の文字は、半角英数字にしてください`;
    case 'bad_format':
      return `${label}は「taro@example.jp」のような形式で入力してください`;
    case 'bad_domain':
      return `${label}の「@」より後ろ（ドメイン）を「example.jp」のような形式で入力してください`;
    // online procedures (domain/procedures/fields): numbers, checkboxes, attachments
    case 'number':
      return `${label}は半角数字で入力してください`;
    case 'number_integer':
      return `${label}は整数で入力してください`;
    case 'number_min':
      return p.min === undefined
        ? `${label}を正しく入力してください`
        : `${label}は${p.min}以上で入力してください`;
    case 'number_max':
      return p.max === undefined
        ? `${label}を正しく入力してください`
        : `${label}は${p.max}以下で入力してください`;
    case 'too_few':
      return `${label}は${p.min ?? 1}つ以上選択してください`;
    case 'too_many':
      return p.max === undefined
        ? `${label}の選択を減らしてください`
        : `${label}は${p.max}つまで選択してください`;
    case 'file_too_many':
      return p.max === undefined
        ? `${label}のファイルを減らしてください`
        : `${label}は${p.max}ファイルまで添付できます`;
    case 'file_kind':
      return `${label}は${(p.kinds ?? ['PDF', 'JPEG', 'PNG']).join('、')}のファイルを選択してください`;
    case 'file_too_large':
      return `${label}のファイルは1つ${p.maxMb ?? 10}MB以下にしてください`;
    case 'files_too_large':
      return `添付ファイルは合計${p.maxMb ?? 20}MB以下にしてください`;
    default:
      return p.select ? `${label}を選択してください` : `${label}を正しく入力してください`;
  }
}
