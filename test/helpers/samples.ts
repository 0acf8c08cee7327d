/** Valid request bodies for every route that takes one, so a test can reach past validation to the policy. */
import { addDays, today } from '@spoorboek/shared/calendarDay';
import type { World } from './world';

export const samplePdf = (marker = 'voorbeeld') =>
  Buffer.from(`%PDF-1.4\n1 0 obj\n<< /Title (${marker}) >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n`, 'latin1');

/** A 1×1 PNG. */
export const samplePng = () => Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082',
  'hex',
);

export function sampleBodies(world: World): Record<string, object> {
  return {
    'post /api/v1/clients': {
      firstName: 'Nieuwe', lastName: 'Cliënt', trajectory: { kind: 'spoor1', startDate: '2026-11-01' }, employerId: String(world.organisations.vos._id),
    },
    'patch /api/v1/clients/:clientId': { phone: '06-11112222' },
    'put /api/v1/clients/:clientId/assignments': { coachId: String(world.users.anna._id) },
    'post /api/v1/clients/:clientId/consults': { date: '2026-11-20', durationMinutes: 30, kind: 'progress', summary: 'Overgenomen verslag' },
    'patch /api/v1/clients/:clientId/consults/:consultId': { summary: 'Herschreven door een ander' },
    'post /api/v1/clients/:clientId/consults/:consultId/approve': {},
    'post /api/v1/clients/:clientId/consults/:consultId/dispute': { comment: 'Niet mee eens' },
    'post /api/v1/clients/:clientId/consults/:consultId/addenda': { text: 'Toevoeging' },
    'post /api/v1/clients/:clientId/activities': { date: '2026-11-20', kind: 'phone', minutes: 10 },
    'patch /api/v1/clients/:clientId/activities/:activityId': { minutes: 5 },
    'post /api/v1/clients/:clientId/reports': { title: 'Rapport', periodStart: '2026-11-01', periodEnd: '2026-11-30', text: 'Tekst' },
    'patch /api/v1/clients/:clientId/reports/:reportId': { text: 'Herschreven' },
    'post /api/v1/clients/:clientId/reports/wording-check': { text: 'hernia' },
    'post /api/v1/clients/:clientId/reports/:reportId/dispute': { comment: 'Niet mee eens' },
    'post /api/v1/clients/:clientId/consents': { purpose: 'fml.capacities.coach' },
    'post /api/v1/clients/:clientId/documents': { category: 'cv' },
    'post /api/v1/clients/:clientId/health/documents': { category: 'ad_report' },
    'post /api/v1/clients/:clientId/health/fml': {
      date: '2026-11-20', format: 'fml', capacities: [{ rubriek: 'IV', item: '4.13', level: 2, quantification: 'max. 10 kg' }], conclusion: 'Beperkt',
    },
    'post /api/v1/clients/:clientId/health/ad-reports': {
      date: '2026-11-20', conclusion: 'Aangepast eigen werk',
      adAnswers: { ownWork: 'Nee', ownWorkAdjusted: 'Ja', otherWorkSameEmployer: 'Nee', workElsewhere: 'Nee', schemes: 'Geen' },
    },
    'post /api/v1/clients/:clientId/health/medical-notes': { date: '2026-11-20', text: 'Spreekuur' },
    'post /api/v1/clients/:clientId/health/records/:recordId/addenda': { text: 'Aanvulling' },
    'post /api/v1/clients/:clientId/sickness-cases': { firstSickDay: '2026-11-02', reportedBy: 'employer' },
    'post /api/v1/clients/:clientId/sickness-cases/:caseId/first-sick-day': { firstSickDay: '2026-11-03', reason: 'Verkeerde dag' },
    'post /api/v1/clients/:clientId/sickness-cases/:caseId/recovery': { kind: 'full', date: '2026-11-20' },
    'post /api/v1/clients/:clientId/sickness-cases/:caseId/extensions': { kind: 'uitstel', weeks: 6, decidedOn: '2026-11-20', reason: 'Verzoek' },
    'put /api/v1/clients/:clientId/sickness-cases/:caseId/steps/:step': { doneOn: '2026-11-20' },
    'post /api/v1/clients/:clientId/sickness-cases/:caseId/documents/advice': { content: { workCapacity: 'Licht werk', advice: 'Opbouwen' } },
    'post /api/v1/clients/:clientId/sickness-cases/:caseId/documents/forms': {
      kind: 'action_plan', content: { goal: 'Terug in eigen werk', actions: [{ what: 'Opbouwen', who: 'employee', when: '2026-12-01' }] },
    },
    'patch /api/v1/clients/:clientId/sickness-cases/:caseId/documents/:documentId': { content: { workCapacity: 'Licht werk', advice: 'Opbouwen' } },
    'post /api/v1/clients/:clientId/sickness-cases/:caseId/documents/:documentId/approve': {},
    'post /api/v1/clients/:clientId/sickness-cases/:caseId/documents/:documentId/dispute': { comment: 'Niet mee eens' },
    'post /api/v1/clients/:clientId/requests': { kind: 'access', description: 'Inzage graag' },
    'put /api/v1/clients/:clientId/objections': { managementFigures: true },
    'post /api/v1/privacy/clients/:clientId/restriction': {},
    'put /api/v1/privacy/clients/:clientId/legal-hold': { reason: 'Lopende klacht', until: addDays(today(), 30) },
    'post /api/v1/clients/:clientId/handovers': {
      // A handover starts today or later (Europe/Amsterdam) and lasts at most three months.
      toCoachId: String(world.users.anna._id), validFrom: addDays(today(), 1), validUntil: addDays(today(), 30),
    },
  };
}
