/**
 * Login throttling (ASVS 5 §6.3): failed attempts are counted per account (the e-mail as typed, so an unknown
 * address behaves exactly like a known one) and per IP address. Past the limit, attempts get a 429 until the lock
 * ends. Successful logins are not counted, so a busy office behind one address is not locked out.
 */
import mongoose, { Schema, Types } from 'mongoose';

const WINDOW_MS = 15 * 60 * 1000;
export const LIMITS = { account: 5, ip: 30 } as const;
const LOCK_MS = 15 * 60 * 1000;

const throttleSchema = new Schema(
  {
    _id: { type: String, required: true },
    failures: { type: Number, required: true, default: 0 },
    windowStart: { type: Date, required: true },
    lockedUntil: { type: Date, default: null },
  },
  { versionKey: false },
);
const LoginThrottle = mongoose.model('LoginThrottle', throttleSchema);

const keysFor = (email: string, ip: string) => ({ account: `account:${email.trim().toLowerCase()}`, ip: `ip:${ip}` });

/** The moment the lock ends, when either the account or the address is locked now. */
export async function lockedUntil(email: string, ip: string, now = new Date()): Promise<Date | null> {
  const keys = keysFor(email, ip);
  const locks = await LoginThrottle.find({ _id: mongoose.trusted({ $in: [keys.account, keys.ip] }) }).lean();
  const active = locks.map((lock) => lock.lockedUntil).filter((until): until is Date => !!until && until > now);
  return active.length ? new Date(Math.max(...active.map((until) => until.getTime()))) : null;
}

/** Counts a failure; returns true when this failure locked the account or the address. */
export async function recordFailure(email: string, ip: string, now = new Date()): Promise<boolean> {
  const keys = keysFor(email, ip);
  let locked = false;
  for (const [kind, key] of Object.entries(keys) as [keyof typeof LIMITS, string][]) {
    if (await countFailure(key, LIMITS[kind], now)) locked = true;
  }
  return locked;
}

/** One failure on one key; true when it reached the limit. Two first failures at once: the loser counts again. */
export async function countFailure(key: string, limit: number, now = new Date(), lockMs = LOCK_MS): Promise<boolean> {
  for (let attempt = 0; ; attempt++) {
    const current = await LoginThrottle.findById(key).lean();
    const fresh = !current || now.getTime() - current.windowStart.getTime() > WINDOW_MS;
    const failures = fresh ? 1 : current.failures + 1;
    const lock = failures >= limit ? new Date(now.getTime() + lockMs) : null;
    try {
      await LoginThrottle.updateOne(
        { _id: key },
        { $set: { failures: lock ? 0 : failures, windowStart: fresh || lock ? now : current.windowStart, lockedUntil: lock ?? current?.lockedUntil ?? null } },
        { upsert: true },
      );
      return lock !== null;
    } catch (error) {
      if (attempt > 0 || (error as { code?: number }).code !== 11000) throw error;
    }
  }
}

/** The moment the lock on `key` ends, when it is locked now. */
export async function keyLockedUntil(key: string, now = new Date()): Promise<Date | null> {
  const lock = await LoginThrottle.findById(key).lean();
  return lock?.lockedUntil && lock.lockedUntil > now ? lock.lockedUntil : null;
}

/** A successful login clears the account's count (not the address's: others may be guessing from it). */
export async function clearAccountFailures(email: string): Promise<void> {
  await LoginThrottle.deleteOne({ _id: keysFor(email, '').account });
}

/**
 * Forgets counts whose window has passed and whose lock (if any) has ended, so a stranger typing made-up e-mail
 * addresses leaves nothing behind for longer than one window. Run by the session sweep.
 */
export async function sweepStaleThrottles(now = new Date()): Promise<number> {
  const { deletedCount } = await LoginThrottle.deleteMany({
    windowStart: mongoose.trusted({ $lt: new Date(now.getTime() - WINDOW_MS) }),
    $or: [{ lockedUntil: null }, { lockedUntil: mongoose.trusted({ $lt: now }) }],
  });
  return deletedCount;
}

/**
 * Second-step secrets (two-factor codes, recovery codes, the current password when changing it) are limited by
 * reserving each attempt with a single insert *before* the secret is checked, then counting the reservations
 * in the window. Inserts are what every database applies exactly once (FerretDB 1.24 does not apply a
 * read-modify-write atomically across connections), so parallel guesses cannot slip past the limit: at most
 * `limit` attempts per key are ever checked in a window. A successful attempt takes its reservations back.
 */
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
  for (const [index, { key, limit }] of limits.entries()) {
    const others = await AuthAttempt.find({ key, at: mongoose.trusted({ $gt: since }), _id: mongoose.trusted({ $ne: ids[index] }) })
      .sort({ at: 1 }).lean();
    if (others.length >= limit) {
      // The lock lifts when enough of the other attempts have left the window.
      const until = new Date(others[others.length - limit]!.at.getTime() + ATTEMPT_WINDOW_MS);
      if (!lockedUntil || until > lockedUntil) lockedUntil = until;
    }
  }
  if (lockedUntil) await AuthAttempt.deleteMany({ _id: mongoose.trusted({ $in: ids }) });
  return { lockedUntil, ids };
}

/** The secret was right: the reservations go, and so do the earlier failures on these keys. */
export async function succeedAttempt(limits: AttemptLimit[]): Promise<void> {
  await AuthAttempt.deleteMany({ key: mongoose.trusted({ $in: limits.map((limit) => limit.key) }) });
}

/** Forgets attempts that have left their window. Run by the session sweep. */
export async function sweepOldAttempts(now = new Date()): Promise<number> {
  const { deletedCount } = await AuthAttempt.deleteMany({ at: mongoose.trusted({ $lt: new Date(now.getTime() - ATTEMPT_WINDOW_MS) }) });
  return deletedCount;
}
