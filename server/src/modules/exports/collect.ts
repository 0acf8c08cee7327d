/**
 * What an export holds: every record that concerns the client, from every collection whose model carries a
 * `clientId` — found by walking the registered models, so a new collection is in the export from its first day
 * (a test holds this) — plus the client record itself. Sealed fields are opened by their model's declaration; secrets
 * that are not the client's data (password hashes, TOTP secrets, the data keys) never leave.
 */
import mongoose, { type Model } from 'mongoose';
import { Lock } from '../../crypto/envelope';
import { sealedModel } from '../../crypto/sealed';
import { ACCESS_LOG_FIELDS, USER_SELF_FIELDS } from '@spoorboek/shared/policy/rules';
import { HEALTH_SUBJECTS } from '@spoorboek/shared/policy/subjects';

/** Models that carry `clientId` but are not exported, and why. */
export const NOT_EXPORTED: Record<string, string> = {
  DataKey: 'the keys that seal the data: they add nothing readable, and handing them out would weaken the seal',
  DataExport: 'the exports themselves',
};

/** Per model, the only fields exported (where a model holds more than the client's data). */
const ONLY_FIELDS: Record<string, readonly string[]> = {
  User: USER_SELF_FIELDS,
  AuditEvent: [...ACCESS_LOG_FIELDS, 'reason'],
  // Which step was taken on which record, and when; not the update it carried (its result is in the record itself,
  // opened there, while the claim holds it as sealed text inside a JSON string).
  Claim: ['_id', 'subject', 'subjectId', 'clientId', 'version', 'step', 'at'],
};

export interface Collection {
  model: Model<unknown>;
  name: string;
  /** The filter that selects the client's records. */
  filter: Record<string, unknown>;
  health: boolean;
}

/** The collections of the export, in the order the PDF shows them: process dossier, health dossier, the rest. */
export function collectionsOf(clientId: string): Collection[] {
  const collections: Collection[] = [];
  for (const name of mongoose.modelNames()) {
    const model = mongoose.model(name) as Model<unknown>;
    if (name === 'Client') collections.push({ model, name, filter: { _id: clientId }, health: false });
    else if (model.schema.path('clientId') && !(name in NOT_EXPORTED)) {
      collections.push({ model, name, filter: { clientId }, health: (HEALTH_SUBJECTS as readonly string[]).includes(name) });
    }
  }
  const order = (c: Collection) => (c.name === 'Client' ? 0 : c.health ? 2 : c.name === 'AuditEvent' ? 3 : 1);
  return collections.sort((a, b) => order(a) - order(b) || a.name.localeCompare(b.name));
}

export const UNREADABLE = '[niet te ontsleutelen]';

/**
 * A stored record as the client may read it: ids as strings, sealed fields opened by the model's declaration
 * (crypto/sealed.ts); a value that does not open (or whose key is gone) reads `[niet te ontsleutelen]`.
 */
export function openRecord(name: string, raw: Record<string, unknown>, lock: Lock | undefined): Record<string, unknown> {
  const declaration = sealedModel(name);
  const opened = declaration
    ? declaration.openWith<Record<string, unknown>>(lock?.compartment === declaration.compartment ? lock : undefined, raw, { unreadable: UNREADABLE, failed: UNREADABLE })
    : raw;
  const walk = (value: unknown): unknown => {
    if (value instanceof mongoose.Types.ObjectId) return value.toHexString();
    if (value instanceof Date || value === null || typeof value !== 'object') return value;
    if (Buffer.isBuffer(value)) return value.toString('base64');
    if (Array.isArray(value)) return value.map(walk);
    return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, walk(entry)]));
  };
  const only = ONLY_FIELDS[name];
  const fields = only ? Object.entries(opened).filter(([key]) => only.includes(key)) : Object.entries(opened);
  return Object.fromEntries(fields.map(([key, value]) => [key, key === '_id' || key === 'clientId' ? String(value) : walk(value)]));
}

/** The client's locks (both compartments), or undefined where a key no longer exists. */
export async function locksOf(clientId: string) {
  const [process, health] = await Promise.all([Lock.forMany([clientId], 'process'), Lock.forMany([clientId], 'health')]);
  return { process: process.get(clientId), health: health.get(clientId) };
}
