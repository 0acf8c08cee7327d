/**
 * Erasure by crypto-shredding (AVG art. 17; seed: "op verzoek van een cliënt kan een digitaal dossier per direct
 * worden verwijderd"). The privacy officer erases a client for an erasure request whose identity check is
 * recorded. In order, each step safe to repeat, so an erasure cut off halfway is finished by running it again:
 *   1. the tombstone (once: a unique index) and the anonymous figures for management information;
 *   2. the client's data keys are destroyed: every ciphertext of theirs, in backups and old exports too, is noise;
 *   3. dossier records and stored files (GridFS, the exports too) are deleted;
 *   4. the client's account is disabled and anonymised, its sessions and login counters removed;
 *   5. the client record goes; the request is answered.
 * The audit log keeps its events (ids, no content) and its chain.
 */
import mongoose, { type Model } from 'mongoose';
import type { ErasureBody } from '@spoorboek/shared/schemas/rights';
import { destroyDataKeys } from '../../crypto/dataKeys';
import { Client } from '../../db/models/client';
import { User } from '../../db/models/user';
import { conflict, HttpProblem } from '../../http/problem';
import { auditAccess, requireSomeRight, type RequestActor } from '../../policy/enforce';
import * as requests from '../rights/service';
import { ManagementFigure, Tombstone } from './model';
import { TRAJECTORY_ENDED_STATUSES, type TrajectoryStatus } from '@spoorboek/shared/domain';
import { dropTokens } from '../../auth/tokens';
import { forgetAttemptsOf } from '../../auth/throttle';
import { forgetRecipient } from '../mail/outbox';
import { forgetUser } from '../notifications/service';

/** Collections that keep their records of an erased client, and why. */
export const KEPT_AFTER_ERASURE: Record<string, string> = {
  AuditEvent: 'the audit trail (NEN 7513) holds ids, never content, and must stay verifiable',
  Tombstone: 'the proof of the erasure itself',
  DataSubjectRequest: 'the register shows the request was answered (AVG art. 5(2)); its texts are sealed, so shredded',
  RequestStep: 'who took which step of a request, ids only',
  User: 'the account is kept disabled and anonymised, so its id in the audit trail still resolves to "a former client"',
  BreachSignal: 'a signal drawn from the audit trail, ids only like it; the breach register outlives the client (AVG art. 33(5))',
};

export const DEFAULT_LEGAL_BASIS = 'AVG art. 17 lid 1 (verzoek van de betrokkene)';

export async function erase(actor: RequestActor, requestId: string, body: ErasureBody, now = new Date()) {
  await requireSomeRight(actor, 'erase', 'Client');
  const request = await requests.requireActionable(actor, requestId, ['erasure']);
  const clientId = String(request.clientId);
  const done = await eraseClient(clientId, {
    legalBasis: body.legalBasis ?? DEFAULT_LEGAL_BASIS, requestId, by: actor.userId,
    record: (reason) => auditAccess(actor, 'delete', 'Client', { id: clientId, clientId, outcome: 'allowed', reason: `gewist op verzoek: ${reason}` }),
  }, now);
  await requests.answerErasure(actor, request, now);
  return { ...done, requestId };
}

export interface ErasureOrder {
  legalBasis: string;
  /** The request it answers; null when the retention run erases a dossier past its term. */
  requestId: string | null;
  /** Who erases; null for the scheduled retention run. */
  by: string | null;
  /** Records the erasure in the audit trail (the counts are passed as the reason). */
  record: (reason: string) => Promise<void>;
}

/** The reason an erasure under a legal hold is refused (423 Locked). */
export function legalHoldReason(until: Date) {
  return `Voor deze cliënt geldt een bewaarplicht (legal hold) tot ${until.toISOString().slice(0, 10)}: het dossier mag tot die datum niet worden gewist.`;
}

/**
 * The erasure itself, for a request (above) or for the retention run: each step safe to repeat. Refused while
 * a legal hold stands (a hold placed after an erasure began cannot stop it: the keys may already be gone).
 */
export async function eraseClient(clientId: string, order: ErasureOrder, now = new Date()) {
  const client = await Client.findById(clientId, { employerId: 1, trajectory: 1, objections: 1, legalHold: 1 }).lean();
  let tombstone = await Tombstone.findOne({ clientId }).lean();
  if (!tombstone) {
    if (!client) throw conflict('Deze cliënt bestaat niet meer.');
    if (client.legalHold && client.legalHold.until.getTime() > now.getTime()) throw new HttpProblem(423, 'legal-hold', 'Bewaarplicht', legalHoldReason(client.legalHold.until));
    try {
      await Tombstone.create({
        clientId, erasedAt: now, legalBasis: order.legalBasis, requestId: order.requestId, erasedBy: order.by,
        employerId: client.employerId, trajectoryKind: client.trajectory.kind, year: client.trajectory.startDate.getUTCFullYear(),
      });
    } catch (error) {
      if ((error as { code?: number }).code === 11000) throw conflict('Deze cliënt wordt al gewist.');
      throw error;
    }
    // Objection to management figures (AVG art. 21): then not even anonymous figures are kept.
    if (!client.objections?.managementFigures) await keepFigures(clientId, client, now);
    tombstone = await Tombstone.findOne({ clientId }).lean();
  } else if (tombstone.completedAt) {
    throw conflict('Deze cliënt is al gewist.');
  }

  const keys = await destroyDataKeys(clientId);
  const files = await deleteStoredFiles(clientId);
  const records = await deleteRecords(clientId);
  await anonymiseAccounts(clientId);
  await Client.deleteOne({ _id: clientId });
  await order.record(`${keys} ${keys === 1 ? 'sleutel' : 'sleutels'} vernietigd, ${records} ${records === 1 ? 'gegeven' : 'gegevens'} en ${files} ${files === 1 ? 'bestand' : 'bestanden'} verwijderd`);
  await Tombstone.updateOne({ clientId }, { completedAt: new Date() });
  return { clientId, erasedAt: tombstone!.erasedAt, legalBasis: tombstone!.legalBasis, keysDestroyed: keys, recordsDeleted: records, filesDeleted: files };
}

/** Anonymous figures (kind, year, duration, outcome, hours per activity kind), unless the client objected to that. */
async function keepFigures(
  clientId: string, client: { trajectory: { kind: string; status: string; startDate: Date; endDate?: Date | null; outcome?: string | null } }, now: Date,
) {
  const activities = await mongoose.model('Activity').find({ clientId }, { kind: 1, minutes: 1 }).lean<{ kind: string; minutes: number }[]>();
  const hours: Record<string, number> = {};
  for (const { kind, minutes } of activities) hours[kind] = Math.round(((hours[kind] ?? 0) + minutes / 60) * 100) / 100;
  const end = client.trajectory.endDate ?? now;
  const ended = TRAJECTORY_ENDED_STATUSES.includes(client.trajectory.status as TrajectoryStatus) && client.trajectory.endDate;
  await ManagementFigure.create({
    trajectoryKind: client.trajectory.kind, year: client.trajectory.startDate.getUTCFullYear(),
    endYear: ended ? end.getUTCFullYear() : null,
    durationDays: Math.max(0, Math.round((end.getTime() - client.trajectory.startDate.getTime()) / 86_400_000)),
    status: client.trajectory.status, outcome: ended ? (client.trajectory.outcome ?? 'other') : null, hoursByActivityKind: hours,
  });
}

/** Every stored file of the client: documents, health documents and exports (GridFS files and chunks). */
async function deleteStoredFiles(clientId: string): Promise<number> {
  const db = mongoose.connection.db!;
  let deleted = 0;
  for (const bucketName of ['files', 'exports']) {
    const bucket = new mongoose.mongo.GridFSBucket(db, { bucketName });
    const owned = await db.collection(`${bucketName}.files`).find({ 'metadata.clientId': clientId }, { projection: { _id: 1 } }).toArray();
    const referenced = bucketName === 'files' ? await referencedFiles(clientId) : [];
    const ids = new Map([...owned.map((file) => file._id), ...referenced].map((id) => [String(id), id]));
    for (const id of ids.values()) {
      await bucket.delete(id as mongoose.mongo.ObjectId).then(() => { deleted += 1; }).catch((error: unknown) => {
        if (!(error instanceof Error && /File not found/i.test(error.message))) throw error;
      });
    }
  }
  return deleted;
}

async function referencedFiles(clientId: string) {
  const ids: unknown[] = [];
  for (const name of mongoose.modelNames()) {
    const model = mongoose.model(name) as Model<unknown>;
    if (!model.schema.path('clientId') || !model.schema.path('fileId')) continue;
    for (const doc of await model.find({ clientId }, { fileId: 1 }).lean<{ fileId?: unknown }[]>()) if (doc.fileId) ids.push(doc.fileId);
  }
  return ids;
}

/** Every record in every collection that carries clientId, except those listed in KEPT_AFTER_ERASURE. */
async function deleteRecords(clientId: string): Promise<number> {
  let deleted = 0;
  for (const name of mongoose.modelNames()) {
    const model = mongoose.model(name) as Model<unknown>;
    if (!model.schema.path('clientId') || name in KEPT_AFTER_ERASURE || name === 'DataKey') continue;
    deleted += (await model.deleteMany({ clientId })).deletedCount;
  }
  return deleted;
}

/** The client's account: disabled, no name, no e-mail, no secrets; sessions and login counters gone. */
async function anonymiseAccounts(clientId: string) {
  const accounts = await User.find({ clientId }, { email: 1 }).lean();
  const db = mongoose.connection.db!;
  for (const account of accounts) {
    await User.updateOne({ _id: account._id }, {
      $set: {
        email: `gewist-${String(account._id)}@gewist.invalid`, name: 'Gewiste cliënt', disabled: true, passwordHash: null,
        totpSecret: null, recoveryCodes: [], mfaEnabled: false,
      },
      $inc: { authVersion: 1 },
    });
    // What else names the account: its tokens, counted sign-in attempts, mail sent to it, its inbox.
    await dropTokens(account._id);
    await forgetAttemptsOf(account.email, String(account._id));
    await forgetRecipient(account.email);
    await forgetUser(account._id);
    await db.collection('sessions').deleteMany({ session: mongoose.trusted({ $regex: String(account._id) }) } as never);
  }
}

/** For the relation register: the erased clients that had an employer. */
export async function erasedForRegister() {
  return Tombstone.find({ employerId: mongoose.trusted({ $ne: null }) }, { employerId: 1, trajectoryKind: 1, year: 1 }).lean();
}

/** The anonymous figures of erased clients whose trajectory ended in this year, for the management figures. */
export async function figuresEndedIn(year: number) {
  const figures = await ManagementFigure.find({ endYear: year }, { trajectoryKind: 1, durationDays: 1, outcome: 1 }).lean();
  return figures.map((figure) => ({
    id: String(figure._id), kind: figure.trajectoryKind, outcome: figure.outcome ?? 'other', durationDays: figure.durationDays,
  }));
}
