import { expect } from 'chai';
import { Notification } from '../../server/src/modules/notifications/model';
import { testApp, type TestApp } from '../helpers/app';
import { mailTo, waitForMail } from '../helpers/mail';
import { apiAs } from '../helpers/session';
import { aWorld, type World } from '../helpers/world';

describe('notifications', () => {
  let t: TestApp;
  let w: World;
  beforeEach(async () => {
    t = testApp();
    w = await aWorld();
  });
  const jan = () => String(w.clients.jan._id);

  it('tell the client a consult waits, in the app and by a mail without its content', async () => {
    const anna = await apiAs(t.app, t.config, w.users.anna);
    const janApi = await apiAs(t.app, t.config, w.users.janUser);
    await anna.post(`/api/v1/clients/${jan()}/consults/${String(w.consults.janDraft._id)}/send`).expect(200);
    const mail = await waitForMail(w.users.janUser.email);
    expect(mail.subject).to.equal('Er staat een gespreksverslag voor u klaar');
    expect(mail.text).to.include('http://localhost:3000/mijn-dossier');
    expect(mail.text).to.not.include('Gesprek (draft)');
    expect(mail.text).to.not.include('Jan');
    const inbox = await janApi.get('/api/v1/notifications').expect(200);
    expect(inbox.body.unread).to.equal(1);
    expect(inbox.body.items[0]).to.include({ kind: 'consult_waiting', path: '/mijn-dossier', readAt: null });
    expect((await anna.get('/api/v1/notifications')).body.items, 'nobody else’s').to.have.length(0);
    await anna.post(`/api/v1/notifications/${inbox.body.items[0]._id as string}/read`).expect(204);
    expect((await janApi.get('/api/v1/notifications')).body.unread, 'another user cannot mark it').to.equal(1);
    await janApi.post(`/api/v1/notifications/${inbox.body.items[0]._id as string}/read`).expect(204);
    expect((await janApi.get('/api/v1/notifications')).body.unread).to.equal(0);
  });

  it('respect the user’s choice to get a kind only in the app', async () => {
    const anna = await apiAs(t.app, t.config, w.users.anna);
    const janApi = await apiAs(t.app, t.config, w.users.janUser);
    const saved = await janApi.put('/api/v1/notifications/settings', { mail: { consult_waiting: false } }).expect(200);
    expect(saved.body.mail).to.include({ consult_waiting: false, report_waiting: true });
    await anna.post(`/api/v1/clients/${jan()}/consults/${String(w.consults.janDraft._id)}/send`).expect(200);
    await anna.post(`/api/v1/clients/${jan()}/reports/${String(w.reports.janDraft._id)}/send`).expect(200);
    await waitForMail(w.users.janUser.email, { subject: /rapportage/ });
    expect((await mailTo(w.users.janUser.email)).map((mail) => mail.Subject)).to.deep.equal(['Er staat een voortgangsrapportage voor u klaar']);
    expect(await Notification.countDocuments({ userId: w.users.janUser._id })).to.equal(2);
  });

  it('send a dispute and a withdrawn consent back to the coach', async () => {
    await apiAs(t.app, t.config, w.users.anna);
    const janApi = await apiAs(t.app, t.config, w.users.janUser);
    await janApi.post(`/api/v1/clients/${jan()}/consults/${String(w.consults.janAwaiting._id)}/dispute`, { comment: 'Klopt niet' }).expect(200);
    await janApi.post(`/api/v1/clients/${jan()}/consents/${String(w.consents.janShare._id)}/withdraw`).expect(200);
    await waitForMail(w.users.anna.email, { count: 2 });
    const subjects = (await mailTo(w.users.anna.email)).map((mail) => mail.Subject).sort();
    expect(subjects).to.deep.equal(['Een cliënt heeft een toestemming ingetrokken', 'Een cliënt is het niet eens met een gespreksverslag']);
  });

  it('tell the employer a report was shared, and the client that a substitute coach is asked for', async () => {
    const anna = await apiAs(t.app, t.config, w.users.anna);
    const janApi = await apiAs(t.app, t.config, w.users.janUser);
    await apiAs(t.app, t.config, w.users.hrVos);
    const report = `/api/v1/clients/${jan()}/reports/${String(w.reports.janDraft._id)}`;
    await anna.post(`${report}/send`).expect(200);
    await janApi.post(`${report}/approve`).expect(200);
    await janApi.post(`${report}/share`).expect(200);
    const shared = await waitForMail(w.users.hrVos.email);
    expect(shared.subject).to.equal('Er is een voortgangsrapportage met u gedeeld');
    expect(shared.text).to.include('/werkgever').and.not.include('drie dagen');
    expect(await mailTo(w.users.hrEl.email), 'not another employer').to.have.length(0);

    const today = new Date().toISOString().slice(0, 10);
    const soon = new Date(Date.now() + 14 * w.DAY).toISOString().slice(0, 10);
    await anna.post(`/api/v1/clients/${jan()}/handovers`, { toCoachId: String(w.users.bram._id), validFrom: today, validUntil: soon }).expect(201);
    await waitForMail(w.users.janUser.email, { subject: /vervanger/ });
  });
});
