/**
 * The medical-wording guard at the doors of the API (issue 16): every evasion that slipped through the old guard
 * is flagged by the live check and stops sending (422); sharing checks again; a report from before the guard that
 * flags now is marked "controleer opnieuw" for the coach and withheld from the employer.
 */
import { expect } from 'chai';
import { Types } from 'mongoose';
import { Consent } from '../../server/src/db/models/consent';
import { Report, sealedReport } from '../../server/src/modules/reports/model';
import { testApp, type TestApp } from '../helpers/app';
import { apiAs, type Api } from '../helpers/session';
import { aWorld, type World } from '../helpers/world';
import { ISSUE_EVASIONS } from '../security/medical-wording-corpus';

describe('the medical-wording guard in the API', () => {
  let t: TestApp;
  let world: World;
  let anna: Api;
  let jan: Api;
  let hrVos: Api;
  let base: string;

  beforeEach(async () => {
    t = testApp();
    world = await aWorld();
    [anna, jan, hrVos] = await Promise.all([
      apiAs(t.app, t.config, world.users.anna), apiAs(t.app, t.config, world.users.janUser), apiAs(t.app, t.config, world.users.hrVos),
    ]);
    base = `/api/v1/clients/${String(world.clients.jan._id)}/reports`;
  });

  const draft = async (text: string, title = 'Voortgang november') => (await anna.post(base, {
    title, periodStart: '2026-11-01', periodEnd: '2026-11-30', text, consultIds: [String(world.consults.janApproved._id)],
  }).expect(201)).body._id as string;
  const employerReportIds = async () => (await hrVos.get('/api/v1/employer/reports').expect(200)).body.items.map((r: { _id: string }) => r._id);

  /** A report as it was stored before this guard: sealed text, any status, no check. */
  const legacyReport = async (status: 'approved' | 'shared', text: string) => {
    const _id = new Types.ObjectId();
    await Report.create(await sealedReport.seal({
      _id, clientId: world.clients.jan._id, coachId: world.users.anna._id, periodStart: new Date('2026-06-01'), periodEnd: new Date('2026-06-30'),
      title: 'Voortgang juni', text, status, approvedAt: new Date(), ...(status === 'shared' ? { sharedAt: new Date() } : {}),
    }));
    if (status === 'shared') {
      await Consent.create({ clientId: world.clients.jan._id, purpose: 'report.share', reportId: _id, text: 'x', grantedBy: world.users.janUser._id, grantedAt: new Date() });
    }
    return String(_id);
  };

  it('flags every evasion of the old guard in the live check, and refuses to send it (422)', async () => {
    for (const term of ISSUE_EVASIONS) {
      const text = `Jan werkt drie ochtenden per week. Verder: ${term}.`;
      const checked = await anna.post(`${base}/wording-check`, { text }).expect(200);
      expect(checked.body.flags, term).to.have.length(1);
      expect(checked.body.flags[0].sentence, term).to.equal(`Verder: ${term}.`);
      const id = await draft(text);
      const refused = await anna.post(`${base}/${id}/send`).expect(422);
      expect(refused.headers['content-type']).to.match(/problem\+json/);
      expect(refused.body.flags.map((flag: { field: string }) => flag.field), term).to.deep.equal(['text']);
      expect((await anna.get(`${base}/${id}`).expect(200)).body.status, term).to.equal('draft');
    }
  });

  it('checks the title as well as the text', async () => {
    const id = await draft('Jan werkt drie ochtenden per week.', 'Na de knieoperatie');
    const refused = await anna.post(`${base}/${id}/send`).expect(422);
    expect(refused.body.flags.map((flag: { field: string; category: string }) => [flag.field, flag.category])).to.deep.equal([['title', 'body']]);
  });

  it('keeps a report with a compound diagnosis away from the employer, whatever the client does', async () => {
    const id = await draft('Jan bouwt op naar vier ochtenden. Na zijn hartoperatie werkt hij halve dagen.');
    await anna.post(`${base}/${id}/send`).expect(422);
    await jan.post(`${base}/${id}/approve`).expect(403); // still the coach's draft
    await jan.post(`${base}/${id}/share`).expect(403);
    expect(await employerReportIds()).not.to.include(id);
    await hrVos.get(`${base}/${id}`).expect(403);
  });

  it('checks again when the client shares: a report approved before the guard is not shared (422)', async () => {
    const id = await legacyReport('approved', 'Jan werkt drie ochtenden. Zijn nekhernia herstelt goed.');
    const refused = await jan.post(`${base}/${id}/share`).expect(422);
    expect(refused.body.detail).to.match(/niet gedeeld/);
    expect(refused.body.flags[0]).to.include({ category: 'diagnosis', term: 'nekhernia' });
    expect((await jan.get(`${base}/${id}`).expect(200)).body).to.include({ status: 'approved', wordingReview: true });
    expect(await Consent.countDocuments({ reportId: id })).to.equal(0); // no consent for what was not shared
    expect(await employerReportIds()).not.to.include(id);
  });

  it('lists a shared report that flags now as "controleer opnieuw" for the coach, and withholds it from the employer', async () => {
    const flagged = await legacyReport('shared', 'Jan werkt drie ochtenden. Hij gaat wekelijks naar de fysio.');
    const clean = await legacyReport('shared', 'Jan werkt drie ochtenden en bouwt op volgens plan.');

    const coachView = (await anna.get(base).expect(200)).body.items as { _id: string; wordingReview: boolean }[];
    expect(coachView.find((report) => report._id === flagged)).to.include({ wordingReview: true });
    expect(coachView.find((report) => report._id === clean)).to.include({ wordingReview: false });
    expect(coachView.find((report) => report._id === String(world.reports.janDraft._id))).to.include({ wordingReview: false });

    const employerSees = await employerReportIds();
    expect(employerSees).to.include(clean);
    expect(employerSees).not.to.include(flagged);
    await hrVos.get(`${base}/${flagged}`).expect(403);
    const employerList = (await hrVos.get(base).expect(200)).body.items.map((report: { _id: string }) => report._id);
    expect(employerList).to.include(clean);
    expect(employerList).not.to.include(flagged);
    expect((await hrVos.get(`${base}/${clean}`).expect(200)).body).not.to.have.property('wordingReview');
  });
});
