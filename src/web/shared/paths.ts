/** Only a path on this site may be a destination after a redirect (no open redirect). */
export function safeLocalPath(next: string | undefined, fallback: string): string {
  return next && /^\/(?![/\\])[\x21-\x7e]*$/.test(next) ? next : fallback;
}
