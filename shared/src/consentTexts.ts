/**
 * The words a client agrees to. The server stores exactly this text with the consent, and the client shows the
 * same text before asking, so what was shown is what is on record (AVG art. 7: demonstrable, specific, informed).
 */
export const CONSENT_TEXTS = {
  reportShare: (reportTitle: string, employerName: string) =>
    `Ik geef toestemming om de voortgangsrapportage "${reportTitle}" te delen met ${employerName}. ` +
    'Mijn werkgever ziet alleen deze rapportage, niet mijn gespreksverslagen of medische gegevens. ' +
    'Ik kan deze toestemming altijd intrekken; vanaf dat moment ziet mijn werkgever de rapportage niet meer.',
  fmlCapacitiesCoach:
    'Mijn coach mag zien wat ik volgens de bedrijfsarts wel en niet kan (de FML-capaciteiten), zonder medische ' +
    'toelichting of diagnose. Ik kan deze toestemming altijd intrekken.',
  /** `from` and `until` are Amsterdam calendar days written DD-MM-JJJJ; access ends at the end of `until`. */
  handover: (coachName: string, from: string, until: string, capacities: boolean) =>
    `${coachName} mag mijn coach vervangen en mijn procesdossier inzien van ${from} tot en met ${until}. ` +
    (capacities
      ? 'Ook mag de vervanger de FML-capaciteiten zien die ik mijn coach heb toegestaan te zien. '
      : 'De vervanger ziet mijn FML-capaciteiten niet. ') +
    'Ik kan deze toestemming altijd intrekken.',
};
