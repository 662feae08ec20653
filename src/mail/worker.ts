/**
 * The outbox worker, one in every process: takes due mails (leased, so no two processes send the
 * same one), sends them, and puts failures back with a growing wait. Stopping waits for the batch
 * in hand.
 */
import type { Clock } from '../app/ports.js';
import type { OutboxStore } from '../db/outbox.js';
import type { MailTransport } from './transport.js';

export type MailWorker = { runOnce(): Promise<number>; stop(): Promise<void> };

export function startMailWorker(
  outbox: OutboxStore,
  transport: MailTransport,
  clock: Clock,
  options: { pollMs: number; batch?: number; leaseSeconds?: number; onError?: (e: unknown) => void },
): MailWorker {
  let stopped = false;
  let running: Promise<number> | null = null;
  let timer: NodeJS.Timeout | null = null;

  async function runOnce(): Promise<number> {
    const mails = await outbox.claim(options.batch ?? 20, clock.now(), options.leaseSeconds ?? 120);
    for (const mail of mails) {
      try {
        await transport.send(mail);
        await outbox.markSent(mail.id, clock.now());
      } catch (error) {
        await outbox.markFailed(
          mail.id,
          mail.attempts,
          error instanceof Error ? error.message : String(error),
          clock.now(),
        );
      }
    }
    return mails.length;
  }

  function schedule(): void {
    if (stopped) return;
    timer = setTimeout(() => {
      running = runOnce()
        .catch((e: unknown) => {
          options.onError?.(e);
          return 0;
        })
        .finally(() => {
          running = null;
          schedule();
        });
    }, options.pollMs);
  }
  schedule();

  return {
    runOnce: () => {
      running = running ?? runOnce();
      const p = running;
      return p.finally(() => {
        if (running === p) running = null;
      });
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      if (running) await running.catch(() => 0);
    },
  };
}
