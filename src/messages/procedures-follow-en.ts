/**
 * English of the procedures' resident screens for finding a procedure and following one's
 * applications (手続一覧, a procedure's page, 申請履歴, 申請の詳細), part of the catalogue (en.ts).
 */
export const PROCEDURES_FOLLOW_EN: Record<string, string> = {
  // the search (home page and 手続一覧)
  手続をさがす: 'Find a procedure',
  分類からさがす: 'Browse by category',
  キーワード: 'Keyword',
  '手続の名前の一部を、漢字・ひらがな・カタカナ・ローマ字で入力できます。例：粗大ごみ、じゅうみんひょう、sodaigomi':
    'Enter part of the procedure’s name, in English, Japanese or romaji. For example: bulky waste, 粗大ごみ, sodaigomi',
  検索: 'Search',
  分類: 'Category',
  対象: 'For',
  受付状況: 'Status',
  すべての手続を見る: 'See all procedures',
  手続一覧: 'Procedures',
  検索結果: 'Results',
  '{n}件の手続が見つかりました。': 'Procedures found: {n}.',
  '条件に合う手続が見つかりませんでした。キーワードを短くするか、別の言葉（ひらがな・ローマ字など）で検索するか、分類・対象の条件を外してお試しください。':
    'No procedure matches your search. Try a shorter keyword or other words (Japanese or romaji), or remove the category or the “For” filter.',
  受付中: 'Open for applications',
  受付停止中: 'Applications suspended',
  受付期間外: 'Outside the application period',
  // a procedure's page
  概要: 'Overview',
  対象となる方: 'Who can apply',
  必要なもの: 'What you need',
  手数料: 'Fee',
  受付期間: 'Application period',
  担当課: 'Department in charge',
  問い合わせ先: 'Contact',
  受付時間: 'Opening hours',
  '特にありません。': 'Nothing in particular.',
  オンラインで申請する: 'Apply online',
  申請する: 'Apply',
  ログインせずに申請する: 'Apply without signing in',
  '申請するには、ログインしてください。利用者情報が申請書に入力された状態で始められます。':
    'To apply, please sign in. The form will start filled in with your registered details.',
  利用者登録がお済みでない方はこちら: 'Not registered yet? Register here',
  手続一覧へ戻る: 'Back to the procedures',
  'この手続は、1人につき1件だけ申請できます。': 'You can make only one application for this procedure.',
  '一時保存中の申請があります。続きから入力してください。':
    'You have a saved draft of it. Please continue from where you left off.',
  一時保存中の申請を再開する: 'Continue the saved draft',
  'この手続の申請は、すでに受け付けています。':
    'Your application for this procedure has already been received.',
  申請の詳細を見る: 'See the application',
  申請履歴を見る: 'See your applications',
  'この手続は、現在、受付を停止しています。オンラインでの申請はできません。':
    'Applications for this procedure are suspended at the moment. You cannot apply online.',
  'お急ぎの場合は、下記の問い合わせ先にご相談ください。': 'If it is urgent, please use the contact below.',
  'この手続は、受付期間外のため申請できません。':
    'You cannot apply for this procedure because it is outside its application period.',
  '受付期間：{period}': 'Application period: {period}',
  // 申請履歴 and 一時保存中の申請
  申請履歴: 'Your applications',
  一時保存中の申請: 'Saved drafts',
  受付番号: 'Reference number',
  手続名: 'Procedure',
  申請日時: 'Sent on',
  '申請履歴はありません。': 'You have not sent any application.',
  '一時保存中の申請はありません。': 'You have no saved draft.',
  '一時保存中の申請は、最後に保存した日から30日を過ぎると削除されます。':
    'A saved draft is deleted 30 days after it was last saved.',
  保存期限: 'Kept until',
  再開する: 'Continue',
  削除する: 'Delete',
  すべて見る: 'See all',
  '一時保存中の申請を削除します。よろしいですか？': 'The saved draft will be deleted. Are you sure?',
  '「{name}」の入力内容を削除します。この操作は取り消せません。':
    'What you entered for “{name}” will be deleted. This cannot be undone.',
  一時保存中の申請の削除: 'Delete a saved draft',
  '一時保存中の申請を削除しました。': 'The saved draft has been deleted.',
  // 申請の詳細
  申請の詳細: 'Application details',
  申請内容: 'Your answers',
  状態の履歴: 'History',
  川崎市からのメッセージ: 'Message from Kawasaki City',
  差し戻しの理由: 'Why the application was returned',
  '次の項目を修正して、再申請してください。': 'Please correct the following and send the application again.',
  修正して再申請する: 'Correct and apply again',
  申請の取下げ: 'Withdraw the application',
  取下げる: 'Withdraw',
  '申請を取り下げると、この申請の処理は行われません。取り下げた申請は元に戻せません。':
    'If you withdraw the application, the city will not process it. A withdrawn application cannot be restored.',
  'この申請を取り下げます。よろしいですか？': 'The application will be withdrawn. Are you sure?',
  '受付番号 {ref} の申請を取り下げます。取り下げた申請は元に戻せません。':
    'Application {ref} will be withdrawn. A withdrawn application cannot be restored.',
  '申請を取り下げました。': 'The application has been withdrawn.',
  'この申請は取り下げできません。': 'This application cannot be withdrawn.',
  '申請の状態が変わったため、取り下げられませんでした。最新の状態をご確認ください。':
    'The application could not be withdrawn because its state has changed. Please check its current state.',
  申請履歴へ戻る: 'Back to your applications',
};
