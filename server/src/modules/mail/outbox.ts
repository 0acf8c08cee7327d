/**
 * Putting a mail in the queue: one insert, no waiting for SMTP. The worker in the same process is woken at once;
 * others find the message on their next poll.
 */
import { EventEmitter } from 'node:events';
import { Types } from 'mongoose';
import { seal } from '../../crypto/masterKeySeal';
import { MailMessage } from './model';
import type { MailContent } from './templates';

let settings: { masterKey: Buffer; publicUrl: string } | null = null;

/** Set once by the app (createApp): the key that seals queued bodies and the address links point to. */
export function useMailSettings(value: { masterKey: Buffer; publicUrl: string }): void {
  settings = value;
}

function mailSettings() {
  if (!settings) throw new Error('mail settings not set (createApp calls useMailSettings)');
  return settings;
}

/** A link into the app, built only from the configured public address. */
export function publicLink(path: string): string {
  return `${mailSettings().publicUrl}${path}`;
}

export const mailEvents = new EventEmitter();
mailEvents.setMaxListeners(100); // one listener per worker; tests run many

export function bodyAssociatedData(messageId: string): string {
  return `mail:${messageId}`;
}

export async function enqueueMail(to: string, content: MailContent): Promise<void> {
  const _id = new Types.ObjectId();
  await MailMessage.create({
    _id, to, kind: content.kind, subject: content.subject,
    sealedText: seal(mailSettings().masterKey, content.text, bodyAssociatedData(String(_id))),
  });
  mailEvents.emit('queued');
}

/** Erasure (AVG art. 17): every mail to this address, sent or waiting, leaves the outbox. */
export async function forgetRecipient(email: string): Promise<void> {
  await MailMessage.deleteMany({ to: email });
}
