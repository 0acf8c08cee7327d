/** Issue 5's "done when": the whole story of a progress report, carried through the API on the demo data. */
import { expect } from 'chai';
import { DEMO_PASSWORD, seedDemo } from '../../server/src/demo/seed';
import { testApp } from '../helpers/app';
import { signIn, type SignedIn } from '../helpers/session';

describe('the demo story of a progress report', () => {
  it('goes consult → approval → report → consent → employer reads → consent withdrawn → employer sees nothing', async function () {
    this.timeout(60_000);
    const { app, config } = testApp();
    await seedDemo(config);
    const as = async (email: string) => {
      const { agent, csrf }: SignedIn = await signIn(app, email, { password: DEMO_PASSWORD });
      return {
        get: (path: string) => agent.get(path).expect(200).then((response) => response.body),
        post: (path: string, body: object = {}, status = 200) =>
          agent.post(path).set('x-csrf-token', csrf).send(body).expect(status).then((response) => response.body),
        patch: (path: string, body: object) =>
          agent.patch(path).set('x-csrf-token', csrf).send(body).expect(200).then((response) => response.body),
      };
    };
    const anna = await as('coach.anna@demo.spoorboek.nl');
    const jan = await as('jan@client.demo');
    const hr = await as('hr@bakkerij-vos.demo');

    const caseload = await anna.get('/api/v1/clients?search=jan');
    const janId = caseload.items[0]._id as string;
    const base = `/api/v1/clients/${janId}`;

    // The coach writes up today's consult and sends it; Jan approves it in his portal.
    const consult = await anna.post(`${base}/consults`, {
      date: '2026-11-22', durationMinutes: 60, kind: 'progress', summary: 'Jan werkt nu vier ochtenden per week en wil in januari naar vijf.',
    }, 201);
    await anna.post(`${base}/consults/${consult._id as string}/send`);
    const waiting = (await jan.get(`${base}/consults`)).items.filter((c: { status: string }) => c.status === 'awaiting_client');
    expect(waiting.map((c: { _id: string }) => c._id)).to.include(consult._id);
    await jan.post(`${base}/consults/${consult._id as string}/approve`);

    // The coach composes the report; the guard flags the sentence about the practitioner, the coach rewrites it.
    const report = await anna.post(`${base}/reports`, {
      title: 'Voortgangsrapportage november 2026', periodStart: '2026-11-01', periodEnd: '2026-11-30', consultIds: [consult._id],
      text: 'Jan werkt vier ochtenden per week. Hij blijft onder controle bij de fysiotherapeut. Doel: vijf ochtenden in januari.',
    }, 201);
    const flagged = await anna.post(`${base}/reports/${report._id as string}/send`, {}, 422);
    expect(flagged.flags.map((flag: { term: string; category: string; sentence: string }) => [flag.term, flag.category, flag.sentence]))
      .to.deep.equal([['fysiotherapeut', 'practitioner', 'Hij blijft onder controle bij de fysiotherapeut.']]);
    await anna.patch(`${base}/reports/${report._id as string}`, {
      text: 'Jan werkt vier ochtenden per week. Op woensdagmiddag is hij niet beschikbaar. Doel: vijf ochtenden in januari.',
    });
    await anna.post(`${base}/reports/${report._id as string}/send`);

    // Jan approves the content and, separately, consents to sharing it with Bakkerij Vos.
    await jan.post(`${base}/reports/${report._id as string}/approve`);
    await jan.post(`${base}/reports/${report._id as string}/share`);

    const sharedWithVos = async () => (await hr.get('/api/v1/employer/reports')).items.map((r: { title: string }) => r.title);
    expect(await sharedWithVos()).to.include('Voortgangsrapportage november 2026');
    const employees = (await hr.get('/api/v1/employer/employees')).items.map((e: { firstName: string }) => e.firstName);
    expect(employees).to.have.members(['Jan', 'Fatima']);

    // Jan withdraws; from then on the employer no longer sees it. Fatima's withdrawn report was never visible.
    const consents = (await jan.get(`${base}/consents`)).items;
    const consent = consents.find((c: { reportId: string | null; withdrawnAt: string | null }) => c.reportId === report._id && !c.withdrawnAt);
    await jan.post(`${base}/consents/${consent._id as string}/withdraw`);
    const after = await sharedWithVos();
    expect(after).not.to.include('Voortgangsrapportage november 2026');
    expect(after).to.deep.equal(['Voortgangsrapportage september 2026']);
  });
});
