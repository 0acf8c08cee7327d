import mongoose, { Schema, type InferSchemaType } from 'mongoose';
import { MAIL_STATUSES } from '@spoorboek/shared/domain';

export { MAIL_STATUSES };

/**
 * The outbox: every mail the app sends is first one insert here, so a request never waits for (or fails on) the
 * mail server. The body is sealed with the master key while it waits (an invitation or reset link is a secret)
 * and erased once the mail is sent or given up.
 */
const mailMessageSchema = new Schema(
  {
    to: { type: String, required: true, maxlength: 254 },
    /** What kind of mail (invitation, password_reset, notification kinds), for the admin's queue view. */
    kind: { type: String, required: true, maxlength: 60 },
    subject: { type: String, required: true, maxlength: 200 },
    /** The text body, sealed (AES-256-GCM under the master key, bound to this message); null once sent. */
    sealedText: { type: String, default: null },
    status: { type: String, enum: MAIL_STATUSES, default: 'queued' },
    /** Attempts made so far; attempt n is claimed by inserting the claim `${_id}:${n}` (see MailClaim). */
    attempts: { type: Number, default: 0 },
    nextAttemptAt: { type: Date, default: () => new Date() },
    lastError: { type: String, default: null, maxlength: 300 },
    sentAt: { type: Date, default: null },
  },
  { timestamps: true },
);
mailMessageSchema.index({ status: 1, nextAttemptAt: 1 });

export type MailMessageData = InferSchemaType<typeof mailMessageSchema>;
export const MailMessage = mongoose.model('MailMessage', mailMessageSchema);

/**
 * One attempt at one message, claimed by a single insert: the unique `_id` lets exactly one worker (of however
 * many processes) make attempt n. FerretDB 1.24 does not apply a filtered update atomically across connections,
 * but it does enforce a unique `_id`.
 */
const mailClaimSchema = new Schema({ _id: { type: String, required: true }, claimedAt: { type: Date, default: () => new Date() } });
export const MailClaim = mongoose.model('MailClaim', mailClaimSchema);
