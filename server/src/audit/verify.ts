/**
 * Walks the chain in sequence order and names the first broken link: a missing number (deleted), a number out
 * of place (inserted or reordered), a previous-hash that does not match (inserted, deleted) or a hash that does
 * not match the content (modified).
 */
import { AuditEvent } from './model';
import { GENESIS_HASH, hashEvent, type ChainedEvent } from './chain';

export type VerifyResult =
  | { ok: true; count: number; head: string }
  | { ok: false; count: number; brokenAt: number; problem: string };

export async function verifyAuditChain(): Promise<VerifyResult> {
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
    prevHash = event.hash;
    expectedSeq++;
  }
  return { ok: true, count: expectedSeq - 1, head: prevHash };
}

function broken(count: number, brokenAt: number, problem: string): VerifyResult {
  return { ok: false, count, brokenAt, problem };
}
