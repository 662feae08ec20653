import { describe, expect, it } from 'vitest';
import { sniffFileKind } from './file-sniff.js';

const PNG_1X1 = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
const bytes = (s: string | Buffer) => new Uint8Array(typeof s === 'string' ? Buffer.from(s, 'latin1') : s);

describe('a file is known by its content', () => {
  it('PDF, JPEG and PNG are recognised', async () => {
    expect(await sniffFileKind(bytes('%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n'))).toBe('pdf');
    expect(await sniffFileKind(bytes('\xff\xd8\xff\xe0\x00\x10JFIF\x00'))).toBe('jpeg');
    expect(await sniffFileKind(bytes(PNG_1X1))).toBe('png');
  });

  it('anything else is refused, whatever it would be called', async () => {
    expect(await sniffFileKind(bytes('GIF89a\x01\x00\x01\x00\x00\x00\x00'))).toBeNull();
    expect(await sniffFileKind(bytes('MZ\x90\x00\x03\x00\x00\x00\x04\x00'))).toBeNull(); // a Windows program
    expect(await sniffFileKind(bytes('PK\x03\x04\x14\x00\x00\x00'))).toBeNull(); // a ZIP
    expect(await sniffFileKind(bytes('<html><body>%PDF-1.7</body></html>'))).toBeNull();
    expect(await sniffFileKind(bytes('plain text'))).toBeNull();
    expect(await sniffFileKind(new Uint8Array(0))).toBeNull();
  });
});
