import mongoose, { Schema, type InferSchemaType } from 'mongoose';
import { ROLE_GRANT_STATUSES, ROLES } from '@spoorboek/shared/domain';

/**
 * A proposed grant that opens dossier content — a role (coach, company doctor, labour expert, privacy officer)
 * or the link of an account to a client — waiting for a second person (NEN 7510, separation of duties). The user
 * gets it only when someone other than the proposer and the user confirms it.
 */
const roleGrantSchema = new Schema(
  {
    userId: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    kind: { type: String, enum: ['role', 'client_link'], required: true },
    role: { type: String, enum: [...ROLES, null], default: null },
    clientId: { type: Schema.Types.ObjectId, ref: 'Client', default: null },
    status: { type: String, enum: ROLE_GRANT_STATUSES, default: 'pending' },
    proposedBy: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    proposedAt: { type: Date, default: () => new Date() },
    decidedBy: { type: Schema.Types.ObjectId, ref: 'User', default: null },
    decidedAt: { type: Date, default: null },
  },
  { timestamps: true },
);
roleGrantSchema.index({ userId: 1, status: 1 });

export type RoleGrantData = InferSchemaType<typeof roleGrantSchema>;
export const RoleGrant = mongoose.model('RoleGrant', roleGrantSchema);

/** The decision on a grant, claimed by a single insert: confirmed or rejected exactly once, also on FerretDB. */
const roleGrantDecisionSchema = new Schema({ _id: { type: Schema.Types.ObjectId, required: true }, decidedAt: { type: Date, default: () => new Date() } });
export const RoleGrantDecision = mongoose.model('RoleGrantDecision', roleGrantDecisionSchema);
