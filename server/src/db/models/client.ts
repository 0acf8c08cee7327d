import mongoose, { Schema, type InferSchemaType } from 'mongoose';
import { TRAJECTORY_KINDS, TRAJECTORY_OUTCOMES, TRAJECTORY_STATUSES } from '../../../../shared/src/domain';

const trajectorySchema = new Schema(
  {
    kind: { type: String, enum: TRAJECTORY_KINDS, required: true },
    status: { type: String, enum: TRAJECTORY_STATUSES, required: true, default: 'intake' },
    startDate: { type: Date, required: true },
    endDate: { type: Date, default: null },
    outcome: { type: String, enum: [...TRAJECTORY_OUTCOMES, null], default: null },
  },
  { _id: false },
);

/**
 * The client (cliënt) and the head of their process dossier: personalia, employer, who is assigned, and the
 * trajectory. The BSN is kept only where a legal need is recorded (seed 003), as ciphertext, with a masked form
 * for those who may know that one exists but not what it is.
 */
const clientSchema = new Schema(
  {
    firstName: { type: String, required: true, trim: true, maxlength: 100 },
    lastName: { type: String, required: true, trim: true, maxlength: 100 },
    dateOfBirth: { type: Date, default: null },
    email: { type: String, trim: true, lowercase: true, maxlength: 254, default: null },
    phone: { type: String, trim: true, maxlength: 40, default: null },
    address: { type: String, trim: true, maxlength: 300, default: null },
    employerId: { type: Schema.Types.ObjectId, ref: 'Organisation', default: null },
    coachId: { type: Schema.Types.ObjectId, ref: 'User', default: null },
    companyDoctorId: { type: Schema.Types.ObjectId, ref: 'User', default: null },
    labourExpertId: { type: Schema.Types.ObjectId, ref: 'User', default: null },
    trajectory: { type: trajectorySchema, required: true },
    bsn: { type: String, default: null },
    bsnMasked: { type: String, default: null },
  },
  { timestamps: true },
);
clientSchema.index({ coachId: 1 });
clientSchema.index({ companyDoctorId: 1 });
clientSchema.index({ labourExpertId: 1 });
clientSchema.index({ employerId: 1 });

export type ClientData = InferSchemaType<typeof clientSchema>;
export const Client = mongoose.model('Client', clientSchema);
