/**
 * Access and portability (AVG art. 15 and 20): one export of everything that concerns a client, made in the
 * background. The client starts one from "Mijn privacy", or the privacy officer releases one for an access or
 * portability request once the requester's identity is checked; only the client downloads it, and every download
 * is audited as `export`. Exports expire after seven days.
 */
import type { Writable } from 'node:stream';
import mongoose, { Types } from 'mongoose';
import { conflict, forbidden, HttpProblem } from '../../http/problem';
import type { Logger } from '../../logger';
import { auditAccess, authorize, enterClient, findScoped, listScoped, type RequestActor } from '../../policy/enforce';
import * as requests from '../rights/service';
import { exportBucket, runExport, streamExport } from './job';
import { DataExport } from './model';

/** Jobs left running this long were cut off (a restart): they are marked failed so a new one can start. */
const STALE_RUNNING_MS = 60 * 60 * 1000;

/** The client asks for their own export. */
export async function start(actor: RequestActor, clientId: string, logger?: Logger) {
  await enterClient(actor, clientId, 'create', 'DataExport');
  if (actor.clientId !== clientId) {
    // Staff release an export only for a request whose identity check is recorded (AVG art. 12(6)).
    await auditAccess(actor, 'create', 'DataExport', { clientId, outcome: 'denied', reason: 'export zonder verzoek' });
    throw forbidden('Een export voor een cliënt wordt alleen vrijgegeven bij een verzoek om inzage of overdracht, na de identiteitscontrole.');
  }
  return queue(actor, clientId, null, logger);
}

/** The privacy officer releases an export for an access or portability request whose identity check is recorded. */
export async function release(actor: RequestActor, requestId: string, logger?: Logger) {
  const request = await requests.requireActionable(actor, requestId, ['access', 'portability']);
  return queue(actor, String(request.clientId), String(request._id), logger);
}

let sweeper: NodeJS.Timeout | null = null;
/** Once exports are being made, expired ones are also swept every hour, not only when someone looks. */
function keepSweeping(logger?: Logger) {
  sweeper ??= setInterval(() => void sweepExports().catch((error: unknown) => logger?.error({ err: error }, 'export sweep failed')), 60 * 60 * 1000);
  sweeper.unref();
}

async function queue(actor: RequestActor, clientId: string, requestId: string | null, logger?: Logger) {
  keepSweeping(logger);
  await sweepExports();
  const _id = new Types.ObjectId();
  const candidate = { _id, clientId, requestId, requestedBy: actor.userId, status: 'queued', activeKey: clientId };
  await authorize(actor, 'create', 'DataExport', candidate);
  try {
    await DataExport.create(candidate);
  } catch (error) {
    if ((error as { code?: number }).code === 11000) throw conflict('Er wordt al een export van dit dossier gemaakt. Wacht tot die klaar is.');
    throw error;
  }
  await auditAccess(actor, 'create', 'DataExport', {
    id: String(_id), clientId, outcome: 'allowed', reason: requestId ? 'export vrijgegeven op verzoek (AVG art. 15 en 20)' : 'export gevraagd door de cliënt',
  });
  setImmediate(() => void runExport(String(_id), logger, clientId));
  return (await DataExport.findOne({ _id, clientId }))!;
}

/** The client's exports with their progress, newest first. */
export async function list(actor: RequestActor, clientId: string) {
  await enterClient(actor, clientId, 'read', 'DataExport');
  await sweepExports();
  return listScoped(actor, 'read', DataExport, { clientId }, { sort: { createdAt: -1 } });
}

export async function get(actor: RequestActor, clientId: string, exportId: string) {
  return findScoped(actor, 'read', DataExport, { _id: exportId, clientId });
}

/** The ZIP, streamed and decrypted on the way; the download is an `export` audit event. */
export async function download(actor: RequestActor, clientId: string, exportId: string, open: () => Writable) {
  await enterClient(actor, clientId, 'export', 'DataExport');
  const job = await findScoped(actor, 'export', DataExport, { _id: exportId, clientId }, { recordRead: false });
  if (job.status === 'expired' || (job.expiresAt && job.expiresAt <= new Date())) {
    throw new HttpProblem(410, 'gone', 'Verlopen', 'Deze export is verlopen (na 7 dagen verwijderd). Vraag een nieuwe aan.');
  }
  if (job.status !== 'ready' || !job.fileId || !job.nonce || !job.tag) throw conflict('Deze export is nog niet klaar.');
  await auditAccess(actor, 'export', 'DataExport', { id: exportId, clientId, outcome: 'allowed', reason: 'export van het dossier gedownload' });
  await streamExport({ _id: job._id, clientId: job.clientId, fileId: job.fileId, nonce: job.nonce, tag: job.tag }, open());
}

/** Expired exports lose their file (seven days), and jobs cut off by a restart are marked failed. */
export async function sweepExports(now = new Date()) {
  const expired = await DataExport.find({ status: 'ready', expiresAt: mongoose.trusted({ $lte: now }) }, { fileId: 1, clientId: 1 }).lean();
  for (const job of expired) {
    if (job.fileId) await exportBucket().delete(job.fileId).catch(() => undefined);
    await DataExport.updateOne({ _id: job._id, clientId: job.clientId }, { status: 'expired', fileId: null, nonce: null, tag: null });
  }
  const stale = await DataExport.find({ status: mongoose.trusted({ $in: ['queued', 'running'] }), updatedAt: mongoose.trusted({ $lte: new Date(now.getTime() - STALE_RUNNING_MS) }) }, { _id: 1, clientId: 1 }).lean();
  for (const job of stale) {
    await DataExport.updateOne({ _id: job._id, clientId: job.clientId }, { status: 'failed', error: 'De export is onderbroken. Probeer het opnieuw.', activeKey: String(job._id) });
  }
}
