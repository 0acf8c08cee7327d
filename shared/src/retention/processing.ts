/**
 * The processing register (AVG art. 30) and the privacy notice (AVG art. 13/14), generated: each processing
 * activity names its purpose, its legal basis and its data subjects' data by the policy's subject types; who sees
 * the data is read from the policy itself (defineAbilityFor for each role, in a world where that role works with
 * the client) and the term from the retention table. A rule changed in the policy or the table changes the notice
 * the same day; nothing here can drift from what the software does.
 */
import { CONSENT_PURPOSES, ROLES, type Role } from '../domain';
import { emptyFacts, type Actor } from '../policy/actor';
import { defineAbilityFor } from '../policy/rules';
import type { SubjectType } from '../policy/subjects';
import { retentionRule, type RetentionCategory } from './rules';

export const ROLE_NAMES: Record<Role, string> = {
  coach: 'uw re-integratiecoach', company_doctor: 'de bedrijfsarts', labour_expert: 'de arbeidsdeskundige', employer: 'uw werkgever',
  client: 'u zelf', privacy_officer: 'de privacy officer (FG)', admin: 'de functioneel beheerder',
};

export interface ProcessingActivity {
  name: string;
  purpose: string;
  basis: string;
  data: string;
  subjects: SubjectType[];
  retention: RetentionCategory;
  /** What the roles that see it see under: read by the notice next to the names. */
  note?: string;
}

export const PROCESSING_ACTIVITIES: readonly ProcessingActivity[] = [
  {
    name: 'Uw gegevens en uw traject', purpose: 'Weten wie u bent, wie u begeleidt en welk traject u volgt.',
    basis: 'AVG art. 6 lid 1 onder b en c (de overeenkomst met uw werkgever of het UWV, en de Wet verbetering poortwachter)',
    data: 'naam, geboortedatum, contactgegevens, werkgever, het soort traject en de data; uw BSN alleen waar de wet dat vraagt',
    subjects: ['Client'], retention: 'dossier',
    note: 'uw werkgever alleen uw naam en het traject; de privacy officer alleen wat nodig is om uw identiteit te controleren; de beheerder alleen uw naam en wie u begeleidt',
  },
  {
    name: 'Procesdossier', purpose: 'Uw re-integratietraject begeleiden: gesprekken, afspraken, activiteiten en voortgang vastleggen.',
    basis: 'AVG art. 6 lid 1 onder b en c (de overeenkomst met uw werkgever of het UWV, en de Wet verbetering poortwachter)',
    data: 'gespreksverslagen, activiteiten en tijdsregistratie, documenten',
    subjects: ['Consult', 'Activity', 'Document'], retention: 'dossier',
  },
  {
    name: 'Voortgangsrapportages aan de werkgever', purpose: 'Uw werkgever laten weten hoe het traject vordert.',
    basis: 'AVG art. 6 lid 1 onder c (Wet verbetering poortwachter), en per rapportage uw toestemming (art. 6 lid 1 onder a)',
    data: 'de voortgangsrapportage die u hebt goedgekeurd en gedeeld — nooit medische gegevens',
    subjects: ['Report'], retention: 'dossier', note: 'de werkgever alleen de rapportages waarvoor u toestemming gaf, zolang die geldt',
  },
  {
    name: 'Ziekteverzuim en Poortwachter-stappen', purpose: 'De wettelijke stappen bij ziekte bewaken (probleemanalyse, plan van aanpak, evaluaties).',
    basis: 'AVG art. 6 lid 1 onder c (Wet verbetering poortwachter)',
    data: 'de eerste ziektedag, de stappen en de adviezen aan de werkgever in termen van werk',
    subjects: ['SicknessCase', 'PoortwachterDocument'], retention: 'dossier',
  },
  {
    name: 'Gezondheidsdossier', purpose: 'De bedrijfsarts en de arbeidsdeskundige beoordelen wat u (nog) kunt.',
    basis: 'AVG art. 9 lid 2 onder h en UAVG art. 30 (beoordeling door een arts met beroepsgeheim)',
    data: 'medische notities, de functionele mogelijkheden (FML/BAR), arbeidsdeskundige rapporten, medische documenten',
    subjects: ['HealthRecord', 'HealthDocument'], retention: 'dossier',
    note: 'de coach ziet alleen uw functionele mogelijkheden, en alleen met uw toestemming; uw werkgever ziet hier nooit iets van',
  },
  {
    name: 'Toestemmingen', purpose: 'Vastleggen waarvoor u toestemming gaf of die introk.', basis: 'AVG art. 7 lid 1 (aantonen van toestemming)',
    data: 'het doel, de tekst waarmee u instemde, de datum van geven en intrekken', subjects: ['Consent'], retention: 'dossier',
  },
  {
    name: 'Logboek van inzage', purpose: 'Vastleggen wie wanneer uw dossier inzag of wijzigde, en misbruik opsporen.',
    basis: 'AVG art. 32 (beveiliging) en NEN 7513', data: 'wie, wanneer, welke handeling, vanaf welk adres — nooit de inhoud',
    subjects: ['AuditEvent'], retention: 'audit',
  },
  {
    name: 'Uw verzoeken over uw gegevens', purpose: 'Uw verzoeken om inzage, correctie, wissen, beperking, overdracht en bezwaar afhandelen.',
    basis: 'AVG art. 6 lid 1 onder c (AVG art. 12–21)', data: 'het verzoek, de controle van uw identiteit, het antwoord, exportbestanden',
    subjects: ['DataSubjectRequest', 'DataExport'], retention: 'dossier',
  },
  {
    name: 'Accounts en inloggen', purpose: 'U veilig laten inloggen.', basis: 'AVG art. 6 lid 1 onder b en art. 32 (beveiliging)',
    data: 'e-mailadres, naam, rollen, wachtwoord (alleen als onomkeerbare hash), tweestapsverificatie, sessies',
    subjects: ['User'], retention: 'sessions', note: 'ieder ziet alleen het eigen account; de beheerder beheert de accounts',
  },
  {
    name: 'Meldingen en e-mail', purpose: 'U laten weten dát er iets op u wacht (nooit wát).', basis: 'AVG art. 6 lid 1 onder b',
    data: 'e-mailadres, soort melding, datum', subjects: ['Notification', 'MailMessage'], retention: 'notifications', note: 'ieder ziet alleen de eigen meldingen; de beheerder ziet de wachtrij zonder inhoud',
  },
];

/** A world in which the role works with client C, has every consent and handover: the most it can ever see. */
function widestActor(role: Role): Actor {
  const clientId = 'c'.repeat(24);
  const facts = emptyFacts();
  facts.caseload = { coach: [clientId], company_doctor: [clientId], labour_expert: [clientId] };
  facts.employeeClientIds = [clientId];
  facts.consents = CONSENT_PURPOSES.map((purpose) => ({ clientId, purpose, reportId: 'r'.repeat(24) }));
  facts.handoverClientIds = [clientId];
  facts.handoverCapacityClientIds = [clientId];
  return { userId: 'u'.repeat(24), name: role, roles: [role], organisationId: 'o'.repeat(24), clientId: role === 'client' ? clientId : null, facts };
}

/** The roles the policy lets read any of these subjects (at all: conditions such as a caseload or consent apply). */
export function readersOf(subjects: readonly SubjectType[]): Role[] {
  return ROLES.filter((role) => {
    const ability = defineAbilityFor(widestActor(role));
    return subjects.some((type) => ability.can('read', type));
  });
}

export interface RegisterEntry {
  name: string;
  purpose: string;
  basis: string;
  data: string;
  readers: string[];
  readersNote: string | null;
  retention: string;
  retentionBasis: string;
}

/** The processing register, as the officer exports it and the notice shows it. */
export function processingRegister(): RegisterEntry[] {
  return PROCESSING_ACTIVITIES.map((activity) => {
    const rule = retentionRule(activity.retention);
    return {
      name: activity.name, purpose: activity.purpose, basis: activity.basis, data: activity.data,
      readers: readersOf(activity.subjects).map((role) => ROLE_NAMES[role]), readersNote: activity.note ?? null,
      retention: `${rule.termText} na ${rule.from}`, retentionBasis: rule.basis,
    };
  });
}

/** The same register as CSV (RFC 4180, `;` separated as Dutch spreadsheets expect). */
export function processingRegisterCsv(entries = processingRegister()): string {
  const header = ['Verwerking', 'Doel', 'Grondslag', 'Gegevens', 'Wie ziet het', 'Bewaartermijn', 'Grondslag bewaartermijn'];
  const cell = (value: string) => `"${value.replaceAll('"', '""')}"`;
  const rows = entries.map((entry) => [
    entry.name, entry.purpose, entry.basis, entry.data,
    entry.readers.join(', ') + (entry.readersNote ? ` (${entry.readersNote})` : ''), entry.retention, entry.retentionBasis,
  ]);
  return [header, ...rows].map((row) => row.map(cell).join(';')).join('\r\n') + '\r\n';
}
