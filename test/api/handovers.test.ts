/**
 * Handovers (vervanging) in Amsterdam calendar days: from today on, at most three months, access until the end of
 * the last day, "Verlopen" once over, one open request per client, and the FML capacities passed on to the
 * substitute only where the client's consent says so.
 */
import { expect } from 'chai';
import { addDays, endOfDay, formatDay, startOfDay, today } from '@spoorboek/shared/calendarDay';
import { lastHandoverDay } from '@spoorboek/shared/schemas/consents';
import { Consent, Handover, openSlotOf } from '../../server/src/db/models/consent';
import { testApp, type TestApp } from '../helpers/app';
import { apiAs, type Api } from '../helpers/session';
import { actorOf, aUser, aWorld, type World } from '../helpers/world';

describe('handovers', () => {
  let t: TestApp;
  let world: World;
  let bram: Api;
  let anna: Api;
  let sanne: Api;
  let base: string;
  let toAnna: string;

  beforeEach(async () => {
    t = testApp();
    world = await aWorld();
    const sanneUser = await aUser('Sanne Bakker', ['client'], { clientId: world.clients.sanne._id });
    [bram, anna, sanne] = await Promise.all([
      apiAs(t.app, t.config, world.users.bram), apiAs(t.app, t.config, world.users.anna), apiAs(t.app, t.config, sanneUser),
    ]);
    base = `/api/v1/clients/${String(world.clients.sanne._id)}`;
    toAnna = String(world.users.anna._id);
  });

  const request = (validFrom: string, validUntil: string) => bram.post(`${base}/handovers`, { toCoachId: toAnna, validFrom, validUntil });
  const fieldsOf = (body: { errors?: { field: string }[] }) => (body.errors ?? []).map((error) => error.field);

  it('start today or later and last at most three months, each refusal naming the field', async () => {
    const longAgo = await request('2020-01-01', '2099-12-31').expect(400);
    expect(fieldsOf(longAgo.body)).to.include.members(['body.validFrom', 'body.validUntil']);
    expect(JSON.stringify(longAgo.body.errors)).to.match(/vandaag of later/).and.to.match(/hoogstens 3 maanden/);
    const yesterday = await request(addDays(today(), -1), addDays(today(), 5)).expect(400);
    expect(fieldsOf(yesterday.body)).to.deep.equal(['body.validFrom']);
    const tooLong = await request(addDays(today(), 1), addDays(lastHandoverDay(addDays(today(), 1)), 1)).expect(400);
    expect(fieldsOf(tooLong.body)).to.deep.equal(['body.validUntil']);
    const backwards = await request(addDays(today(), 5), addDays(today(), 4)).expect(400);
    expect(fieldsOf(backwards.body)).to.deep.equal(['body.validUntil']);
    expect(await Handover.countDocuments({ clientId: world.clients.sanne._id })).to.equal(0);

    const longest = await request(today(), lastHandoverDay(today())).expect(201);
    expect(longest.body).to.include({ firstDay: today(), lastDay: lastHandoverDay(today()), state: 'awaiting_consent' });
    expect(longest.body.validFrom).to.equal(startOfDay(today()).toISOString());
    expect(longest.body.validUntil).to.equal(endOfDay(lastHandoverDay(today())).toISOString());
  });

  it('give access from the first day’s midnight to the end of the last day in Amsterdam, as the consent text says', async () => {
    const firstDay = addDays(today(), 2);
    const lastDay = addDays(today(), 9);
    const handover = (await request(firstDay, lastDay).expect(201)).body;
    const consent = (await sanne.post(`${base}/consents`, { purpose: 'handover', handoverId: handover._id }).expect(201)).body;
    expect(consent.text).to.contain(`van ${formatDay(firstDay)} tot en met ${formatDay(lastDay)}`);

    const substituteAt = async (instant: Date) => (await actorOf(world.users.anna, instant)).facts.handoverClientIds;
    const sanneId = String(world.clients.sanne._id);
    expect(await substituteAt(new Date(startOfDay(firstDay).getTime() - 1))).not.to.include(sanneId);
    expect(await substituteAt(startOfDay(firstDay))).to.include(sanneId);
    expect(await substituteAt(new Date(endOfDay(lastDay).getTime() - 1))).to.include(sanneId);
    expect(await substituteAt(endOfDay(lastDay))).not.to.include(sanneId);

    const listed = (await sanne.get(`${base}/handovers`).expect(200)).body.items[0];
    expect(listed).to.include({ firstDay, lastDay, state: 'planned' });
  });

  it('read "expired" once the last day is over, and an expired request neither takes consent nor blocks a new one', async () => {
    const past = await Handover.create({
      clientId: world.clients.sanne._id, fromCoachId: world.users.bram._id, toCoachId: world.users.anna._id,
      validFrom: startOfDay('2026-01-05'), validUntil: endOfDay('2026-01-09'), firstDay: '2026-01-05', lastDay: '2026-01-09',
      createdBy: world.users.bram._id, openSlot: openSlotOf(world.clients.sanne._id),
    });
    await Consent.create({
      clientId: world.clients.sanne._id, purpose: 'handover', handoverId: past._id, text: 'x', grantedBy: world.users.bram._id, grantedAt: new Date('2026-01-02'),
    });
    const listed = (await sanne.get(`${base}/handovers`).expect(200)).body.items;
    expect(listed[0]).to.include({ state: 'expired', lastDay: '2026-01-09' });
    expect((await bram.get(`${base}/handovers`).expect(200)).body.items[0].state).to.equal('expired');
    await sanne.post(`${base}/consents`, { purpose: 'handover', handoverId: String(past._id) }).expect(409);

    const next = await request(today(), addDays(today(), 3)).expect(201);
    await request(today(), addDays(today(), 3)).expect(409); // the new one waits for the client's answer
    await sanne.post(`${base}/consents`, { purpose: 'handover', handoverId: next.body._id }).expect(201);
    await request(addDays(today(), 10), addDays(today(), 12)).expect(201); // answered: no longer open
  });

  it('pass the FML capacities on to the substitute only when the client’s consent to the handover says so', async () => {
    await sanne.post(`${base}/consents`, { purpose: 'fml.capacities.coach' }).expect(201);
    await apiAs(t.app, t.config, world.users.bram).then((coach) => coach.get(`${base}/health/fml-capacities`).expect(200));

    const handover = (await request(today(), addDays(today(), 7)).expect(201)).body;
    const without = (await sanne.post(`${base}/consents`, { purpose: 'handover', handoverId: handover._id }).expect(201)).body;
    expect(without).to.include({ includesCapacities: false });
    expect(without.text).to.match(/ziet mijn FML-capaciteiten niet/);
    await anna.get(`${base}/consults`).expect(200); // the substitute works on the dossier
    await anna.get(`${base}/health/fml-capacities`).expect(403); // but not with what the client allowed "mijn coach"

    await sanne.post(`${base}/consents/${without._id as string}/withdraw`).expect(200);
    const withCapacities = (await sanne.post(`${base}/consents`, { purpose: 'handover', handoverId: handover._id, capacities: true }).expect(201)).body;
    expect(withCapacities).to.include({ includesCapacities: true });
    expect(withCapacities.text).to.match(/Ook mag de vervanger de FML-capaciteiten zien/);
    await anna.get(`${base}/health/fml-capacities`).expect(200);
  });
});
