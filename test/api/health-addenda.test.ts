/**
 * A health record is never edited: its author corrects it by an addendum below it (AVG art. 16), sealed under the
 * client's health key like the record, audited, and out of reach of everyone but the record's author.
 */
import { expect } from 'chai';
import mongoose from 'mongoose';
import { AuditEvent } from '../../server/src/audit/model';
import { Client } from '../../server/src/db/models/client';
import { Lock } from '../../server/src/crypto/envelope';
import { openRecord } from '../../server/src/modules/exports/collect';
import { testApp, type TestApp } from '../helpers/app';
import { apiAs, type Api } from '../helpers/session';
import { aUser, aWorld, type World } from '../helpers/world';

describe('addenda to a health record', function () {
  this.timeout(60_000);
  let t: TestApp;
  let world: World;
  let claes: Api;
  let jan: string;
  let note: string;

  beforeEach(async () => {
    t = testApp();
    world = await aWorld();
    claes = await apiAs(t.app, t.config, world.users.claes);
    jan = `/api/v1/clients/${String(world.clients.jan._id)}/health`;
    note = `${jan}/records/${String(world.health.janNote._id)}`;
  });

  it('lets the author add one below the record, which itself stays as it was, and every reader see it', async () => {
    const added = await claes.post(`${note}/addenda`, { text: 'Correctie: eerste ziektedag was 3 februari.' }).expect(201);
    expect(added.body.text).to.equal('Medische aantekening');
    expect(added.body.addenda).to.have.length(1);
    expect(added.body.addenda[0]).to.include({ text: 'Correctie: eerste ziektedag was 3 februari.', by: String(world.users.claes._id), byName: 'Claes Arts' });

    const client = await apiAs(t.app, t.config, world.users.janUser);
    const own = (await client.get(note).expect(200)).body;
    expect(own.addenda.map((addendum: { text: string }) => addendum.text)).to.deep.equal(['Correctie: eerste ziektedag was 3 februari.']);
    await client.post(`${note}/addenda`, { text: 'Eigen aanvulling' }).expect(403);

    const audited = await AuditEvent.findOne({ action: 'update', 'object.type': 'HealthRecord', 'object.id': String(world.health.janNote._id), outcome: 'allowed' }).lean();
    expect(audited?.reason).to.equal('aanvulling op medische aantekening');
    expect(audited?.object.compartment).to.equal('health');
  });

  it('refuses another doctor, the labour expert on a doctor\'s record, a coach and an employer', async () => {
    const dijk = await apiAs(t.app, t.config, world.users.dijk);
    await dijk.post(`${jan}/records/${String(world.health.janFml._id)}/addenda`, { text: 'Niet van mij' }).expect(403);
    // The labour expert corrects their own report.
    await dijk.post(`${jan}/records/${String(world.health.janAd._id)}/addenda`, { text: 'Aanvulling AD' }).expect(201);

    const anna = await apiAs(t.app, t.config, world.users.anna); // reads the FML capacities under Jan's consent
    await anna.post(`${jan}/records/${String(world.health.janFml._id)}/addenda`, { text: 'Coach' }).expect(403);
    const hrVos = await apiAs(t.app, t.config, world.users.hrVos);
    await hrVos.post(`${note}/addenda`, { text: 'Werkgever' }).expect(403);
    // The wall refuses before validation: even an empty body gets 403, not 400.
    await hrVos.post(`${note}/addenda`, {}).expect(403);

    // A successor doctor reads the dossier, but corrects only what they wrote themselves.
    const successor = await aUser('Dirk Arts', ['company_doctor'], { organisationId: world.organisations.bureau._id });
    await Client.updateOne({ _id: world.clients.jan._id }, { $set: { companyDoctorId: successor._id } });
    const dirk = await apiAs(t.app, t.config, successor);
    expect((await dirk.get(note).expect(200)).body.text).to.equal('Medische aantekening');
    await dirk.post(`${note}/addenda`, { text: 'Van een ander' }).expect(403);

    const stored = await mongoose.connection.db!.collection('healthrecords').findOne({ _id: world.health.janNote._id });
    expect(stored!.addenda ?? []).to.have.length(0);
    expect(await AuditEvent.countDocuments({ action: 'update', 'object.type': 'HealthRecord', outcome: 'denied' })).to.be.at.least(3); // the wall records the employer's POSTs as refused creates
  });

  it('refuses an empty text with a Dutch message', async () => {
    const refused = await claes.post(`${note}/addenda`, { text: '  ' }).expect(400);
    expect(refused.body.errors[0]).to.include({ field: 'body.text', message: 'Vul de aanvulling in.' });
  });

  it('keeps all of ten addenda added at once', async () => {
    const texts = Array.from({ length: 10 }, (_, index) => `Aanvulling ${index + 1}`);
    await Promise.all(texts.map((text) => claes.post(`${note}/addenda`, { text }).expect(201)));
    const record = (await claes.get(note).expect(200)).body;
    expect(record.addenda.map((addendum: { text: string }) => addendum.text)).to.have.members(texts);
  });

  it('seals the text under the health key, bound to the record and the addendum', async () => {
    const marker = 'PLANTED-ADDENDUM-MARKER-4417';
    const added = await claes.post(`${note}/addenda`, { text: marker }).expect(201);
    const db = mongoose.connection.db!;
    expect(JSON.stringify(await db.collection('healthrecords').find({}).toArray())).not.to.include(marker);

    const stored = await db.collection('healthrecords').findOne({ _id: world.health.janNote._id });
    const sealed = stored!.addenda[0] as { _id: mongoose.Types.ObjectId; text: string };
    expect(String(sealed._id)).to.equal(added.body.addenda[0]._id);
    const place = `HealthRecord:${String(world.health.janNote._id)}`;
    const health = await Lock.for(world.clients.jan._id, 'health');
    expect(health.open(sealed.text, place, `addenda.${String(sealed._id)}.text`)).to.equal(marker);
    expect(() => health.open(sealed.text, place, 'content')).to.throw();
    expect(() => health.open(sealed.text, `HealthRecord:${String(world.health.janFml._id)}`, `addenda.${String(sealed._id)}.text`)).to.throw();
    const processKey = await Lock.for(world.clients.jan._id, 'process');
    expect(() => processKey.open(sealed.text, place, `addenda.${String(sealed._id)}.text`)).to.throw();
    // The client's export (AVG art. 15, 20) opens it as it opens the rest of the record.
    const exported = openRecord('HealthRecord', stored!, health) as { addenda: { text: string }[] };
    expect(exported.addenda[0]!.text).to.equal(marker);
  });
});
