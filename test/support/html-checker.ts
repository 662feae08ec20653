/**
 * The W3C Nu HTML Checker (vnu.jar from the `vnu-jar` package) over pages as the server sent them:
 * every page written to a temporary folder and checked in one Java run. Errors only (warnings and
 * info messages are advice). `npm test` installs a Java runtime with apt where none is found.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
/** The package exports the jar's path (as a String object). */
const vnuJar = String(createRequire(import.meta.url)('vnu-jar'));

export type CheckedPage = { name: string; html: string };
export type HtmlError = { page: string; line: number | undefined; message: string; extract: string };

type VnuMessage = {
  type: string;
  subType?: string;
  url: string;
  lastLine?: number;
  message: string;
  extract?: string;
};

/** The checker's errors for each page (none: an empty list). */
export async function htmlErrors(pages: CheckedPage[]): Promise<HtmlError[]> {
  const dir = await mkdtemp(join(tmpdir(), 'vnu-'));
  try {
    const files = await Promise.all(
      pages.map(async (p, i) => {
        const file = join(dir, `page-${i}.html`);
        await writeFile(file, p.html);
        return { file, name: p.name };
      }),
    );
    const byUrl = new Map(files.map((f) => [`file:${f.file}`, f.name]));
    let out: string;
    try {
      out = (
        await run('java', ['-jar', vnuJar, '--format', 'json', '--stdout', ...files.map((f) => f.file)], {
          maxBuffer: 64 * 1024 * 1024,
        })
      ).stdout;
    } catch (e) {
      // vnu exits 1 when it found errors; its report is still on stdout.
      const stdout = (e as { stdout?: string }).stdout;
      if (!stdout) throw e;
      out = stdout;
    }
    const { messages } = JSON.parse(out) as { messages: VnuMessage[] };
    return messages
      .filter((m) => m.type === 'error' || m.subType === 'fatal')
      .map((m) => ({
        page: byUrl.get(m.url) ?? m.url,
        line: m.lastLine,
        message: m.message,
        extract: m.extract ?? '',
      }));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
