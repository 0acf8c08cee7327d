/**
 * Sealed fields are declared once per model (server/src/crypto/sealed.ts). The associated data they are bound to
 * must stay byte-identical to what was written before, or existing dossiers no longer open: these records were
 * sealed by the services as they were before the declarations (fixtures/write-sealed-fixture.ts wrote them, with
 * their data keys), and must open with the declarations now. A ciphertext moved to another record, field or
 * client must not open at all.
 */
import { readFileSync } from 'node:fs';
import { expect } from 'chai';
import mongoose, { Types } from 'mongoose';
import { BSON } from 'mongodb';
import { forgetCachedDataKeys } from '../../server/src/crypto/dataKeys';
import { seal as wrap } from '../../server/src/crypto/masterKeySeal';
import { sealedModel, type SealedModel } from '../../server/src/crypto/sealed';
import { isSealed } from '../../server/src/crypto/envelope';
import { sealedClient } from '../../server/src/db/models/clientPersonalia';
import { sealedConsent } from '../../server/src/db/models/consent';
import { sealedActivity } from '../../server/src/modules/activities/model';
import { sealedConsult } from '../../server/src/modules/consults/model';
import { sealedDocument } from '../../server/src/modules/documents/model';
import { sealedHealthDocument, sealedHealthRecord } from '../../server/src/modules/health/model';
import { sealedReport } from '../../server/src/modules/reports/model';
import { sealedRequest } from '../../server/src/modules/rights/model';
import { sealedAgreement, sealedPoortwachterDocument, sealedSicknessCase } from '../../server/src/modules/sickness/model';
import { testConfig } from '../helpers/app';

type Raw = Record<string, unknown> & { _id: Types.ObjectId; clientId?: Types.ObjectId };
const fixture = BSON.EJSON.parse(readFileSync(new URL('./fixtures/sealed-today.json', import.meta.url), 'utf8')) as {
  keys: { clientId: Types.ObjectId; compartment: 'process' | 'health'; key: string }[];
  records: Record<string, Raw[]>;
};

/** Per collection of the fixture: its declaration, and texts that must be among what opens. */
const EXPECTED: Record<string, [SealedModel<unknown>, unknown[]]> = {
  clients: [sealedClient, ['Jan', 'de Wit', '111222333', 'Els', 'van Dam', 'els@example.nl', '0687654321', 'Dorpsstraat 1, Ede', '123456782']],
  consults: [sealedConsult, ['Eerste versie', 'Tweede versie', 'Klopt niet helemaal', 'Nu wel', 'Een aanvulling', 'Gesprek (approved)']],
  reports: [sealedReport, ['Oktober', 'Jan werkt vier ochtenden.', 'Het waren drie ochtenden', 'Voortgang']],
  consents: [sealedConsent, ['Ik deel de rapportage Oktober.', 'Ik geef toestemming.']],
  activities: [sealedActivity, ['Gebeld over het rooster']],
  documents: [sealedDocument, ['cv.pdf']],
  healthrecords: [sealedHealthRecord, ['Belastbaar', 'Toelichting', 'AD-tekst', 'Medische aantekening', 'max. 5 kg']],
  healthdocuments: [sealedHealthDocument, ['ad.pdf', 'brief.pdf']],
  datasubjectrequests: [sealedRequest, ['Ik wil mijn dossier zien', 'Paspoort gezien', 'Veel stukken', 'Niet in behandeling']],
  sicknesscases: [sealedSicknessCase, ['Samen uitgesteld', 'Verkeerde maandag']],
  poortwachterdocuments: [sealedPoortwachterDocument, ['Terug in eigen werk', 'Terug in eigen werk, rustiger', 'Rooster aanpassen']],
  poortwachteragreements: [sealedAgreement, ['Akkoord, werkgever']],
};

/** Every string, date and number anywhere in a value. */
function leaves(value: unknown): unknown[] {
  if (value instanceof Date || value === null || typeof value !== 'object') return [value];
  if (value instanceof Types.ObjectId) return [];
  return Object.values(value).flatMap(leaves);
}

const copy = <T>(value: T): T => BSON.EJSON.parse(BSON.EJSON.stringify(value, { relaxed: false })) as T;

describe('sealed fields', () => {
  beforeEach(async () => {
    // The fixture's data keys, wrapped with this run's master key as dataKeys.ts would have.
    await mongoose.connection.db!.collection('datakeys').insertMany(fixture.keys.map(({ clientId, compartment, key }) => ({
      clientId, compartment, wrappedKey: wrap(testConfig().masterKey, key, `datakey:${String(clientId)}:${compartment}`), createdAt: new Date(),
    })));
    forgetCachedDataKeys();
  });
  after(() => forgetCachedDataKeys());

  it('are declared for every collection that holds ciphertext', () => {
    for (const [collection, raws] of Object.entries(fixture.records)) {
      if (raws.some((raw) => leaves(raw).some(isSealed))) expect(EXPECTED, collection).to.have.property(collection);
    }
    for (const [declaration] of Object.values(EXPECTED)) expect(sealedModel(declaration.model)).to.equal(declaration);
  });

  it('open what the services sealed before the declarations, every ciphertext of it', async () => {
    for (const [collection, [declaration, texts]] of Object.entries(EXPECTED)) {
      const opened = await declaration.openAll(copy(fixture.records[collection]!));
      const found = opened.flatMap(leaves);
      expect(found.filter(isSealed), `${collection}: still sealed`).to.deep.equal([]);
      expect(found, collection).to.include.members(texts);
    }
    const [els] = await sealedClient.openAll<{ dateOfBirth: Date }>(copy(fixture.records.clients!.filter((raw) => raw.bsnMasked === '******782')));
    expect(els!.dateOfBirth.toISOString()).to.equal('1980-04-05T00:00:00.000Z');
  });

  it('seal new records so that they open under the same places', async () => {
    const [consult] = copy(fixture.records.consults!.filter((raw) => (raw.addenda as unknown[]).length > 0));
    const opened = await sealedConsult.open<Raw>(consult!);
    const resealed = await sealedConsult.seal(opened);
    expect(resealed.summary).to.satisfy(isSealed).and.not.equal(consult!.summary);
    expect(await sealedConsult.open(resealed)).to.deep.equal(opened);
  });

  it('seal an update by the paths it sets and the element it pushes', async () => {
    const [consult] = copy(fixture.records.consults!.filter((raw) => (raw.revisions as unknown[]).length === 2)) as (Raw & { revisions: Raw[] })[];
    const update = await sealedConsult.sealUpdate(consult!, {
      $set: { status: 'disputed', clientComment: 'Nee', 'revisions.1.clientComment': 'Nee, echt niet' },
      $push: { revisions: { summary: 'Derde versie', clientComment: null } },
    });
    expect(update.$set.status).to.equal('disputed');
    const written = {
      ...consult!, clientComment: update.$set.clientComment,
      revisions: [consult!.revisions[0], { ...consult!.revisions[1], clientComment: update.$set['revisions.1.clientComment'] }, update.$push.revisions],
    };
    expect(leaves(written).filter((value) => typeof value === 'string' && /Nee|Derde/.test(value))).to.deep.equal([]);
    const opened = await sealedConsult.open<{ clientComment: string; revisions: { summary: string; clientComment: string | null }[] }>(written);
    expect(opened.clientComment).to.equal('Nee');
    expect(opened.revisions.map((revision) => [revision.summary, revision.clientComment]).slice(1))
      .to.deep.equal([['Tweede versie', 'Nee, echt niet'], ['Derde versie', null]]);
  });

  describe('refuse a ciphertext moved', () => {
    const consultWithAddendum = () => copy(fixture.records.consults!.find((raw) => (raw.addenda as unknown[]).length > 0)!) as Raw & {
      summary: string; clientComment: string | null; revisions: { summary: string; clientComment: string | null }[]; addenda: { _id: Types.ObjectId; text: string }[];
    };

    it('to another record', async () => {
      const consult = consultWithAddendum();
      const other = copy(fixture.records.consults!.find((raw) => String(raw._id) !== String(consult._id) && String(raw.clientId) === String(consult.clientId))!);
      await expectRefused(sealedConsult.open({ ...other, summary: consult.summary }));
    });

    it('to another field', async () => {
      const consult = consultWithAddendum();
      await expectRefused(sealedConsult.open({ ...consult, clientComment: consult.summary }));
      await expectRefused(sealedConsult.open({ ...consult, revisions: [...consult.revisions].reverse() }));
      await expectRefused(sealedConsult.open({ ...consult, addenda: consult.addenda.map((addendum) => ({ ...addendum, _id: new Types.ObjectId() })) }));
      const [agreement] = copy(fixture.records.poortwachteragreements!);
      await expectRefused(sealedAgreement.open({ ...agreement!, party: 'client' }));
      const [request] = copy(fixture.records.datasubjectrequests!) as (Raw & { identityCheck: Record<string, unknown>; description: string })[];
      await expectRefused(sealedRequest.open({ ...request!, identityCheck: { ...request!.identityCheck, note: request!.description } }));
    });

    it('to another client', async () => {
      const consult = consultWithAddendum();
      const els = fixture.records.clients!.find((raw) => raw.bsnMasked === '******782')!;
      await expectRefused(sealedConsult.open({ ...consult, clientId: els._id }));
      const jan = copy(fixture.records.clients!.find((raw) => raw.bsnMasked !== '******782')!);
      await expectRefused(sealedClient.open({ ...jan, _id: els._id }));
    });

    it('from the health key to the process key', async () => {
      const [record] = copy(fixture.records.healthrecords!) as (Raw & { content: string })[];
      await expectRefused(sealedActivity.open({ ...record!, note: record!.content }));
    });
  });
});

async function expectRefused(opening: Promise<unknown>) {
  let opened: unknown;
  try {
    opened = await opening;
  } catch (error) {
    expect(String(error)).to.match(/authenticate|unable/i);
    return;
  }
  expect.fail(`opened anyway: ${JSON.stringify(opened)}`);
}
