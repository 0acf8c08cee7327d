/**
 * One-time tokens for an invitation or a password reset. Only the SHA-256 of a token is stored; the token itself
 * exists in the invitee's mail alone. A token works once: redeeming it is a unique insert, which both MongoDB and
 * FerretDB 1.24 enforce (a filtered update or delete is not atomic across connections on FerretDB).
 */
import { createHash, randomBytes } from 'node:crypto';
import mongoose, { Schema, type Types } from 'mongoose';
import { conflict } from '../http/problem';

export const TOKEN_PURPOSES = ['invitation', 'password_reset'] as const;
export type TokenPurpose = (typeof TOKEN_PURPOSES)[number];

const accountTokenSchema = new Schema(
  {
    /** SHA-256 (hex) of the token. */
    _id: { type: String, required: true },
    purpose: { type: String, enum: TOKEN_PURPOSES, required: true },
    userId: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    /** `${purpose}:${userId}`, unique: one open token per user and purpose, so a new one replaces the old. */
    slot: { type: String, required: true },
    expiresAt: { type: Date, required: true },
  },
  { timestamps: { createdAt: true, updatedAt: false } },
);
accountTokenSchema.index({ slot: 1 }, { unique: true });
export const AccountToken = mongoose.model('AccountToken', accountTokenSchema);

/** A redeemed token (its hash): the unique `_id` makes "only once" hold under parallel requests. */
const tokenRedemptionSchema = new Schema({ _id: { type: String, required: true }, redeemedAt: { type: Date, default: () => new Date() } });
export const TokenRedemption = mongoose.model('TokenRedemption', tokenRedemptionSchema);

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

function isDuplicateKey(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: number }).code === 11000;
}

/** A new 256-bit token for this user and purpose; any earlier one of the same purpose stops working. */
export async function issueToken(userId: Types.ObjectId | string, purpose: TokenPurpose, validMs: number): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const slot = `${purpose}:${String(userId)}`;
  const expiresAt = new Date(Date.now() + validMs);
  await AccountToken.deleteMany({ slot });
  try {
    await AccountToken.create({ _id: hashToken(token), purpose, userId, slot, expiresAt });
  } catch (error) {
    if (isDuplicateKey(error)) throw conflict('Er is tegelijk al een nieuwe link aangemaakt. Ververs de pagina.');
    throw error;
  }
  return { token, expiresAt };
}

/** The user the token was for, once; null when it is unknown, expired, or already used. */
export async function redeemToken(token: string, purpose: TokenPurpose): Promise<Types.ObjectId | null> {
  const hash = hashToken(token);
  const stored = await AccountToken.findOne({ _id: hash, purpose }).lean();
  if (!stored || stored.expiresAt.getTime() <= Date.now()) return null;
  try {
    await TokenRedemption.create({ _id: hash });
  } catch (error) {
    if (isDuplicateKey(error)) return null;
    throw error;
  }
  await AccountToken.deleteOne({ _id: hash });
  return stored.userId;
}

export async function openToken(userId: Types.ObjectId | string, purpose: TokenPurpose) {
  return AccountToken.findOne({ slot: `${purpose}:${String(userId)}` }).lean();
}

export async function dropTokens(userId: Types.ObjectId | string): Promise<void> {
  await AccountToken.deleteMany({ userId });
}
