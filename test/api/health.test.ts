import { expect } from 'chai';
import mongoose from 'mongoose';
import { verifyAuditChain } from '../../server/src/audit/verify';
import { HealthRecord } from '../../server/src/modules/health/model';
import { dataKeyFor } from '../../server/src/crypto/dataKeys';
import { decryptBytes, Lock } from '../../server/src/crypto/envelope';
import { testApp, type TestApp } from '../helpers/app';
import { samplePdf } from '../helpers/samples';
import { apiAs, type Api } from '../helpers/session';
import { aWorld, type World } from '../helpers/world';

describe('the health dossier', function () {
  this.timeout(60_000);
  let t: TestApp;
  let world: World;
  let claes: Api;
  let jan: string;

  beforeEach(async () => {
    t = testApp();
    world = await aWorld();
    claes = await apiAs(t.app, t.config, world.users.claes);
    jan = `/api/v1/clients/${String(world.clients.jan._id)}/health`;
  });

  const fml = {
    date: '2026-11-20', format: 'fml', conclusion: 'Belastbaar voor licht werk, vier uur per dag.',
    explanation: 'Herstel na hernia-operatie; fysiotherapie loopt.',
    capacities: [{ rubriek: 'IV', item: '4.13', level: 2, quantification: 'tillen max. 10 kg' }, { rubriek: 'VI', item: '6.2', level: 1, quantification: 'max. 4 uur per dag' }],
  };

  it('takes FML items only from the rubriek’s own list, naming the field and storing nothing else', async () => {
    const before = await HealthRecord.countDocuments({ clientId: world.clients.jan._id });
    for (const [rubriek, item] of [['IV', '4.99'], ['IV', '5.3'], ['VI', '6.5'], ['I', 'tillen'], ['II', '']]) {
      const refused = await claes.post(`${jan}/fml`, { ...fml, capacities: [{ rubriek, item, level: 1 }] }).expect(400);
      expect(refused.body.errors.map((error: { field: string }) => error.field), `${rubriek} ${item}`).to.deep.equal(['body.capacities.0.item']);
      expect(refused.body.detail).to.match(/Kies een item/);
    }
    expect(await HealthRecord.countDocuments({ clientId: world.clients.jan._id })).to.equal(before);
    await claes.post(`${jan}/fml`, { ...fml, capacities: [{ rubriek: 'I', item: '1.9', level: 2 }, { rubriek: 'IV', item: '4.21', level: 1 }] }).expect(201);
  });

  it('lets the company doctor record FML and BAR as new versions, and the client read all of it', async () => {
    const first = await claes.post(`${jan}/fml`, fml).expect(201);
    expect(first.body).to.include({ kind: 'fml', format: 'fml', conclusion: fml.conclusion, explanation: fml.explanation });
    const bar = await claes.post(`${jan}/fml`, {
      date: '2026-11-21', format: 'bar', conclusion: 'Zie secties.', barSections: [{ title: 'Belastbaarheid', text: 'Zittend werk goed mogelijk.' }],
    }).expect(201);
    expect(bar.body.barSections).to.deep.equal([{ title: 'Belastbaarheid', text: 'Zittend werk goed mogelijk.' }]);
    const note = await claes.post(`${jan}/medical-notes`, { date: '2026-11-20', text: 'Spreekuur.', firstSickDay: '2026-02-16' }).expect(201);
    expect(note.body.firstSickDay).to.equal('2026-02-16T00:00:00.000Z');
    await claes.post(`${jan}/ad-reports`, { date: '2026-11-20', conclusion: 'x', adAnswers: { ownWork: 'a', ownWorkAdjusted: 'b', otherWorkSameEmployer: 'c', workElsewhere: 'd', schemes: 'e' } }).expect(403);

    const fmls = await claes.get(`${jan}/records?kind=fml`).expect(200);
    expect(fmls.body.items.map((record: { _id: string }) => record._id)).to.include.members([first.body._id, bar.body._id, String(world.health.janFml._id)]);

    const client = await apiAs(t.app, t.config, world.users.janUser);
    const own = await client.get(jan).expect(200);
    expect(own.body.records.map((record: { kind: string }) => record.kind)).to.include.members(['fml', 'ad_report', 'medical_note']);
    expect(own.body.records.find((record: { _id: string }) => record._id === first.body._id).explanation).to.equal(fml.explanation);
    expect(own.body.documents).to.have.length(2);
    await client.post(`${jan}/fml`, fml).expect(403);
  });

  it('lets the labour expert write AD reports with a PDF and read the FML, but not medical notes', async () => {
    const dijk = await apiAs(t.app, t.config, world.users.dijk);
    const report = await dijk.post(`${jan}/ad-reports`, {
      date: '2026-11-20', conclusion: 'Aangepast eigen werk',
      adAnswers: { ownWork: 'Niet volledig.', ownWorkAdjusted: 'Ja, met tilhulp.', otherWorkSameEmployer: 'Niet nodig.', workElsewhere: 'Niet aan de orde.', schemes: 'Werkplekaanpassing.' },
      text: 'Onderzoek naar aanleiding van de FML.',
    }).expect(201);
    const csrf = (await dijk.get('/api/v1/auth/csrf')).body.token as string;
    const pdf = await dijk.agent.post(`${jan}/documents`).set('x-csrf-token', csrf).field({ category: 'ad_report', healthRecordId: report.body._id })
      .attach('file', samplePdf('AD-rapport-pdf'), { filename: 'ad-rapport.pdf', contentType: 'application/pdf' }).expect(201);
    expect((await dijk.get(`${jan}/records/${report.body._id as string}`).expect(200)).body.documentId).to.equal(pdf.body._id);
    const onAnothersRecord = await dijk.agent.post(`${jan}/documents`).set('x-csrf-token', csrf)
      .field({ category: 'ad_report', healthRecordId: String(world.health.janNote._id) })
      .attach('file', samplePdf(), { filename: 'ad.pdf', contentType: 'application/pdf' }).expect(400);
    expect(onAnothersRecord.body.errors[0].field).to.equal('body.healthRecordId');
    await dijk.agent.post(`${jan}/documents`).set('x-csrf-token', csrf).field({ category: 'medical' })
      .attach('file', samplePdf(), { filename: 'brief.pdf', contentType: 'application/pdf' }).expect(403);

    const kinds = (await dijk.get(`${jan}/records`).expect(200)).body.items.map((record: { kind: string }) => record.kind);
    expect(kinds).to.include('fml').and.include('ad_report').and.not.include('medical_note');
    await dijk.get(`${jan}/records?kind=medical_note`).expect(403);
    await dijk.get(`${jan}/records/${String(world.health.janNote._id)}`).expect(403);
    await dijk.post(`${jan}/fml`, fml).expect(403);
  });

  it('shows the coach the FML capacities while the client consents, never the explanation or conclusion, and 403 after withdrawal', async () => {
    await claes.post(`${jan}/fml`, fml).expect(201);
    const anna = await apiAs(t.app, t.config, world.users.anna);
    const capacities = await anna.get(`${jan}/fml-capacities`).expect(200);
    expect(capacities.body.items).to.have.length(2);
    for (const item of capacities.body.items) expect(Object.keys(item).sort()).to.deep.equal(['_id', 'capacities', 'clientId', 'date', 'format', 'kind']);
    for (const path of [jan, `${jan}/records`, `${jan}/records?kind=fml`, `${jan}/records/${String(world.health.janFml._id)}`, `${jan}/fml-capacities`]) {
      const response = await anna.get(path).expect(200);
      expect(response.text, path).not.to.match(/explanation|conclusion|hernia|fysiotherapie|Belastbaar voor licht werk|Medische toelichting/);
    }
    await anna.get(`${jan}/records?kind=medical_note`).expect(403);
    await anna.get(`${jan}/records/${String(world.health.janNote._id)}`).expect(403);
    await anna.get(`${jan}/documents`).expect(403);
    const fatima = `/api/v1/clients/${String(world.clients.fatima._id)}/health`;
    await anna.get(`${fatima}/fml-capacities`).expect(403);

    const client = await apiAs(t.app, t.config, world.users.janUser);
    await client.post(`/api/v1/clients/${String(world.clients.jan._id)}/consents/${String(world.consents.janFml._id)}/withdraw`).expect(200);
    await anna.get(`${jan}/fml-capacities`).expect(403);
    await anna.get(`${jan}/records/${String(world.health.janFml._id)}`).expect(403);
  });

  it('keeps health content and files as ciphertext that the process key cannot open', async () => {
    const marker = 'PLANTED-HEALTH-MARKER-9921';
    const record = await claes.post(`${jan}/fml`, { ...fml, explanation: marker, capacities: [{ rubriek: 'V', item: '5.10', level: 2, quantification: marker }] }).expect(201);
    const csrf = (await claes.get('/api/v1/auth/csrf')).body.token as string;
    const document = await claes.agent.post(`${jan}/documents`).set('x-csrf-token', csrf).field({ category: 'medical' })
      .attach('file', samplePdf(marker), { filename: `${marker}.pdf`, contentType: 'application/pdf' }).expect(201);

    const db = mongoose.connection.db!;
    const raw = JSON.stringify([
      await db.collection('healthrecords').find({}).toArray(), await db.collection('healthdocuments').find({}).toArray(),
    ]) + (await db.collection('files.chunks').find({}).toArray()).map((chunk) => Buffer.from(chunk.data.buffer).toString('latin1')).join('');
    expect(raw).not.to.include(marker);
    expect(raw).not.to.include('"5.10"'); // the item, as JSON would hold it (a bare 5.3 can occur in a timestamp)

    const stored = await db.collection('healthrecords').findOne({ _id: new mongoose.Types.ObjectId(record.body._id as string) });
    const processKeyLock = await Lock.for(world.clients.jan._id, 'process');
    expect(() => processKeyLock.open(stored!.content as string, `HealthRecord:${record.body._id as string}`, 'content')).to.throw();
    const healthKeyLock = await Lock.for(world.clients.jan._id, 'health');
    expect(healthKeyLock.open(stored!.content as string, `HealthRecord:${record.body._id as string}`, 'content')).to.include(marker);
    expect((await dataKeyFor(world.clients.jan._id, 'process')).equals(await dataKeyFor(world.clients.jan._id, 'health'))).to.equal(false);

    const meta = await db.collection('healthdocuments').findOne({ _id: new mongoose.Types.ObjectId(document.body._id as string) });
    const chunks = await db.collection('files.chunks').find({ files_id: meta!.fileId }).sort({ n: 1 }).toArray();
    const ciphertext = Buffer.concat(chunks.map((chunk) => Buffer.from(chunk.data.buffer)));
    const place = { clientId: String(world.clients.jan._id), record: `File:${String(meta!.fileId)}`, field: 'content' };
    await decryptBytes({ ...place, compartment: 'process' }, ciphertext).then(() => expect.fail('the process key opened a health file'), () => undefined);
    expect((await decryptBytes({ ...place, compartment: 'health' }, ciphertext)).toString('latin1')).to.include(marker);
  });

  it('shows the client every health read in order in the access log, filterable by period, and the chain stays intact', async () => {
    const dijk = await apiAs(t.app, t.config, world.users.dijk);
    const anna = await apiAs(t.app, t.config, world.users.anna);
    const client = await apiAs(t.app, t.config, world.users.janUser);
    const logPath = `/api/v1/clients/${String(world.clients.jan._id)}/access-log`;

    await claes.get(`${jan}/records/${String(world.health.janNote._id)}`).expect(200);
    await dijk.get(`${jan}/records/${String(world.health.janFml._id)}`).expect(200);
    await anna.get(`${jan}/fml-capacities`).expect(200);
    await dijk.get(`${jan}/records/${String(world.health.janNote._id)}`).expect(403);

    type Line = { day: string; who: string; compartment: string; type: string; action: string; outcome: string; count: number; line: string };
    const log = (await client.get(logPath).expect(200)).body.items as Line[];
    const health = log.filter((line) => line.compartment === 'health');
    // Newest first, one plain Dutch line per person, part and kind of access; the assigned doctor is "uw bedrijfsarts".
    expect(health.map((line) => line.line)).to.deep.equal([
      'Dijk AD (uw arbeidsdeskundige) kreeg geen toegang tot uw medische gegevens.',
      'Anna Coach (uw coach) las uw medische gegevens.',
      'Dijk AD (uw arbeidsdeskundige) las uw medische gegevens.',
      'Claes Arts (uw bedrijfsarts) las uw medische gegevens.',
    ]);
    for (const line of log) expect(Object.keys(line)).not.to.include.members(['hash', 'prevHash', 'accessPoint', 'reason']);

    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    expect((await client.get(`${logPath}?from=${tomorrow}`).expect(200)).body.items).to.deep.equal([]);
    const today = new Date().toISOString().slice(0, 10);
    expect((await client.get(`${logPath}?from=${today}&to=${today}`).expect(200)).body.items.length).to.equal(log.length);

    const privacy = await apiAs(t.app, t.config, world.users.privacy);
    await privacy.get(logPath).expect(200);
    for (const user of [world.users.anna, world.users.claes, world.users.hrVos, world.users.admin]) {
      await (await apiAs(t.app, t.config, user)).get(logPath).expect(403);
    }
    await client.get(`/api/v1/clients/${String(world.clients.fatima._id)}/access-log`).expect(403);

    const chain = await verifyAuditChain(t.config.masterKey);
    expect(chain.ok, JSON.stringify(chain)).to.equal(true);
  });
});
