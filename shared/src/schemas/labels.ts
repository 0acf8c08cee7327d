/**
 * The label a person sees for each input field, so an error names "Voornaam" and never `body.firstName`.
 * Keyed by the field's own name; a dotted path ("trajectory.endDate") overrides where one name means two things.
 * A field missing here is called "Dit veld": add its label when a form gains a field.
 */
export const FIELD_LABELS: Record<string, string> = {
  // people and accounts
  firstName: 'Voornaam', lastName: 'Achternaam', dateOfBirth: 'Geboortedatum', email: 'E-mailadres', phone: 'Telefoonnummer',
  address: 'Adres', bsn: 'BSN', name: 'Naam', roles: 'Rollen', password: 'Wachtwoord', currentPassword: 'Huidig wachtwoord',
  newPassword: 'Nieuw wachtwoord', code: 'Code', token: 'Link', disabled: 'Geblokkeerd', organisationId: 'Organisatie',
  clientId: 'Cliënt', employerId: 'Werkgever', coachId: 'Coach', companyDoctorId: 'Bedrijfsarts', labourExpertId: 'Arbeidsdeskundige',
  toCoachId: 'Vervangende coach', kind: 'Soort', status: 'Status', outcome: 'Uitkomst',
  // trajectory
  trajectory: 'Traject', 'trajectory.kind': 'Soort traject', 'trajectory.status': 'Status van het traject',
  'trajectory.startDate': 'Startdatum van het traject', 'trajectory.endDate': 'Einddatum van het traject', 'trajectory.outcome': 'Uitkomst van het traject',
  startDate: 'Startdatum', endDate: 'Einddatum',
  // consults, activities, reports, documents
  date: 'Datum', durationMinutes: 'Duur (minuten)', summary: 'Verslag', text: 'Tekst', note: 'Notitie', minutes: 'Minuten',
  comment: 'Opmerking', title: 'Titel', periodStart: 'Periode van', periodEnd: 'Periode tot en met', consultIds: 'Gespreksverslagen',
  category: 'Categorie', description: 'Omschrijving', filename: 'Bestandsnaam', content: 'Inhoud', contentType: 'Bestandstype',
  // consent and handover
  purpose: 'Doel', validFrom: 'Geldig vanaf', validUntil: 'Geldig tot en met', reason: 'Reden', confirmation: 'Bevestiging',
  // health
  healthRecordId: 'Medisch onderzoek', medicalNoteId: 'Medische aantekening', capacities: 'Capaciteiten', rubriek: 'Rubriek',
  item: 'Item', level: 'Niveau', explanation: 'Toelichting', conclusion: 'Conclusie', advice: 'Advies', workCapacity: 'Belastbaarheid',
  expectedDuration: 'Verwachte duur', evaluation: 'Evaluatie', adAnswers: 'Antwoorden arbeidsdeskundige',
  // sickness and Poortwachter
  firstSickDay: 'Eerste ziektedag', weeks: 'Aantal weken', months: 'Aantal maanden', decidedOn: 'Besloten op', goal: 'Doel',
  from: 'Van', to: 'Tot', lastDay: 'Laatste dag', firstDay: 'Eerste dag', reportedOn: 'Gemeld op', receivedOn: 'Ontvangen op',
  // rights requests
  channel: 'Kanaal', method: 'Methode', identityCheck: 'Identiteitscontrole', resolution: 'Afhandeling', objections: 'Bezwaren',
  // lists and paging
  search: 'Zoekterm', page: 'Pagina', pageSize: 'Aantal per pagina', year: 'Jaar', month: 'Maand', format: 'Formaat',
  action: 'Handeling', compartment: 'Deel van het dossier', includeOwn: 'Eigen handelingen tonen',
};

/** The label for a field at `path` (the part of the request left out): "trajectory.endDate" → "Einddatum van het traject". */
export function fieldLabel(path: readonly (string | number)[]): string {
  const named = path.filter((segment) => typeof segment === 'string' && !/^\d+$/.test(segment)).map(String);
  for (let start = 0; start < named.length; start += 1) {
    const label = FIELD_LABELS[named.slice(start).join('.')];
    if (label) return label;
  }
  return 'Dit veld';
}
