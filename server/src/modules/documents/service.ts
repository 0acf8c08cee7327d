/**
 * Documents of the process dossier (CV, test results, plan van aanpak): checked on content, stored encrypted,
 * downloaded as an attachment. Nothing is kept of a file that fails a check.
 */
import { Types } from 'mongoose';
import type { DocumentCategory } from '@spoorboek/shared/domain';
import type { DocumentParams } from '@spoorboek/shared/schemas/documents';
import { deleteFile, readFile, storeFile } from '../../db/fileStore';
import { inspectUpload } from '../../http/upload';
import { auditAccess, authorize, enterClient, findScoped, listScoped, type RequestActor } from '../../policy/enforce';
import { Document, sealedDocument, type DocumentData } from './model';

type DocumentRecord = DocumentData & { _id: Types.ObjectId };

export async function list(actor: RequestActor, clientId: string) {
  await enterClient(actor, clientId, 'read', 'Document');
  const documents = await listScoped(actor, 'read', Document, { clientId }, { sort: { createdAt: -1 } });
  return sealedDocument.openAll<DocumentRecord>(documents);
}

export async function upload(actor: RequestActor, clientId: string, category: DocumentCategory, file: Express.Multer.File | undefined) {
  await enterClient(actor, clientId, 'create', 'Document');
  const _id = new Types.ObjectId();
  await authorize(actor, 'create', 'Document', { _id, clientId, uploadedBy: actor.userId, category });
  const { buffer, filename, contentType } = await inspectUpload(file);
  const fileId = await storeFile(clientId, 'process', buffer);
  try {
    await Document.create(await sealedDocument.seal({ _id, clientId, uploadedBy: actor.userId, category, contentType, size: buffer.length, fileId, filename }));
  } catch (error) {
    await deleteFile(fileId); // no transactions: never leave an orphaned file behind
    throw error;
  }
  await auditAccess(actor, 'create', 'Document', { id: String(_id), clientId, outcome: 'allowed' });
  return sealedDocument.open<DocumentRecord>((await Document.findOne({ _id, clientId }))!);
}

/** The file itself, decrypted; recorded as a read of the dossier. */
export async function download(actor: RequestActor, { clientId, documentId }: DocumentParams) {
  const document = await findScoped(actor, 'read', Document, { _id: documentId, clientId });
  const { filename, contentType } = await sealedDocument.open<DocumentRecord>(document);
  return { filename, contentType, content: await readFile(document.fileId, clientId, 'process') };
}

export async function remove(actor: RequestActor, { clientId, documentId }: DocumentParams) {
  const document = await findScoped(actor, 'delete', Document, { _id: documentId, clientId });
  await Document.deleteOne({ _id: document._id, clientId: document.clientId });
  await deleteFile(document.fileId);
  await auditAccess(actor, 'delete', 'Document', { id: documentId, clientId, outcome: 'allowed' });
}
