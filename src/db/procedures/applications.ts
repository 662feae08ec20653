/**
 * ProcedureStore on PostgreSQL: applications (drafts included), their append-only events and
 * attachments, the versions of definitions and the 手続管理 settings. Every transition is one
 * transaction: a conditional UPDATE (state and revision as read), its event and its mail.
 */
import { and, asc, desc, eq, gte, inArray, lt, lte, ne, sql, type SQL } from 'drizzle-orm';
import type {
  ApplicationEventRecord,
  ApplicationRecord,
  AttachmentMeta,
  NewEvent,
  ProcedureStore,
  SubmitOutcome,
} from '../../app/procedures/ports.js';
import { OPEN_STATES } from '../../domain/procedures/states.js';
import type { Db } from '../shared/client.js';
import { isUniqueViolation } from '../shared/errors.js';
import { outboxRow } from '../shared/outbox.js';
import { deleteInBatches } from '../shared/sweep.js';
import {
  applicationAttachments,
  applicationEvents,
  applications,
  mailOutbox,
  procedureSettings,
  procedureVersions,
} from '../schema/index.js';
import { isUuid } from '../../domain/ids.js';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

const attachmentColumns = {
  id: applicationAttachments.id,
  applicationId: applicationAttachments.applicationId,
  fieldId: applicationAttachments.fieldId,
  fileName: applicationAttachments.fileName,
  mediaType: applicationAttachments.mediaType,
  size: applicationAttachments.size,
  revision: applicationAttachments.revision,
  createdAt: applicationAttachments.createdAt,
};

const eventRow = (applicationId: string, e: NewEvent) => ({ applicationId, ...e });

const openStates = OPEN_STATES as ('submitted' | 'in_progress' | 'returned')[];

export function procedureStore(db: Db): ProcedureStore {
  const insertEvent = (tx: Tx | Db, applicationId: string, e: NewEvent) =>
    tx.insert(applicationEvents).values(eventRow(applicationId, e));
  // マイページ reads this on every view: prepared once per connection under a name, without the answers.
  const ofUserStatement = db
    .select({
      id: applications.id,
      referenceNumber: applications.referenceNumber,
      procedureId: applications.procedureId,
      state: applications.state,
      createdAt: applications.createdAt,
      submittedAt: applications.submittedAt,
      draftExpiresAt: applications.draftExpiresAt,
    })
    .from(applications)
    .where(eq(applications.userId, sql.placeholder('userId')))
    .orderBy(desc(applications.createdAt))
    .prepare('applications_of_user');

  return {
    async settings() {
      const rows = await db.select().from(procedureSettings);
      return new Map(rows.map((r) => [r.procedureId, r]));
    },

    async setAccepting(procedureId, accepting, staffId, now) {
      await db
        .insert(procedureSettings)
        .values({ procedureId, accepting, changedByStaffId: staffId, changedAt: now })
        .onConflictDoUpdate({
          target: procedureSettings.procedureId,
          set: { accepting, changedByStaffId: staffId, changedAt: now },
        });
    },

    async versions(procedureId) {
      return db
        .select({
          version: procedureVersions.version,
          procedureId: procedureVersions.procedureId,
          createdAt: procedureVersions.createdAt,
        })
        .from(procedureVersions)
        .where(eq(procedureVersions.procedureId, procedureId))
        .orderBy(desc(procedureVersions.createdAt));
    },

    async versionDefinition(version) {
      const [row] = await db
        .select({ definition: procedureVersions.definition })
        .from(procedureVersions)
        .where(eq(procedureVersions.version, version));
      return row?.definition ?? null;
    },

    async createDraft(input) {
      try {
        const [row] = await db
          .insert(applications)
          .values({
            procedureId: input.procedureId,
            userId: input.userId,
            guestEmail: input.guestEmail,
            onePerPerson: input.onePerPerson,
            state: 'draft',
            answers: input.answers,
            createdAt: input.now,
            lastSavedAt: input.now,
            draftExpiresAt: input.expiresAt,
          })
          .returning({ id: applications.id });
        return { ok: true, id: (row as { id: string }).id };
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        const existing = input.userId
          ? await db
              .select({ id: applications.id })
              .from(applications)
              .where(
                and(
                  eq(applications.userId, input.userId),
                  eq(applications.procedureId, input.procedureId),
                  inArray(applications.state, ['draft', ...openStates]),
                ),
              )
          : [];
        return { ok: false, problem: 'one_per_person', existingId: existing[0]?.id ?? null };
      }
    },

    async find(id) {
      if (!isUuid(id)) return null;
      const [row] = await db.select().from(applications).where(eq(applications.id, id));
      return row ? toRecord(row) : null;
    },

    async saveDraft(id, answers, now, expiresAt) {
      const saved = await db
        .update(applications)
        .set({ answers, lastSavedAt: now, draftExpiresAt: expiresAt })
        .where(and(eq(applications.id, id), eq(applications.state, 'draft')))
        .returning({ id: applications.id });
      return saved.length === 1;
    },

    async deleteDraft(id) {
      const gone = await db
        .delete(applications)
        .where(and(eq(applications.id, id), eq(applications.state, 'draft')))
        .returning({ id: applications.id });
      return gone.length === 1;
    },

    async submit(input): Promise<SubmitOutcome> {
      try {
        return await db.transaction(async (tx) => {
          await tx
            .insert(procedureVersions)
            .values({
              version: input.version,
              procedureId: input.procedureId,
              definition: input.definition,
              createdAt: input.now,
            })
            .onConflictDoNothing({ target: procedureVersions.version });
          // The one conditional write: a second submit waits for the first's row lock, then finds
          // the application no longer a draft and changes nothing.
          const moved = await tx
            .update(applications)
            .set({
              state: 'submitted',
              referenceNumber: input.referenceNumber,
              version: input.version,
              answers: input.answers,
              submittedAt: input.now,
              lastSavedAt: input.now,
              draftExpiresAt: null,
            })
            .where(and(eq(applications.id, input.id), eq(applications.state, 'draft')))
            .returning({ id: applications.id });
          if (moved.length === 0) {
            const [row] = await tx
              .select({ referenceNumber: applications.referenceNumber })
              .from(applications)
              .where(eq(applications.id, input.id));
            if (row?.referenceNumber)
              return { outcome: 'already_submitted' as const, referenceNumber: row.referenceNumber };
            return { outcome: 'not_found' as const };
          }
          await tx
            .delete(applicationAttachments)
            .where(
              and(
                eq(applicationAttachments.applicationId, input.id),
                input.keptAttachmentIds.length > 0
                  ? sql`not (${applicationAttachments.id} = any(${sql.param(input.keptAttachmentIds)}::uuid[]))`
                  : sql`true`,
              ),
            );
          await insertEvent(tx, input.id, input.event);
          await tx.insert(mailOutbox).values(outboxRow(input.mail, input.now));
          return { outcome: 'submitted' as const, referenceNumber: input.referenceNumber };
        });
      } catch (error) {
        if (isUniqueViolation(error)) return { outcome: 'reference_taken' };
        throw error;
      }
    },

    async transition(input) {
      return db.transaction(async (tx) => {
        const moved = await tx
          .update(applications)
          .set({ ...input.set, lastSavedAt: input.now })
          .where(
            and(
              eq(applications.id, input.id),
              eq(applications.state, input.fromState),
              eq(applications.revision, input.fromRevision),
            ),
          )
          .returning({ id: applications.id });
        if (moved.length === 0) return false;
        await insertEvent(tx, input.id, input.event);
        if (input.mail) await tx.insert(mailOutbox).values(outboxRow(input.mail, input.now));
        return true;
      });
    },

    async addEvent(applicationId, event) {
      await insertEvent(db, applicationId, event);
    },

    async events(applicationId) {
      if (!isUuid(applicationId)) return [];
      const rows = await db
        .select()
        .from(applicationEvents)
        .where(eq(applicationEvents.applicationId, applicationId))
        .orderBy(asc(applicationEvents.id));
      return rows.map((r): ApplicationEventRecord => ({
        id: r.id,
        at: r.at,
        actor: r.actor,
        staffId: r.staffId,
        action: r.action,
        fromState: r.fromState,
        toState: r.toState,
        message: r.message,
        visibleToApplicant: r.visibleToApplicant,
        revision: r.revision,
        changedFields: r.changedFields,
        markedFields: r.markedFields,
        previousAnswers: r.previousAnswers ?? null,
      }));
    },

    async ofUser(userId) {
      if (!isUuid(userId)) return [];
      return ofUserStatement.execute({ userId });
    },

    async hasOpenApplication(userId) {
      const [row] = await db
        .select({ id: applications.id })
        .from(applications)
        .where(and(eq(applications.userId, userId), inArray(applications.state, openStates)))
        .limit(1);
      return row !== undefined;
    },

    async search(filter, page) {
      const where = and(
        sql`${applications.submittedAt} is not null`,
        filter.procedureId ? eq(applications.procedureId, filter.procedureId) : undefined,
        filter.state ? eq(applications.state, filter.state) : undefined,
        filter.referenceNumber ? eq(applications.referenceNumber, filter.referenceNumber) : undefined,
        filter.submittedFrom ? gte(applications.submittedAt, filter.submittedFrom) : undefined,
        filter.submittedBefore ? lt(applications.submittedAt, filter.submittedBefore) : undefined,
      ) as SQL;
      const rows = await db
        .select()
        .from(applications)
        .where(where)
        .orderBy(desc(applications.submittedAt), desc(applications.id))
        .limit(page.limit + 1)
        .offset(page.offset);
      return { rows: rows.slice(0, page.limit).map(toRecord), hasMore: rows.length > page.limit };
    },

    async allOfProcedure(procedureId) {
      const rows = await db
        .select()
        .from(applications)
        .where(and(eq(applications.procedureId, procedureId), sql`${applications.submittedAt} is not null`))
        .orderBy(asc(applications.submittedAt));
      return rows.map(toRecord);
    },

    async addAttachment(input) {
      return db.transaction(async (tx) => {
        // The application's row is the lock: uploads to one application are counted one at a time.
        const [app] = await tx
          .select({ id: applications.id })
          .from(applications)
          .where(eq(applications.id, input.applicationId))
          .for('update');
        if (!app) return { ok: false as const, problem: 'not_found' as const };
        const [used] = await tx
          .select({ bytes: sql<number>`coalesce(sum(${applicationAttachments.size}), 0)::bigint` })
          .from(applicationAttachments)
          .where(eq(applicationAttachments.applicationId, input.applicationId));
        if (Number(used?.bytes ?? 0) + input.content.length > input.maxTotalBytes)
          return { ok: false as const, problem: 'too_large_total' as const };
        const [row] = await tx
          .insert(applicationAttachments)
          .values({
            applicationId: input.applicationId,
            fieldId: input.fieldId,
            fileName: input.fileName,
            mediaType: input.mediaType,
            size: input.content.length,
            content: input.content,
            revision: input.revision,
            createdAt: input.now,
          })
          .returning({ id: applicationAttachments.id });
        return { ok: true as const, id: (row as { id: string }).id };
      });
    },

    async attachments(applicationId): Promise<AttachmentMeta[]> {
      if (!isUuid(applicationId)) return [];
      return db
        .select(attachmentColumns)
        .from(applicationAttachments)
        .where(eq(applicationAttachments.applicationId, applicationId))
        .orderBy(asc(applicationAttachments.createdAt));
    },

    async attachment(id) {
      if (!isUuid(id)) return null;
      const [row] = await db
        .select({ ...attachmentColumns, content: applicationAttachments.content })
        .from(applicationAttachments)
        .where(eq(applicationAttachments.id, id));
      return row ?? null;
    },

    async removeAttachment(applicationId, id) {
      if (!isUuid(applicationId) || !isUuid(id)) return false;
      const gone = await db
        .delete(applicationAttachments)
        .where(
          and(eq(applicationAttachments.id, id), eq(applicationAttachments.applicationId, applicationId)),
        )
        .returning({ id: applicationAttachments.id });
      return gone.length === 1;
    },

    async deleteExpiredDrafts(now) {
      // through applications_draft_expiry_idx; events and attachments go by cascade
      return deleteInBatches(
        db,
        applications,
        applications.id,
        and(sql`${applications.draftExpiresAt} is not null`, lte(applications.draftExpiresAt, now)) as SQL,
        [applications.draftExpiresAt],
      );
    },

    async deleteExpiredRecords(now) {
      return deleteInBatches(
        db,
        applications,
        applications.id,
        and(
          sql`${applications.keepUntil} is not null`,
          lte(applications.keepUntil, now),
          ne(applications.state, 'draft'),
        ) as SQL,
        [applications.keepUntil],
      );
    },
  };
}

function toRecord(row: typeof applications.$inferSelect): ApplicationRecord {
  return {
    id: row.id,
    referenceNumber: row.referenceNumber,
    procedureId: row.procedureId,
    version: row.version,
    userId: row.userId,
    guestEmail: row.guestEmail,
    guestSecretHash: row.guestSecretHash,
    guestLang: row.guestLang,
    state: row.state,
    revision: row.revision,
    answers: row.answers,
    markedFields: row.markedFields,
    createdAt: row.createdAt,
    lastSavedAt: row.lastSavedAt,
    draftExpiresAt: row.draftExpiresAt,
    submittedAt: row.submittedAt,
    closedAt: row.closedAt,
    keepUntil: row.keepUntil,
  };
}
