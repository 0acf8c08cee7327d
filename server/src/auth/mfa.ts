/**
 * Two-factor authentication with TOTP (RFC 6238), mandatory for company doctors, labour experts, privacy officers
 * and administrators (NEN 7510). A code is accepted once: the accepted time step is stored and earlier or equal
 * steps are refused. Recovery codes are stored hashed and used up one by one.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createGuardrails, generateSecret, generateURI, verify } from 'otplib';
import QRCode from 'qrcode';
import { HEALTH_OR_STAFF_ROLES, type Role } from '@spoorboek/shared/domain';

export const ISSUER = 'Spoorboek';

/**
 * New secrets are 20 bytes (RFC 4226's recommendation). Verification also accepts 10-byte secrets, the length
 * classic authenticator apps and the published demo secret use; otplib 13 refuses those by default.
 */
const guardrails = createGuardrails({ MIN_SECRET_BYTES: 10 });

export function isMfaMandatory(roles: readonly Role[]): boolean {
  return roles.some((role) => HEALTH_OR_STAFF_ROLES.includes(role));
}

export function newTotpSecret(): string {
  return generateSecret();
}

export async function enrolmentQr(email: string, secret: string): Promise<{ uri: string; qrDataUrl: string }> {
  const uri = generateURI({ issuer: ISSUER, label: email, secret });
  return { uri, qrDataUrl: await QRCode.toDataURL(uri, { errorCorrectionLevel: 'M', margin: 1, width: 220 }) };
}

/** The time step the code belongs to, when it is valid and newer than the last accepted one. */
export async function acceptTotp(secret: string, code: string, lastStep: number | null): Promise<number | null> {
  if (!/^\d{6}$/.test(code)) return null;
  const result = await verify({
    secret,
    token: code,
    epochTolerance: [30, 0],
    guardrails,
    ...(lastStep === null ? {} : { afterTimeStep: lastStep }),
  }).catch(() => ({ valid: false as const }));
  return result.valid && 'timeStep' in result ? (result.timeStep as number) : null;
}

export function hashRecoveryCode(code: string): string {
  return createHash('sha256').update(code.replace(/[\s-]/g, '').toUpperCase()).digest('hex');
}

export function newRecoveryCodes(count = 10): string[] {
  return Array.from({ length: count }, () => {
    const raw = randomBytes(5).toString('hex').toUpperCase();
    return `${raw.slice(0, 5)}-${raw.slice(5)}`;
  });
}
