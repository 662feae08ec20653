/**
 * The database schema (Drizzle). Every table that a request may need lives here, so that any number of
 * app processes can share one PostgreSQL: flows, sessions, rate-limit counters and queued mail.
 * Migrations are generated from this file with `npm run db:generate` and checked in under drizzle/.
 */
export * from './account.js';
export * from './registration.js';
export * from './email-codes.js';
export * from './staff.js';
export * from './notices.js';
export * from './procedures.js';
export * from './shared.js';
