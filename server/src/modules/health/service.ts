/**
 * The health dossier (bijzonder dossier, docs/design.md §2): FML/BAR and medical notes by the company doctor, AD
 * reports by the labour expert, health documents — all under the client's health key, every access recorded.
 * The coach reaches only the FML capacities, and only while the client consents; the employer reaches nothing.
 */
import type { RequestHandler } from 'express';
import { Types } from 'mongoose';
import { subject as tagSubject } from '@casl/ability';
import { HEALTH_DOCUMENT_CATEGORIES, HEALTH_RECORD_KINDS, type HealthRecordKind } from '@spoorboek/shared/domain';
import { FML_CAPACITY_FIELDS } from '@spoorboek/shared/policy/rules';
import { ACTIONS, HEALTH_SUBJECTS, type Action, type SubjectType } from '@spoorboek/shared/policy/subjects';
import type {
  CreateAdReportBody, CreateFmlBody, CreateMedicalNoteBody, HealthDocumentParams, HealthRecordParams,
} from '@spoorboek/shared/schemas/health';
import { actorOf } from '../../auth/actor';
import { deleteFile, readFile, storeFile } from '../../db/fileStore';
import { guardedUpdate } from '../../db/guardedUpdate';
import { badRequest, forbidden, HttpProblem, notFound } from '../../http/problem';
import { inspectUpload } from '../../http/upload';
import { auditAccess, authorize, enterClient, findScoped, listScoped, requireSomeRight, type RequestActor } from '../../policy/enforce';
import { openHealthRecord, openHealthRecords, type HealthContent } from './content';
import { HealthDocument, HealthRecord, sealedHealthDocument, sealedHealthRecord } from './model';
import { inWords } from '../privacy/reasons';

const ACTION_FOR_METHOD: Record<string, Action> = { GET: 'read', HEAD: 'read', POST: 'create', PUT: 'update', PATCH: 'update', DELETE: 'delete' };

/**
 * The wall in front of every /clients/{clientId}/health route, whatever the method: an actor without any rule on
 * the health dossier (every employer, whatever else they are) is refused and recorded before a single query.
 */
export const healthWall: RequestHandler = async (req, _res, next) => {
  const actor = actorOf(req);
  const reaches = HEALTH_SUBJECTS.some((type) => ACTIONS.some((action) => actor.ability.can(action, type)));
  if (!reaches) {
    const rule = actor.ability.relevantRuleFor('read', 'HealthRecord');
    const reason = rule?.inverted && rule.reason ? rule.reason : undefined;
    const clientId = typeof req.params.clientId === 'string' && /^[0-9a-f]{24}$/i.test(req.params.clientId) ? req.params.clientId : null;
    await auditAccess(actor, ACTION_FOR_METHOD[req.method] ?? 'read', 'HealthRecord', {
      clientId, outcome: 'denied', reason: reason ?? 'geen toegang tot het medisch dossier',
    });
    throw forbidden(reason ?? 'U heeft geen toegang tot het medisch dossier.');
  }
  next();
};

/** Which kinds (or categories) of this client's health dossier the actor may read; refused and recorded when none. */
async function readable<K extends string>(actor: RequestActor, clientId: string, type: SubjectType, field: 'kind' | 'category', values: readonly K[]): Promise<K[]> {
  const allowed = values.filter((value) => actor.ability.can('read', tagSubject(type, { clientId, [field]: value }) as never));
  if (allowed.length === 0) {
    await auditAccess(actor, 'read', type, { clientId, outcome: 'denied', reason: 'geen toegang tot het medisch dossier van deze cliënt' });
    throw forbidden(type === 'HealthRecord' && actor.roles.includes('coach')
      ? 'U ziet de FML-capaciteiten alleen zolang de cliënt daar toestemming voor geeft.'
      : 'U heeft geen toegang tot dit deel van het medisch dossier.');
  }
  return allowed;
}

export async function listRecords(actor: RequestActor, clientId: string, kind?: HealthRecordKind) {
  await enterClient(actor, clientId, 'read', 'HealthRecord');
  await readable(actor, clientId, 'HealthRecord', 'kind', kind ? [kind] : HEALTH_RECORD_KINDS);
  const records = await listScoped(actor, 'read', HealthRecord, { clientId, ...(kind ? { kind } : {}) }, { sort: { date: -1, createdAt: -1 } });
  return openHealthRecords(records);
}

export async function getRecord(actor: RequestActor, { clientId, recordId }: HealthRecordParams) {
  const record = await findScoped(actor, 'read', HealthRecord, { _id: recordId, clientId });
  return openHealthRecord(record);
}

/**
 * The coach's view (seed: consent `fml.capacities.coach`): rubrieken, items and levels of each FML, built from
 * those fields only, so the explanation and conclusion never even reach the presenter (the route presents them).
 */
export async function capacities(actor: RequestActor, clientId: string) {
  await enterClient(actor, clientId, 'read', 'HealthRecord');
  await readable(actor, clientId, 'HealthRecord', 'kind', ['fml'] as const);
  const records = await listScoped(actor, 'read', HealthRecord, { clientId, kind: 'fml' }, { sort: { date: -1, createdAt: -1 } });
  return (await openHealthRecords(records)).map((record) => {
    const revealed = record as Record<string, unknown>;
    return Object.fromEntries(FML_CAPACITY_FIELDS.map((field) => [field, revealed[field]]));
  });
}

async function createRecord(actor: RequestActor, clientId: string, kind: HealthRecordKind, meta: { date: Date; format?: string | null }, content: HealthContent) {
  await enterClient(actor, clientId, 'create', 'HealthRecord');
  const _id = new Types.ObjectId();
  const candidate = { _id, clientId, kind, format: meta.format ?? null, authorId: actor.userId, date: meta.date };
  await authorize(actor, 'create', 'HealthRecord', candidate);
  const record = await HealthRecord.create(await sealedHealthRecord.seal({ ...candidate, content }));
  await auditAccess(actor, 'create', 'HealthRecord', { id: String(_id), clientId, outcome: 'allowed', reason: inWords(kind) });
  return openHealthRecord(record);
}

/** A new FML or BAR: a new assessment is a new record; earlier ones stay readable (no edits). */
export async function createFml(actor: RequestActor, clientId: string, { date, format, ...content }: CreateFmlBody) {
  return createRecord(actor, clientId, 'fml', { date, format }, content);
}

export async function createAdReport(actor: RequestActor, clientId: string, { date, ...content }: CreateAdReportBody) {
  return createRecord(actor, clientId, 'ad_report', { date }, content);
}

export async function createMedicalNote(actor: RequestActor, clientId: string, { date, ...content }: CreateMedicalNoteBody) {
  return createRecord(actor, clientId, 'medical_note', { date }, content);
}

/** How often an addendum tries again when another one on the same record went first. */
const ADDENDUM_ATTEMPTS = 25;

/**
 * A correction to a record, added below it by the record's own author (AVG art. 16): the record itself never
 * changes. FerretDB applies even a plain `$push` as read-modify-write, so each addendum claims the record's next
 * version (db/guardedUpdate.ts); one that finds the version taken reads the record again and queues behind it,
 * so simultaneous addenda are all kept.
 */
export async function addAddendum(actor: RequestActor, { clientId, recordId }: HealthRecordParams, text: string) {
  const record = await findScoped(actor, 'read', HealthRecord, { _id: recordId, clientId }, { recordRead: false });
  await requireSomeRight(actor, 'update', 'HealthRecord', clientId);
  await authorize(actor, 'update', 'HealthRecord', record, 'addenda');
  const addendum = { _id: new Types.ObjectId(), text, by: actor.userId, byName: actor.name, at: new Date() };
  for (let attempt = 1; ; attempt += 1) {
    const current = await HealthRecord.findOne({ _id: record._id, clientId }, { _id: 1, clientId: 1, version: 1 }).lean();
    if (!current) throw notFound();
    try {
      await guardedUpdate(HealthRecord, current, 'addendum', await sealedHealthRecord.sealUpdate(current, { $push: { addenda: addendum } }));
      break;
    } catch (error) {
      if (!(error instanceof HttpProblem && error.status === 409) || attempt === ADDENDUM_ATTEMPTS) throw error;
      await new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 20 * Math.min(attempt, 5)));
    }
  }
  await auditAccess(actor, 'update', 'HealthRecord', { id: String(record._id), clientId, outcome: 'allowed', reason: `aanvulling op ${inWords(record.kind)}` });
  return openHealthRecord(await HealthRecord.findOne({ _id: record._id, clientId }).orFail(() => notFound()));
}

export async function listDocuments(actor: RequestActor, clientId: string) {
  await enterClient(actor, clientId, 'read', 'HealthDocument');
  await readable(actor, clientId, 'HealthDocument', 'category', HEALTH_DOCUMENT_CATEGORIES);
  const documents = await listScoped(actor, 'read', HealthDocument, { clientId }, { sort: { createdAt: -1 } });
  return sealedHealthDocument.openAll(documents);
}

/** A file for the health dossier, encrypted with the health key (never the process key). */
export async function uploadDocument(
  actor: RequestActor, clientId: string, body: { category: (typeof HEALTH_DOCUMENT_CATEGORIES)[number]; healthRecordId?: string },
  file: Express.Multer.File | undefined,
) {
  await enterClient(actor, clientId, 'create', 'HealthDocument');
  const _id = new Types.ObjectId();
  await authorize(actor, 'create', 'HealthDocument', { _id, clientId, uploadedBy: actor.userId, category: body.category });
  // A file is attached to one's own assessment only: never to a record the uploader may not even read.
  if (body.healthRecordId && !(await HealthRecord.exists({ _id: body.healthRecordId, clientId, authorId: actor.userId }))) {
    throw badRequest('Dit document hoort bij een onbekend onderzoek.', [{ field: 'body.healthRecordId', message: 'Kies een eigen onderzoek van deze cliënt.' }]);
  }
  const { buffer, filename, contentType } = await inspectUpload(file);
  const fileId = await storeFile(clientId, 'health', buffer);
  try {
    await HealthDocument.create(await sealedHealthDocument.seal({
      _id, clientId, uploadedBy: actor.userId, category: body.category, healthRecordId: body.healthRecordId ?? null,
      contentType, size: buffer.length, fileId, filename,
    }));
    if (body.healthRecordId) await HealthRecord.updateOne({ _id: body.healthRecordId, clientId }, { $set: { documentId: _id } });
  } catch (error) {
    await deleteFile(fileId);
    throw error;
  }
  await auditAccess(actor, 'create', 'HealthDocument', { id: String(_id), clientId, outcome: 'allowed' });
  return sealedHealthDocument.open((await HealthDocument.findOne({ _id, clientId }))!);
}

export async function downloadDocument(actor: RequestActor, { clientId, documentId }: HealthDocumentParams) {
  const document = await findScoped(actor, 'read', HealthDocument, { _id: documentId, clientId });
  const { filename } = await sealedHealthDocument.open(document);
  await auditAccess(actor, 'export', 'HealthDocument', { id: documentId, clientId, outcome: 'allowed', reason: 'gedownload' });
  return { filename, contentType: document.contentType, content: await readFile(document.fileId, clientId, 'health') };
}

/** Everything of the health dossier this actor may read (for the client: all of it, AVG art. 15). */
export async function dossier(actor: RequestActor, clientId: string) {
  const records = await listRecords(actor, clientId);
  const documentsVisible = HEALTH_DOCUMENT_CATEGORIES.some((category) =>
    actor.ability.can('read', tagSubject('HealthDocument', { clientId, category }) as never));
  return { records, documents: documentsVisible ? await listDocuments(actor, clientId) : [] };
}

/** Whether a record is this author's own medical note of this client (the probleemanalyse links its medical part). */
export async function isOwnMedicalNote(clientId: string, recordId: string, authorId: string): Promise<boolean> {
  return (await HealthRecord.exists({ _id: recordId, clientId, authorId, kind: 'medical_note' })) !== null;
}
