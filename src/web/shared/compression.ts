/**
 * Compressed responses, for people on slow mobile connections, at a cost the server hardly notices:
 * - static files and pages without a form token are compressed once, as strongly as brotli and gzip
 *   go, and served from memory;
 * - shared pages with a form token are gzip templates: the parts around the token are compressed
 *   once, each on its own (a full flush leaves no reference across parts), and a request only adds
 *   its token as a stored block and the checksum;
 * - every other page is compressed when it is sent, at a quick setting.
 */
import {
  brotliCompressSync,
  constants,
  crc32,
  deflateRawSync,
  gzipSync,
  type BrotliOptions,
} from 'node:zlib';

export type Encoding = 'br' | 'gzip';

/** Below this size compression saves less than it costs. */
export const COMPRESS_MIN_BYTES = 1024;

/**
 * The encoding to answer with, from the request's Accept-Encoding: brotli where the browser takes
 * it, else gzip, else none. A coding given q=0 is refused by the browser.
 */
export function negotiate(acceptEncoding: string | undefined): Encoding | null {
  if (!acceptEncoding) return null;
  let br = false;
  let gzip = false;
  for (const item of acceptEncoding.toLowerCase().split(',')) {
    const [name = '', ...params] = item.split(';').map((s) => s.trim());
    const q = params.find((p) => p.startsWith('q='));
    if (q !== undefined && !(Number(q.slice(2)) > 0)) continue;
    if (name === 'br') br = true;
    else if (name === 'gzip' || name === 'x-gzip' || name === '*') gzip = true;
  }
  return br ? 'br' : gzip ? 'gzip' : null;
}

const brotli = (quality: number, size: number): BrotliOptions => ({
  params: {
    [constants.BROTLI_PARAM_QUALITY]: quality,
    [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
    [constants.BROTLI_PARAM_SIZE_HINT]: size,
  },
});

/** A body compressed as it is sent: a quick setting, since it happens on every request. */
export function compressNow(body: Buffer, encoding: Encoding): Buffer {
  return encoding === 'br' ? brotliCompressSync(body, brotli(3, body.length)) : gzipSync(body, { level: 6 });
}

export type Variants = { identity: Buffer; br: Buffer; gzip: Buffer };

/** A body that never changes, compressed once as far as each coding goes. */
export function compressOnce(body: Buffer): Variants {
  return {
    identity: body,
    br: brotliCompressSync(body, brotli(constants.BROTLI_MAX_QUALITY, body.length)),
    gzip: gzipSync(body, { level: 9 }),
  };
}

const GZIP_HEADER = Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff]);

/**
 * A page made of fixed parts with a short text (the form token) between each two of them. The parts
 * are deflated once, each ending with a full flush, so that the stream for any token is the parts'
 * output with the token between them as stored (uncompressed) blocks; the gzip trailer carries
 * the CRC-32 and length of the whole page.
 */
export function gzipTemplate(parts: Buffer[]) {
  const last = parts.length - 1;
  const deflated = parts.map((part, i) =>
    i === last
      ? deflateRawSync(part, { level: 9, finishFlush: constants.Z_FINISH })
      : part.length === 0
        ? // zlib ends the stream when asked to flush nothing: an empty part adds no block at all.
          Buffer.alloc(0)
        : deflateRawSync(part, { level: 9, finishFlush: constants.Z_FULL_FLUSH }),
  );
  const fixedLength = parts.reduce((n, p) => n + p.length, 0);
  return function withToken(token: Buffer): Buffer {
    if (token.length > 0xffff) throw new RangeError('a stored block holds at most 65535 bytes');
    // A stored block: BFINAL=0, BTYPE=00 (the previous block ended on a byte boundary), then LEN
    // and its one's complement NLEN, little-endian, then the bytes themselves.
    const stored = Buffer.alloc(5);
    stored.writeUInt16LE(token.length, 1);
    stored.writeUInt16LE(~token.length & 0xffff, 3);
    const chunks: Buffer[] = [GZIP_HEADER];
    let crc = 0;
    parts.forEach((part, i) => {
      if (i > 0) {
        chunks.push(stored, token);
        crc = crc32(token, crc);
      }
      chunks.push(deflated[i] as Buffer);
      crc = crc32(part, crc);
    });
    const trailer = Buffer.alloc(8);
    trailer.writeUInt32LE(crc >>> 0, 0);
    trailer.writeUInt32LE((fixedLength + token.length * last) >>> 0, 4);
    chunks.push(trailer);
    return Buffer.concat(chunks);
  };
}
