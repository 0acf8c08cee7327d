/**
 * "Wie heeft mijn dossier ingezien" (AVG art. 15, NEN 7513), issue 13 item 6: the trail grouped per person, per
 * day and per part of the dossier, one plain Dutch line each; the client's own actions hidden unless asked for;
 * paged on the server.
 */
import { expect } from 'chai';
import { testApp, type TestApp } from '../helpers/app';
import { apiAs } from '../helpers/session';
import { aWorld, type World } from '../helpers/world';

type Line = { day: string; who: string; own: boolean; type: string; action: string; outcome: string; count: number; line: string };
type Page = { items: Line[]; total: number; page: number; pageSize: number; ownLines: number };

describe('the access log for the client', function () {
  this.timeout(60_000);
  let t: TestApp;
  let world: World;

  beforeEach(async () => {
    t = testApp();
    world = await aWorld();
  });

  it('groups a working day into plain Dutch lines, hides the client’s own actions and pages on the server', async () => {
    const anna = await apiAs(t.app, t.config, world.users.anna);
    const bram = await apiAs(t.app, t.config, world.users.bram);
    const janUser = await apiAs(t.app, t.config, world.users.janUser);
    const jan = `/api/v1/clients/${String(world.clients.jan._id)}`;
    for (let i = 0; i < 3; i += 1) await anna.get(`${jan}/consults`).expect(200);
    await anna.get(`${jan}/consults/${String(world.consults.janApproved._id)}`).expect(200);
    await anna.get(`${jan}/reports`).expect(200);
    await bram.get(`${jan}/consults`).expect(403);
    await janUser.get(`${jan}/consults`).expect(200);
    await janUser.get(`${jan}/reports`).expect(200);

    const log = (await janUser.get(`${jan}/access-log`).expect(200)).body as Page;
    const lines = log.items.map((line) => line.line);
    // Four reads of the consults (three lists, one record) are one line, not four rows of "lijst bekeken".
    expect(lines).to.include('Anna Coach (uw coach) las uw gespreksverslagen (4 keer).');
    expect(lines).to.include('Anna Coach (uw coach) las uw rapportages.');
    expect(lines.some((line) => /^Bram [^(]*\(coach\) kreeg geen toegang tot uw /.test(line)), lines.join('\n')).to.equal(true);
    expect(log.items.every((line) => !line.own)).to.equal(true);
    expect(log.ownLines).to.be.greaterThan(0);
    for (const line of lines) expect(line).not.to.match(/toestemming toestemming|lijst bekeken|[a-z]+_[a-z]+|Consult|Report/);

    const withOwn = (await janUser.get(`${jan}/access-log?includeOwn=true`).expect(200)).body as Page;
    expect(withOwn.total).to.equal(log.total + log.ownLines);
    expect(withOwn.items.map((line) => line.line)).to.include('U bekeek uw gespreksverslagen.');

    // Paging: the pages together are the whole list, each line once, newest first.
    const seen: string[] = [];
    for (let page = 1; page <= log.total; page += 1) {
      const one = (await janUser.get(`${jan}/access-log?pageSize=1&page=${page}`).expect(200)).body as Page;
      expect(one).to.include({ total: log.total, page, pageSize: 1 });
      expect(one.items).to.have.length(1);
      seen.push(one.items[0]!.line);
    }
    expect(seen).to.deep.equal(lines);
    expect(((await janUser.get(`${jan}/access-log?pageSize=1&page=${log.total + 1}`).expect(200)).body as Page).items).to.deep.equal([]);

    // The privacy officer reads the same lines; hostile paging is refused with the field's label.
    const officer = await apiAs(t.app, t.config, world.users.privacy);
    expect(((await officer.get(`${jan}/access-log?pageSize=100`).expect(200)).body as Page).items.map((line) => line.line)).to.include.members(lines);
    const tooMany = await janUser.get(`${jan}/access-log?pageSize=100000`).expect(400);
    expect(tooMany.body.detail).to.include('Aantal per pagina: Maximaal 100.');
    const wrongFlag = await janUser.get(`${jan}/access-log?includeOwn=ja`).expect(400);
    expect(wrongFlag.body.detail).to.include('Eigen handelingen tonen');
    await janUser.get(`/api/v1/clients/${String(world.clients.fatima._id)}/access-log`).expect(403);
  });
});
