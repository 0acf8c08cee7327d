import { expect } from 'chai';
import mongoose, { type Model } from 'mongoose';
import { AuditEvent } from '../../server/src/audit/model';
import { NOT_EXPORTED } from '../../server/src/modules/exports/collect';
import { DataExport } from '../../server/src/modules/exports/model';
import { sweepExports } from '../../server/src/modules/exports/service';
import { testApp, type TestApp } from '../helpers/app';
import { samplePdf } from '../helpers/samples';
import { apiAs, type Api } from '../helpers/session';
import { aWorld, type World } from '../helpers/world';
import { binary, unzip } from '../helpers/zip';
import { finished, pdfText } from '../helpers/exports';

describe('the export of a client’s dossier (AVG art. 15, 20)', () => {
  let t: TestApp;
  let world: World;
  let jan: Api;
  let exports: string;

  beforeEach(async () => {
    t = testApp();
    world = await aWorld();
    jan = await apiAs(t.app, t.config, world.users.janUser);
    exports = `/api/v1/clients/${String(world.clients.jan._id)}/exports`;
  });

  it('holds every record of every collection that carries clientId, opened, with the files and a Dutch PDF', async () => {
    const anna = await apiAs(t.app, t.config, world.users.anna);
    const clientPath = `/api/v1/clients/${String(world.clients.jan._id)}`;
    const csrf = (await anna.get('/api/v1/auth/csrf').expect(200)).body.token as string;
    await anna.agent.post(`${clientPath}/documents`).set('x-csrf-token', csrf).field('category', 'cv')
      .attach('file', samplePdf('EXPORT-FILE-MARKER'), { filename: 'cv jan.pdf', contentType: 'application/pdf' }).expect(201);
    await jan.post(`${clientPath}/requests`, { kind: 'access', description: 'Alles graag. EXPORT-REQ-MARKER' }).expect(201);
    await anna.post(`${clientPath}/consults/${String(world.consults.janApproved._id)}/addenda`, { text: 'Correctie: EXPORT-ADDENDUM-MARKER' }).expect(201);

    const started = await jan.post(exports).expect(201);
    expect(started.body).to.include({ status: 'queued', requestedBy: String(world.users.janUser._id) });
    const job = await finished(jan, `${exports}/${started.body._id as string}`);
    expect(job.status).to.equal('ready');
    expect(job.progress.done).to.equal(job.progress.total);

    const download = await jan.get(`${exports}/${started.body._id as string}/content`).buffer(true).parse(binary).expect(200);
    expect(download.headers['content-type']).to.match(/application\/zip/);
    expect(download.headers['content-disposition']).to.match(/attachment/);
    const zip = await unzip(download.body as Buffer);

    // Completeness: every model with a clientId path, whatever module registered it, is in the export with all
    // of Jan's records. A new collection fails here until the export carries it (or is listed, with a reason).
    expect(Object.keys(NOT_EXPORTED).sort()).to.deep.equal(['DataExport', 'DataKey']);
    const carriers = Object.values(mongoose.models).filter((model) => model.schema.path('clientId') && !(model.modelName in NOT_EXPORTED));
    expect(carriers.length).to.be.greaterThan(10);
    for (const model of [...carriers, mongoose.model('Client')] as Model<unknown>[]) {
      const entry = zip.get(`gegevens/${model.modelName}.json`);
      expect(entry, model.modelName).to.not.equal(undefined);
      const filter = model.modelName === 'Client' ? { _id: world.clients.jan._id } : { clientId: world.clients.jan._id };
      const stored = await model.countDocuments(filter);
      const exported = JSON.parse(entry!.toString('utf8')) as unknown[];
      // The audit log grows while the export runs (the download itself is recorded): at least what was there.
      if (model.modelName === 'AuditEvent') expect(exported.length, model.modelName).to.be.at.least(1);
      else expect(exported.length, model.modelName).to.equal(stored);
    }

    const json = [...zip].filter(([name]) => name.startsWith('gegevens/')).map(([, content]) => content.toString('utf8')).join('\n');
    for (const readable of ['"firstName":"Jan"', 'Gesprek (approved)', 'Ik geef toestemming.', 'Medische toelichting', 'AD-rapport',
      'EXPORT-REQ-MARKER', 'EXPORT-ADDENDUM-MARKER', '111222333', 'Jan werkt drie dagen per week.']) {
      expect(json, readable).to.include(readable);
    }
    expect(json).not.to.match(/enc1:/); // everything opened…
    expect(json).not.to.include('[niet te ontsleutelen]'); // …with the record and field each ciphertext is bound to
    expect(json).not.to.include('Fatima'); // nobody else's
    expect(json).not.to.match(/passwordHash|totpSecret|wrappedKey/);
    const files = [...zip.keys()].filter((name) => name.startsWith('bestanden/'));
    expect(files.some((name) => /^bestanden\/proces\/.+cv jan\.pdf$/.test(name))).to.equal(true);
    expect(files.filter((name) => name.startsWith('bestanden/gezondheid/'))).to.have.length(2);
    expect(zip.get(files.find((name) => name.endsWith('cv jan.pdf'))!)!.toString('latin1')).to.include('EXPORT-FILE-MARKER');

    const pdf = zip.get('dossier.pdf')!;
    expect(pdf.subarray(0, 5).toString()).to.equal('%PDF-');
    const text = pdfText(pdf);
    if (text !== null) {
      for (const phrase of ['Uw dossier', 'Jan de Wit', 'Inhoud', 'Deel 1 — Procesdossier', 'Deel 2 — Gezondheidsdossier', 'Medische toelichting',
        'Gesprek (approved)', 'Wie heeft uw dossier ingezien']) expect(text, phrase).to.include(phrase);
      expect(text).to.match(/\d{1,2} (januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december) \d{4}/);
      expect(text.indexOf('Deel 2 — Gezondheidsdossier', text.indexOf('Medische gegevens'))).to.be.greaterThan(-1);
    } else {
      expect(pdf.length).to.be.greaterThan(5000);
    }

    const event = await AuditEvent.findOne({ action: 'export', 'object.id': started.body._id as string }).lean();
    expect(event).to.deep.include({ outcome: 'allowed', clientId: String(world.clients.jan._id) });
  });

  it('is downloaded only by the client; the officer releases one only after the identity check', async () => {
    const anna = await apiAs(t.app, t.config, world.users.anna);
    const officer = await apiAs(t.app, t.config, world.users.privacy);
    const hr = await apiAs(t.app, t.config, world.users.hrVos);
    await anna.post(exports).expect(403);
    await hr.post(exports).expect(403);
    await officer.post(exports).expect(403); // only released for a checked request

    const request = await jan.post(`/api/v1/clients/${String(world.clients.jan._id)}/requests`, { kind: 'access' }).expect(201);
    const release = `/api/v1/privacy/requests/${request.body._id as string}/export`;
    expect((await officer.post(release).expect(409)).body.detail).to.match(/identiteit/);
    await officer.post(`/api/v1/privacy/requests/${request.body._id as string}/identity-check`, { method: 'portal_two_factor' }).expect(200);
    const released = await officer.post(release).expect(201);
    expect(released.body).to.include({ requestId: request.body._id });
    expect((await finished(officer, `${exports}/${released.body._id as string}`)).status).to.equal('ready');

    await officer.get(`${exports}/${released.body._id as string}/content`).expect(403);
    await anna.get(`${exports}/${released.body._id as string}/content`).expect(403);
    const fatima = await apiAs(t.app, t.config, await mongoose.model('User').create({ email: 'fatima@test.nl', name: 'Fatima', roles: ['client'], clientId: world.clients.fatima._id }) as never);
    await fatima.get(`${exports}/${released.body._id as string}/content`).expect(403);
    await jan.get(`${exports}/${released.body._id as string}/content`).buffer(true).parse(binary).expect(200);
    const mine = (await jan.get(exports).expect(200)).body.items as { _id: string }[];
    expect(mine.map((item) => item._id)).to.deep.equal([released.body._id]);
  });

  it('is made once at a time per client, and expires after seven days', async () => {
    const starts = await Promise.all([1, 2, 3].map(() => jan.post(exports)));
    expect(starts.map((r) => r.status).sort()).to.deep.equal([201, 409, 409]);
    const id = starts.find((r) => r.status === 201)!.body._id as string;
    await finished(jan, `${exports}/${id}`);
    const job = await DataExport.findById(id).lean();
    expect(job!.expiresAt!.getTime() - job!.readyAt!.getTime()).to.equal(7 * 24 * 60 * 60 * 1000);
    await jan.post(exports).expect(201); // the next one may start once the first is done

    await DataExport.updateOne({ _id: id }, { expiresAt: new Date(Date.now() - 1000) });
    await sweepExports();
    const gone = await jan.get(`${exports}/${id}/content`).expect(410);
    expect(gone.body.detail).to.match(/verlopen/);
    expect(await mongoose.connection.db!.collection('exports.files').countDocuments({ _id: job!.fileId! })).to.equal(0);
  });
});
