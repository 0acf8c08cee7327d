/** Issue 6's "done when", on the demo data through the API. */
import { expect } from 'chai';
import { DEMO_PASSWORD, seedDemo } from '../../server/src/demo/seed';
import { testApp } from '../helpers/app';
import { listApiRoutes } from '../helpers/routes';
import { signIn } from '../helpers/session';

describe('the demo story of the health dossier', () => {
  it('doctor records, expert reports, coach sees only consented capacities, employer gets nothing, Jan sees who looked', async function () {
    this.timeout(60_000);
    const { app, config } = testApp();
    await seedDemo(config);
    const as = async (email: string, mfa = false) => {
      const { agent, csrf } = await signIn(app, email, { password: DEMO_PASSWORD, mfa });
      return {
        get: (path: string) => agent.get(path),
        post: (path: string, body: object) => agent.post(path).set('x-csrf-token', csrf).send(body),
      };
    };
    const anna = await as('coach.anna@demo.spoorboek.nl');
    const clients = (await anna.get('/api/v1/clients').expect(200)).body.items as { _id: string; firstName: string }[];
    const idOf = (name: string) => clients.find((client) => client.firstName === name)!._id;
    const jan = `/api/v1/clients/${idOf('Jan')}`;
    const fatima = `/api/v1/clients/${idOf('Fatima')}`;

    const claes = await as('arts.claes@demo.spoorboek.nl', true);
    await claes.post(`${fatima}/health/fml`, {
      date: '2026-11-22', format: 'fml', conclusion: 'Zittend werk passend, staand werk beperkt.',
      capacities: [{ rubriek: 'V', item: '5.3', level: 2, quantification: 'staan max. 30 minuten' }],
    }).expect(201);

    const dijk = await as('ad.dijk@demo.spoorboek.nl', true);
    await dijk.post(`${jan}/health/ad-reports`, {
      date: '2026-11-22', conclusion: 'Aangepast eigen werk',
      adAnswers: { ownWork: 'Met aanpassingen.', ownWorkAdjusted: 'Ja.', otherWorkSameEmployer: 'Niet nodig.', workElsewhere: 'Nee.', schemes: 'Tilhulp.' },
    }).expect(201);

    const janCapacities = await anna.get(`${jan}/health/fml-capacities`).expect(200);
    expect(janCapacities.body.items[0].capacities).to.deep.include({ rubriek: 'IV', item: '4.13', level: 2, quantification: 'tillen max. 10 kg' });
    expect(janCapacities.text).not.to.match(/hernia|fysiotherapeut|Rugklachten/);
    await anna.get(`${fatima}/health/fml-capacities`).expect(403);

    const hr = await as('hr@bakkerij-vos.demo');
    const healthRoutes = listApiRoutes(config).filter((route) => route.path.includes('/health'));
    for (const route of healthRoutes) {
      const path = route.path.replace(':clientId', idOf('Jan')).replace(/:(\w+)/g, '65a0000000000000000000ff');
      const response = route.method === 'get' ? await hr.get(path) : await hr.post(path, {});
      expect(response.status, `${route.method} ${route.path}`).to.equal(403);
    }

    const janUser = await as('jan@client.demo');
    const log = (await janUser.get(`${jan}/access-log?pageSize=100`).expect(200)).body.items as { who: string; compartment: string; outcome: string }[];
    const healthReaders = new Set(log.filter((line) => line.compartment === 'health' && line.outcome === 'allowed').map((line) => line.who.replace(/ \(.*\)$/, '')));
    expect([...healthReaders]).to.include.members(['Anna Jansen', 'Dirk van Dijk']);
    expect(log.some((line) => line.who.startsWith('Henk Vos (HR)') && line.outcome === 'denied')).to.equal(true);
  });
});
