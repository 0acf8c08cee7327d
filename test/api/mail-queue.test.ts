import { expect } from 'chai';
import { MailClaim, MailMessage } from '../../server/src/modules/mail/model';
import { enqueueMail } from '../../server/src/modules/mail/outbox';
import { notificationMail } from '../../server/src/modules/mail/templates';
import { CLAIM_ABANDONED_MS, MAX_ATTEMPTS, startMailWorker, type MailWorker } from '../../server/src/modules/mail/worker';
import { freePort } from '../../scripts/ferretdb';
import { loadConfig } from '../../server/src/config';
import { testApp, type TestApp } from '../helpers/app';
import { restartTestMailWorker, testMailWorker } from '../helpers/hooks';
import { mailTo, waitForMail } from '../helpers/mail';
import { apiAs } from '../helpers/session';
import { aWorld, type World } from '../helpers/world';

const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };

describe('the mail queue', () => {
  let t: TestApp;
  let w: World;
  beforeEach(async () => {
    t = testApp();
    w = await aWorld();
  });
  afterEach(() => {
    if (stoppedRunWorker) restartTestMailWorker();
    stoppedRunWorker = false;
  });
  let stoppedRunWorker = false;
  async function stopRunWorker() {
    stoppedRunWorker = true;
    await testMailWorker()?.stop();
  }
  async function workerOn(smtpUrl: string, retryBaseMs = 60_000): Promise<MailWorker> {
    return startMailWorker({ smtpUrl, from: t.config.mailFrom, masterKey: t.config.masterKey, logger: quiet, pollMs: 60_000, retryBaseMs });
  }

  it('sends a queued mail over SMTP, erases its body, and shows the administrator its status only', async () => {
    await enqueueMail('jan@test.nl', notificationMail('consult_waiting', 'Er staat een gespreksverslag voor u klaar', '/mijn-dossier'));
    const mail = await waitForMail('jan@test.nl');
    expect(mail.subject).to.equal('Er staat een gespreksverslag voor u klaar');
    expect(mail.text).to.include('http://localhost:3000/mijn-dossier');
    let stored = await MailMessage.findOne().lean();
    for (let i = 0; stored?.status !== 'sent' && i < 50; i += 1) {
      await new Promise((wait) => setTimeout(wait, 100));
      stored = await MailMessage.findOne().lean();
    }
    expect(stored).to.include({ status: 'sent', attempts: 1, sealedText: null });

    const admin = await apiAs(t.app, t.config, w.users.admin);
    const queue = await admin.get('/api/v1/admin/mail-queue').expect(200);
    expect(queue.body.counts).to.include({ sent: 1, queued: 0, failed: 0 });
    expect(queue.body.items[0]).to.include({ to: 'jan@test.nl', status: 'sent', kind: 'consult_waiting' });
    expect(queue.body.items[0]).to.not.have.property('sealedText');
    for (const user of [w.users.anna, w.users.privacy, w.users.janUser]) {
      expect((await (await apiAs(t.app, t.config, user)).get('/api/v1/admin/mail-queue')).status, user.name).to.equal(403);
    }
  });

  it('never fails a request when the mail server is down: retries with back-off, then delivers', async () => {
    await stopRunWorker();
    const down = await workerOn(`smtp://127.0.0.1:${await freePort()}`);
    const admin = await apiAs(t.app, t.config, w.users.admin);
    await admin.post('/api/v1/admin/users', { email: 'later@test.nl', name: 'Later', roles: ['employer'] }).expect(201);
    await down.runOnce();
    const waiting = await MailMessage.findOne({ to: 'later@test.nl' }).lean();
    expect(waiting).to.include({ status: 'queued', attempts: 1 });
    expect(waiting?.lastError).to.be.a('string');
    expect(waiting?.sealedText).to.be.a('string').and.not.include('token=');
    expect(waiting!.nextAttemptAt.getTime()).to.be.greaterThan(Date.now() + 30_000);
    await down.runOnce();
    expect((await MailMessage.findOne({ to: 'later@test.nl' }).lean())?.attempts, 'not before its time').to.equal(1);
    await down.stop();

    await MailMessage.updateOne({ to: 'later@test.nl' }, { nextAttemptAt: new Date() });
    restartTestMailWorker();
    stoppedRunWorker = false;
    await waitForMail('later@test.nl');
    const sent = await MailMessage.findOne({ to: 'later@test.nl' }).lean();
    expect(sent?.attempts).to.equal(2);
  });

  it('gives up after the last attempt and says so to the administrator', async () => {
    await stopRunWorker();
    await enqueueMail('nooit@test.nl', notificationMail('consult_waiting', 'Er staat een gespreksverslag voor u klaar', '/'));
    await MailMessage.updateOne({}, { attempts: MAX_ATTEMPTS - 1 });
    const down = await workerOn(`smtp://127.0.0.1:${await freePort()}`);
    await down.runOnce();
    await down.stop();
    expect(await MailMessage.findOne().lean()).to.include({ status: 'failed', attempts: MAX_ATTEMPTS, sealedText: null });
    const queue = await (await apiAs(t.app, t.config, w.users.admin)).get('/api/v1/admin/mail-queue').expect(200);
    expect(queue.body.counts.failed).to.equal(1);
  });

  it('sends each mail exactly once when twenty workers race for it', async () => {
    await stopRunWorker();
    for (let i = 0; i < 5; i += 1) {
      await enqueueMail(`race${i}@test.nl`, notificationMail('consult_waiting', 'Er staat een gespreksverslag voor u klaar', '/'));
    }
    const workers = await Promise.all(Array.from({ length: 20 }, () => workerOn(testSmtpUrl())));
    await Promise.all(workers.map((worker) => worker.runOnce()));
    await Promise.all(workers.map((worker) => worker.stop()));
    for (let i = 0; i < 5; i += 1) await waitForMail(`race${i}@test.nl`);
    for (let i = 0; i < 5; i += 1) expect(await mailTo(`race${i}@test.nl`), `race${i}`).to.have.length(1);
    expect(await MailMessage.countDocuments({ status: 'sent', attempts: 1 })).to.equal(5);
    expect(await MailClaim.countDocuments()).to.equal(5);
  });

  it('takes up a mail again whose attempt a worker abandoned mid-send', async () => {
    await stopRunWorker();
    await enqueueMail('verweesd@test.nl', notificationMail('consult_waiting', 'Er staat een gespreksverslag voor u klaar', '/'));
    const message = (await MailMessage.findOne().lean())!;
    await MailClaim.create({ _id: `${String(message._id)}:1`, claimedAt: new Date(Date.now() - CLAIM_ABANDONED_MS - 1000) });
    const worker = await workerOn(testSmtpUrl());
    await worker.runOnce();
    await worker.runOnce();
    await worker.stop();
    await waitForMail('verweesd@test.nl');
    expect(await MailMessage.findOne().lean()).to.include({ status: 'sent', attempts: 2 });
    expect(await mailTo('verweesd@test.nl')).to.have.length(1);
  });
});

function testSmtpUrl(): string {
  const url = process.env.SPOORBOEK_TEST_SMTP_URL;
  if (!url) throw new Error('the root hooks publish the test SMTP URL');
  return url;
}

describe('mail configuration', () => {
  const base = { NODE_ENV: 'test', MONGODB_URI: 'mongodb://127.0.0.1:1/x' };
  it('links to PUBLIC_URL (without a trailing slash), by default to this machine’s port', () => {
    expect(loadConfig({ ...base, PORT: '8123' }).publicUrl).to.equal('http://localhost:8123');
    expect(loadConfig({ ...base, PUBLIC_URL: 'https://spoorboek.example.nl/' }).publicUrl).to.equal('https://spoorboek.example.nl');
    expect(loadConfig(base).smtpUrl).to.equal(null);
  });
  it('refuses an SMTP_URL or PUBLIC_URL that is not one, naming it', () => {
    expect(() => loadConfig({ ...base, SMTP_URL: 'http://mail.example.nl' })).to.throw(/SMTP_URL/);
    expect(() => loadConfig({ ...base, PUBLIC_URL: 'spoorboek' })).to.throw(/PUBLIC_URL/);
  });
});
