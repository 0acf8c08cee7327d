/**
 * Guessing limits (ASVS 5 §6.3) for every secret a person types: the password at login (counted per account — the
 * e-mail as typed, so an unknown address behaves exactly like a known one — and per IP address), and at the second
 * step the two-factor code, a recovery code, or the current password when changing it (per account and per
 * session). Past the limit, attempts get a 429 until the oldest counted failure leaves the 15-minute window.
 *
 * Each attempt is reserved with a single insert *before* the secret is checked, and then the reservations in the
 * window are counted. Inserts are what every database applies exactly once (FerretDB 1.24 does not apply a
 * read-modify-write atomically across connections: with a counter, 30 parallel guesses had 19 to 28 passwords checked),
 * so parallel guesses cannot slip past the limit. A successful attempt takes its reservation back, so a busy
 * office behind one address is not locked out by people who sign in.
 */
import mongoose, { Schema, Types } from 'mongoose';

/** Failed logins allowed per 15 minutes. */
export const LIMITS = { account: 5, ip: 30 } as const;

/** The keys a login attempt is counted against. */
export function loginLimits(email: string, ip: string): AttemptLimit[] {
  return [
    { key: `login:account:${email.trim().toLowerCase()}`, limit: LIMITS.account },
    { key: `login:ip:${ip}`, limit: LIMITS.ip },
  ];
}

const ATTEMPT_WINDOW_MS = 15 * 60 * 1000;

const attemptSchema = new Schema(
  {
    key: { type: String, required: true, index: true },
    at: { type: Date, required: true },
  },
  { versionKey: false },
);
export const AuthAttempt = mongoose.model('AuthAttempt', attemptSchema);

export interface AttemptLimit {
  /** What is counted, e.g. `mfa:account:<userId>`; never a secret (hash session ids before use). */
  key: string;
  limit: number;
}

export interface Attempt {
  /** Set when a key is over its limit: the attempt was not made and the caller must wait until then. */
  lockedUntil: Date | null;
  /** True when this attempt, if it fails, is the one that reaches a key's limit (the moment of a lock-out). */
  isLast: boolean;
  ids: Types.ObjectId[];
}

/**
 * Reserves one attempt on every key; refused (and not counted) when a key already holds `limit` other attempts in
 * the window. Counting every other reservation, also a parallel one made later, keeps the bound strict: of any two
 * attempts let through, the later one to count saw the other, so no more than `limit` are ever let through.
 */
export async function beginAttempt(limits: AttemptLimit[], now = new Date()): Promise<Attempt> {
  const ids = limits.map(() => new Types.ObjectId());
  for (const [index, { key }] of limits.entries()) await AuthAttempt.create({ _id: ids[index], key, at: now });
  const since = new Date(now.getTime() - ATTEMPT_WINDOW_MS);
  let lockedUntil: Date | null = null;
  let isLast = false;
  for (const [index, { key, limit }] of limits.entries()) {
    const others = await AuthAttempt.find({ key, at: mongoose.trusted({ $gt: since }), _id: mongoose.trusted({ $ne: ids[index] }) })
      .sort({ at: 1 }).lean();
    if (others.length >= limit) {
      // The lock lifts when enough of the other attempts have left the window.
      const until = new Date(others[others.length - limit]!.at.getTime() + ATTEMPT_WINDOW_MS);
      if (!lockedUntil || until > lockedUntil) lockedUntil = until;
    }
    if (others.length + 1 === limit) isLast = true;
  }
  if (lockedUntil) await AuthAttempt.deleteMany({ _id: mongoose.trusted({ $in: ids }) });
  return { lockedUntil, isLast, ids };
}

/**
 * The secret was right: this attempt's reservations go, and with `clear` every earlier failure on those keys too
 * (the account's count, not the address's: others may be guessing from it).
 */
export async function succeedAttempt(attempt: Attempt, clear: AttemptLimit[] = []): Promise<void> {
  await AuthAttempt.deleteMany({ _id: mongoose.trusted({ $in: attempt.ids }) });
  if (clear.length) await AuthAttempt.deleteMany({ key: mongoose.trusted({ $in: clear.map((limit) => limit.key) }) });
}

/** Forgets attempts that have left their window. Run by the session sweep. */
export async function sweepOldAttempts(now = new Date()): Promise<number> {
  const { deletedCount } = await AuthAttempt.deleteMany({ at: mongoose.trusted({ $lt: new Date(now.getTime() - ATTEMPT_WINDOW_MS) }) });
  return deletedCount;
}

/** Erasure (AVG art. 17): the counted attempts that name this account (its e-mail address or its id). */
export async function forgetAttemptsOf(email: string, userId: string): Promise<void> {
  const keys = [`login:account:${email}`, `mfa:account:${userId}`, `password:account:${userId}`];
  await AuthAttempt.deleteMany({ key: mongoose.trusted({ $in: keys }) });
}
