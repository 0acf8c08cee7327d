/**
 * Making one export: a ZIP with the dossier as JSON (one file per collection), the stored files, and the PDF,
 * streamed record by record from the database through the ZIP and an AES-256-GCM cipher into GridFS. Nothing
 * holds the whole dossier: cursors feed the PDF and the JSON, files are read one at a time when the ZIP reaches
 * them. Progress is written to the job document as it goes.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ZipArchive } from 'archiver';
import { GridFSBucket } from 'mongodb';
import mongoose, { Types } from 'mongoose';
import { dataKeyFor } from '../../crypto/dataKeys';
import { readFile } from '../../db/fileStore';
import { openPersonalia } from '../../db/models/clientPersonalia';
import type { Logger } from '../../logger';
import { collectionsOf, locksOf, openRecord, type Collection } from './collect';
import { DataExport } from './model';
import { dossierPdf } from './pdf';

/** Exports are kept seven days after they are made, then swept (data minimisation). */
export const EXPORT_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;
const PROGRESS_EVERY = 50;

export function exportBucket(): GridFSBucket {
  const db = mongoose.connection.db;
  if (!db) throw new Error('database not connected');
  return new GridFSBucket(db, { bucketName: 'exports' });
}

/** The export's ciphertext is bound to client and export, under the client's health key (it holds health data). */
const associatedData = (clientId: string, exportId: string) => Buffer.from(`${clientId}|health|DataExport:${exportId}|zip`);

interface StoredFile { name: string; fileId: Types.ObjectId; compartment: 'process' | 'health' }

/** Runs one queued export to the end; a failure is recorded on the job, never thrown at the caller. */
export async function runExport(exportId: string, logger: Logger | undefined, ofClient: string): Promise<void> {
  const job = await DataExport.findOne({ _id: exportId, clientId: ofClient });
  if (!job || job.status !== 'queued') return;
  await DataExport.updateOne({ _id: job._id, clientId: job.clientId }, { status: 'running' });
  const clientId = String(job.clientId);
  const fileId = new Types.ObjectId();
  try {
    const nonce = randomBytes(12);
    const { tag, total } = await writeZip(clientId, exportId, fileId, nonce);
    const [stored] = await exportBucket().find({ _id: fileId }).toArray();
    const readyAt = new Date();
    await DataExport.updateOne({ _id: job._id, clientId: job.clientId }, {
      status: 'ready', progress: { done: total, total }, fileId, nonce: nonce.toString('base64'), tag: tag.toString('base64'), size: stored?.length ?? null,
      readyAt, expiresAt: new Date(readyAt.getTime() + EXPORT_LIFETIME_MS), activeKey: exportId,
    });
  } catch (error) {
    logger?.error({ err: error, exportId }, 'export failed');
    await exportBucket().delete(fileId).catch(() => undefined);
    await DataExport.updateOne({ _id: job._id, clientId: job.clientId }, { status: 'failed', error: 'De export is mislukt. Probeer het opnieuw.', activeKey: exportId });
  }
}

async function writeZip(clientId: string, exportId: string, fileId: Types.ObjectId, nonce: Buffer): Promise<{ tag: Buffer; total: number }> {
  const locks = await locksOf(clientId);
  const collections = collectionsOf(clientId);
  const counts = await Promise.all(collections.map((collection) => collection.model.countDocuments(collection.filter)));
  const files = await storedFiles(collections, clientId, locks);
  const total = 2 * counts.reduce((sum, count) => sum + count, 0) + files.length;
  let done = 0;
  const step = async () => {
    done += 1;
    if (done % PROGRESS_EVERY === 0) await DataExport.updateOne({ _id: exportId, clientId }, { progress: { done, total } });
  };
  await DataExport.updateOne({ _id: exportId, clientId }, { progress: { done, total } });

  const client = await mongoose.connection.db!.collection('clients').findOne({ _id: new Types.ObjectId(clientId) });
  const person = client ? openPersonalia(locks.process, client as never) : null;
  const pdf = dossierPdf({
    clientName: person ? `${person.firstName} ${person.lastName}` : 'Onbekende cliënt', madeAt: new Date(),
    sections: collections.map((collection, index) => ({ collection, count: counts[index]! })),
  });

  const archive = new ZipArchive({ zlib: { level: 6 } });
  const cipher = createCipheriv('aes-256-gcm', await dataKeyFor(clientId, 'health'), nonce);
  cipher.setAAD(associatedData(clientId, exportId));
  const upload = exportBucket().openUploadStreamWithId(fileId, `${exportId}.zip.enc`, { metadata: { clientId, exportId } });
  const stored = pipeline(archive, cipher, upload as unknown as Writable);
  stored.catch((error: unknown) => pdf.stream.destroy(error as Error));

  archive.append(pdf.stream as unknown as Readable, { name: 'dossier.pdf' });
  for (const collection of collections) {
    archive.append(Readable.from(jsonOf(collection, locks, step)), { name: `gegevens/${collection.name}.json` });
  }
  for (const file of files) archive.append(Readable.from(contentOf(file, clientId, step)), { name: file.name });
  archive.append(JSON.stringify(manifest(collections, counts, files), null, 2), { name: 'inhoud.json' });
  const finalized = archive.finalize();

  for (const collection of collections) {
    await pdf.section(collection);
    for await (const raw of collection.model.find(collection.filter).sort({ _id: 1 }).lean().cursor()) {
      await pdf.record(openRecord(collection.name, raw as Record<string, unknown>, lockFor(collection, locks)));
      await step();
    }
  }
  pdf.end();
  await finalized;
  await stored;
  return { tag: cipher.getAuthTag(), total };
}

type Locks = Awaited<ReturnType<typeof locksOf>>;
const lockFor = (collection: Collection, locks: Locks) => (collection.health ? locks.health : locks.process);

/** One collection as a JSON array, a record at a time from a cursor. */
async function* jsonOf(collection: Collection, locks: Locks, step: () => Promise<void>) {
  yield '[\n';
  let first = true;
  for await (const raw of collection.model.find(collection.filter).sort({ _id: 1 }).lean().cursor()) {
    yield `${first ? '' : ',\n'}${JSON.stringify(openRecord(collection.name, raw as Record<string, unknown>, lockFor(collection, locks)))}`;
    first = false;
    await step();
  }
  yield '\n]\n';
}

/** A stored file, read (and decrypted) only when the ZIP reaches it; a file that is gone says so instead. */
async function* contentOf(file: StoredFile, clientId: string, step: () => Promise<void>) {
  yield await readFile(file.fileId, clientId, file.compartment)
    .catch(() => Buffer.from('Dit bestand is niet meer aanwezig of kon niet worden gelezen.\n'));
  await step();
}

/** The documents' files: where they go in the ZIP (their real name, made safe), from the document records. */
async function storedFiles(collections: Collection[], clientId: string, locks: Locks): Promise<StoredFile[]> {
  const files: StoredFile[] = [];
  for (const collection of collections) {
    if (!collection.model.schema.path('fileId')) continue;
    const compartment = collection.health ? 'health' : 'process';
    for await (const raw of collection.model.find({ clientId }, { _id: 1, fileId: 1, filename: 1 }).lean().cursor()) {
      const document = openRecord(collection.name, raw as Record<string, unknown>, lockFor(collection, locks));
      const name = String(document.filename ?? 'bestand').replace(/[^\p{L}\p{N}._ -]/gu, '_').slice(0, 120);
      const folder = compartment === 'health' ? 'bestanden/gezondheid' : 'bestanden/proces';
      files.push({ name: `${folder}/${String(raw._id)}-${name}`, fileId: (raw as unknown as { fileId: Types.ObjectId }).fileId, compartment });
    }
  }
  return files;
}

function manifest(collections: Collection[], counts: number[], files: StoredFile[]) {
  return {
    toelichting: 'Uw dossier bij het re-integratiebureau (AVG artikel 15 en 20). dossier.pdf is de leesbare vorm; gegevens/ bevat '
      + 'elke verzameling als JSON; bestanden/ bevat uw documenten, gezondheid/ apart van het procesdossier.',
    gemaakt: new Date().toISOString(),
    verzamelingen: collections.map((collection, index) => ({
      naam: collection.name, bestand: `gegevens/${collection.name}.json`, aantal: counts[index],
      deel: collection.health ? 'gezondheidsdossier' : 'procesdossier',
    })),
    bestanden: files.map((file) => file.name),
  };
}

/** The stored ZIP, decrypted as it streams to `destination`; the tag is checked at the end. */
export async function streamExport(job: { _id: unknown; clientId: unknown; fileId: Types.ObjectId; nonce: string; tag: string }, destination: Writable) {
  const clientId = String(job.clientId);
  const decipher = createDecipheriv('aes-256-gcm', await dataKeyFor(clientId, 'health'), Buffer.from(job.nonce, 'base64'));
  decipher.setAAD(associatedData(clientId, String(job._id)));
  decipher.setAuthTag(Buffer.from(job.tag, 'base64'));
  await pipeline(exportBucket().openDownloadStream(job.fileId), decipher, destination);
}
