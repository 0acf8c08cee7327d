import mongoose, { Schema, type InferSchemaType } from 'mongoose';
import { ORGANISATION_KINDS } from '@spoorboek/shared/domain';

/** The bureau itself, an employer (opdrachtgever), or an occupational health service (arbodienst). */
const organisationSchema = new Schema(
  {
    name: { type: String, required: true, trim: true, maxlength: 200 },
    kind: { type: String, enum: ORGANISATION_KINDS, required: true },
  },
  { timestamps: true },
);

export type OrganisationData = InferSchemaType<typeof organisationSchema>;
export const Organisation = mongoose.model('Organisation', organisationSchema);
