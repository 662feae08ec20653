/**
 * The outbox worker, one in every process: takes due mails (leased, so no two processes send the
 * same one), sends them a few at a time, and puts failures back with a growing wait.
 *
 * When it runs:
 * - at once when this process has queued mail (`nudge`, called through the use cases' `mailQueued`
 *   port); a nudge during a run makes it claim again as soon as that run is done;
 * - again at once while claims come back full (a backlog is sent without waiting for the poll);
 * - otherwise every `pollMs`: how mail queued by other processes, retries whose wait is over and
 *   mails whose lease ran out are found.
 *
 * Stopping waits for the mails in hand (a claimed batch is finished, never left leased).
 */
import type { Clock } from '../../app/shared/ports.js';
import type { OutboxMail, OutboxStore } from '../../db/shared/outbox.js';
import type { MailTransport } from './transport.js';

export type MailWorker = {
  /**
   * Lets the runs in progress finish, then claims one batch of due mails and sends it; resolves
   * with how many it claimed (0 once stopped). Called until it gives 0, it sends everything due.
   */
  runOnce(): Promise<number>;
  /** This process queued mail: run now (or right after the run in progress), not at the next poll. */
  nudge(): void;
  /** Takes no more mail; resolves once the mails in hand are sent or put back. */
  stop(): Promise<void>;
};

export type MailWorkerOptions = {
  pollMs: number;
  /** mails claimed at once (default 20) */
  batch?: number;
  /** mails of a batch being sent at the same time (default 5: the SMTP pool's connections) */
  concurrency?: number;
  leaseSeconds?: number;
  onError?: (e: unknown) => void;
};

export function startMailWorker(
  outbox: OutboxStore,
  transport: MailTransport,
  clock: Clock,
  options: MailWorkerOptions,
): MailWorker {
  const batch = options.batch ?? 20;
  const concurrency = Math.max(1, options.concurrency ?? 5);
  const leaseSeconds = options.leaseSeconds ?? 120;
  const report = (e: unknown) => options.onError?.(e);

  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  /** the background loop is running (woken by a nudge or the poll) */
  let looping = false;
  /** claim once more before the loop sleeps: a nudge came, or the last claim was full */
  let again = false;
  /** every run in progress (the loop's and runOnce's), for stop() */
  const inHand = new Set<Promise<number>>();

  /** Sends one mail and records the outcome; a failure puts it back with a growing wait. */
  async function deliver(mail: OutboxMail): Promise<void> {
    try {
      await transport.send(mail);
      // Through a relay, the code has left: its copy here goes. Without one, the development
      // mailbox is where the code is read, until its flow ends and takes the mail with it.
      await outbox.markSent(mail.id, clock.now(), transport.kind === 'smtp');
    } catch (error) {
      await outbox.markFailed(
        mail.id,
        mail.attempts,
        error instanceof Error ? error.message : String(error),
        clock.now(),
      );
    }
  }

  /** One claim, its mails sent by `concurrency` lanes; settles only when every mail is done. */
  async function claimAndSend(): Promise<number> {
    const mails = await outbox.claim(batch, clock.now(), leaseSeconds);
    let next = 0;
    const lane = async () => {
      for (let mail = mails[next++]; mail; mail = mails[next++]) {
        // A database error while recording one mail must not stop the others: the mail stays
        // leased and is taken again after the lease (at least once).
        await deliver(mail).catch(report);
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, mails.length) }, lane));
    return mails.length;
  }

  function track(run: Promise<number>): Promise<number> {
    inHand.add(run);
    const forget = () => inHand.delete(run);
    run.then(forget, forget);
    return run;
  }

  async function loop(): Promise<void> {
    looping = true;
    try {
      do {
        again = false;
        const claimed = await track(claimAndSend());
        if (claimed >= batch) again = true; // a full batch: more may be due
      } while (again && !stopped);
    } catch (e) {
      report(e); // the database is in trouble: wait for the poll
    } finally {
      looping = false;
      schedule();
    }
  }

  function wake(): void {
    if (stopped) return;
    if (looping) {
      again = true;
      return;
    }
    if (timer) clearTimeout(timer);
    timer = null;
    void loop();
  }

  function schedule(): void {
    if (stopped || looping || timer) return;
    timer = setTimeout(() => {
      timer = null;
      wake();
    }, options.pollMs);
  }
  schedule();

  return {
    async runOnce() {
      await Promise.allSettled([...inHand]);
      return stopped ? 0 : track(claimAndSend());
    },
    nudge: wake,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = null;
      while (inHand.size > 0) await Promise.allSettled([...inHand]);
    },
  };
}
