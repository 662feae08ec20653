/**
 * The English catalogue: each Japanese text (the key, and the source of truth) with its
 * translation. The catalogue test fails when a text in the web layer has no entry here. The field
 * labels and their English are written in field-labels.ts and come in from there.
 */
import { englishEntries } from './field-labels.js';
import { EN_PROCEDURE_FORM } from './en-procedure-form.js';
import { PREFECTURES_EN } from './prefectures-en.js';
import { PROCEDURES_FOLLOW_EN } from './procedures-follow-en.js';

export const EN: Record<string, string> = {
  // frame
  オンライン手続かわさき: 'Online Procedures Kawasaki',
  '（e-KAWASAKI）': ' (e-KAWASAKI)',
  'エラー：': 'Error: ',
  本文へ移動: 'Skip to main content',
  アカウント: 'Account',
  ログアウト: 'Sign out',
  新規登録: 'Register',
  ログイン: 'Sign in',
  サイトについて: 'About this site',
  利用規約: 'Terms of use',
  プライバシーポリシー: 'Privacy policy',
  よくある質問: 'FAQ',
  アクセシビリティ方針: 'Accessibility policy',
  開発用メールボックス: 'Development mailbox',
  川崎市: 'Kawasaki City',
  トップページ: 'Home',
  '川崎市の行政手続を、パソコンやスマートフォンからオンラインで行うことができます。ご利用には利用者登録が必要です。':
    "You can do Kawasaki City's paperwork online from a computer or smartphone. To use the service, please register first.",
  重要なお知らせ: 'Important notices',
  はじめての方へ: 'New to the service?',
  '利用者登録をすると、マイページから利用者情報の確認や変更ができます。メールアドレスが利用者IDになります。':
    'Once registered, you can check and change your details on My page. Your email address is your user ID.',
  利用者登録を始める: 'Start registering',
  // form pieces
  ...englishEntries(),
  // the 都道府県 select's options (their values stay Japanese)
  ...PREFECTURES_EN,
  // the procedures' form screens
  ...EN_PROCEDURE_FORM,
  // the procedures: finding one, following one's applications
  ...PROCEDURES_FOLLOW_EN,
  入力内容に誤りがあります: 'There is a problem',
  '※任意': 'Optional',
  '※必須': 'Required',
  '西暦で入力してください。例：1985年4月1日':
    'Enter the date in the Western calendar, for example 1 4 1985 (year 1985, month 4, day 1).',
  年: 'Year',
  月: 'Month',
  日: 'Day',
  利用者情報: 'Your details',
  確認: 'Check',
  完了: 'Done',
  登録の手順: 'Registration steps',
  '（完了）': '(done)',
  選択してください: 'Select',
  '「希望する」を選択すると、登録した利用者情報や過去の申請内容に基づき関連するお知らせのメールが届きます。':
    'If you choose “Yes, send them”, you will receive emails about notices related to your details and past applications.',
  '「希望しない」を選択した場合でも、重要なお知らせがメールで届きます。':
    'Even if you choose “No, thank you”, important notices are still sent to you by email.',
  'パスワードは、以下の条件を2つ以上満たす8文字以上の半角文字列を入力してください（128文字まで）。':
    'Enter a password of at least 8 half-width characters (up to 128) that uses at least two of the following:',
  '英字（大文字）': 'capital letters (A–Z)',
  '英字（小文字）': 'small letters (a–z)',
  数字: 'numbers (0–9)',
  記号: 'symbols (such as # $ % -)',
  'メールアドレスと同じもの、「kawasaki」などのサービス名を含むもの、よく使われるパスワードは使えません。':
    'You cannot use your email address, a password that contains the service or city name (such as “kawasaki”), or a commonly used password.',
  '利用者情報を入力してください。': 'Enter your details.',
  '利用者ID（メールアドレス）': 'User ID (email address)',
  'パスワードは入力済みです（安全のため表示していません）。変更しない場合は、パスワード欄を空欄のままにしてください。':
    'Your password has been entered (it is not shown for your security). To keep it, leave the password fields empty.',
  '確認のため、もう一度同じパスワードを入力してください。': 'Enter the same password again to confirm it.',
  パスワードを表示する: 'Show password',
  全角カタカナ: 'In full-width katakana (hiragana is converted)',
  '7桁の数字（例：210-8577）': '7 digits, for example 210-8577',
  '例：川崎市川崎区宮本町1番地': 'For example 川崎市川崎区宮本町1番地',
  '例：044-200-2111（ハイフンはなくても構いません）': 'For example 044-200-2111 (hyphens are optional)',
  '{year}年{month}月{day}日': '{day}/{month}/{year}',
  '（なし）': '(none)',
  入力内容: 'Your answers',
  '（入力済み。安全のため表示しません）': '(entered; not shown for your security)',
  個人: 'an individual',
  事業者: 'a business',
  // registration
  '認証コードの送信から{limit}が経過したため、入力された情報は削除されました。お手数ですが、改めて利用者登録を行ってください。':
    'The time allowed after the verification code was sent ({limit}) has passed, so the details you entered have been deleted. Please register again.',
  '認証コードを5回間違えたため、登録の手続きを終了しました。お手数ですが、最初から利用者登録をやり直してください。':
    'The verification code was entered wrongly 5 times, so this registration has ended. Please start the registration again.',
  '登録の手続きが見つかりません。お手数ですが、最初から利用者登録をやり直してください。':
    'We could not find your registration. Please start the registration again.',
  'このメールアドレスでの登録は、別の画面ですでに完了しています。ログイン画面からログインしてください。':
    'Registration with this email address has already been completed in another window. Please sign in.',
  '利用規約に同意する場合は、「利用規約に同意します」にチェックを入れてください':
    'To continue, tick “I agree to the terms of use”',
  '認証コードを再送しました。新しいメールを確認してください。':
    'We have sent a new verification code. Check your email.',
  '認証コードの再送は5回までです。届いている認証コードを入力するか、「別のメールアドレスで登録する」からやり直してください。':
    'A code can be sent again at most 5 times. Enter a code you have received, or start again with “Register with a different email address”.',
  '送信の回数が上限に達しました。しばらく時間をおいてから、もう一度お試しください。（約{minutes}分後）':
    'Too many attempts. Please wait a while and try again (in about {minutes} minutes).',
  '認証コードが正しくありません。メールに記載された6桁の認証コードを入力してください（あと{n}回まで入力できます）':
    'The verification code is not correct. Enter the 6-digit code in the email ({n} tries left).',
  '認証コードの再送は1分に1回までです。{seconds}秒ほど待ってから、もう一度お試しください。':
    'A new code can be sent once a minute. Wait about {seconds} seconds and try again.',
  '利用者登録が完了しました。': 'Your registration is complete.',
  '利用者の区分を選んでください。メールアドレスが利用者IDになります。':
    'Choose how you will use the service. Your email address will be your user ID.',
  個人として登録する: 'Register as an individual',
  個人の方はこちら: 'For residents and other individuals',
  事業者として登録する: 'Register as a business',
  '法人・事業者の方はこちら': 'For companies and businesses',
  '{kind}として登録します。利用規約をお読みいただき、同意のうえ「利用者の登録を開始する」を押してください。':
    'You are registering as {kind}. Read the terms of use and, if you agree, select “Start registration”.',
  'オンライン手続かわさき 利用規約': 'Online Procedures Kawasaki: terms of use',
  利用規約に同意します: 'I agree to the terms of use',
  利用者の登録を開始する: 'Start registration',
  '利用者IDとして使用するメールアドレスを入力し、「登録する」を押してください。入力したメールアドレスに認証コードを記載したメールをお送りします。':
    'Enter the email address to use as your user ID and select “Register”. We will send a verification code to that address.',
  '迷惑メール対策の設定を行っている場合は、メールが届かない場合があります。お手数ですが「@{domain}」ドメインからのメールが受信できるように設定してください。':
    'If you use a spam filter, our email may not reach you. Please allow email from the “@{domain}” domain.',
  登録する: 'Register',
  '使用できるメールアドレスについて（よくある質問）': 'Which email addresses can be used (FAQ)',
  '宛に、認証コードを記載したメールを送信しました。メールに記載された6桁の認証コードを入力し、「認証コードを確認する」を押してください。':
    ': we have sent an email with a verification code to this address. Enter the 6-digit code and select “Check the code”.',
  'メール受信後、{limit}以内に本登録画面で登録情報を入力してください。{limit}を過ぎると入力された情報は削除され、最初から登録し直す必要があります。':
    'Finish entering your details within {limit} of receiving the email. After {limit}, what you entered is deleted and you will need to start again.',
  認証コードを確認する: 'Check the code',
  メールが届かない場合: 'If the email does not arrive',
  '迷惑メールフォルダに届いていないか確認してください。「@{domain}」からのメールを受信できるよう設定してください。':
    'Check your spam folder, and allow email from “@{domain}”.',
  'メールアドレスが正しいか確認してください。': 'Check that the email address is correct.',
  認証コードを再送する: 'Send the code again',
  '再送は1分に1回、5回までです。以前に届いた認証コードも引き続き使えます。':
    'You can ask for a new code once a minute, up to 5 times. Codes you received earlier still work.',
  別のメールアドレスで登録する: 'Register with a different email address',
  '認証コードが届かない場合（よくある質問）': 'If the verification code does not arrive (FAQ)',
  '入力内容を確認し、よろしければ「登録する」を押してください。入力内容を訂正する場合は「入力に戻る」を押してください。':
    'Check your answers. If they are correct, select “Register”. To change something, select “Back to the form”.',
  入力に戻る: 'Back to the form',
  '登録します。よろしいですか？': 'Register now. Are you sure?',
  OK: 'OK',
  キャンセル: 'Cancel',
  '登録したメールアドレス宛に、本登録完了メールを送信しました。ご確認ください。':
    'We have sent a confirmation email to your registered address:',
  マイページへ: 'Go to My page',
  利用者の新規登録: 'Register as a user',
  利用規約の確認: 'Terms of use',
  メールアドレスの登録: 'Your email address',
  '半角英数字と記号で入力してください。例：taro@example.jp（PC用・携帯電話用のどちらでも構いません）':
    'Use half-width letters, numbers and symbols, for example taro@example.jp (a computer or mobile phone address is fine).',
  メールアドレスの登録完了: 'Check your email',
  '半角数字6桁（例：123456）': '6 digits, for example 123456',
  利用者情報の入力: 'Your details',
  入力内容を確認する: 'Check your answers',
  入力内容の確認: 'Check your answers before registering',
  本登録の完了: 'Registration complete',
  // the development mailbox
  'SMTP_URL が設定されていないため、送信されるメールはここに表示されます（開発用。本番では表示されません）。':
    'SMTP_URL is not set, so the mails the service sends are shown here (for development; never shown in production).',
  宛先のメールアドレス: 'Recipient’s email address',
  '入力したアドレス宛のメールだけを表示します。空欄にするとすべてのメールを表示します。':
    'Shows only the mails to this address. Leave it empty to show every mail.',
  絞り込む: 'Filter',
  すべてのメールを表示する: 'Show every mail',
  '{to} 宛のメールはありません。': 'There are no mails to {to}.',
  'メールはまだありません。': 'There are no mails yet.',
  宛先: 'To',
  '作成日時（日本時間）': 'Created (Japan time)',
  状態: 'Status',
  送信済み: 'Sent',
  送信待ち: 'Waiting to be sent',
  // error pages
  ページが見つかりません: 'Page not found',
  'お探しのページは見つかりませんでした。': 'The page you were looking for was not found.',
  'お探しのページは見つかりませんでした。アドレスをご確認ください。':
    'The page you were looking for was not found. Check the address.',
  エラーが発生しました: 'Something went wrong',
  '申し訳ありません。システムでエラーが発生しました。しばらく時間をおいてから、もう一度お試しください。':
    'Sorry, there is a problem with the service. Please try again later.',
  操作を受け付けられませんでした: 'We could not accept this request',
  'セキュリティ確認のため、この操作を受け付けられませんでした。お手数ですが、前の画面に戻って、ページを再読み込みしてから、もう一度お試しください。':
    'For your security, this request could not be accepted. Please go back, reload the page and try again.',
  送信できませんでした: 'Your answers could not be sent',
  '送信された内容が大きすぎます。入力内容を確認して、もう一度お試しください。':
    'What you sent is too large. Check your answers and try again.',
  トップページへ戻る: 'Back to the home page',
  ページを表示できませんでした: 'The page could not be shown',
  'アドレスに使えない文字が含まれています。アドレスをご確認ください。':
    'The address contains characters that cannot be used. Check the address.',
  // notices
  すべて: 'everyone',
  '【重要】': '[Important]',
  '（{audience}の方へ）': '(for {audience})',
  '現在、重要なお知らせはありません。': 'There are no important notices at the moment.',
  '現在、お知らせはありません。': 'There are no notices at the moment.',
  'お探しのお知らせは見つかりませんでした。掲載期間が終わった可能性があります。':
    'The notice you were looking for was not found. It may no longer be published.',
  お知らせ: 'Notice',
  マイページへ戻る: 'Back to My page',
  // account
  ログアウトしました: 'You have signed out',
  マイページ: 'My page',
  パスワードを忘れた方: 'Forgotten your password?',
  '一定時間操作がなかったため、ログアウトしました。':
    'You have been signed out because you had not done anything for a while.',
  メールアドレスを入力してください: 'Enter your email address',
  パスワードを入力してください: 'Enter your password',
  'このアカウントは利用停止中です。川崎市 オンライン手続かわさき担当（電話 044-200-2111）までお問い合わせください。':
    'This account has been suspended. Please contact the Online Procedures Kawasaki team, Kawasaki City (phone 044-200-2111).',
  'ログインの試行回数が上限に達しました。しばらく時間をおいてから、もう一度お試しください。':
    'There have been too many attempts to sign in. Please wait a while and try again.',
  'メールアドレスまたはパスワードが正しくありません。': 'The email address or password is not correct.',
  '{name} 様、ようこそ。': 'Welcome, {name}.',
  '{name} 御中': 'Welcome, {name}.',
  利用者ID: 'User ID',
  利用者区分: 'User type',
  登録日: 'Registered on',
  '登録内容の変更・退会': 'Change your details or delete your account',
  利用者情報の変更: 'Change your details',
  メールアドレスの変更: 'Change your email address',
  パスワードの変更: 'Change your password',
  退会: 'Delete your account',
  // account: shared messages and the code screen
  'パスワードの誤りが続いたため、しばらくの間受け付けられません。15分ほど時間をおいてから、もう一度お試しください':
    'The password was entered wrongly too many times, so it cannot be accepted for a while. Wait about 15 minutes and try again',
  '現在のメールアドレスと同じです。変更後の新しいメールアドレスを入力してください':
    'This is your current email address. Enter the new email address you want to use',
  パスワードが正しくありません: 'The password is not correct',
  '送信済・処理中・差し戻しの申請があるため、退会できません。申請の処理が終わるか、申請を取り下げてから退会してください':
    'You cannot delete your account while an application is submitted, in progress or returned to you. Delete it once the application is finished, or withdraw the application first',
  現在のパスワードが正しくありません: 'The current password is not correct',
  現在のパスワードを入力してください: 'Enter your current password',
  現在のパスワードとは異なるパスワードを入力してください:
    'Enter a new password that is different from your current password',
  '{email} 宛に、認証コードを記載したメールを送信しました。':
    'We have sent an email with a verification code to {email}.',
  '認証コードの有効期限は、メールの送信から{limit}です。時間を過ぎた場合は、お手数ですが最初からお手続きください。':
    'The code works for {limit} after the email was sent. After that, please start again.',
  // account: 利用者情報の変更
  '変更する項目を修正し、「入力内容を確認する」を押してください。メールアドレスとパスワードは、マイページのそれぞれの画面から変更できます。':
    'Change what you need to and select “Check your answers”. You can change your email address and password from their own pages on My page.',
  変更せずにマイページへ戻る: 'Back to My page without changing anything',
  変更内容の確認: 'Check your changes',
  '変更後の利用者情報を確認し、よろしければ「変更する」を押してください。修正する場合は「入力に戻る」を押してください。':
    'Check your changed details. If they are correct, select “Save changes”. To correct something, select “Back to the form”.',
  変更する: 'Save changes',
  利用者情報の変更完了: 'Your details have been changed',
  '利用者情報を変更しました。': 'Your details have been changed.',
  '変更した内容は、マイページで確認できます。': 'You can see the changes on My page.',
  // account: メールアドレスの変更
  '認証コードの送信から{limit}が経過したため、メールアドレスの変更の手続きを終了しました。メールアドレスは変更されていません。お手数ですが、もう一度お手続きください。':
    'The time allowed after the verification code was sent ({limit}) has passed, so the change of email address has ended. Your email address has not been changed. Please start again.',
  '認証コードを5回間違えたため、メールアドレスの変更の手続きを終了しました。メールアドレスは変更されていません。お手数ですが、もう一度お手続きください。':
    'The verification code was entered wrongly 5 times, so the change of email address has ended. Your email address has not been changed. Please start again.',
  'メールアドレスの変更の手続きが見つかりません。メールアドレスは変更されていません。お手数ですが、もう一度お手続きください。':
    'We could not find your change of email address. Your email address has not been changed. Please start again.',
  'このメールアドレスは、すでに利用者IDとして使われているため、変更できませんでした。別のメールアドレスを入力してください。':
    'This email address is already used as a user ID, so your address could not be changed to it. Enter a different email address.',
  '新しいメールアドレスを入力し、「認証コードを送信する」を押してください。新しいメールアドレスに認証コードを記載したメールをお送りします。認証コードを入力するまで、利用者IDは現在のメールアドレスのままです。':
    'Enter your new email address and select “Send the code”. We will send an email with a verification code to the new address. Until you enter the code, your user ID stays your current email address.',
  '現在のメールアドレス（利用者ID）': 'Current email address (user ID)',
  新しいメールアドレス: 'New email address',
  '半角英数字と記号で入力してください。例：taro@example.jp':
    'Use half-width letters, numbers and symbols, for example taro@example.jp',
  'ログインから15分以上たっているため、安全のため現在のパスワードを入力してください。':
    'You signed in more than 15 minutes ago, so for your security enter your current password.',
  認証コードを送信する: 'Send the code',
  認証コードの入力: 'Enter the verification code',
  'メールに記載された6桁の認証コードを入力し、「認証コードを確認する」を押してください。認証コードを確認すると、メールアドレス（利用者ID）が変更されます。':
    'Enter the 6-digit code from the email and select “Check the code”. Once the code is checked, your email address (user ID) is changed.',
  別のメールアドレスを入力する: 'Enter a different email address',
  '認証コードの再送は5回までです。届いている認証コードを入力するか、「別のメールアドレスを入力する」からやり直してください。':
    'A code can be sent again at most 5 times. Enter a code you have received, or start again with “Enter a different email address”.',
  メールアドレスの変更完了: 'Your email address has been changed',
  'メールアドレス（利用者ID）を変更しました。': 'Your email address (user ID) has been changed.',
  '新しい利用者IDは {email} です。次回から、このメールアドレスでログインしてください。':
    'Your new user ID is {email}. From now on, sign in with this email address.',
  '変更前のメールアドレスには、変更のお知らせをお送りしました。安全のため、ほかの端末でのログインはすべて終了しました。':
    'We have sent a notice of the change to your previous email address. For your security, you have been signed out on all other devices.',
  // account: パスワードの変更 and the reset
  '認証コードの送信から{limit}が経過したため、パスワードの再設定の手続きを終了しました。お手数ですが、もう一度お手続きください。':
    'The time allowed after the verification code was sent ({limit}) has passed, so the password reset has ended. Please start again.',
  '認証コードを5回間違えたため、パスワードの再設定の手続きを終了しました。お手数ですが、もう一度お手続きください。':
    'The verification code was entered wrongly 5 times, so the password reset has ended. Please start again.',
  'パスワードの再設定の手続きが見つかりません。お手数ですが、もう一度お手続きください。':
    'We could not find your password reset. Please start again.',
  新しいパスワード: 'New password',
  '新しいパスワード（確認用）': 'New password (confirmation)',
  '現在のパスワードと新しいパスワードを入力し、「変更する」を押してください。変更すると、安全のため、ほかの端末でのログインはすべて終了します。':
    'Enter your current password and a new password, and select “Save changes”. For your security, you will then be signed out on all other devices.',
  現在のパスワード: 'Current password',
  パスワードの変更完了: 'Your password has been changed',
  'パスワードを変更しました。': 'Your password has been changed.',
  '次回から新しいパスワードでログインしてください。安全のため、ほかの端末でのログインはすべて終了しました。登録のメールアドレスに、変更のお知らせをお送りしました。':
    'From now on, sign in with your new password. For your security, you have been signed out on all other devices. We have sent a notice of the change to your registered email address.',
  パスワードの再設定: 'Reset your password',
  '利用者ID（登録したメールアドレス）を入力し、「認証コードを送信する」を押してください。登録されているメールアドレスの場合は、認証コードを記載したメールをお送りします。':
    'Enter your user ID (your registered email address) and select “Send the code”. If the address is registered, we will send an email with a verification code to it.',
  'ログインを続けて間違えてログインが停止されている場合でも、パスワードを再設定できます。再設定すると、ほかの端末でのログインはすべて終了します。':
    'You can reset your password even if signing in has been paused after too many failed attempts. When you reset it, you will be signed out on all other devices.',
  '利用者IDとして登録したメールアドレスを入力してください。':
    'Enter the email address you registered as your user ID.',
  ログイン画面へ戻る: 'Back to sign in',
  'メールに記載された6桁の認証コードを入力し、「認証コードを確認する」を押してください。メールは、利用者IDとして登録されているメールアドレスにのみお送りしています。':
    'Enter the 6-digit code from the email and select “Check the code”. We send the email only to an address that is registered as a user ID.',
  メールアドレスの入力に戻る: 'Back to entering your email address',
  '認証コードの再送は5回までです。届いている認証コードを入力するか、「メールアドレスの入力に戻る」からやり直してください。':
    'A code can be sent again at most 5 times. Enter a code you have received, or start again with “Back to entering your email address”.',
  新しいパスワードの設定: 'Set a new password',
  '新しいパスワードを入力し、「設定する」を押してください。設定すると、この画面からそのままログインした状態になり、ほかの端末でのログインはすべて終了します。':
    'Enter a new password and select “Set the password”. You will then be signed in here, and signed out on all other devices.',
  設定する: 'Set the password',
  パスワードの再設定完了: 'Your password has been reset',
  'パスワードを再設定しました。': 'Your password has been reset.',
  'ログインした状態になっています。次回から新しいパスワードでログインしてください。登録のメールアドレスに、再設定のお知らせをお送りしました。':
    'You are now signed in. From now on, sign in with your new password. We have sent a notice of the reset to your registered email address.',
  // account: 退会
  '退会します。よろしいですか？': 'Your account will be deleted. Are you sure?',
  '退会すると、オンライン手続かわさきの利用者登録を取り消します。退会の前に、次の点をご確認ください。':
    'Deleting your account cancels your registration with Online Procedures Kawasaki. Before you delete it, please read the following.',
  削除される情報: 'What will be deleted',
  '利用者ID（メールアドレス）とパスワード': 'Your user ID (email address) and password',
  '利用者情報（氏名または法人名/事業者名、フリガナ、住所、電話番号、生年月日など）':
    'Your details (name or company name, name in katakana, address, phone number, date of birth and so on)',
  'お知らせ・通知メールの設定と、マイページのお知らせ':
    'Your choice about notices and notification emails, and the notices on My page',
  ログイン中のすべての端末のログイン状態: 'Your sign-in on every device',
  ご注意: 'Please note',
  '退会は取り消せません。削除した情報は元に戻せません。':
    'Deleting your account cannot be undone. Deleted information cannot be restored.',
  '同じメールアドレスで、改めて利用者登録をすることができます。':
    'You can register again with the same email address.',
  '退会が完了すると、登録のメールアドレスに退会手続完了のお知らせをお送りします。':
    'When your account has been deleted, we will send a confirmation to your registered email address.',
  '本人確認のため、現在のパスワードを入力してください。':
    'To confirm it is you, enter your current password.',
  退会する: 'Delete my account',
  退会せずにマイページへ戻る: 'Back to My page without deleting your account',
  退会の確認: 'Confirm account deletion',
  '「OK」を押すと退会し、利用者情報を削除します。この操作は取り消せません。':
    'Select “OK” to delete your account and your details. This cannot be undone.',
  退会の完了: 'Your account has been deleted',
  '退会の手続が完了しました。これまでオンライン手続かわさきをご利用いただき、ありがとうございました。':
    'Your account has been deleted. Thank you for using Online Procedures Kawasaki.',
  '登録されていた利用者情報は削除しました。登録のメールアドレスに、退会手続完了のお知らせをお送りしました。':
    'Your registered details have been deleted. We have sent a confirmation to your registered email address.',
  オンライン手続かわさきのトップページへ: 'Go to the Online Procedures Kawasaki home page',

  // procedures: ログインせずに申請する and the guest's 申請の詳細 (routes/procedures/guest.tsx)
  ログインせずに申請する: 'Apply without signing in',
  'この手続は、利用者登録をせずに申請できます。メールアドレスを入力し、「認証コードを送信する」を押してください。入力したメールアドレスに6桁の認証コードをお送りします。認証コードを入力すると、申請の入力に進みます。':
    'You can apply for this procedure without registering. Enter your email address and select “Send the code”. We will send a 6-digit verification code to that address. Once you enter the code, you can fill in the application.',
  '申請を受け付けると、受付番号と、この申請の状況を確認できるリンクを記載したメールをお送りします。ログインせずに申請した場合、マイページの申請履歴には表示されません。':
    'When we receive your application, we will email you its reference number and a link to follow it. An application made without signing in is not shown in the application history of My page.',
  'この手続は、現在受け付けていません。': 'This procedure is not taking applications at the moment.',
  '利用者登録をしている方は、ログインして申請してください': 'If you are registered, please sign in to apply',
  手続の説明に戻る: 'Back to the procedure',
  'メールに記載された6桁の認証コードを入力し、「認証コードを確認する」を押してください。認証コードを確認すると、申請の入力に進みます。':
    'Enter the 6-digit code from the email and select “Check the code”. Once the code is checked, you can fill in the application.',
  '認証コードの送信から{limit}が経過したため、手続きを終了しました。お手数ですが、もう一度メールアドレスを入力してください。':
    'More than {limit} have passed since the code was sent, so the process has ended. Please enter your email address again.',
  '認証コードを5回間違えたため、手続きを終了しました。お手数ですが、もう一度メールアドレスを入力してください。':
    'The code was entered wrongly 5 times, so the process has ended. Please enter your email address again.',
  '手続きが見つかりません。お手数ですが、もう一度メールアドレスを入力してください。':
    'We could not find your application process. Please enter your email address again.',
  申請の詳細: 'Application details',
  手続名: 'Procedure',
  受付番号: 'Reference number',
  申請日時: 'Sent on',
  取下げる: 'Withdraw',
  申請内容: 'Your answers',
  状況の履歴: 'History',
  '市からのメッセージ：': 'Message from the city: ',
  'この申請は、ログインせずに申請されたものです。受付のメールに記載されたリンクから、いつでもこの画面を開くことができます。':
    'This application was made without signing in. You can open this page at any time from the link in the email confirming we received it.',
  申請の取下げ: 'Withdraw the application',
  '「{name}」の申請（受付番号 {ref}）を取り下げます。取り下げた申請は元に戻せません。よろしいですか。':
    'You are about to withdraw your application for “{name}” (reference number {ref}). A withdrawn application cannot be restored. Do you want to continue?',
  取り下げずに申請の詳細へ戻る: 'Back to the application details without withdrawing',
  '申請を取り下げました。': 'Your application has been withdrawn.',
};
