import { expect } from 'chai';
import { EMPLOYER_REPORT_FIELDS } from '@spoorboek/shared/policy/rules';
import { testApp, type TestApp } from '../helpers/app';
import { apiAs, type Api } from '../helpers/session';
import { aWorld, type World } from '../helpers/world';

describe('progress reports', () => {
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

  const composed = (world: World, text: string) => ({
    title: 'Voortgang november', periodStart: '2026-11-01', periodEnd: '2026-11-30', text,
    consultIds: [String(world.consults.janApproved._id)],
  });
  const visibleToEmployer = async (reportId: string) =>
    (await hrVos.get('/api/v1/employer/reports').expect(200)).body.items.map((r: { _id: string }) => r._id).includes(reportId);

  it('reach the employer only after the wording guard, the client’s approval and consent, and only while it stands', async () => {
    const created = await anna.post(base, composed(world, 'Jan gaat goed vooruit. Hij heeft nog wekelijks contact met zijn fysiotherapeut.')).expect(201);
    const id = created.body._id as string;

    const blocked = await anna.post(`${base}/${id}/send`).expect(422);
    expect(blocked.headers['content-type']).to.match(/problem\+json/);
    expect(blocked.body.detail).to.match(/Eén zin .*zorgprofessional/);
    expect(blocked.body.flags).to.have.length(1);
    expect(blocked.body.flags[0]).to.include({
      term: 'fysiotherapeut', category: 'practitioner', field: 'text', sentence: 'Hij heeft nog wekelijks contact met zijn fysiotherapeut.',
    });
    expect(blocked.body.flags[0]).not.to.have.property('suggestion');
    expect((await anna.get(`${base}/${id}`).expect(200)).body.status).to.equal('draft');

    // The old suggestion ("behandelaar") still names a treating professional: it is flagged too.
    await anna.patch(`${base}/${id}`, { text: 'Jan gaat goed vooruit. Hij heeft nog wekelijks contact met zijn behandelaar.' }).expect(200);
    expect((await anna.post(`${base}/${id}/send`).expect(422)).body.flags[0]).to.include({ category: 'practitioner', term: 'behandelaar' });
    await anna.patch(`${base}/${id}`, { text: 'Jan gaat goed vooruit. Hij werkt op dinsdagochtend niet; de andere dagen volgens plan.' }).expect(200);
    await anna.post(`${base}/${id}/send`).expect(200);
    await jan.post(`${base}/${id}/share`).expect(409); // approve the content first
    await anna.post(`${base}/${id}/approve`).expect(403); // only the client approves
    await jan.post(`${base}/${id}/approve`).expect(200);
    expect(await visibleToEmployer(id)).to.equal(false); // approved is not shared

    await anna.post(`${base}/${id}/share`).expect(403); // nobody consents on the client's behalf
    const shared = await jan.post(`${base}/${id}/share`).expect(200);
    expect(shared.body).to.include({ status: 'shared' });
    await jan.post(`${base}/${id}/share`).expect(409);

    expect(await visibleToEmployer(id)).to.equal(true);
    const read = await hrVos.get(`${base}/${id}`).expect(200);
    expect(Object.keys(read.body).every((field) => EMPLOYER_REPORT_FIELDS.includes(field))).to.equal(true);
    expect(read.body.text).to.match(/dinsdagochtend/);
    expect(read.body).not.to.have.property('wordingReview');
    expect(read.body).not.to.have.any.keys('consultIds', 'clientComment', 'coachId', 'status');

    const consents = (await jan.get(`/api/v1/clients/${String(world.clients.jan._id)}/consents`).expect(200)).body.items;
    const consent = consents.find((c: { reportId: string | null }) => c.reportId === id);
    expect(consent.text).to.match(/Voortgang november.*Bakkerij Vos/);
    await jan.post(`/api/v1/clients/${String(world.clients.jan._id)}/consents/${consent._id as string}/withdraw`).expect(200);

    expect(await visibleToEmployer(id)).to.equal(false);
    await hrVos.get(`${base}/${id}`).expect(403);
    const history = (await jan.get(`/api/v1/clients/${String(world.clients.jan._id)}/consents`).expect(200)).body.items;
    const after = history.find((c: { _id: string }) => c._id === consent._id);
    expect(after.withdrawnAt).to.be.a('string');
    expect(after.grantedAt).to.equal(consent.grantedAt); // the earlier sharing stays on record
    await jan.post(`/api/v1/clients/${String(world.clients.jan._id)}/consents/${consent._id as string}/withdraw`).expect(409);
  });

  it('read "withdrawn" after the client withdraws, for client and coach, and can be shared again with a new consent', async () => {
    const consents = `/api/v1/clients/${String(world.clients.jan._id)}/consents`;
    const created = await anna.post(base, composed(world, 'Jan werkt vier dagen per week.')).expect(201);
    const id = created.body._id as string;
    await anna.post(`${base}/${id}/send`).expect(200);
    await jan.post(`${base}/${id}/approve`).expect(200);
    const shared = (await jan.post(`${base}/${id}/share`).expect(200)).body;
    expect(shared).to.include({ status: 'shared', withdrawnAt: null });
    const first = shared.shares[0].consentId as string;

    await jan.post(`${consents}/${first}/withdraw`).expect(200);
    for (const reader of [jan, anna]) {
      const report = (await reader.get(`${base}/${id}`).expect(200)).body;
      expect(report.status).to.equal('withdrawn');
      expect(report.withdrawnAt).to.be.a('string');
      expect(report.shares).to.have.length(1);
      expect(report.shares[0]).to.include({ consentId: first });
      expect(report.shares[0].withdrawnAt).to.equal(report.withdrawnAt);
    }
    expect(await visibleToEmployer(id)).to.equal(false);

    await anna.post(`${base}/${id}/share`).expect(403); // still only the client consents
    const again = (await jan.post(`${base}/${id}/share`).expect(200)).body;
    expect(again).to.include({ status: 'shared', withdrawnAt: null });
    expect(again.shares).to.have.length(2);
    expect(again.shares[1].consentId).not.to.equal(first);
    expect(again.shares[1].withdrawnAt).to.equal(null);
    expect(await visibleToEmployer(id)).to.equal(true);
    await jan.post(`${base}/${id}/share`).expect(409);

    // Every grant and withdrawal stays on record, each with the text agreed to that day.
    const history = ((await jan.get(consents).expect(200)).body.items as { reportId: string; withdrawnAt: string | null; text: string }[])
      .filter((consent) => consent.reportId === id);
    expect(history).to.have.length(2);
    expect(history.filter((consent) => consent.withdrawnAt === null)).to.have.length(1);
    expect(history.every((consent) => /Voortgang november.*Bakkerij Vos/.test(consent.text))).to.equal(true);
  });

  it('draw only on consults the client approved', async () => {
    const notApproved = { ...composed(world, 'Tekst'), consultIds: [String(world.consults.janAwaiting._id)] };
    const response = await anna.post(base, notApproved).expect(409);
    expect(response.body.detail).to.match(/goedgekeurd/);
    const otherClients = { ...composed(world, 'Tekst'), consultIds: [String(world.consults.fatimaApproved._id)] };
    await anna.post(base, otherClients).expect(409);
    const id = (await anna.post(base, composed(world, 'Tekst')).expect(201)).body._id as string;
    await anna.patch(`${base}/${id}`, { consultIds: [String(world.consults.janDraft._id)] }).expect(409);
  });

  it('check wording live for the composer without saving anything', async () => {
    const response = await anna.post(`${base}/wording-check`, { title: 'Na de knieoperatie', text: 'Na zijn hernia en de operatie...' }).expect(200);
    expect(response.body.flags.map((flag: { field: string; category: string; terms: string[] }) => [flag.field, flag.category, flag.terms])).to.deep.equal([
      ['title', 'body', ['knieoperatie']], ['text', 'diagnosis', ['hernia']], ['text', 'treatment', ['operatie']],
    ]);
    await hrVos.post(`${base}/wording-check`, { text: 'hernia' }).expect(403);
  });

  it('go back to the coach as a draft with the client’s comment when disputed', async () => {
    const id = (await anna.post(base, composed(world, 'Jan werkt drie ochtenden.')).expect(201)).body._id as string;
    await anna.post(`${base}/${id}/send`).expect(200);
    await anna.patch(`${base}/${id}`, { text: 'Nu niet' }).expect(409);
    await jan.post(`${base}/${id}/dispute`, { comment: 'Het zijn er vier.' }).expect(204);
    expect((await anna.get(`${base}/${id}`).expect(200)).body).to.include({ status: 'draft', clientComment: 'Het zijn er vier.' });
    await jan.get(`${base}/${id}`).expect(403); // back with the coach until it is resent
    await anna.patch(`${base}/${id}`, { text: 'Jan werkt vier ochtenden.' }).expect(200);
    await anna.post(`${base}/${id}/send`).expect(200);
    await jan.post(`${base}/${id}/approve`).expect(200);
    await anna.delete(`${base}/${id}`).expect(409);
  });
});
