/**
 * Walks the chain in sequence order and names the first broken link: a missing number (deleted), a number out
 * of place (inserted or reordered), a previous-hash that does not match (inserted, deleted) or a hash that does
 * not match the content (modified).
 */
import { AuditEvent } from './model';
import { GENESIS_HASH, hashEvent, type ChainedEvent } from './chain';
import { readSeals } from './seal';
import { findUnaudited } from './coverage';

/**
 * `ok` speaks of the chain itself. `unaudited` counts dossier records that have no create event in it (a process
 * stopped between saving a record and appending its event; the start-up reconciliation repairs those), with the
 * first few named.
 */
export type VerifyResult =
  | { ok: true; count: number; head: string; unaudited: number; unauditedRecords: { type: string; id: string }[] }
  | { ok: false; count: number; brokenAt: number; problem: string; unaudited: number; unauditedRecords: { type: string; id: string }[] };

/** Named in the result; the count says how many there are in all. */
const UNAUDITED_SHOWN = 20;

/**
 * With the master key, the sealed heads are checked too: each must match the event at its sequence number, and
 * the chain must reach the last seal (so its tail was not cut off).
 */
export async function verifyAuditChain(sealKey?: Buffer): Promise<VerifyResult> {
  const sealed = sealKey ? await readSeals(sealKey) : { seals: [], forged: null };
  if (sealed.forged !== null) return broken(0, sealed.forged, 'a seal does not carry a valid MAC');
  const sealAt = new Map(sealed.seals.map((seal) => [seal.seq, seal.hash]));
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  const cursor = AuditEvent.collection.find({}, { sort: { seq: 1 } });
  for await (const raw of cursor) {
    const event = raw as unknown as ChainedEvent & { hash: string };
    if (event.seq !== expectedSeq) {
      return broken(expectedSeq - 1, expectedSeq, `sequence ${expectedSeq} expected, found ${event.seq}`);
    }
    if (event.prevHash !== prevHash) {
      return broken(expectedSeq - 1, event.seq, 'previous-hash does not match the event before it');
    }
    if (hashEvent(event) !== event.hash) return broken(expectedSeq - 1, event.seq, 'content does not match its hash');
    const sealedHash = sealAt.get(event.seq);
    if (sealedHash !== undefined && sealedHash !== event.hash) {
      return broken(expectedSeq - 1, event.seq, 'event differs from the sealed head at this number');
    }
    prevHash = event.hash;
    expectedSeq++;
  }
  const lastSealed = sealed.seals.at(-1)?.seq ?? 0;
  if (lastSealed > expectedSeq - 1) {
    return broken(expectedSeq - 1, expectedSeq, `chain ends before sealed event ${lastSealed}: its tail was removed`);
  }
  return { ok: true, count: expectedSeq - 1, head: prevHash, ...(await unaudited()) };
}

async function unaudited() {
  const records = await findUnaudited();
  return { unaudited: records.length, unauditedRecords: records.slice(0, UNAUDITED_SHOWN).map(({ type, id }) => ({ type, id })) };
}

async function broken(count: number, brokenAt: number, problem: string): Promise<VerifyResult> {
  return { ok: false, count, brokenAt, problem, ...(await unaudited()) };
}
