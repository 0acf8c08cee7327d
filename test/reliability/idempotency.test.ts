import { expect } from 'chai';
import { Consult } from '../../server/src/modules/consults/model';
import { Activity } from '../../server/src/modules/activities/model';
import { IdempotencyRecord, sweepExpired } from '../../server/src/http/idempotency';
import { testApp } from '../helpers/app';
import { apiAs } from '../helpers/session';
import { aWorld } from '../helpers/world';

const aConsult = (summary = 'Gesprek over de werkhervatting') => ({ date: '2026-11-20', durationMinutes: 30, kind: 'progress', summary });

describe('Idempotency-Key on creating requests', () => {
  async function setUp() {
    const t = testApp();
    const world = await aWorld();
    const anna = await apiAs(t.app, t.config, world.users.anna);
    const clientId = String(world.clients.jan._id);
    const consultsBefore = await Consult.countDocuments({ clientId });
    return { t, world, anna, clientId, consultsBefore, path: `/api/v1/clients/${clientId}/consults` };
  }

  it('turns parallel identical requests with one key into exactly one record, and answers a repeat with the first result', async function () {
    this.timeout(60_000);
    const { anna, clientId, consultsBefore, path } = await setUp();
    const key = 'b1946ac9-2f0c-4e3b-a8f4-2a7b6c1d0e01';
    const answers = await Promise.all(Array.from({ length: 8 }, () => anna.post(path, aConsult()).set('Idempotency-Key', key)));
    expect(await Consult.countDocuments({ clientId }), 'exactly one consult').to.equal(consultsBefore + 1);
    const created = answers.filter((answer) => answer.status === 201);
    expect(created.length, 'at least the first is answered 201').to.be.at.least(1);
    for (const answer of answers.filter((answer) => answer.status !== 201)) {
      expect(answer.status, 'the others were still in flight').to.equal(409);
      expect(answer.headers['content-type']).to.match(/application\/problem\+json/);
      expect(answer.body.detail).to.match(/wordt al verwerkt/);
    }
    const ids = new Set(created.map((answer) => answer.body.id as string));
    expect(ids.size, 'every 201 names the same consult').to.equal(1);

    const repeat = await anna.post(path, aConsult()).set('Idempotency-Key', key).expect(201);
    expect(repeat.headers['idempotent-replayed']).to.equal('true');
    expect(repeat.body).to.deep.equal(created[0]!.body);
    expect(await Consult.countDocuments({ clientId })).to.equal(consultsBefore + 1);
  });

  it('refuses the same key for another body (422) and keeps keys apart per user', async () => {
    const { t, world, anna, clientId, consultsBefore, path } = await setUp();
    const key = 'formulier-1';
    await anna.post(path, aConsult()).set('Idempotency-Key', key).expect(201);
    const reused = await anna.post(path, aConsult('Een heel ander verslag')).set('Idempotency-Key', key).expect(422);
    expect(reused.body.detail).to.match(/al gebruikt voor een ander verzoek/);
    const otherRoute = await anna.post(`/api/v1/clients/${clientId}/activities`, { date: '2026-11-20', kind: 'phone', minutes: 10 })
      .set('Idempotency-Key', key).expect(422);
    expect(otherRoute.body.type).to.match(/idempotency-key-reused/);
    expect(await Activity.countDocuments({ clientId, minutes: 10, kind: 'phone' })).to.equal(0);

    const bram = await apiAs(t.app, t.config, world.users.bram);
    const sanne = String(world.clients.sanne._id);
    await bram.post(`/api/v1/clients/${sanne}/consults`, aConsult()).set('Idempotency-Key', key).expect(201);
    expect(await Consult.countDocuments({ clientId })).to.equal(consultsBefore + 1);
  });

  it('leaves requests without a key alone, refuses a malformed key, and stores no readable dossier text', async () => {
    const { anna, clientId, consultsBefore, path } = await setUp();
    await anna.post(path, aConsult()).expect(201);
    await anna.post(path, aConsult()).expect(201);
    expect(await Consult.countDocuments({ clientId })).to.equal(consultsBefore + 2);
    const malformed = await anna.post(path, aConsult()).set('Idempotency-Key', 'met spaties erin').expect(400);
    expect(malformed.body.errors[0].field).to.equal('Idempotency-Key');

    await anna.post(path, aConsult('Vertrouwelijk verslag')).set('Idempotency-Key', 'k-2').expect(201);
    const stored = await IdempotencyRecord.collection.find({}).toArray();
    expect(stored).to.have.length(1);
    expect(JSON.stringify(stored[0])).not.to.include('Vertrouwelijk');
  });

  it('stores only a success: after an error answer the same key runs the request again', async () => {
    const { anna, clientId, consultsBefore, path } = await setUp();
    const invalid = { ...aConsult(), durationMinutes: -1 };
    await anna.post(path, invalid).set('Idempotency-Key', 'k-3').expect(400);
    const again = await anna.post(path, invalid).set('Idempotency-Key', 'k-3').expect(400);
    expect(again.headers['idempotent-replayed']).to.equal(undefined);
    expect(await IdempotencyRecord.countDocuments({})).to.equal(0);
    await anna.post(path, aConsult()).set('Idempotency-Key', 'k-3').expect(201);
    expect(await Consult.countDocuments({ clientId })).to.equal(consultsBefore + 1);
  });

  it('sweeps stored results once they expire', async () => {
    const { anna, path } = await setUp();
    await anna.post(path, aConsult()).set('Idempotency-Key', 'k-4').expect(201);
    expect(await sweepExpired(new Date())).to.equal(0);
    expect(await sweepExpired(new Date(Date.now() + 25 * 60 * 60 * 1000))).to.equal(1);
    expect(await IdempotencyRecord.countDocuments({})).to.equal(0);
  });
});
