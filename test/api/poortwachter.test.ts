import { expect } from 'chai';
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import mongoose from 'mongoose';
import { AuditEvent } from '../../server/src/audit/model';
import { addDays, amsterdamDay, daysBetween } from '@spoorboek/shared/poortwachter/calendar';
import { testApp, type TestApp } from '../helpers/app';
import { apiAs, type Api } from '../helpers/session';
import { aWorld, type World } from '../helpers/world';

const ARTIFACTS = join(process.cwd(), 'test-artifacts');
const MEDICAL_NOTE = 'Lumbale hernia L5-S1, fysiotherapie twee keer per week, pijnstillers.';
const cleanAdvice = {
  workCapacity: 'Kan vier uur per dag zittend werk doen, niet tillen boven vijf kilo.',
  advice: 'Start met aangepast werk in de winkel, twee dagdelen per week, en bouw elke twee weken op.',
  expectedDuration: 'Naar verwachting binnen drie maanden volledig aan het werk.',
};
const planContent = {
  goal: 'Terug in het eigen werk als verkoper, eerst in aangepaste vorm.',
  actions: [
    { what: 'Werkplek in de winkel aanpassen met een sta-zit-kruk.', who: 'employer', when: '2026-12-15' },
    { what: 'Twee dagdelen per week aangepast werk.', who: 'employee', when: '2026-12-01' },
  ],
  employeeView: 'Ik wil graag snel terug, maar rustig opbouwen.',
};

/** Every key anywhere in a JSON value. */
function keysOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(keysOf);
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([key, entry]) => [key, ...keysOf(entry)]);
  return [];
}

describe('the sickness case and its Poortwachter timeline', function () {
  this.timeout(60_000);
  let t: TestApp;
  let world: World;
  let anna: Api;
  let hrVos: Api;
  let base: string;
  const today = amsterdamDay(new Date());
  const firstSickDay = addDays(today, -9 * 7); // Jan is in week 10

  beforeEach(async () => {
    t = testApp();
    world = await aWorld();
    anna = await apiAs(t.app, t.config, world.users.anna);
    hrVos = await apiAs(t.app, t.config, world.users.hrVos);
    base = `/api/v1/clients/${String(world.clients.jan._id)}/sickness-cases`;
  });

  /** Medical fields of the health dossier: none may ever appear in an employer's answer. */
  const MEDICAL_KEYS = ['medicalNoteId', 'explanation', 'conclusion', 'capacities', 'barSections', 'adAnswers', 'text'];
  /** An employer call, checked on the spot: no medical field anywhere in the body, no medical text. */
  const asEmployer = async <T extends { body: unknown }>(call: Promise<T>) => {
    const response = await call;
    const keys = new Set(keysOf(response.body));
    for (const key of MEDICAL_KEYS) expect(keys.has(key), `employer response holds ${key}`).to.equal(false);
    expect(JSON.stringify(response.body)).not.to.match(/hernia|Lumbale|fysiotherap|pijnstill/i);
    return response;
  };

  describe('the case', () => {
    it('is reported by the employer and read by employer, coach, doctor and the client, with its timeline', async () => {
      const created = await asEmployer(hrVos.post(base, { firstSickDay, reportedBy: 'employer' }).expect(201));
      expect(created.body).to.include({ firstSickDay, reportedBy: 'employer', reportedOn: today, status: 'open' });
      expect(created.body.timeline.week).to.equal(10);
      const steps = created.body.timeline.steps as { key: string; due: string; status: string; responsible: string[] }[];
      expect(steps.find((step) => step.key === 'problem_analysis')).to.include({ due: addDays(firstSickDay, 41), status: 'late' });
      expect(steps.find((step) => step.key === 'action_plan')).to.include({ due: addDays(firstSickDay, 55), status: 'late' });
      expect(steps.find((step) => step.key === 'wage_end')).to.include({ due: addDays(firstSickDay, 727), status: 'on_time' });
      expect(steps.find((step) => step.key === 'problem_analysis')!.responsible).to.deep.equal(['company_doctor']);

      const caseUrl = `${base}/${String(created.body._id)}`;
      await anna.get(caseUrl).expect(200);
      await (await apiAs(t.app, t.config, world.users.claes)).get(caseUrl).expect(200);
      const own = await (await apiAs(t.app, t.config, world.users.janUser)).get(base).expect(200);
      expect(own.body.items).to.have.length(1);
      // Another employer, another coach: the case is not theirs.
      await (await apiAs(t.app, t.config, world.users.hrEl)).get(caseUrl).expect(403);
      await (await apiAs(t.app, t.config, world.users.bram)).get(base).expect(403);
      await (await apiAs(t.app, t.config, world.users.janUser)).post(base, { firstSickDay, reportedBy: 'employer' }).expect(403);
    });

    it('is one open case per client, also when two people report the same sickness at once', async () => {
      const results = await Promise.all([
        hrVos.post(base, { firstSickDay, reportedBy: 'employer' }),
        anna.post(base, { firstSickDay: addDays(firstSickDay, 1), reportedBy: 'bureau' }),
        hrVos.post(base, { firstSickDay, reportedBy: 'employer' }),
      ]);
      expect(results.map((result) => result.status).sort()).to.deep.equal([201, 409, 409]);
      expect((await anna.get(base).expect(200)).body.items).to.have.length(1);
    });

    it('refuses a day that does not exist, hostile input and unknown fields', async () => {
      const wrong = await hrVos.post(base, { firstSickDay: '2026-02-29', reportedBy: 'employer' }).expect(400);
      expect(wrong.body.errors[0]).to.include({ field: 'body.firstSickDay' });
      await hrVos.post(base, { firstSickDay: { $gt: '' }, reportedBy: 'employer' }).expect(400);
      await hrVos.post(base, { firstSickDay, reportedBy: 'employer', status: 'recovered' }).expect(400);
    });

    it('recomputes every deadline when the first sick day is corrected, keeps the old day and the reason, and audits it', async () => {
      const created = await hrVos.post(base, { firstSickDay, reportedBy: 'employer' }).expect(201);
      const caseUrl = `${base}/${String(created.body._id)}`;
      const corrected = addDays(firstSickDay, 7);
      const reason = 'Werkgever gaf de maandag van de week ervoor door.';
      const after = await anna.post(`${caseUrl}/first-sick-day`, { firstSickDay: corrected, reason }).expect(200);
      expect(after.body.firstSickDay).to.equal(corrected);
      expect(after.body.timeline.week).to.equal(9);
      const due = (body: { timeline: { steps: { key: string; due: string }[] } }, key: string) => body.timeline.steps.find((step) => step.key === key)!.due;
      for (const key of ['problem_analysis', 'action_plan', 'uwv_notification', 'first_year_evaluation', 'wage_end']) {
        expect(daysBetween(due(created.body, key), due(after.body, key)), key).to.be.within(7, 9); // the UWV day may move off a weekend
      }
      expect(after.body.corrections).to.have.length(1);
      expect(after.body.corrections[0]).to.include({ from: firstSickDay, to: corrected, reason });
      const raw = await mongoose.connection.collection('sicknesscases').findOne({ _id: new mongoose.Types.ObjectId(String(created.body._id)) });
      expect(JSON.stringify(raw)).not.to.include('maandag');
      const audited = await AuditEvent.findOne({ 'object.id': String(created.body._id), action: 'update', reason: 'eerste ziektedag gecorrigeerd' });
      expect(audited).to.not.equal(null);
      await anna.post(`${caseUrl}/first-sick-day`, { firstSickDay: corrected, reason }).expect(409);
      await anna.post(`${caseUrl}/first-sick-day`, { firstSickDay: corrected }).expect(400);
    });

    it('lets only one of two simultaneous changes through, so a correction is never lost and the loonsanctie cap holds', async () => {
      const created = await hrVos.post(base, { firstSickDay, reportedBy: 'employer' }).expect(201);
      const caseUrl = `${base}/${String(created.body._id)}`;
      // Two corrections at once: whichever way they interleave, every one that is accepted is kept in the history
      // and the stored day is the last accepted one (when they do not overlap, both may rightly be accepted).
      let accepted = 0;
      for (let round = 1; round <= 3; round++) {
        await Promise.all([anna.get(caseUrl).expect(200), hrVos.get(caseUrl).expect(200)]);
        const corrections = await Promise.all([
          anna.post(`${caseUrl}/first-sick-day`, { firstSickDay: addDays(firstSickDay, 2 * round - 1), reason: 'Dinsdag, niet maandag.' }),
          hrVos.post(`${caseUrl}/first-sick-day`, { firstSickDay: addDays(firstSickDay, 2 * round), reason: 'Woensdag, niet maandag.' }),
        ]);
        for (const response of corrections) expect(response.status).to.be.oneOf([200, 409]);
        accepted += corrections.filter((response) => response.status === 200).length;
        const stored = (await anna.get(caseUrl).expect(200)).body;
        expect(stored.corrections, `round ${round}`).to.have.length(accepted);
        // Each correction starts from the day the one before it set: none was made on a stale read.
        const chain = stored.corrections as { from: string; to: string }[];
        chain.forEach((correction, index) => expect(correction.from).to.equal(index === 0 ? firstSickDay : chain[index - 1]!.to));
        expect(chain.at(-1)?.to).to.equal(stored.firstSickDay);
        expect(corrections.filter((response) => response.status === 200).map((response) => response.body.firstSickDay))
          .to.include(stored.firstSickDay);
      }

      const sanctions = await Promise.all([1, 2, 3].map(() =>
        anna.post(`${caseUrl}/extensions`, { kind: 'loonsanctie', weeks: 30, decidedOn: today, reason: 'Beschikking UWV.' })));
      expect(sanctions.filter((response) => response.status === 201)).to.have.length(1);
      expect((await anna.get(caseUrl).expect(200)).body.timeline.extensionWeeks).to.equal(30);
    });

    it('records partial and full recovery; after full recovery a new case may start, not before it', async () => {
      const created = await hrVos.post(base, { firstSickDay, reportedBy: 'employer' }).expect(201);
      const caseUrl = `${base}/${String(created.body._id)}`;
      await anna.post(`${caseUrl}/recovery`, { kind: 'partial', date: addDays(firstSickDay, 30) }).expect(200);
      const recovered = await hrVos.post(`${caseUrl}/recovery`, { kind: 'full', date: addDays(firstSickDay, 60) }).expect(200);
      expect(recovered.body.status).to.equal('recovered');
      expect(recovered.body.timeline.closedOn).to.equal(addDays(firstSickDay, 60));
      expect(recovered.body.timeline.steps.find((step: { key: string }) => step.key === 'wage_end').status).to.equal('lapsed');
      await anna.post(`${caseUrl}/recovery`, { kind: 'full', date: addDays(firstSickDay, 61) }).expect(409);
      await hrVos.post(base, { firstSickDay: addDays(firstSickDay, 59), reportedBy: 'employer' }).expect(400);
      await hrVos.post(base, { firstSickDay: addDays(firstSickDay, 62), reportedBy: 'employer' }).expect(201);
      expect((await anna.get(base).expect(200)).body.items).to.have.length(2);
    });

    it('extends the second year by a loonsanctie of at most 52 weeks and by uitstel', async () => {
      const created = await hrVos.post(base, { firstSickDay, reportedBy: 'employer' }).expect(201);
      const caseUrl = `${base}/${String(created.body._id)}`;
      const reason = 'Beschikking UWV: re-integratie-inspanningen onvoldoende.';
      const sanctioned = await anna.post(`${caseUrl}/extensions`, { kind: 'loonsanctie', weeks: 40, decidedOn: today, reason }).expect(201);
      expect(sanctioned.body.timeline.extensionWeeks).to.equal(40);
      expect(sanctioned.body.timeline.steps.find((step: { key: string }) => step.key === 'wage_end').due).to.equal(addDays(firstSickDay, 727 + 280));
      expect(sanctioned.body.extensions[0]).to.include({ kind: 'loonsanctie', weeks: 40, reason });
      const tooLong = await anna.post(`${caseUrl}/extensions`, { kind: 'loonsanctie', weeks: 13, decidedOn: today, reason }).expect(400);
      expect(tooLong.body.errors[0].field).to.equal('body.weeks');
      await hrVos.post(`${caseUrl}/extensions`, { kind: 'uitstel', weeks: 13, decidedOn: today, reason: 'Gezamenlijk verzoek.' }).expect(201);
      const marked = await hrVos.put(`${caseUrl}/steps/uwv_notification`, { doneOn: today }).expect(200);
      expect(marked.body.timeline.steps.find((step: { key: string }) => step.key === 'uwv_notification')).to.include({ status: 'done', done: today });
      await hrVos.put(`${caseUrl}/steps/wage_end`, { doneOn: today }).expect(400);
    });
  });

  describe('the probleemanalyse, split along the wall', () => {
    it('keeps the medical part from the employer and lets it read the guarded advice once released', async () => {
      const claes = await apiAs(t.app, t.config, world.users.claes);
      const created = await hrVos.post(base, { firstSickDay, reportedBy: 'employer' }).expect(201);
      const caseUrl = `${base}/${String(created.body._id)}`;
      const healthUrl = `/api/v1/clients/${String(world.clients.jan._id)}/health`;
      const note = await claes.post(`${healthUrl}/medical-notes`, { date: today, text: MEDICAL_NOTE }).expect(201);

      // The guard refuses medical wording in the advice, naming each term and its field.
      const refused = await claes.post(`${caseUrl}/documents/advice`, {
        content: { ...cleanAdvice, advice: 'Na de fysiotherapeut en de hernia-operatie rustig opbouwen.' }, medicalNoteId: note.body._id,
      }).expect(422);
      expect(refused.body.type).to.match(/medical-wording$/);
      const flags = refused.body.flags as { term: string; field: string }[];
      expect(flags.every((flag) => flag.field === 'content.advice')).to.equal(true);
      expect(flags.map((flag) => flag.term.toLowerCase()).join(' ')).to.include('fysiotherapeut').and.to.include('hernia');
      // A colleague's note, or one of another client, cannot be linked.
      await claes.post(`${caseUrl}/documents/advice`, { content: cleanAdvice, medicalNoteId: String(world.health.janFml._id) }).expect(400);

      const advice = await claes.post(`${caseUrl}/documents/advice`, { content: cleanAdvice, medicalNoteId: note.body._id }).expect(201);
      const adviceUrl = `${caseUrl}/documents/${String(advice.body._id)}`;
      expect(advice.body).to.include({ status: 'draft', medicalNoteId: note.body._id });
      // Not released yet: the employer and the coach do not see it.
      await asEmployer(hrVos.get(adviceUrl).expect(403));
      expect((await asEmployer(hrVos.get(`${caseUrl}/documents`).expect(200))).body.items).to.deep.equal([]);
      await anna.get(adviceUrl).expect(403);
      await hrVos.post(`${adviceUrl}/release`).expect(403);

      await claes.patch(adviceUrl, { content: { ...cleanAdvice, expectedDuration: 'Zes weken.' } }).expect(200);
      const released = await claes.post(`${adviceUrl}/release`).expect(200);
      expect(released.body.status).to.equal('released');
      await claes.patch(adviceUrl, { content: cleanAdvice }).expect(409);

      const read = await asEmployer(hrVos.get(adviceUrl).expect(200));
      expect(read.body.content).to.deep.include({ advice: cleanAdvice.advice, expectedDuration: 'Zes weken.' });
      expect(read.body).not.to.have.property('medicalNoteId');
      expect(read.body.versions).to.have.length(1);
      expect((await anna.get(adviceUrl).expect(200)).body).not.to.have.property('medicalNoteId');
      const timeline = await asEmployer(hrVos.get(caseUrl).expect(200));
      expect(timeline.body.timeline.steps.find((step: { key: string }) => step.key === 'problem_analysis')).to.include({ status: 'done', done: today });

      // The medical part: 403 on every health route for the employer, and the RIV's medical part for the doctor only.
      await asEmployer(hrVos.get(`${healthUrl}/records/${String(note.body._id)}`).expect(403));
      await asEmployer(hrVos.get(`${healthUrl}/sickness-cases/${String(created.body._id)}/medical-part.pdf`).expect(403));
      await anna.get(`${healthUrl}/sickness-cases/${String(created.body._id)}/medical-part.pdf`).expect(403);
      const medical = await claes.get(`${healthUrl}/sickness-cases/${String(created.body._id)}/medical-part.pdf`).buffer(true).expect(200);
      expect(medical.headers['content-type']).to.equal('application/pdf');
      expect(await AuditEvent.countDocuments({ action: 'export', outcome: 'allowed', 'object.type': 'HealthRecord' })).to.equal(1);
    });
  });

  describe('the plan van aanpak', () => {
    it('is drafted by the coach, agreed by employer and employee, every version kept, and marks the step done', async () => {
      const client = await apiAs(t.app, t.config, world.users.janUser);
      const created = await hrVos.post(base, { firstSickDay, reportedBy: 'employer' }).expect(201);
      const caseUrl = `${base}/${String(created.body._id)}`;
      const refused = await anna.post(`${caseUrl}/documents/forms`, {
        kind: 'action_plan', content: { ...planContent, goal: 'Herstel na de operatie en de behandeling.' },
      }).expect(422);
      expect(refused.body.flags[0].field).to.equal('content.goal');
      const plan = await anna.post(`${caseUrl}/documents/forms`, { kind: 'action_plan', content: planContent }).expect(201);
      const planUrl = `${caseUrl}/documents/${String(plan.body._id)}`;
      await client.get(planUrl).expect(403); // a draft is the coach's
      await hrVos.post(`${planUrl}/approve`, {}).expect(403);
      await anna.post(`${planUrl}/send`).expect(200);

      const disputed = await client.post(`${planUrl}/dispute`, { comment: 'Drie dagdelen is te veel in de eerste week.' }).expect(200);
      expect(disputed.body).to.include({ status: 'disputed', clientComment: 'Drie dagdelen is te veel in de eerste week.' });
      await anna.patch(planUrl, { content: { ...planContent, goal: 'Terug in het eigen werk, rustig opgebouwd.' } }).expect(200);
      await anna.post(`${planUrl}/send`).expect(200);

      const [employerAgrees, clientAgrees] = await Promise.all([
        asEmployer(hrVos.post(`${planUrl}/approve`, { comment: 'Akkoord.' })),
        client.post(`${planUrl}/approve`, {}),
      ]);
      expect([employerAgrees.status, clientAgrees.status]).to.deep.equal([200, 200]);
      const agreed = await anna.get(planUrl).expect(200);
      expect(agreed.body.status).to.equal('agreed');
      expect(agreed.body.employerAgreement).to.include({ comment: 'Akkoord.' });
      expect(agreed.body.versions.map((version: { content: { goal: string } }) => version.content.goal))
        .to.deep.equal([planContent.goal, 'Terug in het eigen werk, rustig opgebouwd.']);
      await hrVos.post(`${planUrl}/approve`, {}).expect(409);
      const timeline = await client.get(caseUrl).expect(200);
      expect(timeline.body.timeline.steps.find((step: { key: string }) => step.key === 'action_plan')).to.include({ status: 'done', done: today });
      expect(timeline.body.timeline.steps.find((step: { key: string }) => step.key === 'evaluation').due).to.equal(addDays(today, 42));
    });
  });

  describe('the re-integratieverslag', () => {
    it('is a PDF for the employer with the timeline and the released documents, guarded and audited as export', async () => {
      const claes = await apiAs(t.app, t.config, world.users.claes);
      const created = await hrVos.post(base, { firstSickDay, reportedBy: 'employer' }).expect(201);
      const caseUrl = `${base}/${String(created.body._id)}`;
      const advice = await claes.post(`${caseUrl}/documents/advice`, { content: cleanAdvice }).expect(201);
      await claes.post(`${caseUrl}/documents/${String(advice.body._id)}/release`).expect(200);
      const plan = await anna.post(`${caseUrl}/documents/forms`, { kind: 'action_plan', content: planContent }).expect(201);
      await anna.post(`${caseUrl}/documents/${String(plan.body._id)}/send`).expect(200);

      const pdf = await hrVos.get(`${caseUrl}/riv.pdf`).buffer(true).parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      }).expect(200);
      expect(pdf.headers['content-type']).to.equal('application/pdf');
      expect(pdf.headers['content-disposition']).to.match(/^attachment/);
      const bytes = pdf.body as Buffer;
      expect(bytes.subarray(0, 5).toString()).to.equal('%PDF-');
      expect(await AuditEvent.countDocuments({ action: 'export', 'object.type': 'SicknessCase', 'object.id': String(created.body._id) })).to.equal(1);
      await claes.get(`${caseUrl}/riv.pdf`).expect(403); // the doctor exports the medical part, not the employer's set
      await (await apiAs(t.app, t.config, world.users.hrEl)).get(`${caseUrl}/riv.pdf`).expect(403);

      mkdirSync(ARTIFACTS, { recursive: true });
      const file = join(ARTIFACTS, 'riv-employer.pdf');
      writeFileSync(file, bytes);
      execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', file, join(ARTIFACTS, 'riv-employer-page1')]);
      const text = execFileSync('pdftotext', [file, '-']).toString();
      expect(text).to.include('Re-integratieverslag');
      expect(text).to.include('Probleemanalyse');
      expect(text).to.include(cleanAdvice.advice.slice(0, 30));
      expect(text).not.to.include('sta-zit-kruk'); // the plan is sent but not yet agreed: not in the set
    });

    it('is refused (422) while a reason in the case holds medical wording', async () => {
      const created = await hrVos.post(base, { firstSickDay, reportedBy: 'employer' }).expect(201);
      const caseUrl = `${base}/${String(created.body._id)}`;
      await anna.post(`${caseUrl}/extensions`, { kind: 'uitstel', weeks: 6, decidedOn: today, reason: 'Wacht op de operatie in het ziekenhuis.' }).expect(201);
      const refused = await anna.get(`${caseUrl}/riv.pdf`).expect(422);
      expect(refused.body.flags.length).to.be.above(0);
      expect(await AuditEvent.countDocuments({ action: 'export', 'object.type': 'SicknessCase' })).to.equal(0);
    });
  });

  describe('the morning view', () => {
    it('shows each role its own late and coming steps, the employer no content and nothing medical', async () => {
      await hrVos.post(base, { firstSickDay, reportedBy: 'employer' }).expect(201);
      const fatimaBase = `/api/v1/clients/${String(world.clients.fatima._id)}/sickness-cases`;
      await anna.post(fatimaBase, { firstSickDay: addDays(today, -44 * 7), reportedBy: 'bureau' }).expect(201);

      const coach = (await anna.get('/api/v1/poortwachter/today').expect(200)).body;
      expect(coach.cases.map((entry: { clientName: string }) => entry.clientName).sort()).to.deep.equal(['Fatima El Amrani', 'Jan de Wit']);
      const janForCoach = coach.cases.find((entry: { clientName: string }) => entry.clientName === 'Jan de Wit');
      expect(janForCoach.timeline.week).to.equal(10);
      expect(janForCoach.late.map((step: { key: string }) => step.key)).to.include.members(['problem_analysis', 'action_plan']);

      const employer = (await asEmployer(hrVos.get('/api/v1/poortwachter/today').expect(200))).body;
      const janForEmployer = employer.cases.find((entry: { clientName: string }) => entry.clientName === 'Jan de Wit');
      expect(janForEmployer.late.map((step: { key: string }) => step.key)).to.deep.equal(['action_plan']); // the doctor's step is not the employer's
      const fatimaForEmployer = employer.cases.find((entry: { clientName: string }) => entry.clientName === 'Fatima El Amrani');
      expect(fatimaForEmployer.timeline.week).to.equal(45);

      const doctor = (await (await apiAs(t.app, t.config, world.users.claes)).get('/api/v1/poortwachter/today').expect(200)).body;
      expect(doctor.cases.flatMap((entry: { late: { key: string }[] }) => entry.late.map((step) => step.key))).to.deep.equal(['problem_analysis', 'problem_analysis']);
      const other = (await (await apiAs(t.app, t.config, world.users.hrEl)).get('/api/v1/poortwachter/today').expect(200)).body;
      expect(other.cases).to.deep.equal([]);
    });
  });
});
