/**
 * The demo organisation: a small re-integration bureau with realistic Dutch dossiers, so every role has
 * something to do on a fresh `npm start`. All accounts share one password; accounts with two-factor share one
 * published TOTP secret, so a reviewer can generate codes (README). Never in production.
 */
import mongoose, { type Types } from 'mongoose';
import type { Role } from '@spoorboek/shared/domain';
import { hashPassword } from '../auth/passwords';
import type { Config } from '../config';
import { useMasterKey } from '../crypto/dataKeys';
import { seal } from '../crypto/masterKeySeal';
import { Client } from '../db/models/client';
import { Organisation } from '../db/models/organisation';
import { User } from '../db/models/user';
import { Activity, sealedActivity } from '../modules/activities/model';
import { Consent, sealedConsent } from '../db/models/consent';
import { Consult, sealedConsult } from '../modules/consults/model';
import type { HealthContent } from '../modules/health/content';
import { HealthRecord, sealedHealthRecord } from '../modules/health/model';
import { maskBsn } from '../modules/clients/service';
import { Report, sealedReport } from '../modules/reports/model';
import { CONSENT_TEXTS } from '@spoorboek/shared/consentTexts';
import { seedPoortwachter } from './poortwachterSeed';

export const DEMO_PASSWORD = 'Spoorboek-demo-2026!';
export const DEMO_TOTP_SECRET = 'JBSWY3DPEHPK3PXP';

export class DemoSeedRefused extends Error {}

const day = (iso: string) => new Date(`${iso}T10:00:00Z`);

export async function isDatabaseEmpty(): Promise<boolean> {
  return (await User.estimatedDocumentCount()) === 0;
}

export async function seedDemo(config: Config): Promise<void> {
  if (config.env === 'production') throw new DemoSeedRefused('The demo data is never loaded in production (NODE_ENV=production).');
  if (!(await isDatabaseEmpty())) throw new DemoSeedRefused('The database already holds accounts; the demo data goes only into an empty one.');

  useMasterKey(config.masterKey);
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const bureau = await Organisation.create({ name: 'Spoorboek Re-integratie (demo)', kind: 'bureau' });
  const vos = await Organisation.create({ name: 'Bakkerij Vos', kind: 'employer' });
  const el = await Organisation.create({ name: 'Transport El', kind: 'employer' });

  const account = async (email: string, name: string, roles: Role[], extra: Record<string, unknown> = {}) => {
    const user = await User.create({ email, name, roles, passwordHash, organisationId: bureau._id, ...extra });
    if (roles.some((role) => ['company_doctor', 'labour_expert', 'privacy_officer', 'admin'].includes(role))) {
      await User.updateOne({ _id: user._id }, {
        mfaEnabled: true, totpSecret: seal(config.masterKey, DEMO_TOTP_SECRET, `totp:${String(user._id)}`),
      });
    }
    return user;
  };

  await account('admin@demo.spoorboek.nl', 'Beheerder Demo', ['admin']);
  await account('privacy@demo.spoorboek.nl', 'Petra Privacy', ['privacy_officer']);
  const anna = await account('coach.anna@demo.spoorboek.nl', 'Anna Jansen', ['coach']);
  const bram = await account('coach.bram@demo.spoorboek.nl', 'Bram de Vries', ['coach']);
  const claes = await account('arts.claes@demo.spoorboek.nl', 'Dr. Claes Visser', ['company_doctor']);
  const dijk = await account('ad.dijk@demo.spoorboek.nl', 'Dirk van Dijk', ['labour_expert']);
  const hrVos = await account('hr@bakkerij-vos.demo', 'Henk Vos (HR)', ['employer'], { organisationId: vos._id });
  const hrEl = await account('hr@transport-el.demo', 'Laila El (HR)', ['employer'], { organisationId: el._id });

  const janId = new mongoose.Types.ObjectId();
  const janBsn = '111222333'; // made up, passes the elfproef
  const jan = await Client.create({
    _id: janId, bsn: janBsn, bsnMasked: maskBsn(janBsn), // sealed on save, like the personal details
    firstName: 'Jan', lastName: 'de Wit', dateOfBirth: day('1978-04-12'), email: 'jan@client.demo', phone: '06-12345678',
    address: 'Bakkerstraat 12, 3511 AB Utrecht', employerId: vos._id, coachId: anna._id, companyDoctorId: claes._id,
    labourExpertId: dijk._id, trajectory: { kind: 'spoor1', status: 'active', startDate: day('2026-05-04') },
  });
  const fatima = await Client.create({
    firstName: 'Fatima', lastName: 'El Amrani', dateOfBirth: day('1985-09-30'), email: 'fatima@client.demo',
    employerId: vos._id, coachId: anna._id, companyDoctorId: claes._id,
    trajectory: { kind: 'spoor2', status: 'active', startDate: day('2026-03-16') },
  });
  const sanne = await Client.create({
    firstName: 'Sanne', lastName: 'Bakker', dateOfBirth: day('1992-01-22'), email: 'sanne@client.demo',
    employerId: el._id, coachId: bram._id, companyDoctorId: claes._id,
    trajectory: { kind: 'career_guidance', status: 'intake', startDate: day('2026-10-01') },
  });
  const janUser = await account('jan@client.demo', 'Jan de Wit', ['client'], { clientId: jan._id, organisationId: null });
  const fatimaUser = await account('fatima@client.demo', 'Fatima El Amrani', ['client'], { clientId: fatima._id, organisationId: null });
  const sanneUser = await account('sanne@client.demo', 'Sanne Bakker', ['client'], { clientId: sanne._id, organisationId: null });

  const consult = async (
    clientId: Types.ObjectId, coachId: Types.ObjectId, date: string, status: string, summary: string,
    { clientComment, ...extra }: Record<string, unknown> & { clientComment?: string } = {},
  ) => {
    const fields = { date: day(date), durationMinutes: 60, kind: 'progress', ...extra };
    return Consult.create(await sealedConsult.seal({
      _id: new mongoose.Types.ObjectId(), clientId, coachId, status, ...fields, summary, clientComment: clientComment ?? null,
      revisions: [{ ...fields, summary, by: coachId, at: day(date), sentAt: status === 'draft' ? null : day(date), clientComment: clientComment ?? null }],
    }));
  };
  const janIntake = await consult(jan._id, anna._id, '2026-05-06', 'approved',
    'Kennismaking. Jan wil graag terug naar zijn eigen werk als broodbakker, eerst in aangepaste uren. Afgesproken: twee ochtenden per week opbouwen.',
    { kind: 'intake', approvedAt: day('2026-05-08') });
  const janProgress = await consult(jan._id, anna._id, '2026-09-10', 'approved',
    'Jan werkt nu drie ochtenden per week. Het vroege begin gaat goed; tillen van zware zakken meel laat hij aan collega’s over.',
    { approvedAt: day('2026-09-12') });
  await consult(jan._id, anna._id, '2026-11-12', 'awaiting_client',
    'Evaluatie van de opbouw. Jan geeft aan dat vier ochtenden haalbaar lijken. Volgende stap: gesprek met werkgever over taakverdeling.');
  await consult(jan._id, anna._id, '2026-11-19', 'draft', 'Telefonisch contact over de planning van december (concept).');
  await consult(fatima._id, anna._id, '2026-04-02', 'approved',
    'Fatima oriënteert zich op ander werk buiten de bakkerij. Interesses: administratie en planning. Zij start met een beroepskeuzetest.',
    { kind: 'intake', approvedAt: day('2026-04-05') });
  await consult(fatima._id, anna._id, '2026-10-20', 'disputed',
    'Bespreking testuitslag: voorkeur voor planning. Fatima twijfelt over een opleiding.',
    { clientComment: 'Ik twijfel niet over de opleiding, ik wil eerst weten of mijn werkgever die vergoedt.' });
  await consult(sanne._id, bram._id, '2026-10-03', 'approved',
    'Intakegesprek loopbaanbegeleiding. Sanne wil doorgroeien naar een planningsfunctie binnen de logistiek.',
    { kind: 'intake', approvedAt: day('2026-10-06') });

  const activity = async (clientId: Types.ObjectId, authorId: Types.ObjectId, date: string, kind: string, minutes: number, note: string) => {
    return Activity.create(await sealedActivity.seal({ _id: new mongoose.Types.ObjectId(), clientId, authorId, date: day(date), kind, minutes, note }));
  };
  const report = async (fields: Record<string, unknown> & { clientId: Types.ObjectId; title: string; text: string }) => {
    return Report.create(await sealedReport.seal({ _id: new mongoose.Types.ObjectId(), ...fields }));
  };
  await activity(jan._id, anna._id, '2026-05-06', 'consult', 60, 'Intakegesprek');
  await activity(jan._id, anna._id, '2026-09-10', 'consult', 60, 'Voortgangsgesprek');
  await activity(jan._id, anna._id, '2026-09-15', 'email', 15, 'Verslag nagestuurd');
  await activity(jan._id, anna._id, '2026-11-12', 'consult', 75, 'Evaluatie opbouw');
  await activity(fatima._id, anna._id, '2026-04-02', 'consult', 60, 'Intake');
  await activity(fatima._id, anna._id, '2026-04-20', 'test', 120, 'Beroepskeuzetest afgenomen');
  await activity(sanne._id, bram._id, '2026-10-03', 'consult', 60, 'Intake');

  /** Health records as the health module writes them: metadata in the clear, the content sealed with the health key. */
  const healthRecord = async ({ clientId, kind, format, authorId, date, ...content }: Record<string, unknown> & HealthContent & {
    clientId: Types.ObjectId; kind: string; authorId: Types.ObjectId; date: Date; format?: string;
  }) => {
    const _id = new mongoose.Types.ObjectId();
    return HealthRecord.create(await sealedHealthRecord.seal({ _id, clientId, kind, format: format ?? null, authorId, date, content }));
  };

  const consent = async ({ text, ...fields }: Record<string, unknown> & { clientId: Types.ObjectId; text: string }) => {
    return Consent.create(await sealedConsent.seal({ _id: new mongoose.Types.ObjectId(), ...fields, text }));
  };

  const janReport = await report({
    clientId: jan._id, coachId: anna._id, title: 'Voortgangsrapportage september 2026', periodStart: day('2026-09-01'),
    periodEnd: day('2026-09-30'), consultIds: [janProgress._id, janIntake._id], status: 'approved',
    text: 'Jan bouwt zijn uren volgens plan op en werkt nu drie ochtenden per week in zijn eigen functie. Zware tilwerkzaamheden worden door collega’s overgenomen. Verwachting: in december vier ochtenden.',
    approvedAt: day('2026-10-02'),
  });
  await consent({
    clientId: jan._id, purpose: 'report.share', reportId: janReport._id, grantedBy: janUser._id, grantedAt: day('2026-10-02'),
    text: CONSENT_TEXTS.reportShare('Voortgangsrapportage september 2026', vos.name),
  });
  const fatimaReport = await report({
    clientId: fatima._id, coachId: anna._id, title: 'Voortgangsrapportage april 2026', periodStart: day('2026-04-01'),
    periodEnd: day('2026-04-30'), status: 'approved', approvedAt: day('2026-05-06'),
    text: 'Fatima heeft een beroepskeuzetest gedaan en oriënteert zich op administratief en plannend werk.',
  });
  await consent({
    clientId: fatima._id, purpose: 'report.share', reportId: fatimaReport._id, grantedBy: fatimaUser._id, grantedAt: day('2026-05-06'),
    withdrawnAt: day('2026-06-01'), text: CONSENT_TEXTS.reportShare('Voortgangsrapportage april 2026', vos.name),
  });
  await consent({
    clientId: jan._id, purpose: 'fml.capacities.coach', grantedBy: janUser._id, grantedAt: day('2026-06-01'),
    text: CONSENT_TEXTS.fmlCapacitiesCoach,
  });

  await healthRecord({
    clientId: jan._id, kind: 'fml', format: 'fml', authorId: claes._id, date: day('2026-05-20'),
    capacities: [
      { rubriek: 'IV', item: '4.13', level: 2, quantification: 'tillen max. 10 kg' },
      { rubriek: 'V', item: '5.3', level: 1, quantification: 'staan max. 1 uur aaneengesloten' },
      { rubriek: 'VI', item: '6.2', level: 1, quantification: 'max. 4 uur per dag' },
    ],
    conclusion: 'Beperkt belastbaar voor zwaar fysiek werk; opbouw in eigen werk mogelijk.',
    explanation: 'Rugklachten na hernia (L5-S1), in behandeling bij fysiotherapeut. Herbeoordeling over drie maanden.',
  });
  await healthRecord({
    clientId: jan._id, kind: 'medical_note', authorId: claes._id, date: day('2026-05-04'), firstSickDay: day('2026-02-16'),
    text: 'Spreekuur: klachten lage rug, verwezen naar fysiotherapie. Werkhervatting in aangepaste uren haalbaar.',
  });
  await healthRecord({
    clientId: jan._id, kind: 'ad_report', authorId: dijk._id, date: day('2026-06-15'),
    adAnswers: {
      ownWork: 'Niet volledig: zwaar tillen past niet binnen de belastbaarheid.',
      ownWorkAdjusted: 'Ja, met hulpmiddelen (tilhulp) en taakroulatie.',
      otherWorkSameEmployer: 'Niet nodig gezien aangepast eigen werk.',
      workElsewhere: 'Niet aan de orde (geen spoor 2).',
      schemes: 'Werkplekaanpassing via de werkgever; geen UWV-voorziening nodig.',
    },
    conclusion: 'Aangepast eigen werk', text: 'Arbeidsdeskundig onderzoek naar aanleiding van de FML van mei 2026.',
  });
  await healthRecord({
    clientId: fatima._id, kind: 'fml', format: 'bar', authorId: claes._id, date: day('2026-03-25'),
    barSections: [
      { title: 'Belastbaarheid', text: 'Geen staand werk langer dan een half uur; zittend werk goed mogelijk.' },
      { title: 'Re-integratie', text: 'Ander werk bij voorkeur in administratieve richting.' },
    ],
    capacities: [{ rubriek: 'V', item: '5.3', level: 2, quantification: 'staan max. 30 minuten' }],
    conclusion: 'Eigen werk niet passend; ander werk passend.', explanation: 'Chronische voetklachten (fasciitis plantaris).',
  });
  await healthRecord({
    clientId: fatima._id, kind: 'ad_report', authorId: dijk._id, date: day('2026-04-10'),
    adAnswers: { ownWork: 'Nee.', ownWorkAdjusted: 'Nee.', otherWorkSameEmployer: 'Geen passende functie beschikbaar.', workElsewhere: 'Ja: spoor 2 gestart.', schemes: 'Scholing via werkgever te bespreken.' },
    conclusion: 'Ander werk bij een andere werkgever (spoor 2)', text: 'Arbeidsdeskundig onderzoek spoor 2.',
  });

  await seedPoortwachter({
    jan: jan._id, fatima: fatima._id, sanne: sanne._id, anna: anna._id, bram: bram._id, claes: claes._id,
    hrVos: hrVos._id, hrEl: hrEl._id, janUser: janUser._id, fatimaUser: fatimaUser._id, sanneUser: sanneUser._id,
  });
}
