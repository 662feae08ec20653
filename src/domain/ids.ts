/**
 * Whether a string can be one of our ids (PostgreSQL `uuid`). Routes and stores check before
 * looking up: a malformed id from an address bar is "not found", never a database error.
 */
export const isUuid = (id: string): boolean =>
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);
