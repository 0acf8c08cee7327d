import { expect } from 'chai';
import mongoose from 'mongoose';
import { Client } from '../../server/src/db/models/client';
import { testApp } from '../helpers/app';
import { rawDatabase } from '../helpers/rawDatabase';
import { apiAs } from '../helpers/session';
import { aWorld } from '../helpers/world';

describe('a client’s personal details at rest', () => {
  it('are ciphertext under the client’s key: no name, birth date, e-mail, phone or address in the raw collections', async () => {
    const t = testApp();
    const world = await aWorld();
    const anna = await apiAs(t.app, t.config, world.users.anna);
    const planted = {
      firstName: 'Gerbrandina', lastName: 'Zwanenburg-Oosterhuis', dateOfBirth: '1971-03-17', email: 'gerbrandina.zwanenburg@voorbeeld.nl',
      phone: '06-98765432', address: 'Kromme Nieuwegracht 77, Utrecht',
    };
    const intake = await anna.post('/api/v1/clients', { ...planted, trajectory: { kind: 'spoor1', startDate: '2026-11-01' } }).expect(201);
    expect(intake.body).to.include({ firstName: planted.firstName, email: planted.email, address: planted.address });
    const id = intake.body._id as string;
    await anna.patch(`/api/v1/clients/${id}`, { phone: '06-11112222', address: 'Oudegracht 1, Utrecht' }).expect(200);

    const raw = await rawDatabase();
    for (const value of [...Object.values(planted), '06-11112222', 'Oudegracht', 'Zwanenburg', 'Gerbrandina', 'El Amrani']) {
      expect(raw, value).not.to.include(value);
    }
    const stored = await mongoose.connection.db!.collection('clients').findOne({ _id: new mongoose.Types.ObjectId(id) });
    for (const field of ['firstName', 'lastName', 'dateOfBirth', 'email', 'phone', 'address']) expect(stored![field], field).to.match(/^enc1:/);

    const read = await anna.get(`/api/v1/clients/${id}`).expect(200);
    expect(read.body).to.include({ lastName: planted.lastName, phone: '06-11112222', address: 'Oudegracht 1, Utrecht' });
    expect(read.body.dateOfBirth).to.equal('1971-03-17T00:00:00.000Z');
  });

  it('cannot be written in plain text by an update that forgot to seal', async () => {
    const world = await aWorld();
    let refused: unknown = null;
    await Client.updateOne({ _id: world.clients.jan._id }, { $set: { lastName: 'Lek' } }).catch((error: unknown) => { refused = error; });
    expect(String(refused)).to.match(/must be sealed/);
    expect(await rawDatabase()).not.to.include('Lek"');
  });

  it('a ciphertext moved to another client’s record does not open there', async () => {
    const t = testApp();
    const world = await aWorld();
    const clients = mongoose.connection.db!.collection('clients');
    const fatima = await clients.findOne({ _id: world.clients.fatima._id });
    await clients.updateOne({ _id: world.clients.sanne._id }, { $set: { lastName: fatima!.lastName } });
    const bram = await apiAs(t.app, t.config, world.users.bram);
    const response = await bram.get(`/api/v1/clients/${String(world.clients.sanne._id)}`);
    expect(response.status).to.equal(500);
    expect(response.text).not.to.include('El Amrani');
  });
});

describe('caseload search on sealed names', () => {
  it('finds by part of a name, ignoring case and accents, and sorts as Dutch lists do', async () => {
    const t = testApp();
    const world = await aWorld();
    const anna = await apiAs(t.app, t.config, world.users.anna);
    await anna.post('/api/v1/clients', { firstName: 'Zoë', lastName: 'van der Berg', trajectory: { kind: 'spoor1', startDate: '2026-11-01' } }).expect(201);
    const names = async (search?: string) =>
      ((await anna.get(`/api/v1/clients${search ? `?search=${encodeURIComponent(search)}` : ''}`).expect(200)).body.items as { firstName: string }[])
        .map((client) => client.firstName);
    expect(await names()).to.deep.equal(['Zoë', 'Fatima', 'Jan']); // Berg, El Amrani, Wit
    expect(await names('zoe')).to.deep.equal(['Zoë']);
    expect(await names('AMRA')).to.deep.equal(['Fatima']);
    expect(await names('wit')).to.deep.equal(['Jan']);
    expect(await names('Sanne')).to.deep.equal([]); // Bram's client: outside Anna's slice, whatever the search
    const paged = await anna.get('/api/v1/clients?pageSize=2&page=2').expect(200);
    expect(paged.body).to.include({ total: 3, page: 2 });
    expect(paged.body.items.map((client: { firstName: string }) => client.firstName)).to.deep.equal(['Jan']);
  });

  it('gives the employer its employees and the register its names, read through the keys', async () => {
    const t = testApp();
    const world = await aWorld();
    const hr = await apiAs(t.app, t.config, world.users.hrVos);
    const employees = (await hr.get('/api/v1/employer/employees').expect(200)).body.items as { firstName: string; lastName: string }[];
    expect(employees.map((e) => `${e.firstName} ${e.lastName}`)).to.deep.equal(['Fatima El Amrani', 'Jan de Wit']);
    const privacy = await apiAs(t.app, t.config, world.users.privacy);
    const register = (await privacy.get('/api/v1/relation-register').expect(200)).body.items as { clientName: string }[];
    expect(register.map((item) => item.clientName)).to.have.members(['Fatima El Amrani', 'Jan de Wit', 'Sanne Bakker']);
  });
});
