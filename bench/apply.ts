/**
 * The online procedures (issue 13) under load: 市長への手紙 applied for end to end by signed-in
 * residents, as a browser does it — the procedure's 申請する, 次へ on each page with answers made
 * from the definition's field types (every 303 followed by its GET), then 申請内容の確認's 申請する
 * and 申請の完了. Each virtual user has their own session; the loop is closed.
 */
import { loadProcedures } from '../procedures/index.js';
import { japanToday } from '../src/app/shared/japan-date.js';
import { formInputOf, walkEveryBranch } from '../src/domain/procedures/sample-answers.js';
import { Visitor, formToken } from './client.js';
import { PASSWORD, closedLoop, type FlowResult } from './flows.js';

export const APPLY_PROCEDURE = 'letter-to-mayor';

/** Each page's inputs for one good walk of the procedure, as its form sends them. */
function pagesToSend(procedureId: string): { page: string; input: Record<string, string> }[] {
  const def = loadProcedures().find((d) => d.id === procedureId);
  if (!def) throw new Error(`no procedure ${procedureId}`);
  const walk = walkEveryBranch(def, japanToday(new Date()))[0];
  if (!walk) throw new Error(`no walk of ${procedureId}`);
  return walk.pages.map((pageId) => {
    const input: Record<string, string> = { action: 'next' };
    for (const field of def.pages.find((p) => p.id === pageId)?.fields ?? []) {
      const answer = walk.answers[field.id];
      if (answer === undefined || field.type === 'file') continue;
      for (const [name, value] of Object.entries(formInputOf(field, answer))) {
        if (typeof value !== 'string') throw new Error(`${procedureId}.${field.id}: not a single value`);
        input[name] = value;
      }
    }
    return { page: pageId, input };
  });
}

/** A resident signed in through ログイン, with their form token. */
export async function signedInVisitor(base: string, address: string): Promise<{ v: Visitor; token: string }> {
  const v = new Visitor(base);
  const page = await v.get('/login');
  const reply = await v.post('/login', formToken(page.html), { email: address, password: PASSWORD });
  if (reply.via !== '/mypage' || reply.status !== 200) throw new Error(`sign-in: got ${reply.status}`);
  return { v, token: formToken(reply.html) };
}

/** One application from 申請する to 申請の完了; returns its path. */
export async function applyOnce(
  v: Visitor,
  token: string,
  pages: { page: string; input: Record<string, string> }[],
): Promise<string> {
  const started = await v.post(`/procedures/${APPLY_PROCEDURE}/apply`, token, {});
  const id = /^\/applications\/([0-9a-f-]{36})\/pages\//.exec(started.via)?.[1];
  if (!id || started.status !== 200) throw new Error(`申請する: got ${started.status} at ${started.via}`);
  for (const { page, input } of pages) {
    const next = await v.post(`/applications/${id}/pages/${page}`, token, input);
    if (next.status !== 200 || next.via === `/applications/${id}/pages/${page}`)
      throw new Error(`次へ on ${page}: got ${next.status}`);
  }
  const done = await v.post(`/applications/${id}/review`, token, { declaration: 'yes' });
  if (done.status !== 200 || !done.via.endsWith('/complete')) throw new Error(`申請する: got ${done.status}`);
  return done.via;
}

/** `users` residents (of `addresses`) applying again and again for `seconds`. */
export async function applyLoad(
  base: string,
  addresses: string[],
  users: number,
  seconds: number,
): Promise<FlowResult> {
  if (addresses.length === 0) throw new Error('no registered users to apply');
  const pages = pagesToSend(APPLY_PROCEDURE);
  const free = await Promise.all(
    Array.from({ length: users }, (_, i) => signedInVisitor(base, addresses[i % addresses.length] as string)),
  );
  return closedLoop(users, seconds, async () => {
    const me = free.pop();
    if (!me) throw new Error('no free visitor');
    try {
      await applyOnce(me.v, me.token, pages);
    } finally {
      free.push(me);
    }
    return null;
  });
}
