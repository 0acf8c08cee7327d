import { expect } from 'chai';
import mongoose from 'mongoose';
import { verifyAuditChain } from '../../server/src/audit/verify';
import { DataKey } from '../../server/src/crypto/dataKeys';
import { Client } from '../../server/src/db/models/client';
import { sealedClient } from '../../server/src/db/models/clientPersonalia';
import { User } from '../../server/src/db/models/user';
import { KEPT_AFTER_ERASURE } from '../../server/src/modules/erasure/service';
import { ManagementFigure, Tombstone } from '../../server/src/modules/erasure/model';
import { finished } from '../helpers/exports';
import { testApp } from '../helpers/app';
import { rawDatabase } from '../helpers/rawDatabase';
import { samplePdf } from '../helpers/samples';
import { apiAs, PASSWORD, signIn } from '../helpers/session';
import { aWorld } from '../helpers/world';

const FATIMA_BSN = '123456782';
const FATIMA_EMAIL = 'fatima.elamrani@voorbeeld.nl';
const MARKERS = ['ERASE-CONSULT-5521', 'ERASE-NOTE-5522', 'ERASE-FILE-5523', 'ERASE-REQUEST-5524', 'ERASE-HEALTH-5525'];

describe('erasure by crypto-shredding (AVG art. 17)', () => {
  it('leaves nothing readable of Fatima in any collection or stored file, while the audit chain still verifies', async () => {
    const t = testApp();
    const world = await aWorld();
    const fatimaId = world.clients.fatima._id;
    const fatimaPath = `/api/v1/clients/${String(fatimaId)}`;
    // Fatima's dossier, with something planted everywhere: BSN, consult, activity, document file, health record, request.
    await Client.updateOne({ _id: fatimaId }, await sealedClient.sealUpdate(world.clients.fatima, { bsn: FATIMA_BSN }));
    const fatimaUser = await User.create({ email: FATIMA_EMAIL, name: 'Fatima El Amrani', roles: ['client'], clientId: fatimaId });
    const anna = await apiAs(t.app, t.config, world.users.anna);
    await anna.post(`${fatimaPath}/consults`, { date: '2026-11-20', durationMinutes: 30, kind: 'progress', summary: MARKERS[0] }).expect(201);
    await anna.post(`${fatimaPath}/activities`, { date: '2026-11-20', kind: 'phone', minutes: 90, note: MARKERS[1] }).expect(201);
    const csrf = (await anna.get('/api/v1/auth/csrf').expect(200)).body.token as string;
    await anna.agent.post(`${fatimaPath}/documents`).set('x-csrf-token', csrf).field('category', 'cv')
      .attach('file', samplePdf(MARKERS[2]), { filename: 'cv fatima.pdf', contentType: 'application/pdf' }).expect(201);
    const claes = await apiAs(t.app, t.config, world.users.claes);
    await claes.post(`${fatimaPath}/health/medical-notes`, { date: '2026-11-20', text: MARKERS[4] }).expect(201);

    const fatima = await apiAs(t.app, t.config, fatimaUser);
    const request = await fatima.post(`${fatimaPath}/requests`, { kind: 'erasure', description: MARKERS[3] }).expect(201);
    const exported = await fatima.post(`${fatimaPath}/exports`).expect(201);
    expect((await finished(fatima, `${fatimaPath}/exports/${exported.body._id as string}`)).status).to.equal('ready');
    const before = await rawDatabase();
    expect(before).to.include(FATIMA_EMAIL); // her account, in the clear until she is erased: the search below can fail

    const officer = await apiAs(t.app, t.config, world.users.privacy);
    const erase = `/api/v1/privacy/requests/${request.body._id as string}/erase`;
    expect((await officer.post(erase, { confirmation: 'WISSEN' }).expect(409)).body.detail).to.match(/identiteit/);
    await officer.post(`/api/v1/privacy/requests/${request.body._id as string}/identity-check`, { method: 'id_document' }).expect(200);
    expect(JSON.stringify((await officer.post(erase, { confirmation: 'ja' }).expect(400)).body)).to.match(/Typ WISSEN/);
    await anna.post(erase, { confirmation: 'WISSEN' }).expect(403);

    const erased = await officer.post(erase, { confirmation: 'WISSEN' }).expect(200);
    expect(erased.body).to.include({ clientId: String(fatimaId), keysDestroyed: 2, requestId: request.body._id });
    expect(erased.body.filesDeleted).to.equal(2); // the document's file and the export
    await officer.post(erase, { confirmation: 'WISSEN' }).expect(409);

    // Nothing readable of her: every collection through the driver, GridFS included.
    const raw = await rawDatabase();
    for (const trace of ['Fatima', 'El Amrani', FATIMA_EMAIL, FATIMA_BSN, 'cv fatima', ...MARKERS]) expect(raw, trace).not.to.include(trace);
    expect(await DataKey.countDocuments({ clientId: fatimaId })).to.equal(0);
    const db = mongoose.connection.db!;
    for (const bucket of ['files', 'exports']) {
      expect(await db.collection(`${bucket}.files`).countDocuments({ 'metadata.clientId': String(fatimaId) }), bucket).to.equal(0);
    }
    // Only the collections that keep ids (listed, each with its reason) still mention her id.
    for (const { name } of await db.listCollections().toArray()) {
      if (name === 'clients') expect(await db.collection(name).countDocuments({ _id: fatimaId })).to.equal(0);
      const left = await db.collection(name).countDocuments({ clientId: mongoose.trusted({ $in: [fatimaId, String(fatimaId)] }) } as never);
      const model = mongoose.modelNames().find((modelName) => mongoose.model(modelName).collection.collectionName === name);
      if (left > 0) expect(Object.keys(KEPT_AFTER_ERASURE), name).to.include(model);
    }

    // Her account is gone as a way in; the audit trail keeps its events and verifies.
    const account = await User.findById(fatimaUser._id).lean();
    expect(account).to.include({ disabled: true, name: 'Gewiste cliënt', passwordHash: null });
    const login = await signIn(t.app, FATIMA_EMAIL, { password: PASSWORD }).catch((error: Error) => error);
    expect(login).to.be.instanceOf(Error);
    expect((await verifyAuditChain(t.config.masterKey)).ok).to.equal(true);
    expect(await mongoose.model('AuditEvent').countDocuments({ clientId: String(fatimaId) })).to.be.greaterThan(5);

    // What remains: a tombstone, anonymous figures, and the register's service and year without a name.
    expect(await Tombstone.findOne({ clientId: fatimaId }).lean()).to.deep.include({ trajectoryKind: 'spoor2', year: 2026, legalBasis: 'AVG art. 17 lid 1 (verzoek van de betrokkene)' });
    const figure = await ManagementFigure.findOne({}).lean();
    expect(figure).to.not.have.property('clientId');
    expect(figure!.hoursByActivityKind).to.deep.include({ phone: 1.5 });
    const register = (await officer.get('/api/v1/relation-register').expect(200)).body.items as { clientName: string; trajectoryKind: string }[];
    expect(register.map((item) => item.clientName)).to.have.members(['[gewist]', 'Jan de Wit', 'Sanne Bakker']);
    const answered = (await officer.get(`/api/v1/privacy/requests/${request.body._id as string}`).expect(200)).body;
    expect(answered).to.include({ status: 'completed', description: '[gewist]' });

    // Everyone else's dossier is untouched.
    expect((await anna.get(`/api/v1/clients/${String(world.clients.jan._id)}/consults`).expect(200)).body.items).to.have.length.greaterThan(0);
    await anna.get(fatimaPath).expect(404);
  });

  it('only for an erasure request', async () => {
    const t = testApp();
    const world = await aWorld();
    const jan = await apiAs(t.app, t.config, world.users.janUser);
    const officer = await apiAs(t.app, t.config, world.users.privacy);
    const access = await jan.post(`/api/v1/clients/${String(world.clients.jan._id)}/requests`, { kind: 'access' }).expect(201);
    await officer.post(`/api/v1/privacy/requests/${access.body._id as string}/identity-check`, { method: 'portal_two_factor' }).expect(200);
    await officer.post(`/api/v1/privacy/requests/${access.body._id as string}/erase`, { confirmation: 'WISSEN' }).expect(409);
    expect(await Client.exists({ _id: world.clients.jan._id })).to.not.equal(null);
  });
});
