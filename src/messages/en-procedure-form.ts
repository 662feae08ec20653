/**
 * The English of the procedures' form screens (the form pages, 申請内容の確認, 申請の完了, the
 * attachments and 修正して再申請する), spread into the catalogue (en.ts).
 */
export const EN_PROCEDURE_FORM: Record<string, string> = {
  申請の手順: 'Steps of the application',
  次へ: 'Continue',
  戻る: 'Back',
  一時保存する: 'Save as draft',
  '入力内容を一時保存しました。{date}まで保存されます。マイページの「一時保存中の申請」から続きを入力できます。':
    'Your answers have been saved as a draft. It is kept until {date}: continue it from “Saved drafts” on My page.',
  '最初のページで「戻る」を押すと、入力内容を保存して手続の案内に戻ります。':
    'On the first page, “Back” saves your answers and returns to the page about the procedure.',
  '{max}文字以内で入力してください。': 'Use {max} characters or fewer.',
  '{n}つまで選択できます。': 'You can select up to {n}.',
  '建物名など（任意）': 'Building name, room number (optional)',
  '郵便番号を入力すると、都道府県と市区町村を自動で入力します（JavaScriptが有効な場合）。':
    'When you enter the postal code, the prefecture and city are filled in for you (if JavaScript is on).',
  '添付できるファイル：{kinds}（1ファイル{max}MBまで、{count}ファイルまで。1件の申請の添付ファイルは合計{total}MBまで）':
    'Files you can attach: {kinds} (up to {max} MB each, up to {count} files; all the files of one application up to {total} MB in total)',
  '添付されたファイルはありません。': 'No file attached.',
  ファイルを選択: 'Choose a file',
  添付する: 'Attach',
  削除: 'Delete',
  申請内容の確認: 'Check your answers',
  '入力内容をご確認ください。修正するときは「変更」を押してください。':
    'Check your answers. To correct one, select “Change”.',
  変更: 'Change',
  申請にあたっての確認: 'Declaration',
  '申請内容に相違がないことを確認して、チェックを入れてください':
    'Tick the box to confirm that the information you have given is correct',
  申請する: 'Apply',
  申請の完了: 'Application complete',
  受付番号: 'Reference number',
  'お問い合わせの際は、この受付番号をお伝えください。': 'Give this reference number when you contact us.',
  手続名: 'Procedure',
  申請日: 'Date of application',
  このあとの流れ: 'What happens next',
  '受付番号と申請内容を記載したメール（申請を受け付けました）をお送りしました。':
    'We have sent you an email (Application received) with the reference number and your answers.',
  '担当課が申請内容を確認します。状況は「申請の詳細」で確認できます。状況が変わるとメールでお知らせします。':
    'The department in charge will check your application. You can follow it in “Application details”; we will email you when its status changes.',
  控えを印刷する: 'Print a copy',
  申請の詳細: 'Application details',
  申請内容の控え: 'Copy of your answers',
  'ブラウザーのメニューから「印刷」を選ぶと（パソコンではCtrl+P、MacではCommand+P）、この画面の控えを印刷できます。':
    'To print a copy of this page, choose “Print” in your browser’s menu (Ctrl+P on a PC, Command+P on a Mac).',
  修正して再申請する: 'Correct and apply again',
  市からの差し戻しの理由: 'Why the city returned your application',
  '指摘された項目を修正して「再申請する」を押してください。その他の項目は変更できません。':
    'Correct the items the city pointed out, then select “Apply again”. The other answers cannot be changed.',
  再申請する: 'Apply again',
  申請の詳細へ戻る: 'Back to the application details',
  'お探しの申請は見つかりませんでした。マイページの申請履歴からお探しください。':
    'We could not find this application. Look for it in your application history on My page.',
  '送信された内容を読み取れませんでした。前の画面に戻って、もう一度お試しください。':
    'We could not read what was sent. Go back to the previous page and try again.',
  ファイルが大きすぎます: 'The file is too large',
  '送信されたファイルが大きすぎます。添付できるファイルは1つ10MBまでです。前の画面に戻って、小さなファイルを選んでください。入力内容は一時保存されている分まで残っています。':
    'The file sent is too large. Each file can be up to 10 MB. Go back and choose a smaller file. Your answers are kept as far as they were last saved.',
};
