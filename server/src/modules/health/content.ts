/**
 * The content of a health record, sealed as one ciphertext under the client's health data key (see
 * `sealedHealthRecord`), and opened again for those the policy lets read it.
 */
import type { Types } from 'mongoose';
import { sealedHealthRecord, type HealthRecordData } from './model';

type OpenedRecord = Omit<HealthRecordData, 'content'> & { _id: Types.ObjectId; content: Record<string, unknown> };

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

/** An opened record with its content spread over it, ready for `present` (which then drops what the reader may not see). */
function spread(record: OpenedRecord) {
  const { content, ...plain } = record;
  const opened = content as HealthContent & { firstSickDay?: string | null };
  return { ...plain, ...EMPTY, ...opened, firstSickDay: opened.firstSickDay ? new Date(opened.firstSickDay) : null };
}

/** The record with its content opened (with the client's health key; the process key cannot). */
export async function openHealthRecord(record: object) {
  return spread(await sealedHealthRecord.open(record));
}

export async function openHealthRecords(records: readonly object[]) {
  return (await sealedHealthRecord.openAll(records)).map(spread);
}
