/**
 * Small faults that must stay clean: a session that cannot be saved gives a 503 problem+json (logged, no raw stack
 * on stderr), and names and free texts refuse NUL and the bidirectional controls, naming the field by its label.
 */
import { expect } from 'chai';
import { Router } from 'express';
import type request from 'supertest';
import { text, UNSAFE_CHARACTERS } from '@spoorboek/shared/schemas/common';
import { Client } from '../../server/src/db/models/client';
import { testApp } from '../helpers/app';
import { anAccount, apiAs, signIn } from '../helpers/session';
import { aWorld } from '../helpers/world';

const UNSAFE = ['\u0000', '\u200E', '\u200F', '\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069'];

describe('a session that cannot be saved', () => {
  it('answers 503 problem+json, logs it through the structured logger and writes no raw stack to stderr', async () => {
    // A real refusal by the database: a session larger than a document may be (16 MB).
    const router = Router();
    router.get('/api/test/remember-too-much', (req, res) => {
      (req.session as unknown as Record<string, unknown>).note = 'x'.repeat(17 * 1024 * 1024);
      res.json({ remembered: true });
    });
    const t = testApp({ deps: { extraRoutes: router } });
    t.app.set('env', 'development'); // Express's default handler prints stacks outside tests
    await anAccount(t.config, { email: 'anna@test.nl', roles: ['coach'] });
    const { agent } = await signIn(t.app, 'anna@test.nl');

    const written: string[] = [];
    const stderrWrite = process.stderr.write.bind(process.stderr);
    process.stderr.write = ((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    }) as typeof process.stderr.write;
    let response: request.Response | undefined;
    let failure: unknown;
    try {
      response = await agent.get('/api/test/remember-too-much');
    } catch (error) {
      failure = error;
    } finally {
      process.stderr.write = stderrWrite;
    }
    expect(failure, 'the response was cut off').to.equal(undefined);
    expect(response!.status).to.equal(503);
    expect(response!.headers['content-type']).to.match(/application\/problem\+json/);
    expect(response!.body.detail).to.match(/sessie kon niet worden opgeslagen/);
    expect(response!.headers['retry-after']).to.equal('5');
    expect(written.join('')).to.equal('');
    expect(t.logLines().some((line) => line.msg === 'saving the session failed' && line.level === 50)).to.equal(true);
    await agent.get('/api/v1/me').expect(200); // the session as it was stays usable
  });
});

describe('names and free texts', () => {
  it('refuse NUL and every bidirectional control in the shared text block, naming the label', () => {
    const firstName = text(100, 'Vul de voornaam in.');
    expect(firstName.safeParse('Cliënt van Dijk-’t Hart').success).to.equal(true);
    for (const character of UNSAFE) {
      const result = firstName.safeParse(`Jan${character}tiW`);
      expect(result.success, JSON.stringify(character)).to.equal(false);
      expect(result.error?.issues[0]?.message).to.match(/^Voornaam: bevat een onzichtbaar teken/);
      expect(UNSAFE_CHARACTERS.test(character)).to.equal(true);
    }
  });

  it('refuse them at the API with a clear Dutch 400 and store nothing', async () => {
    const t = testApp();
    const world = await aWorld();
    const anna = await apiAs(t.app, t.config, world.users.anna);
    const before = await Client.countDocuments();
    const intake = { lastName: 'Wit', trajectory: { kind: 'spoor1', startDate: '2026-11-01' }, employerId: String(world.organisations.vos._id) };
    for (const character of UNSAFE) {
      const response = await anna.post('/api/v1/clients', { ...intake, firstName: `Jan${character}` });
      expect(response.status, JSON.stringify(character)).to.equal(400);
      expect(response.headers['content-type']).to.match(/problem\+json/);
      expect(response.body.detail).to.match(/^Voornaam: bevat een onzichtbaar teken dat niet is toegestaan/);
      expect(response.body.errors).to.deep.include({ field: 'body.firstName', label: 'Voornaam', message: response.body.detail });
    }
    const address = await anna.post('/api/v1/clients', { ...intake, firstName: 'Jan', address: 'Dorpsstraat 1\u202E' }).expect(400);
    expect(address.body.detail).to.match(/^Adres: /);
    // A free text whose schema is not built on the shared block is still caught, once, at validation.
    const jan = `/api/v1/clients/${String(world.clients.jan._id)}`;
    const note = await anna.post(`${jan}/activities`, { date: '2026-11-20', kind: 'phone', minutes: 5, note: 'gebeld\u0000' }).expect(400);
    expect(note.body.errors).to.deep.equal([{ field: 'body.note', label: 'Notitie', message: note.body.detail }]);
    const consult = await anna.post(`${jan}/consults`, { date: '2026-11-20', durationMinutes: 30, kind: 'progress', summary: 'Goed\u2066gesprek' }).expect(400);
    expect(consult.body.detail).to.match(/^Verslag: /);
    expect(await Client.countDocuments()).to.equal(before);
  });
});
