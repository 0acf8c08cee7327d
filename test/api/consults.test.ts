import { expect } from 'chai';
import { aWorld, type World } from '../helpers/world';
import { testApp, type TestApp } from '../helpers/app';
import { apiAs, type Api } from '../helpers/session';

describe('consults', () => {
  let t: TestApp;
  let world: World;
  let anna: Api;
  let jan: Api;
  let base: string;

  beforeEach(async () => {
    t = testApp();
    world = await aWorld();
    anna = await apiAs(t.app, t.config, world.users.anna);
    jan = await apiAs(t.app, t.config, world.users.janUser);
    base = `/api/v1/clients/${String(world.clients.jan._id)}/consults`;
  });

  const draft = { date: '2026-11-20', durationMinutes: 45, kind: 'progress', summary: 'Jan wil vier ochtenden gaan werken.' };

  it('go from the coach’s draft to the client’s approval, and then lie still', async () => {
    const created = await anna.post(base, draft).expect(201);
    expect(created.body).to.include({ status: 'draft', summary: draft.summary, coachId: String(world.users.anna._id) });
    const id = created.body._id as string;

    await jan.get(`${base}/${id}`).expect(403); // a draft is the coach's own
    expect((await jan.get(base).expect(200)).body.items.map((c: { _id: string }) => c._id)).not.to.include(id);

    await anna.post(`${base}/${id}/send`).expect(200);
    const approved = await jan.post(`${base}/${id}/approve`).expect(200);
    expect(approved.body.status).to.equal('approved');
    expect(approved.body.approvedAt).to.be.a('string');

    const edit = await anna.patch(`${base}/${id}`, { summary: 'Anders' }).expect(409);
    expect(edit.headers['content-type']).to.match(/application\/problem\+json/);
    expect(edit.body.detail).to.match(/aanvulling/);
    await anna.delete(`${base}/${id}`).expect(409);
    await jan.post(`${base}/${id}/approve`).expect(409);
    await jan.post(`${base}/${id}/dispute`, { comment: 'Toch niet' }).expect(409);

    const withAddendum = await anna.post(`${base}/${id}/addenda`, { text: 'Correctie: het waren vijf ochtenden.' }).expect(201);
    expect(withAddendum.body.summary).to.equal(draft.summary);
    expect(withAddendum.body.addenda).to.have.length(1);
    expect(withAddendum.body.addenda[0]).to.include({ text: 'Correctie: het waren vijf ochtenden.', by: String(world.users.anna._id) });
  });

  it('keep every version the client saw when a disputed summary is revised and resent', async () => {
    const id = (await anna.post(base, draft).expect(201)).body._id as string;
    await anna.patch(`${base}/${id}`, { summary: 'Eerste versie, bijgewerkt' }).expect(200);
    await anna.post(`${base}/${id}/send`).expect(200);
    await jan.post(`${base}/${id}/dispute`, {}).expect(400);
    const disputed = await jan.post(`${base}/${id}/dispute`, { comment: 'Ik zei drie ochtenden, niet vier.' }).expect(200);
    expect(disputed.body).to.include({ status: 'disputed', clientComment: 'Ik zei drie ochtenden, niet vier.' });

    await anna.patch(`${base}/${id}`, { summary: 'Jan wil drie ochtenden gaan werken.' }).expect(200);
    await anna.patch(`${base}/${id}`, { summary: 'Jan wil drie ochtenden per week gaan werken.' }).expect(200);
    const resent = await anna.post(`${base}/${id}/send`).expect(200);
    expect(resent.body.status).to.equal('awaiting_client');
    const revisions = resent.body.revisions as { summary: string; clientComment: string | null; sentAt: string | null; by: string }[];
    expect(revisions.map((revision) => revision.summary)).to.deep.equal([
      'Eerste versie, bijgewerkt', 'Jan wil drie ochtenden per week gaan werken.',
    ]);
    expect(revisions[0]).to.include({ clientComment: 'Ik zei drie ochtenden, niet vier.', by: String(world.users.anna._id) });
    expect(revisions.every((revision) => revision.sentAt)).to.equal(true);
    await jan.post(`${base}/${id}/approve`, { comment: 'Klopt nu.' }).expect(200);
  });

  it('let only the client answer: the coach cannot approve or dispute on the client’s behalf', async () => {
    const id = (await anna.post(base, draft).expect(201)).body._id as string;
    await anna.post(`${base}/${id}/send`).expect(200);
    await anna.post(`${base}/${id}/approve`).expect(403);
    await anna.post(`${base}/${id}/dispute`, { comment: 'namens Jan' }).expect(403);
    const bram = await apiAs(t.app, t.config, world.users.bram);
    await bram.post(`${base}/${id}/approve`).expect(403);
    const consult = await anna.get(`${base}/${id}`).expect(200);
    expect(consult.body.status).to.equal('awaiting_client');
  });

  it('refuse status, author or approval fields smuggled into a body (mass assignment)', async () => {
    for (const extra of [{ status: 'approved' }, { coachId: String(world.users.bram._id) }, { approvedAt: '2026-01-01' }, { clientId: String(world.clients.sanne._id) }]) {
      const response = await anna.post(base, { ...draft, ...extra }).expect(400);
      expect(response.body.errors[0].field).to.match(/^body/);
    }
    const id = (await anna.post(base, draft).expect(201)).body._id as string;
    await anna.patch(`${base}/${id}`, { status: 'approved' }).expect(400);
    await anna.post(`${base}/${id}/send`).expect(200);
    await jan.patch(`${base}/${id}`, { summary: 'Zelf herschreven' }).expect(403);
    expect((await anna.get(`${base}/${id}`).expect(200)).body).to.include({ status: 'awaiting_client', summary: draft.summary });
  });

  it('throw away a draft that never left the coach, and nothing that did', async () => {
    const id = (await anna.post(base, draft).expect(201)).body._id as string;
    await anna.delete(`${base}/${id}`).expect(204);
    await anna.get(`${base}/${id}`).expect(404);
    const sent = (await anna.post(base, draft).expect(201)).body._id as string;
    await anna.post(`${base}/${sent}/send`).expect(200);
    await anna.delete(`${base}/${sent}`).expect(409);
  });
});
