/**
 * Uploaded files in the database (GridFS), as ciphertext under the client's data key for the compartment. The
 * stored name is the file's id; the real name lives, encrypted, on the document record.
 */
import mongoose, { Types } from 'mongoose';
import { GridFSBucket } from 'mongodb';
import type { Compartment } from '@spoorboek/shared/domain';
import { decryptBytes, encryptBytes, type Place } from '../crypto/envelope';

const BUCKET = 'files';

function bucket(): GridFSBucket {
  const db = mongoose.connection.db;
  if (!db) throw new Error('database not connected');
  return new GridFSBucket(db, { bucketName: BUCKET });
}

const placeOf = (fileId: Types.ObjectId, clientId: string, compartment: Compartment): Place =>
  ({ clientId, compartment, record: `File:${fileId.toHexString()}`, field: 'content' });

export async function storeFile(clientId: string, compartment: Compartment, content: Buffer): Promise<Types.ObjectId> {
  const fileId = new Types.ObjectId();
  const ciphertext = await encryptBytes(placeOf(fileId, clientId, compartment), content);
  await new Promise<void>((resolve, reject) => {
    const upload = bucket().openUploadStreamWithId(fileId, fileId.toHexString(), { metadata: { clientId, compartment } });
    upload.once('finish', () => resolve());
    upload.once('error', reject);
    upload.end(ciphertext);
  });
  return fileId;
}

export async function readFile(fileId: Types.ObjectId, clientId: string, compartment: Compartment): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of bucket().openDownloadStream(fileId)) chunks.push(chunk as Buffer);
  return decryptBytes(placeOf(fileId, clientId, compartment), Buffer.concat(chunks));
}

export async function deleteFile(fileId: Types.ObjectId): Promise<void> {
  await bucket().delete(fileId).catch((error: unknown) => {
    if (!(error instanceof Error && /File not found/i.test(error.message))) throw error;
  });
}
