/**
 * The content of a health record, sealed as one ciphertext under the client's health data key, and opened again
 * for those the policy lets read it. The process key cannot open it (a different key per compartment).
 */
import type { Types } from 'mongoose';
import type { Lock } from '../../crypto/envelope';
import type { HealthRecordData } from './model';

export interface HealthContent {
  capacities?: { rubriek: string; item: string; level: number; quantification?: string | null }[];
  barSections?: { title: string; text: string }[];
  conclusion?: string | null;
  explanation?: string | null;
  adAnswers?: Record<string, string> | null;
  text?: string | null;
  firstSickDay?: Date | null;
}

const EMPTY = { capacities: [], barSections: [], conclusion: null, explanation: null, adAnswers: null, text: null, firstSickDay: null };
const place = (recordId: Types.ObjectId | string) => `HealthRecord:${String(recordId)}`;

export function sealHealthContent(lock: Lock, recordId: Types.ObjectId | string, content: HealthContent): string {
  if (lock.compartment !== 'health') throw new Error('health content is sealed with the health key only');
  return lock.seal(JSON.stringify(content), place(recordId), 'content');
}

/** An addendum's text, sealed like the content; the associated data names the record and the addendum (the path the dossier export opens it by). */
export function sealHealthAddendum(lock: Lock, recordId: Types.ObjectId | string, addendumId: Types.ObjectId | string, text: string): string {
  if (lock.compartment !== 'health') throw new Error('health content is sealed with the health key only');
  return lock.seal(text, place(recordId), `addenda.${String(addendumId)}.text`);
}

/** The record with its content (and its addenda) opened, ready for `present` (which then drops what the reader may not see). */
export function revealHealthRecord(lock: Lock, record: { toObject(): unknown }) {
  const { content, addenda = [], ...plain } = record.toObject() as HealthRecordData & { _id: Types.ObjectId };
  const opened = JSON.parse(lock.open(content, place(plain._id), 'content')) as HealthContent & { firstSickDay?: string | null };
  return {
    ...plain, ...EMPTY, ...opened, firstSickDay: opened.firstSickDay ? new Date(opened.firstSickDay) : null,
    addenda: addenda.map((addendum) => ({ ...addendum, text: lock.open(addendum.text, place(plain._id), `addenda.${String(addendum._id)}.text`) })),
  };
}
