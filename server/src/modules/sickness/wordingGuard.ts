/**
 * Employer-facing Poortwachter text passes the medical-wording guard: the advice and the plan van aanpak speak of
 * work capacity, never of diagnosis, treatment or practitioners — not even with the employee's consent (AP, KNMG).
 * The one place this module calls the guard, so a rebuilt guard needs only this file to agree with it.
 */
import { findMedicalWording } from '../../../../shared/src/medicalWording';
import { unprocessable } from '../../http/problem';

/** Refuses (422, with every flag and the field it is in) when any of these texts holds medical wording. */
export function refuseMedicalWording(texts: Record<string, string | null | undefined>, what: string): void {
  const flags = Object.entries(texts).flatMap(([field, text]) =>
    text ? findMedicalWording(text).map((flag) => ({ ...flag, field })) : []);
  if (flags.length === 0) return;
  const terms = [...new Set(flags.map((flag) => flag.term))].join(', ');
  throw unprocessable('medical-wording',
    `${what} bevat ${flags.length === 1 ? 'een medische term' : `${flags.length} medische termen`} (${terms}). ` +
    'Beschrijf het in termen van werk en belastbaarheid; het medische deel hoort in het medisch dossier.',
    { flags });
}
