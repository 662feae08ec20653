/**
 * The dashboard and the audit log screen: registrations per day, counts, opt-in rate, mail, pending
 * registrations, recent events; the CSV of counts per day. Counts only — no personal data.
 */
import { maskEmail } from '../../domain/email.js';
import type { AuditLog, Clock } from '../shared/ports.js';
import type { RequestMeta } from '../shared/request-meta.js';
import type { StaffMember } from './staff.js';
import type {
  AuditFilter,
  AuditReader,
  AuditRecord,
  DailyCount,
  DashboardStats,
  DashboardStore,
} from './ports.js';

export const AUDIT_PER_PAGE = 50;
export const CHART_DAYS = 30;
export const CSV_MAX_DAYS = 366;

export type DashboardDeps = {
  dashboard: DashboardStore;
  auditReader: AuditReader;
  audit: AuditLog;
  clock: Clock;
  registrationTtlSeconds: number;
};

/** YYYY-MM-DD in Japan, `offset` days from `now`. */
export function jstDay(now: Date, offset = 0): string {
  return new Date(now.getTime() + 9 * 3600 * 1000 + offset * 86400 * 1000).toISOString().slice(0, 10);
}

/**
 * Lists of entries (ダッシュボード, 監査ログ, a user's trail) name the user by their address masked, as
 * the entries' own details are: the whole address is on 利用者情報, whose every opening is audited.
 */
export function maskedUsers(rows: AuditRecord[]): AuditRecord[] {
  return rows.map((r) => (r.userEmail === null ? r : { ...r, userEmail: maskEmail(r.userEmail) }));
}

export function dashboardUseCases(deps: DashboardDeps) {
  const { clock } = deps;

  /** One row for every day of the last `days` days (today included), zeros filled in. */
  async function perDay(days: number): Promise<DailyCount[]> {
    const now = clock.now();
    const from = jstDay(now, -(days - 1));
    const to = jstDay(now, 1);
    const found = new Map((await deps.dashboard.registrationsPerDay(from, to)).map((r) => [r.day, r]));
    return Array.from({ length: days }, (_, i) => {
      const day = jstDay(now, i - (days - 1));
      return found.get(day) ?? { day, individual: 0, business: 0 };
    });
  }

  return {
    async overview(): Promise<{
      now: Date;
      days: DailyCount[];
      stats: DashboardStats;
      recent: AuditRecord[];
      registrationTtlSeconds: number;
    }> {
      const now = clock.now();
      const [days, stats, recent] = await Promise.all([
        perDay(CHART_DAYS),
        deps.dashboard.stats(now, deps.registrationTtlSeconds),
        deps.auditReader.list({}, 10, 0),
      ]);
      return {
        now,
        days,
        stats,
        recent: maskedUsers(recent.rows),
        registrationTtlSeconds: deps.registrationTtlSeconds,
      };
    },

    /** 日付,個人,事業者,合計 per day, with a BOM so that spreadsheet programs read it as UTF-8. */
    async csv(
      days: number,
      actor: StaffMember,
      meta: RequestMeta,
    ): Promise<{ filename: string; body: string }> {
      const n = Math.min(CSV_MAX_DAYS, Math.max(1, Math.floor(days) || CHART_DAYS));
      const rows = await perDay(n);
      const lines = [
        '日付,個人,事業者,合計',
        ...rows.map((r) => `${r.day},${r.individual},${r.business},${r.individual + r.business}`),
      ];
      const now = clock.now();
      await deps.audit.record(
        { action: 'dashboard.csv_exported', staffId: actor.id, ...meta, detail: { days: n } },
        now,
      );
      return { filename: `registrations-${jstDay(now)}.csv`, body: `\uFEFF${lines.join('\r\n')}\r\n` };
    },

    async audit(filter: AuditFilter, page: number) {
      const p = Math.max(1, Math.floor(page) || 1);
      const [{ rows, total }, actions] = await Promise.all([
        deps.auditReader.list(filter, AUDIT_PER_PAGE, (p - 1) * AUDIT_PER_PAGE),
        deps.auditReader.actions(),
      ]);
      return {
        rows: maskedUsers(rows),
        total,
        page: p,
        pages: Math.max(1, Math.ceil(total / AUDIT_PER_PAGE)),
        actions,
      };
    },
  };
}

export type DashboardUseCases = ReturnType<typeof dashboardUseCases>;
