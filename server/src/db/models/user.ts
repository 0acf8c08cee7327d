import mongoose, { Schema, type InferSchemaType } from 'mongoose';
import { ROLES } from '@spoorboek/shared/domain';

/**
 * An account. Secrets (password hash, TOTP secret, recovery codes) stay out of every response by the presenter,
 * not by `select: false`, which FerretDB's findAndModify cannot handle (docs/design.md §6).
 */
const userSchema = new Schema(
  {
    email: { type: String, required: true, lowercase: true, trim: true, maxlength: 254 },
    name: { type: String, required: true, trim: true, maxlength: 200 },
    roles: { type: [{ type: String, enum: ROLES }], default: [] },
    organisationId: { type: Schema.Types.ObjectId, ref: 'Organisation', default: null },
    /** For a client user: the client record that is theirs. */
    clientId: { type: Schema.Types.ObjectId, ref: 'Client', default: null },
    disabled: { type: Boolean, default: false },
    passwordHash: { type: String, default: null },
    mfaEnabled: { type: Boolean, default: false },
    totpSecret: { type: String, default: null },
    /** Hashes (SHA-256) of the unused one-time recovery codes. */
    recoveryCodes: { type: [String], default: [] },
    /** The last TOTP time step accepted: a code is never accepted twice. */
    lastTotpStep: { type: Number, default: null },
    /** Raised whenever sessions must end: disabled, roles changed, password changed, two-factor reset. */
    authVersion: { type: Number, default: 0 },
  },
  { timestamps: true },
);
userSchema.index({ email: 1 }, { unique: true });
userSchema.index({ organisationId: 1 });

export type UserData = InferSchemaType<typeof userSchema>;
export const User = mongoose.model('User', userSchema);
