/**
 * The mail worker: one per server process. It sends queued mails over SMTP (nodemailer), retries a failed
 * attempt with exponential back-off and gives up after MAX_ATTEMPTS (status `failed`, visible to the admin).
 * Each attempt is claimed by a unique insert, so several processes on one database never send a mail twice.
 */
import mongoose from 'mongoose';
import nodemailer, { type Transporter } from 'nodemailer';
import { open } from '../../crypto/masterKeySeal';
import type { Logger } from '../../logger';
import { bodyAssociatedData, mailEvents } from './outbox';
import { MailClaim, MailMessage } from './model';

export const MAX_ATTEMPTS = 8;
/** A claim this old without an outcome was abandoned by a worker that stopped mid-send. */
export const CLAIM_ABANDONED_MS = 10 * 60 * 1000;

export interface MailWorkerOptions {
  smtpUrl: string;
  from: string;
  masterKey: Buffer;
  logger: Pick<Logger, 'info' | 'warn' | 'error'>;
  /** How often to look for due mails (retries, mails queued by another process). */
  pollMs?: number;
  /** The first retry waits this long; each next one twice as long, at most an hour. */
  retryBaseMs?: number;
}

export interface MailWorker {
  /** One pass over the due mails (also what the timer runs). */
  runOnce(): Promise<void>;
  stop(): Promise<void>;
}

export function retryDelayMs(attempt: number, baseMs: number): number {
  return Math.min(baseMs * 2 ** (attempt - 1), 60 * 60 * 1000);
}

function isDuplicateKey(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: number }).code === 11000;
}

export function startMailWorker(options: MailWorkerOptions): MailWorker {
  const { from, masterKey, logger, pollMs = 5000, retryBaseMs = 30_000 } = options;
  const transport: Transporter = nodemailer.createTransport(options.smtpUrl);
  let stopped = false;
  let pass: Promise<void> | null = null;
  let again = false;

  async function attempt(message: InstanceType<typeof MailMessage>) {
    const number = message.attempts + 1;
    const claimId = `${String(message._id)}:${number}`;
    try {
      await MailClaim.create({ _id: claimId });
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      await releaseIfAbandoned(message, claimId); // another worker makes this attempt, or died making it
      return;
    }
    try {
      const text = open(masterKey, message.sealedText ?? '', bodyAssociatedData(String(message._id)));
      await transport.sendMail({ from, to: message.to, subject: message.subject, text });
      await MailMessage.updateOne({ _id: message._id }, {
        status: 'sent', attempts: number, sentAt: new Date(), sealedText: null, lastError: null,
      });
    } catch (error) {
      const reason = error instanceof Error ? error.message.slice(0, 300) : 'onbekende fout';
      const givingUp = number >= MAX_ATTEMPTS;
      await MailMessage.updateOne({ _id: message._id }, {
        attempts: number, lastError: reason,
        ...(givingUp
          ? { status: 'failed', sealedText: null }
          : { nextAttemptAt: new Date(Date.now() + retryDelayMs(number, retryBaseMs)) }),
      });
      logger.warn({ mailId: String(message._id), attempt: number, givingUp }, 'sending a mail failed');
    }
  }

  /**
   * A claim whose worker never recorded an outcome (the process died mid-send) would block the message for good:
   * after CLAIM_ABANDONED_MS the attempt counts as made, so the next pass claims the next attempt. Two workers
   * doing this at once at worst skip an attempt number; the unique claim still keeps every send single.
   */
  async function releaseIfAbandoned(message: InstanceType<typeof MailMessage>, claimId: string) {
    const claim = await MailClaim.findById(claimId).lean();
    if (!claim || Date.now() - claim.claimedAt.getTime() < CLAIM_ABANDONED_MS) return;
    await MailMessage.updateOne({ _id: message._id, attempts: message.attempts }, {
      attempts: message.attempts + 1, lastError: 'de vorige poging is afgebroken', nextAttemptAt: new Date(),
    });
  }

  async function drain() {
    do {
      again = false;
      const due = await MailMessage.find({ status: 'queued', nextAttemptAt: mongoose.trusted({ $lte: new Date() }) })
        .sort({ nextAttemptAt: 1 }).limit(50);
      for (const message of due) {
        if (stopped) return;
        await attempt(message);
      }
    } while (again && !stopped);
  }

  function runOnce(): Promise<void> {
    if (pass) {
      again = true;
      return pass;
    }
    pass = drain()
      .catch((error: unknown) => logger.error({ err: error }, 'the mail worker failed a pass'))
      .finally(() => {
        pass = null;
      });
    return pass;
  }

  const wake = () => void runOnce();
  mailEvents.on('queued', wake);
  const timer = setInterval(wake, pollMs);
  timer.unref();
  void runOnce();

  return {
    runOnce,
    async stop() {
      stopped = true;
      clearInterval(timer);
      mailEvents.off('queued', wake);
      await pass;
      transport.close();
    },
  };
}
