import mongoose, { Schema, type InferSchemaType } from 'mongoose';
import { TRAJECTORY_KINDS } from '@spoorboek/shared/domain';

/**
 * What remains of an erased client (AVG art. 17, and art. 5(2): the bureau shows it honoured the request): the id,
 * the date, the legal basis and the request — and for the relation register (Privacyreglement Re-integratieonderwijs.nl art. 6.4) the employer, the kind
 * of service and the year, no name. The unique index on clientId makes an erasure happen once.
 */
const tombstoneSchema = new Schema(
  {
    clientId: { type: Schema.Types.ObjectId, required: true },
    erasedAt: { type: Date, required: true },
    legalBasis: { type: String, required: true },
    requestId: { type: Schema.Types.ObjectId, ref: 'DataSubjectRequest', default: null },
    /** Who erased; null for the scheduled retention run. */
    erasedBy: { type: Schema.Types.ObjectId, ref: 'User', default: null },
    employerId: { type: Schema.Types.ObjectId, ref: 'Organisation', default: null },
    trajectoryKind: { type: String, enum: TRAJECTORY_KINDS, required: true },
    year: { type: Number, required: true },
    /** Set when every step has run; an erasure cut off halfway is finished by running it again. */
    completedAt: { type: Date, default: null },
  },
  { timestamps: false },
);
tombstoneSchema.index({ clientId: 1 }, { unique: true });
export type TombstoneData = InferSchemaType<typeof tombstoneSchema>;
export const Tombstone = mongoose.model('Tombstone', tombstoneSchema);

/**
 * Anonymous figures kept for management information after an erasure or retention expiry (Privacyverklaring Ros Loopbaan: quality and
 * management work from anonymous data): no client id, no dates finer than the year. Shown only for groups of 5+.
 */
const managementFigureSchema = new Schema(
  {
    trajectoryKind: { type: String, enum: TRAJECTORY_KINDS, required: true },
    year: { type: Number, required: true },
    /** The year the trajectory ended (the management figures count ended trajectories by that year); null if open. */
    endYear: { type: Number, default: null },
    durationDays: { type: Number, required: true },
    status: { type: String, required: true },
    /** How it ended (werkhervatting eigen werk, …); null while it had not ended. */
    outcome: { type: String, default: null },
    /** Hours of time registration per activity kind (Privacyreglement Re-integratieonderwijs.nl art. 3.4). */
    hoursByActivityKind: { type: Map, of: Number, default: {} },
  },
  { timestamps: false },
);
export const ManagementFigure = mongoose.model('ManagementFigure', managementFigureSchema);
