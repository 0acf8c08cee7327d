import { expect } from 'chai';
import mongoose from 'mongoose';
import { testApp, type TestApp } from '../helpers/app';
import { rawDatabase } from '../helpers/rawDatabase';
import { samplePdf, samplePng } from '../helpers/samples';
import { apiAs, type Api } from '../helpers/session';
import { aWorld, JAN_BSN, type World } from '../helpers/world';

describe('documents', () => {
  let t: TestApp;
  let world: World;
  let anna: Api;
  let csrf: string;
  let base: string;

  beforeEach(async () => {
    t = testApp();
    world = await aWorld();
    anna = await apiAs(t.app, t.config, world.users.anna);
    csrf = (await anna.get('/api/v1/auth/csrf').expect(200)).body.token as string;
    base = `/api/v1/clients/${String(world.clients.jan._id)}/documents`;
  });

  const upload = (file: Buffer, filename: string, contentType: string, category = 'cv') =>
    anna.agent.post(base).set('x-csrf-token', csrf).field('category', category).attach('file', file, { filepath: filename, contentType } as never); // filepath: form-data would cut folders off a plain filename
  const storedFiles = async () => ({
    documents: await mongoose.connection.db!.collection('documents').countDocuments(),
    files: await mongoose.connection.db!.collection('files.files').countDocuments(),
    chunks: await mongoose.connection.db!.collection('files.chunks').countDocuments(),
  });

  it('store an allowed file encrypted and give it back as an attachment', async () => {
    const created = await upload(samplePdf('PLANTED-MARKER-7731'), 'plan van aanpak.pdf', 'application/pdf', 'action_plan').expect(201);
    expect(created.body).to.include({ filename: 'plan van aanpak.pdf', contentType: 'application/pdf', category: 'action_plan' });

    const download = await anna.get(`${base}/${created.body._id as string}/content`).buffer(true).parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    }).expect(200);
    expect((download.body as Buffer).equals(samplePdf('PLANTED-MARKER-7731'))).to.equal(true);
    expect(download.headers['content-disposition']).to.match(/^attachment; filename="plan van aanpak.pdf"/);
    expect(download.headers['content-type']).to.equal('application/pdf');
    expect(download.headers['x-content-type-options']).to.equal('nosniff');
    expect(download.headers['cache-control']).to.equal('no-store');

    const raw = await rawDatabase();
    expect(raw).not.to.include('PLANTED-MARKER-7731');
    expect(raw).not.to.include('plan van aanpak');
    const list = await anna.get(base).expect(200);
    expect(list.body.items.map((item: { filename: string }) => item.filename)).to.include('plan van aanpak.pdf');
  });

  const rejected: [string, () => Buffer, string, string, number, RegExp][] = [
    ['a file whose content does not match its type', () => samplePng(), 'cv.pdf', 'application/pdf', 415, /past niet|geen PDF/],
    ['a type outside the allow-list', () => Buffer.from('<html><script>alert(1)</script></html>'), 'cv.html', 'text/html', 415, /niet toegestaan/],
    ['a script disguised as a PDF', () => Buffer.from('<script>alert(1)</script>'), 'cv.pdf', 'application/pdf', 415, /geen PDF/],
    ['an oversized file', () => Buffer.concat([samplePdf(), Buffer.alloc(10 * 1024 * 1024 + 1, 0x20)]), 'groot.pdf', 'application/pdf', 413, /groter dan 10 MB/],
    ['a path-traversal file name', () => samplePdf(), '../../etc/passwd.pdf', 'application/pdf', 400, /bestandsnaam/],
    ['a backslash path file name', () => samplePdf(), '..\\..\\boot.pdf', 'application/pdf', 400, /bestandsnaam/],
    ['a PNG with a PDF appended (polyglot)', () => Buffer.concat([samplePng(), samplePdf()]), 'foto.png', 'image/png', 415, /na het einde/],
    ['a PNG carrying a script inside', () => pngWithText('<script>alert(1)</script>'), 'foto.png', 'image/png', 415, /ingebedde code/],
    ['a PDF with a ZIP appended (polyglot)', () => Buffer.concat([samplePdf(), Buffer.from('PK\x03\x04rest-of-zip', 'latin1')]), 'cv.pdf', 'application/pdf', 415, /na het einde/],
    ['a PDF with JavaScript', () => Buffer.from('%PDF-1.4\n1 0 obj << /OpenAction << /S /JavaScript /JS (app.alert(1)) >> >> endobj\n%%EOF\n', 'latin1'), 'cv.pdf', 'application/pdf', 415, /scripts/],
  ];
  for (const [what, file, filename, contentType, status, message] of rejected) {
    it(`refuse ${what} with a clear error and store nothing`, async () => {
      const before = await storedFiles();
      const response = await upload(file(), filename, contentType);
      expect(response.status).to.equal(status);
      expect(response.headers['content-type']).to.match(/application\/problem\+json/);
      expect(response.body.detail).to.match(message);
      expect(await storedFiles()).to.deep.equal(before);
    });
  }

  it('refuse two files at once, or none', async () => {
    const two = await anna.agent.post(base).set('x-csrf-token', csrf).field('category', 'cv')
      .attach('file', samplePdf(), { filename: 'a.pdf', contentType: 'application/pdf' })
      .attach('file', samplePdf(), { filename: 'b.pdf', contentType: 'application/pdf' });
    expect(two.status).to.equal(400);
    const none = await anna.agent.post(base).set('x-csrf-token', csrf).field('category', 'cv');
    expect(none.status).to.equal(400);
    expect(none.body.detail).to.match(/Kies een bestand/);
    expect((await storedFiles()).files).to.equal(0);
  });
});

describe('dossier content at rest', () => {
  it('is ciphertext: consults, reports, consents, notes and the BSN contain no plaintext in the raw collections', async () => {
    const t = testApp();
    const world = await aWorld();
    const anna = await apiAs(t.app, t.config, world.users.anna);
    const jan = `/api/v1/clients/${String(world.clients.jan._id)}`;
    const marker = 'PLANTED-MARKER-4412';
    const consult = await anna.post(`${jan}/consults`, { date: '2026-11-20', durationMinutes: 30, kind: 'progress', summary: `Verslag ${marker}` }).expect(201);
    await anna.post(`${jan}/consults/${consult.body._id as string}/send`).expect(200);
    const janApi = await apiAs(t.app, t.config, world.users.janUser);
    await janApi.post(`${jan}/consults/${consult.body._id as string}/dispute`, { comment: `Opmerking ${marker}` }).expect(200);
    await anna.post(`${jan}/activities`, { date: '2026-11-20', kind: 'phone', minutes: 5, note: `Notitie ${marker}` }).expect(201);
    const report = await anna.post(`${jan}/reports`, { title: `Titel ${marker}`, periodStart: '2026-11-01', periodEnd: '2026-11-30', text: `Tekst ${marker}` }).expect(201);
    await anna.post(`${jan}/reports/${report.body._id as string}/send`).expect(200);
    await janApi.post(`${jan}/reports/${report.body._id as string}/approve`).expect(200);
    await janApi.post(`${jan}/reports/${report.body._id as string}/share`).expect(200); // the consent text names the title
    const consents = (await janApi.get(`${jan}/consents`).expect(200)).body.items as { text: string }[];
    expect(consents.some((consent) => consent.text.includes(`Titel ${marker}`))).to.equal(true);
    const intake = await anna.post('/api/v1/clients', {
      firstName: 'Kees', lastName: 'Test', trajectory: { kind: 'spoor2', startDate: '2026-11-01' }, bsn: '123456782',
    }).expect(201);
    expect(intake.body).to.include({ bsnMasked: '******782' }).and.not.have.property('bsn');

    const raw = await rawDatabase();
    expect(raw).not.to.include(marker);
    expect(raw).not.to.include('123456782');
    expect(raw).not.to.include(JAN_BSN);
    expect(raw).to.include('enc1:'); // and it is there, encrypted

    // A ciphertext copied into another record does not open there (associated data binds it to its place).
    const consults = mongoose.connection.db!.collection('consults');
    const stored = await consults.findOne({ _id: new mongoose.Types.ObjectId(consult.body._id as string) });
    await consults.updateOne({ _id: world.consults.janApproved._id }, { $set: { summary: stored!.summary } });
    const moved = await anna.get(`${jan}/consults/${String(world.consults.janApproved._id)}`);
    expect(moved.status).to.equal(500);
    expect(moved.text).not.to.include(marker);
  });
});

/** A PNG with a tEXt chunk holding `text` (CRC not checked by our inspection; the point is the content). */
function pngWithText(text: string): Buffer {
  const png = samplePng();
  const iend = png.length - 12;
  const data = Buffer.from(`Comment\0${text}`, 'latin1');
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  return Buffer.concat([png.subarray(0, iend), length, Buffer.from('tEXt'), data, Buffer.alloc(4), png.subarray(iend)]);
}
