/**
 * A small bureau with everything the policy distinguishes: two employers, two coaches, a company doctor, a
 * labour expert, three clients, and their dossiers in every state. Each test builds its own (`aWorld()`).
 */
import { Types } from 'mongoose';
import type { Role } from '@spoorboek/shared/domain';
import { Client } from '../../server/src/db/models/client';
import { Organisation } from '../../server/src/db/models/organisation';
import { User } from '../../server/src/db/models/user';
import { Activity } from '../../server/src/modules/activities/model';
import { Consent, Handover, sealedConsent } from '../../server/src/db/models/consent';
import { Consult, sealedConsult } from '../../server/src/modules/consults/model';
import { Document, sealedDocument } from '../../server/src/modules/documents/model';
import { HealthDocument, HealthRecord, sealedHealthDocument, sealedHealthRecord } from '../../server/src/modules/health/model';
import { Report, sealedReport } from '../../server/src/modules/reports/model';
import { loadActor } from '../../server/src/policy/facts';
import { withAbility, type RequestActor } from '../../server/src/policy/enforce';
import { maskBsn } from '../../server/src/modules/clients/service';
import type { HealthContent } from '../../server/src/modules/health/content';

const DAY = 24 * 60 * 60 * 1000;
/** A valid (elfproef) but made-up BSN. */
export const JAN_BSN = '111222333';

export async function aUser(name: string, roles: Role[], extra: Record<string, unknown> = {}) {
  return User.create({ email: `${name.toLowerCase().replace(/\W+/g, '.')}@test.nl`, name, roles, ...extra });
}

export async function actorOf(user: { _id: Types.ObjectId; name: string; roles: Role[] }, now?: Date): Promise<RequestActor> {
  const fresh = await User.findById(user._id).lean();
  if (!fresh) throw new Error('no such user');
  return withAbility(await loadActor(fresh as never, now), { ip: '127.0.0.1', userAgent: 'mocha' });
}

export async function aWorld() {
  const bureau = await Organisation.create({ name: 'Re-integratie Test', kind: 'bureau' });
  const vos = await Organisation.create({ name: 'Bakkerij Vos', kind: 'employer' });
  const el = await Organisation.create({ name: 'Transport El', kind: 'employer' });

  const anna = await aUser('Anna Coach', ['coach'], { organisationId: bureau._id });
  const bram = await aUser('Bram Coach', ['coach'], { organisationId: bureau._id });
  const claes = await aUser('Claes Arts', ['company_doctor'], { organisationId: bureau._id });
  const dijk = await aUser('Dijk AD', ['labour_expert'], { organisationId: bureau._id });
  const hrVos = await aUser('HR Vos', ['employer'], { organisationId: vos._id });
  const hrEl = await aUser('HR El', ['employer'], { organisationId: el._id });
  const privacy = await aUser('Privacy Officer', ['privacy_officer'], { organisationId: bureau._id });
  const admin = await aUser('Beheerder', ['admin'], { organisationId: bureau._id });

  const trajectory = { kind: 'spoor2', status: 'active', startDate: new Date('2026-03-01') };
  const janId = new Types.ObjectId();
  const jan = await Client.create({
    _id: janId, firstName: 'Jan', lastName: 'de Wit', employerId: vos._id, coachId: anna._id, companyDoctorId: claes._id,
    labourExpertId: dijk._id, trajectory, bsn: JAN_BSN, // sealed on save
    bsnMasked: maskBsn(JAN_BSN),
  });
  const fatima = await Client.create({
    firstName: 'Fatima', lastName: 'El Amrani', employerId: vos._id, coachId: anna._id, companyDoctorId: claes._id, trajectory,
  });
  const sanne = await Client.create({
    firstName: 'Sanne', lastName: 'Bakker', employerId: el._id, coachId: bram._id, companyDoctorId: claes._id, trajectory,
  });
  const janUser = await aUser('Jan de Wit', ['client'], { clientId: jan._id });

  const consult = async (client: typeof jan, coach: typeof anna, status: string) => {
    const summary = `Gesprek (${status})`;
    const sent = status === 'draft' ? null : new Date();
    return Consult.create(await sealedConsult.seal({
      _id: new Types.ObjectId(), clientId: client._id, coachId: coach._id, date: new Date(), durationMinutes: 60, kind: 'progress', status, summary,
      revisions: [{ summary, date: new Date(), durationMinutes: 60, kind: 'progress', by: coach._id, at: new Date(), sentAt: sent }],
      ...(status === 'approved' ? { approvedAt: new Date() } : {}),
    }));
  };
  const consults = {
    janDraft: await consult(jan, anna, 'draft'),
    janAwaiting: await consult(jan, anna, 'awaiting_client'),
    janApproved: await consult(jan, anna, 'approved'),
    fatimaApproved: await consult(fatima, anna, 'approved'),
    sanneApproved: await consult(sanne, bram, 'approved'),
  };
  const firstNames = new Map([[String(jan._id), 'Jan'], [String(fatima._id), 'Fatima'], [String(sanne._id), 'Sanne']]);
  const report = async (client: typeof jan, coach: typeof anna, status: string) => {
    return Report.create(await sealedReport.seal({
      _id: new Types.ObjectId(), clientId: client._id, coachId: coach._id, periodStart: new Date('2026-09-01'), periodEnd: new Date('2026-09-30'),
      title: 'Voortgang', text: `${firstNames.get(String(client._id))} werkt drie dagen per week.`, status,
      ...(['approved', 'shared'].includes(status) ? { approvedAt: new Date() } : {}),
      ...(status === 'shared' ? { sharedAt: new Date() } : {}),
    }));
  };
  const reports = {
    janShared: await report(jan, anna, 'shared'),
    janDraft: await report(jan, anna, 'draft'),
    fatimaSharedWithdrawn: await report(fatima, anna, 'shared'),
    sanneShared: await report(sanne, bram, 'shared'),
  };
  const grant = (client: typeof jan, purpose: string, extra: Record<string, unknown> = {}) =>
    (async () => {
      return Consent.create(await sealedConsent.seal({
        _id: new Types.ObjectId(), clientId: client._id, purpose, text: 'Ik geef toestemming.', grantedBy: janUser._id, grantedAt: new Date(), ...extra,
      }));
    })();
  const consents = {
    janShare: await grant(jan, 'report.share', { reportId: reports.janShared._id }),
    fatimaShareWithdrawn: await grant(fatima, 'report.share', { reportId: reports.fatimaSharedWithdrawn._id, withdrawnAt: new Date() }),
    sanneShare: await grant(sanne, 'report.share', { reportId: reports.sanneShared._id }),
    janFml: await grant(jan, 'fml.capacities.coach'),
  };
  const activities = {
    jan: await Activity.create({ clientId: jan._id, authorId: anna._id, date: new Date(), kind: 'phone', minutes: 15 }),
    sanne: await Activity.create({ clientId: sanne._id, authorId: bram._id, date: new Date(), kind: 'email', minutes: 10 }),
  };
  const documents = {
    jan: await (async () => {
      return Document.create(await sealedDocument.seal({
        _id: new Types.ObjectId(), clientId: jan._id, uploadedBy: anna._id, category: 'cv', filename: 'cv.pdf', contentType: 'application/pdf', size: 10, fileId: new Types.ObjectId(),
      }));
    })(),
  };
  /** A health record as the health module writes it: metadata in the clear, content sealed with the health key. */
  const healthRecord = async (client: typeof jan, meta: { kind: string; format?: string; authorId: unknown }, content: HealthContent) => {
    return HealthRecord.create(await sealedHealthRecord.seal({ _id: new Types.ObjectId(), clientId: client._id, date: new Date(), ...meta, content }));
  };
  const healthDocument = async (uploadedBy: unknown, category: string, filename: string) => {
    return HealthDocument.create(await sealedHealthDocument.seal({
      _id: new Types.ObjectId(), clientId: jan._id, uploadedBy, category, filename, contentType: 'application/pdf', size: 10, fileId: new Types.ObjectId(),
    }));
  };
  const fml = (client: typeof jan) => healthRecord(client, { kind: 'fml', format: 'fml', authorId: claes._id }, {
    capacities: [{ rubriek: 'IV', item: '4.13', level: 1, quantification: 'max. 5 kg' }],
    conclusion: 'Beperkt belastbaar', explanation: 'Medische toelichting',
  });
  const health = {
    janFml: await fml(jan),
    fatimaFml: await fml(fatima),
    sanneFml: await fml(sanne),
    janAd: await healthRecord(jan, { kind: 'ad_report', authorId: dijk._id }, { conclusion: 'Aangepast eigen werk', text: 'AD-rapport' }),
    janNote: await healthRecord(jan, { kind: 'medical_note', authorId: claes._id }, { text: 'Medische aantekening', firstSickDay: new Date('2026-02-01') }),
    janAdFile: await healthDocument(dijk._id, 'ad_report', 'ad.pdf'),
    janMedicalFile: await healthDocument(claes._id, 'medical', 'brief.pdf'),
  };
  const handoverOfSanneToAnna = async (validUntil: Date, consented: boolean) => {
    const handover = await Handover.create({
      clientId: sanne._id, fromCoachId: bram._id, toCoachId: anna._id, validFrom: new Date(Date.now() - DAY), validUntil, createdBy: bram._id,
    });
    if (consented) await grant(sanne, 'handover', { handoverId: handover._id });
    return handover;
  };

  return {
    organisations: { bureau, vos, el },
    users: { anna, bram, claes, dijk, hrVos, hrEl, privacy, admin, janUser },
    clients: { jan, fatima, sanne },
    consults, reports, consents, activities, documents, health, handoverOfSanneToAnna, DAY,
  };
}
export type World = Awaited<ReturnType<typeof aWorld>>;
