/**
 * The procedures' use cases (issue 13) on a real test database: the app's wiring (testWiring) with a
 * user inserted directly, staff as bare ids (events keep a staff id without a reference), files of
 * each kind, and the mail and event look-ups the tests read.
 */
import { randomUUID } from 'node:crypto';
import { asc, eq } from 'drizzle-orm';
import type { Applicant, StaffActor, UserApplicant } from '../../src/app/procedures/procedures.js';
import { applicationEvents, applications, mailOutbox } from '../../src/db/schema/index.js';
import { MB } from '../../src/domain/procedures/fields/file.js';
import type { Answer, FileMeta, FormInput } from '../../src/domain/procedures/fields/types.js';
import { formInputOf, walkEveryBranch, type Walk } from '../../src/domain/procedures/sample-answers.js';
import { japanToday } from '../../src/app/shared/japan-date.js';
import { insertUser } from './back-office-harness.js';
import type { TestDatabase } from './databases.js';
import { testWiring, type TestWiringOptions } from './wiring.js';

/** Minimal files whose first bytes say what they are, padded to `size` bytes. */
/** A 1×1 PNG as a camera would save it (signature, IHDR, IDAT, IEND). */
const PNG_1X1 = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

/** A file of a kind, padded with zeros to `size` bytes (after its end, where readers ignore them). */
export function fileOf(kind: 'pdf' | 'jpeg' | 'png' | 'text', size = 1024): Uint8Array {
  const head = {
    pdf: [...Buffer.from('%PDF-1.7\n')],
    jpeg: [0xff, 0xd8, 0xff, 0xe0],
    png: [...PNG_1X1],
    text: [...Buffer.from('just some text, not an image')],
  }[kind];
  const bytes = new Uint8Array(Math.max(size, head.length));
  bytes.set(head);
  return bytes;
}

export { MB };

export function proceduresHarness(
  database: TestDatabase,
  options: TestWiringOptions & {
    procedureRandomBytes?: (n: number) => Uint8Array;
  } = {},
) {
  const w = testWiring(database, options);
  const { db } = w;

  /** A resident (inserted as registration leaves one); their Applicant. */
  async function resident(
    email = `taro.${randomUUID().slice(0, 8)}@example.jp`,
  ): Promise<UserApplicant & { email: string }> {
    const userId = await insertUser(database, { email }, w.clock.now());
    return { userId, email };
  }

  const staff = (): StaffActor => ({ staffId: randomUUID() });

  /** Every queued or sent mail, oldest first. */
  const mails = () => db.select().from(mailOutbox).orderBy(asc(mailOutbox.id));
  const mailsTo = async (to: string) => (await mails()).filter((m) => m.toAddress === to);

  const events = (applicationId: string) =>
    db
      .select()
      .from(applicationEvents)
      .where(eq(applicationEvents.applicationId, applicationId))
      .orderBy(asc(applicationEvents.id));

  const applicationRows = () => db.select().from(applications);

  /** The walks of a procedure's form through every branch, with answers generated for today. */
  function walks(procedureId: string): Walk[] {
    const form = w.procedures.form(procedureId);
    if (!form) throw new Error(`no procedure ${procedureId}`);
    return walkEveryBranch(form.definition, japanToday(w.clock.now()));
  }

  /**
   * Fills a draft page by page through the use cases (次へ) with a walk's answers, uploading real
   * files for file fields; returns the pages visited. Throws on any page error.
   */
  async function fill(applicant: Applicant, applicationId: string, walk: Walk): Promise<string[]> {
    const d = await w.procedures.draft(applicant, applicationId);
    if (!d) throw new Error('no draft');
    const { form } = d;
    const visited: string[] = [];
    let page: string | null = form.firstPage();
    while (page !== null) {
      visited.push(page);
      const current = await w.procedures.draft(applicant, applicationId);
      const fields =
        form.visiblePage((current?.application.answers ?? {}) as Record<string, Answer>, page)?.fields ?? [];
      let input: FormInput = {};
      for (const f of fields) {
        const answer = walk.answers[f.id];
        if (answer === undefined) continue;
        if (f.type === 'file') {
          const files: FileMeta[] = [];
          for (const meta of answer as FileMeta[]) {
            const kind =
              meta.mediaType === 'application/pdf' ? 'pdf' : meta.mediaType === 'image/png' ? 'png' : 'jpeg';
            const added = await w.procedures.addAttachment(applicant, applicationId, f.id, {
              name: meta.name,
              content: fileOf(kind, 2048),
            });
            if (!added.ok) throw new Error(`upload refused: ${added.problem}`);
            files.push(added.file);
          }
          input = { ...input, [f.id]: files };
        } else input = { ...input, ...formInputOf(f, answer as Answer) };
      }
      const r = await w.procedures.nextPage(applicant, applicationId, page, input);
      if (!r.ok) throw new Error(`page ${page}: ${JSON.stringify(r)}`);
      page = r.next;
    }
    return visited;
  }

  /** A new draft of a procedure filled with its first walk's answers and sent; its id and 受付番号. */
  async function submitted(applicant: Applicant, procedureId: string, walkIndex = 0) {
    const started = await w.procedures.startDraft(applicant, procedureId);
    if (!started.ok) throw new Error(`not started: ${started.problem}`);
    const walk = walks(procedureId)[walkIndex];
    if (!walk) throw new Error('no such walk');
    await fill(applicant, started.applicationId, walk);
    const sent = await w.procedures.submit(applicant, started.applicationId);
    if (!sent.ok) throw new Error(`not sent: ${JSON.stringify(sent)}`);
    return { id: started.applicationId, referenceNumber: sent.referenceNumber };
  }

  return { ...w, resident, staff, mails, mailsTo, events, applicationRows, walks, fill, submitted };
}

export type ProceduresHarness = ReturnType<typeof proceduresHarness>;
