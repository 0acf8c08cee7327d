/**
 * What Spoorboek notifies people about: *that* something waits for them, never what it says (no dossier content
 * in a mail or a badge). Each user chooses which of these also come by e-mail; the in-app inbox always has them.
 */
export const NOTIFICATION_KINDS = [
  'consult_waiting', // a consult summary waits for the client's approval
  'report_waiting', // a progress report waits for the client's approval
  'consult_disputed', // the client disputed a summary: back to the coach
  'report_disputed', // the client disputed a report: back to the coach
  'report_shared', // the client shared a report with the employer
  'consent_withdrawn', // the client withdrew a consent: the coach should know
  'handover_requested', // the coach asks the client to agree to a substitute
  'poortwachter_due', // a legal step of a sickness case is due in a week, or today (Wet verbetering poortwachter)
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** The sentence of the mail subject and the inbox line (Dutch, content-free). */
export const NOTIFICATION_SENTENCES: Record<NotificationKind, string> = {
  consult_waiting: 'Er staat een gespreksverslag voor u klaar',
  report_waiting: 'Er staat een voortgangsrapportage voor u klaar',
  consult_disputed: 'Een cliënt is het niet eens met een gespreksverslag',
  report_disputed: 'Een cliënt is het niet eens met een voortgangsrapportage',
  report_shared: 'Er is een voortgangsrapportage met u gedeeld',
  consent_withdrawn: 'Een cliënt heeft een toestemming ingetrokken',
  handover_requested: 'Uw coach vraagt uw toestemming voor een vervanger',
  poortwachter_due: 'Een stap in een verzuimdossier moet binnenkort gezet worden',
};
