/**
 * Every workflow step and every "only once" rule under fire: 20 parallel conflicting requests at one object,
 * several rounds, on the real database (FerretDB applies a filtered update non-atomically across connections, so
 * a compare-and-set alone lets two requests win). Exactly one request may win, the others get 409, and what is
 * left in the database must be one consistent state.
 */
import { expect } from 'chai';
import { Claim, STALE_CLAIM_MS, stepFaults } from '../../server/src/db/guardedUpdate';
import { Consent, Handover } from '../../server/src/db/models/consent';
import { Consult } from '../../server/src/modules/consults/model';
import { Report } from '../../server/src/modules/reports/model';
import { testApp, type TestApp } from '../helpers/app';
import { apiAs, type Api } from '../helpers/session';
import { aUser, aWorld, type World } from '../helpers/world';

const PARALLEL = 20;
const ROUNDS = 5;

/** Fires `count` requests at once and returns their status codes. */
async function race(count: number, fire: (index: number) => Promise<{ status: number }>): Promise<number[]> {
  const responses = await Promise.all(Array.from({ length: count }, (_, index) => fire(index)));
  return responses.map((response) => response.status);
}

function expectOneWinner(statuses: number[], winner = 200) {
  const tally = statuses.reduce<Record<number, number>>((counts, status) => ({ ...counts, [status]: (counts[status] ?? 0) + 1 }), {});
  expect(tally, `statuses ${JSON.stringify(tally)}`).to.deep.equal({ [winner]: 1, 409: statuses.length - 1 });
}

/** An Amsterdam calendar day `days` from today, as the forms send it (JJJJ-MM-DD). */
function dayFromToday(days: number): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());
  const date = new Date(`${today}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

describe('workflow steps under parallel conflicting requests', function () {
  this.timeout(120_000);
  let t: TestApp;
  let world: World;
  let anna: Api;
  let jan: Api;
  let hrVos: Api;
  let bram: Api;
  let sanne: Api;
  let janClient: string;

  beforeEach(async () => {
    t = testApp();
    world = await aWorld();
    const sanneUser = await aUser('Sanne Bakker', ['client'], { clientId: world.clients.sanne._id });
    [anna, jan, hrVos, bram, sanne] = await Promise.all([
      apiAs(t.app, t.config, world.users.anna), apiAs(t.app, t.config, world.users.janUser),
      apiAs(t.app, t.config, world.users.hrVos), apiAs(t.app, t.config, world.users.bram),
      apiAs(t.app, t.config, sanneUser),
    ]);
    janClient = `/api/v1/clients/${String(world.clients.jan._id)}`;
  });

  const newConsult = async () => (await anna.post(`${janClient}/consults`, {
    date: '2026-11-02', durationMinutes: 45, kind: 'progress', summary: 'Gesprek over de werkhervatting.',
  }).expect(201)).body._id as string;

  const newReport = async () => (await anna.post(`${janClient}/reports`, {
    title: 'Voortgang', periodStart: '2026-11-01', periodEnd: '2026-11-30', text: 'Jan werkt vier dagen per week.',
    consultIds: [String(world.consults.janApproved._id)],
  }).expect(201)).body._id as string;

  const employerReads = async (reportId: string) =>
    ((await hrVos.get('/api/v1/employer/reports').expect(200)).body.items as { _id: string }[]).some((report) => report._id === reportId);

  it('consults: one send, then one answer (approve or dispute), and the state is the winner’s', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const id = await newConsult();
      expectOneWinner(await race(PARALLEL, () => anna.post(`${janClient}/consults/${id}/send`)));
      const answers = await race(PARALLEL, (index) => index % 2 === 0
        ? jan.post(`${janClient}/consults/${id}/approve`, {})
        : jan.post(`${janClient}/consults/${id}/dispute`, { comment: 'Dit klopt niet.' }));
      expectOneWinner(answers);
      const approvedWon = answers.findIndex((status) => status === 200) % 2 === 0;
      const stored = (await Consult.findById(id).lean())!;
      expect(stored.status).to.equal(approvedWon ? 'approved' : 'disputed');
      if (approvedWon) expect(stored.clientComment).to.equal(null);
      else expect(stored.approvedAt).to.equal(null);
      expect(stored.revisions).to.have.length(1);
      // A role that may never answer gets 403 whatever the state; only one that may, but not now, gets 409.
      await anna.post(`${janClient}/consults/${id}/approve`, {}).expect(403);
      await jan.post(`${janClient}/consults/${id}/approve`, {}).expect(409);
    }
  });

  it('reports: one send, one answer, one share with exactly one standing consent', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const id = await newReport();
      expectOneWinner(await race(PARALLEL, () => anna.post(`${janClient}/reports/${id}/send`)));
      const answers = await race(PARALLEL, (index) => index % 2 === 0
        ? jan.post(`${janClient}/reports/${id}/approve`)
        : jan.post(`${janClient}/reports/${id}/dispute`, { comment: 'Graag anders.' }));
      const approvedWon = answers.findIndex((status) => status < 300) % 2 === 0;
      expect(answers.filter((status) => status < 300), JSON.stringify(answers)).to.have.length(1);
      // A disputed report goes back to the coach as a draft, which the client no longer reads: a request that
      // arrives after that finds nothing it may act on (403); before it, a wrong state (409).
      const losers = approvedWon ? [409] : [409, 403];
      expect(answers.filter((status) => losers.includes(status)), JSON.stringify(answers)).to.have.length(PARALLEL - 1);
      const stored = (await Report.findById(id).lean())!;
      expect(stored.status).to.equal(approvedWon ? 'approved' : 'draft');
      if (!approvedWon) continue;

      expectOneWinner(await race(PARALLEL, () => jan.post(`${janClient}/reports/${id}/share`)));
      const consents = await Consent.find({ reportId: id }).lean();
      expect(consents).to.have.length(1);
      expect(consents[0]!.withdrawnAt).to.equal(null);
      expect(await employerReads(id)).to.equal(true);
    }
  });

  it('consents: one withdrawal wins, and the employer loses the report at once', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const id = await newReport();
      await anna.post(`${janClient}/reports/${id}/send`).expect(200);
      await jan.post(`${janClient}/reports/${id}/approve`).expect(200);
      await jan.post(`${janClient}/reports/${id}/share`).expect(200);
      const consent = (await Consent.findOne({ reportId: id, withdrawnAt: null }).lean())!;
      expectOneWinner(await race(PARALLEL, () => jan.post(`${janClient}/consents/${String(consent._id)}/withdraw`)));
      expect(await employerReads(id)).to.equal(false);
      await hrVos.get(`${janClient}/reports/${id}`).expect(403);
      expect(await Consent.countDocuments({ reportId: id, withdrawnAt: null })).to.equal(0);
      await anna.post(`${janClient}/consents/${String(consent._id)}/withdraw`).expect(403);
    }
  });

  it('sharing again while withdrawing ends in one consistent state', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const id = await newReport();
      await anna.post(`${janClient}/reports/${id}/send`).expect(200);
      await jan.post(`${janClient}/reports/${id}/approve`).expect(200);
      await jan.post(`${janClient}/reports/${id}/share`).expect(200);
      const first = (await Consent.findOne({ reportId: id, withdrawnAt: null }).lean())!;
      const statuses = await race(PARALLEL, (index) => index % 2 === 0
        ? jan.post(`${janClient}/consents/${String(first._id)}/withdraw`)
        : jan.post(`${janClient}/reports/${id}/share`));
      const withdrawals = statuses.filter((_, index) => index % 2 === 0);
      const shares = statuses.filter((_, index) => index % 2 === 1);
      expect(withdrawals.filter((status) => status === 200), JSON.stringify(statuses)).to.have.length(1);
      expect(shares.filter((status) => status === 200).length, JSON.stringify(statuses)).to.be.at.most(1);
      expect(statuses.every((status) => status === 200 || status === 409), JSON.stringify(statuses)).to.equal(true);
      const standing = await Consent.countDocuments({ reportId: id, withdrawnAt: null });
      const sharedAgain = shares.includes(200);
      expect(standing).to.equal(sharedAgain ? 1 : 0);
      expect(await employerReads(id)).to.equal(sharedAgain);
    }
  });

  it('handovers: one open request per client, and one consent to it', async () => {
    const sanneClient = `/api/v1/clients/${String(world.clients.sanne._id)}`;
    for (let round = 0; round < ROUNDS; round++) {
      const requests = await race(PARALLEL, () => bram.post(`${sanneClient}/handovers`, {
        toCoachId: String(world.users.anna._id), validFrom: dayFromToday(1), validUntil: dayFromToday(10),
      }));
      expectOneWinner(requests, 201);
      const open = (await Handover.find({ clientId: world.clients.sanne._id }).sort({ createdAt: -1 }).lean())[0]!;
      expectOneWinner(await race(PARALLEL, () => sanne.post(`${sanneClient}/consents`, { purpose: 'handover', handoverId: String(open._id) })), 201);
      expect(await Consent.countDocuments({ handoverId: open._id, withdrawnAt: null })).to.equal(1);
    }
  });

  describe('a step cut short between its claim and its write (the process died there)', () => {
    const crashAfterClaim = async (fire: () => Promise<unknown>) => {
      stepFaults.afterClaim = () => { throw new Error('simulated crash between the claim and the write'); };
      try {
        await fire();
      } finally {
        stepFaults.afterClaim = null;
      }
    };
    /** Time passing for the claim: the owner of a claim this old is gone. */
    const ageClaims = (subjectId: string) =>
      Claim.updateMany({ subjectId }, { $set: { at: new Date(Date.now() - STALE_CLAIM_MS - 60_000) } });

    it('lets no other step in while its claim is fresh, then is finished by the next step, after which work proceeds', async () => {
      const id = await newConsult();
      await crashAfterClaim(() => anna.post(`${janClient}/consults/${id}/send`).expect(500));
      expect((await Consult.findById(id).lean())!).to.include({ status: 'draft', version: 0 });

      // The claim for version 1 is taken: nothing else moves the consult, in parallel or not.
      const statuses = await race(PARALLEL, (index) => index % 2 === 0
        ? anna.post(`${janClient}/consults/${id}/send`)
        : anna.patch(`${janClient}/consults/${id}`, { summary: 'Een andere tekst.' }));
      expect(statuses.every((status) => status === 409), JSON.stringify(statuses)).to.equal(true);
      expect((await Consult.findById(id).lean())!).to.include({ status: 'draft', version: 0 });

      await ageClaims(id);
      // The next step finds the stale claim and rolls it forward: the send that was committed now holds.
      const repaired = await anna.post(`${janClient}/consults/${id}/send`).expect(409);
      expect(repaired.body.detail).to.match(/Vernieuw de pagina/);
      const stored = (await Consult.findById(id).lean())!;
      expect(stored).to.include({ status: 'awaiting_client', version: 1 });
      expect(stored.revisions[0]!.sentAt).to.be.instanceOf(Date);

      await jan.post(`${janClient}/consults/${id}/approve`, {}).expect(200);
      expect((await Consult.findById(id).lean())!).to.include({ status: 'approved', version: 2 });
    });

    it('finishes a withdrawal that was cut short, so the employer loses the report', async () => {
      const id = await newReport();
      await anna.post(`${janClient}/reports/${id}/send`).expect(200);
      await jan.post(`${janClient}/reports/${id}/approve`).expect(200);
      await jan.post(`${janClient}/reports/${id}/share`).expect(200);
      const consent = (await Consent.findOne({ reportId: id }).lean())!;
      const withdraw = () => jan.post(`${janClient}/consents/${String(consent._id)}/withdraw`);
      await crashAfterClaim(() => withdraw().expect(500));
      await ageClaims(String(consent._id));
      await withdraw().expect(409);
      expect(await employerReads(id)).to.equal(false);
      expect((await jan.get(`${janClient}/reports/${id}`).expect(200)).body.status).to.equal('withdrawn');
      await jan.post(`${janClient}/reports/${id}/share`).expect(200); // the slot is free again
      expect(await employerReads(id)).to.equal(true);
    });
  });
});
