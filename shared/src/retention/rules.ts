/**
 * The retention table (AVG art. 5(1)(e), storage limitation: "niet langer dan noodzakelijk"): per category of
 * data its term, the moment the term starts, the legal basis and what enforces it. One table for the server (the
 * retention run and the sweepers read their terms from here), the privacy officer's screen, the privacy notice
 * and the processing register, so none of them can drift from the others. docs/retention.md explains each row.
 */

export const RETENTION_CATEGORIES = [
  'dossier', 'dossier_objected', 'audit', 'sessions', 'account_tokens', 'exports', 'mail', 'idempotency', 'notifications',
] as const;
export type RetentionCategory = (typeof RETENTION_CATEGORIES)[number];

export interface RetentionRule {
  category: RetentionCategory;
  /** What the category holds, in Dutch. */
  label: string;
  /** The term in days (years as 365 days are not used: see `termYears`). */
  termDays?: number;
  termYears?: number;
  /** The term as a reader says it. */
  termText: string;
  /** From which moment the term runs. */
  from: string;
  /** The legal basis or the reason for the term. */
  basis: string;
  /** What carries it out. */
  enforcedBy: string;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** After the trajectory ended, a client who objected to keeping the dossier is erased after this grace period. */
export const OBJECTION_GRACE_DAYS = 30;

export const RETENTION_RULES: readonly RetentionRule[] = [
  {
    category: 'dossier', label: 'Het dossier: procesdossier en gezondheidsdossier, met de persoonsgegevens',
    termYears: 5, termText: '5 jaar', from: 'het einde van het traject',
    basis: 'Privacyreglement Re-integratieonderwijs.nl art. 6.3 (digitale dossiers 5 jaar na afloop van de dienstverlening)',
    enforcedBy: 'de bewaartermijnrun (dagelijks in de server, en npm run retention): wissen door crypto-shredding',
  },
  {
    category: 'dossier_objected', label: 'Het dossier van een cliënt die bezwaar maakte tegen bewaren na het traject',
    termDays: OBJECTION_GRACE_DAYS, termText: `${OBJECTION_GRACE_DAYS} dagen`, from: 'het einde van het traject',
    basis: 'AVG art. 21 (bezwaar) en art. 17 lid 1 onder c; de 30 dagen geven de cliënt tijd om een kopie te vragen (AVG art. 15, 20)',
    enforcedBy: 'de bewaartermijnrun: wissen door crypto-shredding',
  },
  {
    category: 'audit', label: 'Het logboek van wie wat heeft ingezien of gedaan (audittrail)',
    termYears: 5, termText: '5 jaar', from: 'het moment van de gebeurtenis',
    basis: 'NEN 7513 (logging van toegang tot dossiers) en NEN 7510',
    enforcedBy: 'de bewaartermijnrun telt wat ouder is; ingekort wordt alleen bij hele verzegelde stukken van de keten (nog niet geautomatiseerd)',
  },
  {
    category: 'sessions', label: 'Inlogsessies', termText: '30 minuten zonder activiteit (15 bij gezondheidsrollen), hooguit 12 uur',
    from: 'het inloggen', basis: 'NEN 7510 en OWASP ASVS (sessiebeheer)', enforcedBy: 'de sessie-opruiming in de server (elke 10 minuten)',
  },
  {
    category: 'account_tokens', label: 'Uitnodigings- en herstellinks', termText: 'uitnodiging 7 dagen, wachtwoordherstel 30 minuten',
    from: 'het versturen', basis: 'dataminimalisatie (AVG art. 5 lid 1 onder c)', enforcedBy: 'ongeldig na de termijn; de bewaartermijnrun verwijdert ze 30 dagen daarna',
  },
  {
    category: 'exports', label: 'Exportbestanden (inzage en overdraagbaarheid)', termDays: 7, termText: '7 dagen',
    from: 'het klaarzetten', basis: 'dataminimalisatie (AVG art. 5 lid 1 onder c)', enforcedBy: 'de export-opruiming (elk uur)',
  },
  {
    category: 'mail', label: 'Verstuurde e-mails in de wachtrij (alleen dat er iets klaarstaat, nooit de inhoud van het dossier)',
    termDays: 30, termText: '30 dagen', from: 'het versturen', basis: 'dataminimalisatie (AVG art. 5 lid 1 onder c); 30 dagen om bezorgproblemen na te gaan',
    enforcedBy: 'de bewaartermijnrun',
  },
  {
    category: 'idempotency', label: 'Herhaalbeveiliging van verzoeken (Idempotency-Key)', termDays: 1, termText: '24 uur',
    from: 'het verzoek', basis: 'technisch noodzakelijk; niet langer dan een herhaalde poging duurt', enforcedBy: 'de opruiming in de server (elke 10 minuten)',
  },
  {
    category: 'notifications', label: 'Meldingen in de inbox', termDays: 365, termText: '1 jaar', from: 'het aanmaken',
    basis: 'dataminimalisatie (AVG art. 5 lid 1 onder c)', enforcedBy: 'de bewaartermijnrun',
  },
];

export function retentionRule(category: RetentionCategory): RetentionRule {
  return RETENTION_RULES.find((rule) => rule.category === category)!;
}

/** The moment a term that started at `from` ends (years counted in calendar years, UTC). */
export function termEnds(rule: RetentionRule, from: Date): Date {
  if (rule.termYears) {
    const end = new Date(from);
    end.setUTCFullYear(end.getUTCFullYear() + rule.termYears);
    return end;
  }
  return new Date(from.getTime() + (rule.termDays ?? 0) * DAY_MS);
}

/** Where before this moment a record of the category is past its term (for categories with a term in days/years). */
export function cutoffFor(rule: RetentionRule, now: Date): Date {
  if (rule.termYears) {
    const cutoff = new Date(now);
    cutoff.setUTCFullYear(cutoff.getUTCFullYear() - rule.termYears);
    return cutoff;
  }
  return new Date(now.getTime() - (rule.termDays ?? 0) * DAY_MS);
}
