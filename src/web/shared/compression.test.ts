import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { compressNow, compressOnce, gzipTemplate, negotiate } from './compression.js';

describe('negotiate', () => {
  it.each([
    [undefined, null],
    ['', null],
    ['identity', null],
    ['gzip', 'gzip'],
    ['gzip, deflate', 'gzip'],
    ['gzip, deflate, br, zstd', 'br'],
    ['BR', 'br'],
    ['br;q=0, gzip', 'gzip'],
    ['br;q=0.5', 'br'],
    ['gzip;q=0', null],
    ['*', 'gzip'],
    ['x-gzip', 'gzip'],
    ['deflate', null],
  ])('Accept-Encoding %j gives %j', (header, expected) => {
    expect(negotiate(header)).toBe(expected);
  });
});

const page = Buffer.from(
  '<!DOCTYPE html><html lang="ja"><body>' +
    '<p>川崎市の行政手続を、パソコンやスマートフォンからオンラインで行うことができます。</p>'.repeat(40) +
    '<form><input type="hidden" name="_csrf" value="',
);
const rest = Buffer.from(
  '"><button>利用者の登録を開始する</button></form>' + '<p>フッター</p>'.repeat(30) + '</body></html>',
);

describe('gzipTemplate', () => {
  it('puts each token between the parts: the result is the page with that token, as valid gzip', () => {
    const withToken = gzipTemplate([page, rest]);
    for (const token of ['abc', 'x'.repeat(43), '', 'トークン']) {
      const out = withToken(Buffer.from(token));
      expect(gunzipSync(out).toString()).toBe(`${page.toString()}${token}${rest.toString()}`);
    }
  });

  it('handles a token in several places and parts that are empty', () => {
    const withToken = gzipTemplate([Buffer.from(''), page, Buffer.from(''), rest]);
    const out = withToken(Buffer.from('TOKEN'));
    expect(gunzipSync(out).toString()).toBe(`TOKEN${page.toString()}TOKENTOKEN${rest.toString()}`);
  });

  it('is accepted by the gzip program, which checks the CRC-32 and the length', () => {
    const out = gzipTemplate([page, rest])(Buffer.from('R4nd0m-t0ken_value'));
    expect(execFileSync('gzip', ['-dc'], { input: out }).toString()).toContain('R4nd0m-t0ken_value');
  });

  it('is much smaller than the page: the fixed parts are compressed', () => {
    const out = gzipTemplate([page, rest])(Buffer.from('t'.repeat(43)));
    expect(out.length).toBeLessThan((page.length + rest.length) / 3);
  });

  it('refuses a token longer than one stored block', () => {
    expect(() => gzipTemplate([page, rest])(Buffer.alloc(70_000))).toThrow(RangeError);
  });
});

describe('compressOnce and compressNow', () => {
  it('give bodies that decompress to the original', () => {
    const body = Buffer.concat([page, rest]);
    const v = compressOnce(body);
    expect(v.identity).toBe(body);
    expect(brotliDecompressSync(v.br).equals(body)).toBe(true);
    expect(gunzipSync(v.gzip).equals(body)).toBe(true);
    expect(brotliDecompressSync(compressNow(body, 'br')).equals(body)).toBe(true);
    expect(gunzipSync(compressNow(body, 'gzip')).equals(body)).toBe(true);
    expect(v.br.length).toBeLessThan(body.length / 3);
  });
});
