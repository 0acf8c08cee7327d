import { expect } from 'chai';
import { AuditEvent } from '../../server/src/audit/model';
import { REPEATED_DENIALS } from '../../server/src/modules/breach/signals';
import { testApp } from '../helpers/app';
import { apiAs } from '../helpers/session';
import { aWorld } from '../helpers/world';

describe('breach signals and the breach register (AVG art. 33/34)', () => {
  it('raises a signal the privacy officer sees when an employer tries the health wall, once however often it tries', async () => {
    const t = testApp();
    const world = await aWorld();
    const hrVos = await apiAs(t.app, t.config, world.users.hrVos);
    const officer = await apiAs(t.app, t.config, world.users.privacy);
    const anna = await apiAs(t.app, t.config, world.users.anna);
    expect((await officer.get('/api/v1/privacy/signals').expect(200)).body.items).to.deep.equal([]);

    const jan = `/api/v1/clients/${String(world.clients.jan._id)}/health`;
    await Promise.all([hrVos.get(jan), hrVos.get(`${jan}/records`), hrVos.get(jan)].map((attempt) => attempt.expect(403)));

    const { body } = await officer.get('/api/v1/privacy/signals').expect(200);
    const wall = body.items.filter((signal: { rule: string }) => signal.rule === 'employer_health_wall');
    expect(wall).to.have.length(1);
    expect(wall[0]).to.include({ userId: String(world.users.hrVos._id), clientId: String(world.clients.jan._id), count: 3 });
    // Looking again raises nothing new; a coach may not look at all.
    expect((await officer.get('/api/v1/privacy/signals').expect(200)).body.items.filter((signal: { rule: string }) => signal.rule === 'employer_health_wall')).to.have.length(1);
    await anna.get('/api/v1/privacy/signals').expect(403);
  });

  it(`raises a signal for one user refused more than ${REPEATED_DENIALS.limit} times within ${REPEATED_DENIALS.minutes} minutes, not for fewer`, async () => {
    const t = testApp();
    const world = await aWorld();
    const bram = await apiAs(t.app, t.config, world.users.bram); // not Jan's coach
    const officer = await apiAs(t.app, t.config, world.users.privacy);
    const consults = `/api/v1/clients/${String(world.clients.jan._id)}/consults`;
    for (let attempt = 0; attempt < REPEATED_DENIALS.limit; attempt += 1) await bram.get(consults).expect(403);
    const denied = await AuditEvent.countDocuments({ 'actor.userId': String(world.users.bram._id), outcome: 'denied' });
    expect(denied).to.equal(REPEATED_DENIALS.limit);
    expect((await officer.get('/api/v1/privacy/signals').expect(200)).body.items.filter((s: { rule: string }) => s.rule === 'repeated_denials')).to.deep.equal([]);
    await bram.get(consults).expect(403);
    const signals = (await officer.get('/api/v1/privacy/signals').expect(200)).body.items.filter((s: { rule: string }) => s.rule === 'repeated_denials');
    expect(signals).to.have.length(1);
    expect(signals[0]).to.include({ userId: String(world.users.bram._id), count: REPEATED_DENIALS.limit + 1 });
  });

  it('keeps the register: an incident, its assessment, when the AP and the clients were told, and the 72-hour deadline', async () => {
    const t = testApp();
    const world = await aWorld();
    const officer = await apiAs(t.app, t.config, world.users.privacy);
    const anna = await apiAs(t.app, t.config, world.users.anna);
    const body = { detectedAt: '2026-11-20T09:00:00+01:00', description: 'Werkgever probeerde het medisch dossier te openen.' };
    await anna.post('/api/v1/privacy/breaches', body).expect(403);
    await officer.post('/api/v1/privacy/breaches', { ...body, description: '' }).expect(400);
    const recorded = await officer.post('/api/v1/privacy/breaches', body).expect(201);
    expect(recorded.body).to.include({ assessment: 'open', apNotifiedAt: null, apDeadline: '2026-11-23T08:00:00.000Z' });
    const updated = await officer.patch(`/api/v1/privacy/breaches/${recorded.body._id as string}`, {
      assessment: 'breach_risk', apNotifiedAt: '2026-11-21T10:00:00Z',
    }).expect(200);
    expect(updated.body).to.include({ assessment: 'breach_risk', apNotifiedAt: '2026-11-21T10:00:00.000Z', clientsNotifiedAt: null });
    const list = (await officer.get('/api/v1/privacy/breaches').expect(200)).body.items;
    expect(list).to.have.length(1);
    expect(await AuditEvent.countDocuments({ 'object.type': 'Breach', 'object.id': recorded.body._id })).to.equal(2);
  });
});
