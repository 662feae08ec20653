/**
 * What the e-mailed code use case (email-codes.ts) needs from the store. Codes belong to an owner:
 * a flow (its id) and what the flow is for. The flow's own store writes a code, a resend and the
 * use of a code in the transaction of the flow's step (db/email-codes has the pieces it uses);
 * this store answers the questions asked between steps.
 */
import type { OutgoingMail } from '../shared/ports.js';

/** What a flow that mails a code is for; each names the table of its flows. */
export type CodePurpose = 'registration' | 'email_change' | 'password_reset' | 'guest_application';

export type CodeOwner = { purpose: CodePurpose; flowId: string };

/** The codes of one owner: every code sent (earlier ones stay valid) and the counts of the rules. */
export type CodeSet = {
  /** the HMACs of the codes sent, oldest first (none when the address was taken: nothing is mailed) */
  codeHmacs: string[];
  /** codes sent, the first one included (a send with no code, to a taken address, counts too) */
  codesSent: number;
  lastSentAt: Date;
  /** tries so far, right or wrong */
  tries: number;
  /** set once a code was used: the set is done */
  usedAt: Date | null;
};

export interface EmailCodeStore {
  find(owner: CodeOwner): Promise<CodeSet | null>;
  /**
   * Counts one try, committed before comparing (so parallel requests cannot slip past the limit),
   * and returns the codes as that same statement left them (`tries` the new count); null once `max`
   * tries were used.
   */
  countTry(owner: CodeOwner, max: number): Promise<CodeSet | null>;
}

/** A resend, as the flow's store writes it in one transaction with the flow's new expiry. */
export type ResendInput = {
  /** null when no code is sent (the address belongs to a user / the reset is for no user) */
  codeHmac: string | null;
  /** null when nothing is mailed (the address belongs to a user: its one notice is enough) */
  mail: OutgoingMail | null;
  now: Date;
  expiresAt: Date;
  /** a resend is refused when the previous code was sent after this instant */
  notAfter: Date;
  /** at most this many codes in all (the first included) */
  maxCodes: number;
};

export type ResendOutcome = 'sent' | 'too_soon' | 'too_many';
