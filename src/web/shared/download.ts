/** A stored file sent as a download: never shown inline, never sniffed, never cached. */
import type { Context } from 'hono';

/**
 * `Content-Disposition: attachment` with the name in ASCII (others as `_`) and in full as
 * RFC 5987 `filename*` (UTF-8), so that a Japanese name survives and no quote or line break can
 * reach the header.
 */
export function attachmentDisposition(name: string): string {
  const ascii = [...name]
    .map((ch) => (/^[\x20-\x7e]$/.test(ch) && ch !== '"' && ch !== '\\' ? ch : '_'))
    .join('');
  const encoded = encodeURIComponent(name).replace(
    /['()*]/g,
    (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii || 'file'}"; filename*=UTF-8''${encoded}`;
}

export function sendDownload(
  c: Context,
  file: { fileName: string; mediaType: string; content: Uint8Array },
): Response {
  return c.body(new Uint8Array(file.content), 200, {
    'Content-Type': file.mediaType,
    'Content-Disposition': attachmentDisposition(file.fileName),
    'X-Content-Type-Options': 'nosniff',
    // Only for the one who may see it: no shared cache keeps it, nor the browser.
    'Cache-Control': 'private, no-store',
  });
}
