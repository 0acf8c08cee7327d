import { expect } from 'chai';
import type { Model } from 'mongoose';
import { Client } from '../../server/src/db/models/client';
import { AuditEvent } from '../../server/src/audit/model';
import { Activity } from '../../server/src/modules/activities/model';
import { Consent } from '../../server/src/db/models/consent';
import { Consult } from '../../server/src/modules/consults/model';
import { Document } from '../../server/src/modules/documents/model';
import { HealthDocument, HealthRecord } from '../../server/src/modules/health/model';
import { openHealthRecord } from '../../server/src/modules/health/content';
import { Report } from '../../server/src/modules/reports/model';
import { HttpProblem } from '../../server/src/http/problem';
import { findScoped, listScoped, present, scopedFilter, type RequestActor } from '../../server/src/policy/enforce';
import { actorOf, aWorld, type World } from '../helpers/world';

type Named = Record<string, { _id: unknown }>;
const idsOf = (documents: { _id: unknown }[]) => documents.map((document) => String(document._id)).sort();
const expectIds = (documents: Named) => Object.values(documents).map((document) => String(document._id)).sort();

async function visible(actor: RequestActor, model: Model<never>) {
  return idsOf(await listScoped(actor, 'read', model));
}

async function rejection(promise: Promise<unknown>): Promise<HttpProblem> {
  const error = await promise.then(() => undefined, (caught: unknown) => caught);
  expect(error, 'expected the call to fail').to.be.instanceOf(HttpProblem);
  return error as HttpProblem;
}

describe('scoped queries against the database', () => {
  let world: World;
  beforeEach(async () => {
    world = await aWorld();
  });

  it('give a coach exactly the dossiers of their caseload, and FML capacities only with consent', async () => {
    const anna = await actorOf(world.users.anna);
    const { clients, consults, reports, health } = world;
    expect(await visible(anna, Client as never)).to.deep.equal(expectIds({ jan: clients.jan, fatima: clients.fatima }));
    expect(await visible(anna, Consult as never)).to.deep.equal(expectIds({
      a: consults.janDraft, b: consults.janAwaiting, c: consults.janApproved, d: consults.fatimaApproved,
    }));
    expect(await visible(anna, Report as never)).to.deep.equal(expectIds({
      a: reports.janShared, b: reports.janDraft, c: reports.fatimaSharedWithdrawn,
    }));
    expect(await visible(anna, Activity as never)).to.deep.equal(expectIds({ a: world.activities.jan }));
    expect(await visible(anna, HealthRecord as never)).to.deep.equal(expectIds({ jan: health.janFml }));
    expect(await visible(anna, HealthDocument as never)).to.deep.equal([]);

    const [janFml] = await listScoped(anna, 'read', HealthRecord);
    const revealed = await openHealthRecord(janFml!);
    expect(revealed).to.include({ explanation: 'Medische toelichting' }); // opened in memory, then:
    expect(Object.keys(present(anna, 'HealthRecord', revealed)).sort())
      .to.deep.equal(['_id', 'capacities', 'clientId', 'date', 'format', 'kind']);
    const jan = await findScoped(anna, 'read', Client, { _id: clients.jan._id });
    expect(present(anna, 'Client', jan)).not.to.have.property('bsn');
    expect(present(anna, 'Client', jan)).to.include({ bsnMasked: '******333' });
  });

  it('give the company doctor the health dossier and identity of assigned clients, and no consult', async () => {
    const claes = await actorOf(world.users.claes);
    const { health, clients } = world;
    expect(await visible(claes, Client as never)).to.deep.equal(expectIds(clients));
    expect(await visible(claes, HealthRecord as never)).to.deep.equal(expectIds({
      a: health.janFml, b: health.fatimaFml, c: health.sanneFml, d: health.janAd, e: health.janNote,
    }));
    expect(await visible(claes, HealthDocument as never)).to.deep.equal(expectIds({ a: health.janAdFile, b: health.janMedicalFile }));
    expect(await visible(claes, Consult as never)).to.deep.equal([]);
    expect(await visible(claes, Activity as never)).to.deep.equal([]);
    const jan = await findScoped(claes, 'read', Client, { _id: clients.jan._id });
    expect(present(claes, 'Client', jan)).to.have.property('bsn').that.matches(/^enc1:/);
  });

  it('give the labour expert FML and AD reports of assigned clients, never medical notes', async () => {
    const dijk = await actorOf(world.users.dijk);
    const { health } = world;
    expect(await visible(dijk, HealthRecord as never)).to.deep.equal(expectIds({ a: health.janFml, b: health.janAd }));
    expect(await visible(dijk, HealthDocument as never)).to.deep.equal(expectIds({ a: health.janAdFile }));
    expect(await visible(dijk, Consult as never)).to.deep.equal([]);
  });

  it('give an employer its employees and only the reports shared under standing consent, nothing of health', async () => {
    const hr = await actorOf(world.users.hrVos);
    const { clients, reports } = world;
    expect(await visible(hr, Client as never)).to.deep.equal(expectIds({ jan: clients.jan, fatima: clients.fatima }));
    expect(await visible(hr, Report as never)).to.deep.equal(expectIds({ jan: reports.janShared }));
    for (const model of [HealthRecord, HealthDocument, Consult, Activity, Document, Consent]) {
      expect(await visible(hr, model as never), model.modelName).to.deep.equal([]);
    }
    const [jan] = await listScoped(hr, 'read', Client, { _id: clients.jan._id });
    expect(Object.keys(present(hr, 'Client', jan)).sort()).to.deep.equal(['_id', 'employerId', 'firstName', 'lastName', 'trajectory']);
    const [report] = await listScoped(hr, 'read', Report);
    expect(Object.keys(present(hr, 'Report', report)).sort())
      .to.deep.equal(['_id', 'clientId', 'periodEnd', 'periodStart', 'sharedAt', 'text', 'title']);
  });

  it('give a client their own file, without the coach’s drafts', async () => {
    const jan = await actorOf(world.users.janUser);
    const { consults, reports, health, clients } = world;
    expect(await visible(jan, Client as never)).to.deep.equal(expectIds({ jan: clients.jan }));
    expect(await visible(jan, Consult as never)).to.deep.equal(expectIds({ a: consults.janAwaiting, b: consults.janApproved }));
    expect(await visible(jan, Report as never)).to.deep.equal(expectIds({ a: reports.janShared }));
    expect(await visible(jan, HealthRecord as never)).to.deep.equal(expectIds({ a: health.janFml, b: health.janAd, c: health.janNote }));
  });

  it('give privacy officer and admin no dossier content', async () => {
    for (const user of [world.users.privacy, world.users.admin]) {
      const actor = await actorOf(user);
      for (const model of [Consult, Report, Activity, Document, HealthRecord, HealthDocument]) {
        expect(await visible(actor, model as never), `${user.name} ${model.modelName}`).to.deep.equal([]);
      }
    }
  });

  it('let a substitute coach in only while the handover stands and the client consents', async () => {
    const { sanne } = world.clients;
    await world.handoverOfSanneToAnna(new Date(Date.now() + world.DAY), true);
    expect(await visible(await actorOf(world.users.anna), Client as never)).to.include(String(sanne._id));
    const later = new Date(Date.now() + 2 * world.DAY);
    expect(await visible(await actorOf(world.users.anna, later), Client as never)).not.to.include(String(sanne._id));
  });

  it('keep a substitute coach out when the client did not consent to the handover', async () => {
    await world.handoverOfSanneToAnna(new Date(Date.now() + world.DAY), false);
    expect(await visible(await actorOf(world.users.anna), Client as never)).not.to.include(String(world.clients.sanne._id));
  });

  it('hide a report from the employer from the moment its consent is withdrawn', async () => {
    const { reports, consents } = world;
    expect(await visible(await actorOf(world.users.hrVos), Report as never)).to.include(String(reports.janShared._id));
    await Consent.updateOne({ _id: consents.janShare._id }, { withdrawnAt: new Date() });
    expect(await visible(await actorOf(world.users.hrVos), Report as never)).to.deep.equal([]);
  });

  it('turn "no rule at all" into a filter FerretDB accepts and that matches nothing', async () => {
    const hr = await actorOf(world.users.hrVos);
    const filter = scopedFilter(hr.ability, 'read', 'HealthRecord', { clientId: world.clients.jan._id });
    expect(JSON.stringify(filter)).not.to.contain('$expr');
    expect(await HealthRecord.find(filter)).to.deep.equal([]);
  });

  it('keep the caller’s filter sanitized while trusting the policy’s operators', async () => {
    const anna = await actorOf(world.users.anna);
    const hostile = { status: { $ne: 'nothing' } } as never;
    const error = await listScoped(anna, 'read', Consult, hostile).then(() => undefined, (caught: unknown) => caught);
    expect(error, 'a smuggled operator is a literal, never a query').to.be.instanceOf(Error);
  });

  describe('a single document', () => {
    it('outside the slice is refused with 403 and the attempt is recorded', async () => {
      const hr = await actorOf(world.users.hrVos);
      const problem = await rejection(findScoped(hr, 'read', HealthRecord, { _id: world.health.janFml._id }));
      expect(problem.status).to.equal(403);
      const denial = await AuditEvent.findOne({ outcome: 'denied' }).lean();
      expect(denial).to.deep.include({ action: 'read', clientId: String(world.clients.jan._id) });
      expect(denial?.object).to.deep.include({ type: 'HealthRecord', compartment: 'health', id: String(world.health.janFml._id) });
      expect(denial?.actor).to.deep.include({ userId: String(world.users.hrVos._id), name: 'HR Vos' });
      expect(denial?.reason).to.match(/werkgever/);
    });

    it('that does not exist gives 404', async () => {
      const anna = await actorOf(world.users.anna);
      const problem = await rejection(findScoped(anna, 'read', Consult, { _id: world.clients.jan._id }));
      expect(problem.status).to.equal(404);
    });

    it('in the health compartment is recorded when read', async () => {
      const claes = await actorOf(world.users.claes);
      await findScoped(claes, 'read', HealthRecord, { _id: world.health.janNote._id });
      const event = await AuditEvent.findOne({ outcome: 'allowed', 'object.id': String(world.health.janNote._id) }).lean();
      expect(event).to.deep.include({ action: 'read', clientId: String(world.clients.jan._id) });
    });

    it('in the health compartment is recorded when listed', async () => {
      const claes = await actorOf(world.users.claes);
      await listScoped(claes, 'read', HealthRecord, { clientId: world.clients.jan._id });
      const event = await AuditEvent.findOne({ action: 'search' }).lean();
      expect(event).to.deep.include({ outcome: 'allowed', clientId: String(world.clients.jan._id), reason: '3 resultaten' });
    });
  });
});
