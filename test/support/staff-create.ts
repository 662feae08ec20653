/** Runs `scripts/staff-create.ts` as `npm run staff:create` would, with the given settings. */
import { spawnSync } from 'node:child_process';

export function runStaffCreate(
  args: string[],
  settings: Record<string, string>,
): { status: number | null; stdout: string; stderr: string } {
  // Only what a shell would have, plus the settings: Vitest's own variables (BASE_URL=/ …) stay out.
  const env: Record<string, string | undefined> = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    ...settings,
  };
  // `node --import tsx` is what `npm run staff:create` (tsx) runs, without npx finding tsx first.
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/staff-create.ts', ...args], {
    env,
    encoding: 'utf8',
    timeout: 90_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
