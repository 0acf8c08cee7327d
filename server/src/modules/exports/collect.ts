/**
 * What an export holds: every record that concerns the client, from every collection whose model carries a
 * `clientId` — found by walking the registered models, so a new collection is in the export from its first day
 * (a test holds this) — plus the client record itself. Sealed fields are opened with the client's keys; secrets
 * that are not the client's data (password hashes, TOTP secrets, the data keys) never leave.
 */
import mongoose, { type Model } from 'mongoose';
import { isSealed, Lock } from '../../crypto/envelope';
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
 * A stored record as the client may read it: ids as strings, sealed text opened. A sealed value is bound to its
 * record and field path (`revisions.0.summary`; addenda by their id); both forms are tried.
 */
export function openRecord(name: string, raw: Record<string, unknown>, lock: Lock | undefined): Record<string, unknown> {
  const record = `${name}:${String(raw._id)}`;
  const open = (value: string, paths: string[]) => {
    if (!lock) return UNREADABLE;
    for (const path of paths) {
      try {
        return lock.open(value, record, path);
      } catch { /* the next form of the path */ }
    }
    return UNREADABLE;
  };
  const walk = (value: unknown, paths: string[]): unknown => {
    if (isSealed(value)) {
      const opened = open(value, paths);
      if (name === 'HealthRecord' && paths[0] === 'content' && opened !== UNREADABLE) return JSON.parse(opened) as unknown;
      return opened;
    }
    if (value instanceof mongoose.Types.ObjectId) return value.toHexString();
    if (value instanceof Date || value === null || typeof value !== 'object') return value;
    if (Buffer.isBuffer(value)) return value.toString('base64');
    if (Array.isArray(value)) {
      return value.map((item, index) => {
        const id = (item as { _id?: unknown } | null)?._id;
        const next = paths.flatMap((path) => [`${path}.${index}`, ...(id ? [`${path}.${String(id)}`] : [])]);
        return walk(item, next);
      });
    }
    return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, walk(entry, paths.length ? paths.map((path) => `${path}.${key}`) : [key])]));
  };
  const only = ONLY_FIELDS[name];
  const fields = only ? Object.entries(raw).filter(([key]) => only.includes(key)) : Object.entries(raw);
  return Object.fromEntries(fields.map(([key, value]) => [key, key === '_id' || key === 'clientId' ? String(value) : walk(value, [key])]));
}

/** The client's locks (both compartments), or undefined where a key no longer exists. */
export async function locksOf(clientId: string) {
  const [process, health] = await Promise.all([Lock.forMany([clientId], 'process'), Lock.forMany([clientId], 'health')]);
  return { process: process.get(clientId), health: health.get(clientId) };
}
