/**
 * The online procedures (issue 13) end to end in Chromium, through the real screens found by the
 * names in shared/spec/procedures.md, with JavaScript on and off, reading every mail from a real
 * SMTP server: a resident applies with a photo, the staff return the application (差し戻し) with
 * 場所 marked, the resident corrects and resends, the staff see what changed and complete it;
 * a withdrawal (取下げる, with its dialog or its confirm page); a draft resumed after signing out
 * and in. The guest's journey: procedures-guest.test.ts; axe on every page: procedures-axe.test.ts.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { type Page } from '@playwright/test';
import { RESIDENT_PASSWORD } from '../support/back-office-harness.js';
import { TestClock } from '../support/clock.js';
import { fileOf, proceduresHarness } from '../support/procedures-harness.js';
import { signInResident, signInStaff } from '../support/sign-in.js';
import { REFERENCE, h1, pwExpect, useProcedureBrowser } from '../support/procedures-e2e.js';

const started = useProcedureBrowser();
const { newPage, takeMail } = started;

const PHOTO = { name: 'pothole.png', mimeType: 'image/png', buffer: Buffer.from(fileOf('png', 4096)) };

/** The state shown on 申請の詳細 (or the first one of a list). */
const stateOf = (page: Page) => page.locator('main .tag--state').first();

describe.each([
  { js: true, mode: 'JavaScript on' },
  { js: false, mode: 'JavaScript off' },
])('issue 13 in Chromium, $mode', ({ js }) => {
  const tag = js ? 'js' : 'nojs';

  it('a resident reports with a photo; the staff return it, the resident corrects and resends, the staff complete it; every state seen and mailed', async () => {
    const email = `road.${tag}@example.jp`;
    const page = await newPage(js);
    await signInResident(started.app, page, { email });

    // Find: home → キーワード (kana) → 検索 → the procedure's page → 申請する.
    await page.goto(started.app.url);
    await page.getByRole('search').getByLabel('キーワード').fill('どうろ');
    await page.getByRole('search').getByRole('button', { name: '検索' }).click();
    await page.waitForURL('**/procedures?q=*');
    await pwExpect(h1(page)).toHaveText('手続一覧');
    await page.getByRole('link', { name: '道路・公園の損傷の通報' }).click();
    await pwExpect(h1(page)).toHaveText('道路・公園の損傷の通報');
    await page.getByRole('button', { name: '申請する', exact: true }).click();
    await page.waitForURL(/\/applications\/[0-9a-f-]{36}\/pages\/place$/);
    const applicationId = new URL(page.url()).pathname.split('/')[2] ?? '';

    // 場所と状況: 次へ with nothing chosen shows the errors; then radio, text and textarea.
    await pwExpect(page.getByRole('heading', { level: 2, name: '場所と状況' })).toBeVisible();
    await page.getByLabel('損傷の状況').fill('歩道に穴があいています。\n幅30cmほど。');
    await page.getByRole('button', { name: '次へ' }).click();
    await pwExpect(page).toHaveTitle(/^エラー：道路・公園の損傷の通報/);
    await pwExpect(page.getByRole('alert')).toContainText('場所');
    await pwExpect(page.getByLabel('損傷の状況')).toHaveValue('歩道に穴があいています。\n幅30cmほど。');
    await page.getByRole('group', { name: '場所の種類' }).getByLabel('道路').check();
    await page.getByLabel('場所', { exact: true }).fill('中原区小杉町3丁目の交差点付近');
    await page.getByRole('button', { name: '次へ' }).click();

    // 写真: a real PNG chosen, then 添付する; the page shows it.
    await page.waitForURL('**/pages/photos');
    await pwExpect(page.getByText('添付されたファイルはありません。')).toBeVisible();
    await page.getByLabel('ファイルを選択').setInputFiles(PHOTO);
    await page.getByRole('button', { name: '添付する' }).click();
    await pwExpect(page.getByText('pothole.png（4 KB）')).toBeVisible();
    await pwExpect(page.getByRole('button', { name: /^削除\s?：pothole\.png$/ })).toBeVisible();
    await page.getByRole('button', { name: '次へ' }).click();

    // 通報者: prefilled from 利用者情報.
    await page.waitForURL('**/pages/reporter');
    await pwExpect(page.getByLabel('姓', { exact: true })).toHaveValue('川崎');
    await pwExpect(page.getByLabel('メールアドレス')).toHaveValue(email);
    await page.getByRole('button', { name: '次へ' }).click();

    // 申請内容の確認, and one 変更 round trip back to it.
    await page.waitForURL('**/review');
    await pwExpect(h1(page)).toHaveText('申請内容の確認');
    await pwExpect(page.locator('main')).toContainText('中原区小杉町3丁目の交差点付近');
    await pwExpect(page.locator('main')).toContainText('pothole.png');
    await page.getByRole('link', { name: /^変更\s?（場所）$/ }).click();
    await page.waitForURL('**/pages/place?return=review*');
    await pwExpect(page.getByLabel('場所', { exact: true })).toHaveValue('中原区小杉町3丁目の交差点付近');
    await page.getByLabel('場所', { exact: true }).fill('中原区小杉町3丁目 交差点の北側');
    await page.getByRole('button', { name: '次へ' }).click();
    await page.waitForURL('**/review');
    await pwExpect(page.locator('main')).toContainText('中原区小杉町3丁目 交差点の北側');

    // 申請する → 申請の完了 with the 受付番号; the mail brings it.
    await page.getByRole('button', { name: '申請する' }).click();
    await page.waitForURL(`**/applications/${applicationId}/complete`);
    await pwExpect(h1(page)).toHaveText('申請の完了');
    const ref = (await page.locator('[data-reference-number]').getAttribute('data-reference-number')) ?? '';
    expect(ref).toMatch(REFERENCE);
    await pwExpect(page.locator('.reference-number')).toHaveText(ref);
    const received = await takeMail(email, `申請を受け付けました（受付番号 ${ref}）`);
    expect(received.text).toContain('「道路・公園の損傷の通報」の申請を受け付けました。');
    expect(received.text).toContain('中原区小杉町3丁目 交差点の北側');
    // (the link's origin is BASE_URL, which the test app leaves at its default)
    expect(received.text).toMatch(new RegExp(`^https?://\\S+/mypage/applications/${applicationId}$`, 'm'));

    // The resident sees 送信済 in 申請履歴 (マイページ → 申請履歴).
    await page.goto(`${started.app.url}/mypage`);
    await page.getByRole('link', { name: 'すべて見る' }).click();
    await pwExpect(h1(page)).toHaveText('申請履歴');
    const row = page.getByRole('row').filter({ hasText: ref });
    await pwExpect(row).toContainText('道路・公園の損傷の通報');
    await pwExpect(row).toContainText('送信済');

    // The staff, in their own browser: 申請一覧 → the application; the photo downloads.
    const staff = await newPage(js);
    await signInStaff(started.app, staff.context(), `road.staff.${tag}@city.example.jp`);
    await staff.goto(`${started.app.url}/admin`);
    await staff.getByRole('link', { name: '申請一覧' }).click();
    await pwExpect(h1(staff)).toHaveText('申請一覧');
    await staff.getByRole('link', { name: ref }).click();
    await pwExpect(h1(staff)).toHaveText('申請の詳細');
    const [download] = await Promise.all([
      staff.waitForEvent('download'),
      staff.getByRole('link', { name: 'pothole.png' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('pothole.png');
    expect(new Uint8Array(await readFile((await download.path()) ?? ''))).toEqual(fileOf('png', 4096));

    // 処理を開始する: 処理中, mailed and seen.
    await staff.getByRole('button', { name: '処理を開始する' }).click();
    await pwExpect(staff.getByText('処理を開始しました。申請者にメールで知らせました。')).toBeVisible();
    await takeMail(email, `「処理中」になりました（受付番号 ${ref}）`);
    await row.getByRole('link', { name: ref }).click();
    await pwExpect(h1(page)).toHaveText('申請の詳細');
    await pwExpect(stateOf(page)).toHaveText('処理中');

    // 差し戻す with a reason and 場所 marked.
    const reason = '場所を、近くの建物名や電柱の番号で詳しく教えてください。';
    await staff.getByLabel('差し戻しの理由').fill(reason);
    await staff.getByRole('group', { name: '修正を求める項目' }).getByLabel('場所', { exact: true }).check();
    await staff.getByRole('button', { name: '差し戻す' }).click();
    await pwExpect(staff.getByText('申請を差し戻しました。申請者にメールで知らせました。')).toBeVisible();
    const returned = await takeMail(email, `「差し戻し」になりました（受付番号 ${ref}）`);
    expect(returned.text).toContain(reason);
    expect(returned.text).toContain('・場所');

    // マイページ → 申請履歴 → 申請の詳細: 差し戻し, the reason, 修正して再申請する.
    await page.goto(`${started.app.url}/mypage`);
    await page.getByRole('link', { name: 'すべて見る' }).click();
    await pwExpect(row).toContainText('差し戻し');
    await row.getByRole('link', { name: ref }).click();
    await pwExpect(stateOf(page)).toHaveText('差し戻し');
    const why = page.getByRole('region', { name: '差し戻しの理由' });
    await pwExpect(why).toContainText(reason);
    await pwExpect(why.getByRole('listitem')).toHaveText(['場所']);
    await why.getByRole('link', { name: '修正して再申請する' }).click();
    await pwExpect(h1(page)).toHaveText('修正して再申請する');
    await pwExpect(page.locator('main')).toContainText(reason);
    // Only the marked field is an input; the others are shown as they were.
    await pwExpect(page.getByRole('textbox')).toHaveCount(1);
    await pwExpect(page.locator('main')).toContainText('歩道に穴があいています。');
    await page.getByLabel('場所', { exact: true }).fill('中原区小杉町3丁目1番 電柱番号 小杉123');
    await page.getByRole('button', { name: '再申請する' }).click();
    await page.waitForURL(`**/mypage/applications/${applicationId}`);
    await pwExpect(stateOf(page)).toHaveText('送信済');
    const resent = await takeMail(email, `申請を受け付けました（受付番号 ${ref}）`);
    expect(resent.text).toContain('修正された申請を受け付けました');
    expect(resent.text).toContain('中原区小杉町3丁目1番 電柱番号 小杉123');

    // The staff see what changed (before → after), then 処理を開始する and 処理を完了する.
    await staff.reload();
    const changes = staff.getByRole('table', { name: '第2版で変更された項目' });
    const changed = changes.getByRole('row').filter({ has: staff.getByRole('rowheader', { name: '場所' }) });
    await pwExpect(changed.getByRole('cell')).toHaveText([
      '中原区小杉町3丁目 交差点の北側',
      '中原区小杉町3丁目1番 電柱番号 小杉123',
    ]);
    await staff.getByRole('button', { name: '処理を開始する' }).click();
    await pwExpect(staff.getByText('処理を開始しました。申請者にメールで知らせました。')).toBeVisible();
    await takeMail(email, `「処理中」になりました（受付番号 ${ref}）`);
    await page.reload();
    await pwExpect(stateOf(page)).toHaveText('処理中');
    const message = '現地を確認し、12月10日に補修しました。ご連絡ありがとうございました。';
    await staff.getByLabel('申請者へのメッセージ').fill(message);
    await staff.getByRole('button', { name: '処理を完了する' }).click();
    await pwExpect(staff.getByText('処理を完了しました。申請者にメールで知らせました。')).toBeVisible();
    const completed = await takeMail(email, `「処理完了」になりました（受付番号 ${ref}）`);
    expect(completed.text).toContain(message);

    // The resident sees 処理完了 and the city's message in the history of states.
    await page.reload();
    await pwExpect(stateOf(page)).toHaveText('処理完了');
    await pwExpect(page.getByRole('region', { name: '状態の履歴' })).toContainText(message);
    await pwExpect(page.getByRole('link', { name: '修正して再申請する' })).toHaveCount(0);
    // The applicant downloads their own photo too.
    const [own] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'pothole.png' }).click(),
    ]);
    expect(own.suggestedFilename()).toBe('pothole.png');
  });

  it('a resident withdraws a sent application (取下げる, confirmed); 取下げ is shown and mailed', async () => {
    const email = `withdraw.${tag}@example.jp`;
    const page = await newPage(js);
    const userId = await signInResident(started.app, page, { email });
    // The application sent through the use cases (the screens to send one are the test above).
    const h = proceduresHarness(started.app.database, { clock: new TestClock(new Date()) });
    const { id, referenceNumber: ref } = await h.submitted({ userId }, 'resident-certificate-by-mail');
    await takeMail(email, `申請を受け付けました（受付番号 ${ref}）`);

    await page.goto(`${started.app.url}/mypage/applications`);
    await page.getByRole('row').filter({ hasText: ref }).getByRole('link', { name: ref }).click();
    await pwExpect(h1(page)).toHaveText('申請の詳細');
    await pwExpect(stateOf(page)).toHaveText('送信済');
    await page.getByRole('button', { name: '取下げる' }).click();
    if (js) {
      // The dialog: キャンセル keeps the application; 取下げる in the dialog withdraws it.
      const dialog = page.getByRole('dialog');
      await pwExpect(dialog).toContainText('この申請を取り下げます。よろしいですか？');
      await dialog.getByRole('button', { name: 'キャンセル' }).click();
      await pwExpect(dialog).toBeHidden();
      await pwExpect(stateOf(page)).toHaveText('送信済');
      await page.getByRole('button', { name: '取下げる' }).click();
      await page.getByRole('dialog').getByRole('button', { name: '取下げる' }).click();
    } else {
      // Without JavaScript, the question is a page of its own.
      await pwExpect(h1(page)).toHaveText('申請の取下げ');
      await pwExpect(page.locator('main')).toContainText('この申請を取り下げます。よろしいですか？');
      await pwExpect(page.locator('main')).toContainText(`受付番号 ${ref} の申請を取り下げます。`);
      await page.getByRole('button', { name: '取下げる' }).click();
    }
    await page.waitForURL(`**/mypage/applications/${id}?done=withdrawn`);
    await pwExpect(page.getByText('申請を取り下げました。')).toBeVisible();
    await pwExpect(stateOf(page)).toHaveText('取下げ');
    await pwExpect(page.getByRole('button', { name: '取下げる' })).toHaveCount(0);
    await takeMail(email, `「取下げ」になりました（受付番号 ${ref}）`);
  });

  it('a draft kept with 一時保存する is resumed after signing out and in, with what was typed', async () => {
    const email = `draft.${tag}@example.jp`;
    const page = await newPage(js);
    await signInResident(started.app, page, { email });
    await page.goto(`${started.app.url}/procedures/road-park-damage-report`);
    await page.getByRole('button', { name: '申請する', exact: true }).click();
    await page.waitForURL('**/pages/place');
    await page.getByRole('group', { name: '場所の種類' }).getByLabel('公園').check();
    await page.getByLabel('場所', { exact: true }).fill('等々力緑地 南側の遊具広場');
    await page.getByLabel('損傷の状況').fill('すべり台の手すりが外れかけています。');
    await page.getByRole('button', { name: '一時保存する' }).click();
    await page.waitForURL('**/pages/place?saved=1');
    await pwExpect(
      page.getByText(/^入力内容を一時保存しました。\d{4}年\d{1,2}月\d{1,2}日まで保存されます。/),
    ).toBeVisible();

    await page
      .getByRole('navigation', { name: 'アカウント' })
      .getByRole('button', { name: 'ログアウト' })
      .click();
    await page.waitForURL((url) => url.pathname === '/');
    await page.goto(`${started.app.url}/login`);
    await page.locator('#email').fill(email);
    await page.locator('#password').fill(RESIDENT_PASSWORD);
    await page.locator('form[action="/login"] button[type="submit"]').click();
    await page.waitForURL('**/mypage');

    const drafts = page.getByRole('region', { name: '一時保存中の申請' });
    await pwExpect(drafts).toContainText('道路・公園の損傷の通報');
    await pwExpect(drafts).toContainText('保存期限');
    await drafts.getByRole('link', { name: /^再開する\s?（道路・公園の損傷の通報）$/ }).click();
    // Every page can be complete (photos are optional, 通報者 is prefilled): the draft opens at its
    // first incomplete page, here 申請内容の確認, with what was typed; 変更 shows it in the inputs.
    await page.waitForURL('**/review');
    await pwExpect(page.locator('main')).toContainText('等々力緑地 南側の遊具広場');
    await page.getByRole('link', { name: /^変更\s?（損傷の状況）$/ }).click();
    await pwExpect(page.getByRole('group', { name: '場所の種類' }).getByLabel('公園')).toBeChecked();
    await pwExpect(page.getByLabel('場所', { exact: true })).toHaveValue('等々力緑地 南側の遊具広場');
    await pwExpect(page.getByLabel('損傷の状況')).toHaveValue('すべり台の手すりが外れかけています。');
  });
});
