/**
 * Password hashing and rules (ASVS 5 §6.2, appendix C): argon2id at m = 19 MiB, t = 2, p = 1; 12–128 characters,
 * common passwords refused, no composition rules. Hashes made with other parameters are replaced at next login.
 */
import argon2 from 'argon2';
import { readFileSync } from 'node:fs';

export const ARGON2_OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

const commonPasswords = new Set(
  readFileSync(new URL('./commonPasswords.txt', import.meta.url), 'utf8')
    .split('\n')
    .map((line) => line.trim().toLowerCase())
    .filter((line) => line && !line.startsWith('#')),
);

/** Why a new password is refused, in the user's language; null when it is fine. */
export function passwordProblem(password: string): string | null {
  const length = [...password].length;
  if (length < 12) return 'Kies een wachtwoord van minstens 12 tekens.';
  if (length > 128) return 'Kies een wachtwoord van hoogstens 128 tekens.';
  if (commonPasswords.has(password.toLowerCase())) return 'Dit wachtwoord is te bekend; kies een ander.';
  return null;
}

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, ARGON2_OPTIONS);
}

/** A hash of a random password, verified against when the account does not exist, so both take as long. */
const dummyHash = hashPassword(`dummy-${Math.random()}-${Date.now()}`);

export async function verifyPassword(hash: string | null | undefined, password: string): Promise<boolean> {
  const target = hash ?? (await dummyHash);
  const matches = await argon2.verify(target, password).catch(() => false);
  return Boolean(hash) && matches;
}

export function needsRehash(hash: string): boolean {
  return argon2.needsRehash(hash, ARGON2_OPTIONS);
}
