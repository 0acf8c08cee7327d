/**
 * Audit reasons are read by people — the client in "wie heeft mijn dossier ingezien", the privacy officer in the
 * trail (NEN 7513) — so they are plain Dutch: no field names, enum values or English. Every reason a service records
 * with a value in it is put into words here.
 */
import { FIELD_LABELS } from '@spoorboek/shared/schemas/labels';

const WORDS: Record<string, string> = {
  // health records and documents
  fml: 'FML', ad_report: 'arbeidsdeskundig rapport', medical_note: 'medische aantekening', medical: 'medisch document',
  // consent purposes
  'report.share': 'rapportage delen met de werkgever', 'fml.capacities.coach': 'FML-capaciteiten voor de coach', handover: 'vervanging van de coach',
  // Poortwachter
  problem_analysis: 'probleemanalyse', action_plan: 'plan van aanpak', action_plan_evaluation: 'evaluatie plan van aanpak',
  first_year_evaluation: 'eerstejaarsevaluatie', loonsanctie: 'loonsanctie', uitstel: 'uitstel WIA-aanvraag',
  partial: 'gedeeltelijk hersteld', full: 'volledig hersteld', employer: 'werkgever', employee: 'werknemer',
  uwv_notification: 'ziekmelding bij UWV', wia_letter: 'brief van UWV over de WIA', wia_application: 'WIA-aanvraag',
  // rights requests (AVG art. 15–21)
  access: 'inzage', rectification: 'correctie', erasure: 'wissen', restriction: 'beperking', portability: 'overdracht', objection: 'bezwaar',
  portal: 'het portaal', letter: 'een brief', phone: 'de telefoon', email: 'e-mail',
  portal_two_factor: 'ingelogd met tweestapsverificatie', id_document: 'identiteitsbewijs getoond', callback: 'teruggebeld',
  in_person: 'persoonlijk bekend', completed: 'afgehandeld', rejected: 'afgewezen',
  retentionAfterTrajectory: 'bewaren na het traject', managementFigures: 'managementinformatie',
};

/** An enum value or key in words; an unknown one is said generically rather than shown raw. */
export const inWords = (value: string): string => WORDS[value] ?? 'overig';

/** "gewijzigd: voornaam, einddatum van het traject" for the fields a change touched. */
export function changed(keys: readonly string[]): string {
  const labels = [...new Set(keys.map((key) => (FIELD_LABELS[key] ?? WORDS[key] ?? 'overige gegevens').toLowerCase()))];
  return `gewijzigd: ${labels.join(', ')}`;
}

/** "1 resultaat", "3 resultaten". */
export const results = (count: number): string => `${count} ${count === 1 ? 'resultaat' : 'resultaten'}`;
