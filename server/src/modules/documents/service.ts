/**
 * Documents of the process dossier (CV, test results, plan van aanpak): checked on content, stored encrypted,
 * downloaded as an attachment. Nothing is kept of a file that fails a check.
 */
import { Types } from 'mongoose';
import type { DocumentCategory } from '@spoorboek/shared/domain';
import type { DocumentParams } from '@spoorboek/shared/schemas/documents';
import { Lock } from '../../crypto/envelope';
import { deleteFile, readFile, storeFile } from '../../db/fileStore';
import { inspectUpload } from '../../http/upload';
import { auditAccess, authorize, enterClient, findScoped, listScoped, type RequestActor } from '../../policy/enforce';
import { Document, type DocumentData } from './model';

type DocumentRecord = DocumentData & { _id: Types.ObjectId };
const record = (id: unknown) => `Document:${String(id)}`;

function reveal(lock: Lock, document: { toObject(): unknown }) {
  const plain = document.toObject() as DocumentRecord;
  return { ...plain, filename: lock.open(plain.filename, record(plain._id), 'filename') };
}

export async function list(actor: RequestActor, clientId: string) {
  await enterClient(actor, clientId, 'read', 'Document');
  const documents = await listScoped(actor, 'read', Document, { clientId }, { sort: { createdAt: -1 } });
  const lock = await Lock.for(clientId, 'process');
  return documents.map((document) => reveal(lock, document));
}

export async function upload(actor: RequestActor, clientId: string, category: DocumentCategory, file: Express.Multer.File | undefined) {
  await enterClient(actor, clientId, 'create', 'Document');
  const _id = new Types.ObjectId();
  await authorize(actor, 'create', 'Document', { _id, clientId, uploadedBy: actor.userId, category });
  const { buffer, filename, contentType } = await inspectUpload(file);
  const fileId = await storeFile(clientId, 'process', buffer);
  const lock = await Lock.for(clientId, 'process');
  try {
    await Document.create({
      _id, clientId, uploadedBy: actor.userId, category, contentType, size: buffer.length, fileId,
      filename: lock.seal(filename, record(_id), 'filename'),
    });
  } catch (error) {
    await deleteFile(fileId); // no transactions: never leave an orphaned file behind
    throw error;
  }
  await auditAccess(actor, 'create', 'Document', { id: String(_id), clientId, outcome: 'allowed' });
  return reveal(lock, (await Document.findOne({ _id, clientId }))!);
}

/** The file itself, decrypted; recorded as a read of the dossier. */
export async function download(actor: RequestActor, { clientId, documentId }: DocumentParams) {
  const document = await findScoped(actor, 'read', Document, { _id: documentId, clientId });
  const lock = await Lock.for(clientId, 'process');
  const { filename, contentType } = reveal(lock, document);
  return { filename, contentType, content: await readFile(document.fileId, clientId, 'process') };
}

export async function remove(actor: RequestActor, { clientId, documentId }: DocumentParams) {
  const document = await findScoped(actor, 'delete', Document, { _id: documentId, clientId });
  await Document.deleteOne({ _id: document._id, clientId: document.clientId });
  await deleteFile(document.fileId);
  await auditAccess(actor, 'delete', 'Document', { id: documentId, clientId, outcome: 'allowed' });
}
