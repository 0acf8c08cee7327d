/** Issue 20's demo data: Jan in week 10, Fatima in week 45 with the eerstejaarsevaluatie coming, Sanne recovered. */
import { expect } from 'chai';
import { DEMO_PASSWORD, seedDemo } from '../../server/src/demo/seed';
import { testApp } from '../helpers/app';
import { signIn } from '../helpers/session';

interface Step { key: string; status: string }
interface Entry { clientName: string; timeline: { week: number; closedOn: string | null; steps: Step[]; next: Step | null }; documents: { kind: string }[] }

describe('the demo sickness cases', () => {
  it('put Jan in week 10, Fatima in week 45 before her eerstejaarsevaluatie, and Sanne recovered', async function () {
    this.timeout(60_000);
    const { app, config } = testApp();
    await seedDemo(config);
    const today = async (email: string) => {
      const { agent } = await signIn(app, email, { password: DEMO_PASSWORD });
      return (await agent.get('/api/v1/poortwachter/today').expect(200)).body.cases as Entry[];
    };
    const employer = await today('hr@bakkerij-vos.demo');
    const jan = employer.find((entry) => entry.clientName === 'Jan de Wit')!;
    const fatima = employer.find((entry) => entry.clientName === 'Fatima El Amrani')!;
    expect(jan.timeline.week).to.equal(10);
    const janStatus = (key: string) => jan.timeline.steps.find((step) => step.key === key)!.status;
    expect([janStatus('problem_analysis'), janStatus('action_plan')]).to.deep.equal(['done', 'done']);
    expect(jan.documents.map((document) => document.kind).sort()).to.deep.equal(['action_plan', 'problem_analysis']);
    expect(fatima.timeline.week).to.equal(45);
    const fatimaStep = (key: string) => fatima.timeline.steps.find((step) => step.key === key)!.status;
    expect(fatimaStep('uwv_notification')).to.equal('done');
    expect(fatimaStep('first_year_evaluation')).to.equal('on_time');
    expect(fatima.timeline.steps.filter((step) => step.status === 'late')).to.deep.equal([]);

    const sanne = await today('sanne@client.demo');
    expect(sanne).to.have.length(1);
    expect(sanne[0]!.timeline.closedOn).to.not.equal(null);
    expect(sanne[0]!.timeline.next).to.equal(null);
    expect(await today('hr@transport-el.demo')).to.deep.equal([]); // Sanne's case is closed
  });
});
