/**
 * "Wie heeft mijn dossier ingezien" in words a client reads (AVG art. 15, NEN 7513): the raw trail grouped per
 * person, per Amsterdam day and per part of the dossier, each group one plain Dutch line — "Anna Jansen (uw coach)
 * las uw gespreksverslagen" — instead of a row per request.
 */
import { dayOf } from '@spoorboek/shared/calendarDay';
import type { AuditAction } from '@spoorboek/shared/domain';

type Compartment = 'process' | 'health' | 'system';

export interface TrailEvent {
  at: Date;
  action: AuditAction;
  outcome: 'allowed' | 'denied';
  actor?: { userId?: string | null; name?: string | null; roles?: string[] };
  object?: { type?: string | null; compartment?: Compartment };
}

/** Who the client's dossier names in each role, so a line says "uw coach" rather than "een coach". */
export interface Assigned { coachId?: unknown; companyDoctorId?: unknown; labourExpertId?: unknown }

export interface AccessLine {
  day: string;
  firstAt: Date;
  lastAt: Date;
  who: string;
  own: boolean;
  compartment: Compartment;
  type: string;
  action: AuditAction;
  outcome: 'allowed' | 'denied';
  count: number;
  line: string;
}

/** Part of the dossier: [one, several]. */
const PARTS: Record<string, [string, string]> = {
  Client: ['persoonsgegevens', 'persoonsgegevens'], Consult: ['gespreksverslag', 'gespreksverslagen'],
  Activity: ['tijdsregistratie', 'tijdsregistraties'], Report: ['rapportage', 'rapportages'], Document: ['document', 'documenten'],
  HealthRecord: ['medisch gegeven', 'medische gegevens'], HealthDocument: ['medisch document', 'medische documenten'],
  SicknessCase: ['verzuimdossier', 'verzuimdossier'], PoortwachterDocument: ['Poortwachter-document', 'Poortwachter-documenten'],
  Consent: ['toestemming', 'toestemmingen'], Handover: ['vervanging', 'vervangingen'], AuditEvent: ['inzagelog', 'inzagelog'],
  DataSubjectRequest: ['privacyverzoek', 'privacyverzoeken'], DataExport: ['export van uw dossier', 'exports van uw dossier'],
};
const part = (type: string, count = 2) => (PARTS[type] ?? ['gegeven', 'gegevens'])[count === 1 ? 0 : 1];

const ROLE_WORDS: Record<string, string> = {
  coach: 'coach', company_doctor: 'bedrijfsarts', labour_expert: 'arbeidsdeskundige', employer: 'werkgever',
  privacy_officer: 'privacy officer', admin: 'functioneel beheerder', client: 'cliënt',
};
const ASSIGNED_ROLE: Record<string, keyof Assigned> = { coach: 'coachId', company_doctor: 'companyDoctorId', labour_expert: 'labourExpertId' };

/** Reading one record and looking at the list are one thing to a client: both are "las". */
const verbKey = (action: AuditAction): AuditAction => (action === 'search' ? 'read' : action);

function sentence(action: string, outcome: 'allowed' | 'denied', type: string, count: number, subject: string): string {
  const your = 'uw';
  if (outcome === 'denied') return `${subject} kreeg geen toegang tot ${your} ${part(type)}${count > 1 ? ` (${count} keer geprobeerd)` : ''}`;
  const times = count > 1 ? ` (${count} keer)` : '';
  switch (action) {
    case 'read': return `${subject} ${subject === 'U' ? 'bekeek' : 'las'} ${your} ${part(type)}${times}`;
    case 'create': return `${subject} voegde ${count === 1 ? 'een' : count} ${part(type, count)} toe`;
    case 'update': return `${subject} wijzigde ${your} ${part(type)}${times}`;
    case 'delete': return `${subject} verwijderde ${count === 1 ? 'een' : count} ${part(type, count)}`;
    case 'export': return `${subject} downloadde ${your} ${part(type)}${times}`;
    case 'print': return `${subject} drukte ${your} ${part(type)} af${times}`;
    case 'share': return `${subject} deelde ${your} ${part(type)} met de werkgever${times}`;
    case 'approve': return `${subject} keurde ${your} ${part(type)} goed${times}`;
    case 'dispute': return `${subject} was het niet eens met ${your} ${part(type)}${times}`;
    case 'send': return `${subject} verstuurde ${your} ${part(type)}${times}`;
    case 'grant': return `${subject} gaf toestemming${times}`;
    case 'withdraw': return `${subject} trok een toestemming in${times}`;
    case 'assign': return `${subject} wijzigde wie uw dossier behandelt${times}`;
    default: return `${subject} gebruikte ${your} ${part(type)}${times}`;
  }
}

function whoIs(event: TrailEvent, assigned: Assigned): { who: string; own: boolean } {
  const roles = event.actor?.roles ?? [];
  if (roles.includes('client')) return { who: 'U', own: true };
  const name = event.actor?.name ?? 'Iemand';
  const role = roles.find((candidate) => ROLE_WORDS[candidate]);
  if (!role) return { who: name, own: false };
  const field = ASSIGNED_ROLE[role];
  const yours = (field && event.actor?.userId && String(assigned[field] ?? '') === event.actor.userId) || role === 'employer';
  return { who: `${name} (${yours ? 'uw ' : ''}${ROLE_WORDS[role]})`, own: false };
}

/** Groups events (any order) into lines, newest day first and within a day the latest first. */
export function accessLines(events: readonly TrailEvent[], assigned: Assigned): AccessLine[] {
  const groups = new Map<string, AccessLine>();
  for (const event of events) {
    const { who, own } = whoIs(event, assigned);
    const type = event.object?.type ?? 'onbekend';
    const action = verbKey(event.action);
    const day = dayOf(event.at);
    const key = [day, event.actor?.userId ?? who, type, action, event.outcome].join('|');
    const found = groups.get(key);
    if (found) {
      found.count += 1;
      if (event.at < found.firstAt) found.firstAt = event.at;
      if (event.at > found.lastAt) found.lastAt = event.at;
    } else {
      groups.set(key, {
        day, firstAt: event.at, lastAt: event.at, who, own, compartment: event.object?.compartment ?? 'system', type, action,
        outcome: event.outcome, count: 1, line: '',
      });
    }
  }
  const lines = [...groups.values()];
  for (const line of lines) line.line = `${sentence(line.action, line.outcome, line.type, line.count, line.who)}.`;
  return lines.sort((a, b) => b.lastAt.getTime() - a.lastAt.getTime());
}
