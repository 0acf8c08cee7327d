import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import { expect } from 'chai';
import mongoose, { Types } from 'mongoose';
import { verifyAuditChain } from '../../server/src/audit/verify';
import { AuditEvent } from '../../server/src/audit/model';
import { DataKey } from '../../server/src/crypto/dataKeys';
import { Client } from '../../server/src/db/models/client';
import { Activity } from '../../server/src/modules/activities/model';
import { ManagementFigure, Tombstone } from '../../server/src/modules/erasure/model';
import { amsterdamDay } from '@spoorboek/shared/dueDates';
import type { RetentionReport } from '@spoorboek/shared/schemas/retention';
import { testApp } from '../helpers/app';
import { testDatabase } from '../helpers/database';
import { apiAs } from '../helpers/session';
import { aWorld } from '../helpers/world';

const YEAR_MS = 365.25 * 24 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** A client whose trajectory ended `ago` milliseconds before now. */
async function anEndedClient(world: Awaited<ReturnType<typeof aWorld>>, firstName: string, agoMs: number, extra: Record<string, unknown> = {}) {
  const endDate = new Date(Date.now() - agoMs);
  return Client.create({
    firstName, lastName: 'Bewaartermijn', employerId: world.clients.jan.employerId, coachId: world.users.anna._id,
    companyDoctorId: world.users.claes._id,
    trajectory: { kind: 'spoor2', status: 'completed', outcome: 'own_work', startDate: new Date(endDate.getTime() - 200 * DAY_MS), endDate },
    ...extra,
  });
}

const idsOf = (items: { clientId: string }[]) => items.map((item) => item.clientId).sort();

describe('retention (AVG art. 5(1)(e)) and legal hold', () => {
  it('erases exactly the dossiers past their term — not one under legal hold, an objector after the shorter term — and keeps their figures', async () => {
    const t = testApp();
    const world = await aWorld();
    const sixYears = await anEndedClient(world, 'Zes', 6 * YEAR_MS);
    const fourYears = await anEndedClient(world, 'Vier', 4 * YEAR_MS);
    const held = await anEndedClient(world, 'Vastgehouden', 6 * YEAR_MS);
    const objector = await anEndedClient(world, 'Bezwaar', 60 * DAY_MS, { objections: { retentionAfterTrajectory: new Date(), managementFigures: null } });
    const recentObjector = await anEndedClient(world, 'Bezwaar-recent', 10 * DAY_MS, { objections: { retentionAfterTrajectory: new Date(), managementFigures: null } });
    await Activity.create({ clientId: sixYears._id, authorId: world.users.anna._id, date: new Date(Date.now() - 6 * YEAR_MS - 30 * DAY_MS), kind: 'phone', minutes: 90 });
    const mine = new Set([sixYears, fourYears, held, objector, recentObjector].map((client) => String(client._id)));
    const ofMine = (ids: string[]) => ids.filter((id) => mine.has(id)).sort();

    const officer = await apiAs(t.app, t.config, world.users.privacy);
    const anna = await apiAs(t.app, t.config, world.users.anna);
    // The hold: only the privacy officer places it, with a reason and a date; it is audited and the dossier shows it.
    const holdPath = `/api/v1/privacy/clients/${String(held._id)}/legal-hold`;
    const until = new Date(Date.now() + YEAR_MS).toISOString().slice(0, 10);
    await anna.put(holdPath, { reason: 'Klacht bij het Kifid', until }).expect(403);
    expect(JSON.stringify((await officer.put(holdPath, { reason: '', until }).expect(400)).body.errors)).to.match(/Vul de reden van de bewaarplicht in/);
    expect((await officer.put(holdPath, { reason: 'Klacht', until: '2001-01-01' }).expect(409)).body.detail).to.match(/toekomst/);
    const placed = await officer.put(holdPath, { reason: 'Klacht bij het Kifid', until }).expect(200);
    expect(placed.body.legalHold).to.include({ reason: 'Klacht bij het Kifid' });
    expect(await AuditEvent.countDocuments({ clientId: String(held._id), reason: /bewaarplicht vastgelegd/ })).to.equal(1);
    const seen = await anna.get(`/api/v1/clients/${String(held._id)}`).expect(200);
    expect(seen.body.legalHold).to.include({ reason: 'Klacht bij het Kifid' });

    // The dry run names exactly the six-year-old dossier and the objector past the grace period.
    const dry = (await officer.get('/api/v1/privacy/retention').expect(200)).body as RetentionReport;
    expect(dry.dryRun).to.equal(true);
    expect(ofMine(idsOf(dry.erase))).to.deep.equal([String(sixYears._id), String(objector._id)].sort());
    expect(ofMine(idsOf(dry.held))).to.deep.equal([String(held._id)]);
    const planned = dry.erase.find((item) => item.clientId === String(sixYears._id))!;
    expect(planned).to.include({ category: 'dossier', resumed: false });
    expect(planned.basis).to.match(/Privacyreglement/);
    expect(dry.erase.find((item) => item.clientId === String(objector._id))).to.include({ category: 'dossier_objected' });
    expect(await Client.countDocuments({ _id: mongoose.trusted({ $in: [...mine] }) })).to.equal(5); // a dry run erases nothing

    // The command's dry run says the same.
    const uri = new URL(testDatabase().uri);
    uri.pathname = `/${testDatabase().dbName}`;
    const { stdout } = await promisify(execFile)('npx', ['tsx', 'scripts/retention.ts', '--dry-run'], {
      env: { ...process.env, MONGODB_URI: uri.toString(), NODE_ENV: 'test', MASTER_KEY: randomBytes(32).toString('base64') },
    });
    expect(stdout, stdout).to.include(`zou wissen cliënt ${String(sixYears._id)}`);
    expect(stdout).not.to.include(`cliënt ${String(fourYears._id)}`);
    expect(stdout).to.include(`bewaarplicht tot ${until}: cliënt ${String(held._id)}`);

    // Only the officer runs it, with confirmation; the real run erases what the dry run named, no more, no less.
    await anna.post('/api/v1/privacy/retention/run', { confirmation: 'WISSEN' }).expect(403);
    await officer.post('/api/v1/privacy/retention/run', {}).expect(400);
    const figuresBefore = await ManagementFigure.countDocuments({ endYear: sixYears.trajectory.endDate!.getUTCFullYear(), outcome: 'own_work' });
    const real = (await officer.post('/api/v1/privacy/retention/run', { confirmation: 'WISSEN' }).expect(200)).body as RetentionReport;
    expect(real.erased.sort()).to.deep.equal(idsOf(dry.erase));
    expect(real.failed).to.deep.equal([]);
    expect(await Client.countDocuments({ _id: mongoose.trusted({ $in: [...mine] }) })).to.equal(3);
    expect(await Client.exists({ _id: held._id })).to.not.equal(null);
    for (const erased of [sixYears, objector]) {
      expect(await DataKey.countDocuments({ clientId: erased._id })).to.equal(0);
      const tombstone = await Tombstone.findOne({ clientId: erased._id }).lean();
      expect(tombstone).to.include({ requestId: null });
      expect(tombstone?.completedAt).to.be.instanceOf(Date);
    }
    expect(await Activity.countDocuments({ clientId: sixYears._id })).to.equal(0);
    // The anonymous figures stay: the six-year-old trajectory, its outcome and its hours.
    expect(await ManagementFigure.countDocuments({ endYear: sixYears.trajectory.endDate!.getUTCFullYear(), outcome: 'own_work' })).to.equal(figuresBefore + 1);
    const erasureEvent = await AuditEvent.findOne({ clientId: String(sixYears._id), action: 'delete' }).lean();
    expect(erasureEvent?.reason).to.match(/bewaartermijn verstreken \(5 jaar/);
    expect(erasureEvent?.actor.userId).to.equal(String(world.users.privacy._id));

    // Idempotent: a second run finds nothing of these; the chain still verifies.
    const again = (await officer.post('/api/v1/privacy/retention/run', { confirmation: 'WISSEN' }).expect(200)).body as RetentionReport;
    expect(ofMine(again.erased)).to.deep.equal([]);
    expect((await officer.get('/api/v1/audit/verify').expect(200)).body.ok).to.equal(true);
    expect((await verifyAuditChain(t.config.masterKey)).ok).to.equal(true);
  });

  it('finishes an erasure the run began and was cut off in, when run again', async () => {
    const t = testApp();
    const world = await aWorld();
    const cut = await anEndedClient(world, 'Onderbroken', 6 * YEAR_MS);
    // As if a run stopped after the tombstone and the keys: the client record and its activity are still there.
    await Tombstone.create({
      clientId: cut._id, erasedAt: new Date(), legalBasis: 'bewaartermijn', requestId: null, erasedBy: null,
      trajectoryKind: 'spoor2', year: cut.trajectory.startDate.getUTCFullYear(),
    });
    await DataKey.deleteMany({ clientId: cut._id });
    await Activity.create({ clientId: cut._id, authorId: world.users.anna._id, date: new Date('2020-01-01'), kind: 'phone', minutes: 30 });
    const ghost = new Types.ObjectId(); // and one whose client record was already gone
    await Tombstone.create({ clientId: ghost, erasedAt: new Date(), legalBasis: 'bewaartermijn', requestId: null, trajectoryKind: 'spoor2', year: 2019 });

    const officer = await apiAs(t.app, t.config, world.users.privacy);
    const dry = (await officer.get('/api/v1/privacy/retention').expect(200)).body as RetentionReport;
    expect(dry.erase.find((item) => item.clientId === String(ghost))).to.include({ resumed: true });
    const real = (await officer.post('/api/v1/privacy/retention/run', { confirmation: 'WISSEN' }).expect(200)).body as RetentionReport;
    expect(real.erased).to.include.members([String(cut._id), String(ghost)]);
    expect(await Client.exists({ _id: cut._id })).to.equal(null);
    expect(await Activity.countDocuments({ clientId: cut._id })).to.equal(0);
    expect(await Tombstone.countDocuments({ clientId: mongoose.trusted({ $in: [cut._id, ghost] }), completedAt: null })).to.equal(0);
  });

  it('erases each client once when two runs go at the same time, and the chain still verifies', async () => {
    const t = testApp();
    const world = await aWorld();
    const due = await Promise.all(['Een', 'Twee', 'Drie'].map((name) => anEndedClient(world, name, 6 * YEAR_MS)));
    const officer = await apiAs(t.app, t.config, world.users.privacy);
    const runs = await Promise.all([1, 2].map(() => officer.post('/api/v1/privacy/retention/run', { confirmation: 'WISSEN' }).expect(200)));
    const ids = due.map((client) => String(client._id)).sort();
    const erased = new Set(runs.flatMap((run) => (run.body as RetentionReport).erased));
    for (const id of ids) expect(erased.has(id), id).to.equal(true);
    for (const run of runs) for (const failed of (run.body as RetentionReport).failed) expect(failed.error).to.match(/(wordt|is) al gewist/); // the other run is at it, or already done
    expect(await Client.countDocuments({ _id: mongoose.trusted({ $in: ids }) })).to.equal(0);
    expect(await Tombstone.countDocuments({ clientId: mongoose.trusted({ $in: ids }), completedAt: null })).to.equal(0);
    expect(await ManagementFigure.countDocuments({ endYear: due[0]!.trajectory.endDate!.getUTCFullYear() })).to.equal(3); // figures kept once each
    expect((await verifyAuditChain(t.config.masterKey)).ok).to.equal(true);
  });

  it('blocks an erasure request while a legal hold stands, with the reason in Dutch (423)', async () => {
    const t = testApp();
    const world = await aWorld();
    const fatimaId = String(world.clients.fatima._id);
    const officer = await apiAs(t.app, t.config, world.users.privacy);
    const until = new Date(Date.now() + YEAR_MS).toISOString().slice(0, 10);
    const placed = await officer.put(`/api/v1/privacy/clients/${fatimaId}/legal-hold`, { reason: 'Lopende rechtszaak', until });
    expect(placed.status, JSON.stringify(placed.body)).to.equal(200);
    const request = await officer.post('/api/v1/privacy/requests', { clientId: fatimaId, kind: 'erasure', channel: 'letter', receivedOn: amsterdamDay(new Date()) }).expect(201);
    const requestPath = `/api/v1/privacy/requests/${request.body._id as string}`;
    const checked = await officer.post(`${requestPath}/identity-check`, { method: 'id_document' });
    expect(checked.status, JSON.stringify(checked.body)).to.equal(200);
    const refused = await officer.post(`${requestPath}/erase`, { confirmation: 'WISSEN' }).expect(423);
    expect(refused.body.detail).to.match(/bewaarplicht \(legal hold\) tot \d{4}-\d{2}-\d{2}/);
    expect(await Tombstone.exists({ clientId: fatimaId })).to.equal(null);
    expect(await DataKey.countDocuments({ clientId: fatimaId })).to.be.greaterThan(0);

    // Lifted (audited), the erasure goes ahead.
    await officer.delete(`/api/v1/privacy/clients/${fatimaId}/legal-hold`).expect(200);
    await officer.delete(`/api/v1/privacy/clients/${fatimaId}/legal-hold`).expect(409);
    expect(await AuditEvent.countDocuments({ clientId: fatimaId, reason: 'bewaarplicht opgeheven' })).to.equal(1);
    await officer.post(`${requestPath}/erase`, { confirmation: 'WISSEN' }).expect(200);
  });
});
