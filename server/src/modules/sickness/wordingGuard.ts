/**
 * Employer-facing Poortwachter text passes the medical-wording guard: the advice and the plan van aanpak speak of
 * work capacity, never of diagnosis, treatment or practitioners — not even with the employee's consent
 * (Autoriteit Persoonsgegevens, "De zieke werknemer"; KNMG). The one place this module calls the guard.
 */
import { checkWording } from '@spoorboek/shared/medicalWording';
import { unprocessable } from '../../http/problem';

/** Refuses (422, with every flag and the field it is in) when any of these texts says something medical. */
export function refuseMedicalWording(texts: Record<string, string | null | undefined>, what: string): void {
  const flags = Object.entries(texts).flatMap(([field, text]) =>
    text ? checkWording(text).map((flag) => ({ field, ...flag })) : []);
  if (flags.length === 0) return;
  const labels = [...new Set(flags.map((flag) => flag.label.toLowerCase()))].join('; ');
  const sentences = new Set(flags.map((flag) => `${flag.field}:${flag.sentenceIndex}`)).size;
  throw unprocessable('medical-wording',
    `${what}: ${sentences === 1 ? 'één zin gaat' : `${sentences} zinnen gaan`} over de gezondheid (${labels}). ` +
    'Beschrijf het in termen van werk en belastbaarheid; het medische deel hoort in het medisch dossier.',
    { flags });
}
