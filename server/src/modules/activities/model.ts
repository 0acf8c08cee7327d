import mongoose, { Schema, type InferSchemaType } from 'mongoose';
import { ACTIVITY_KINDS } from '@spoorboek/shared/domain';
import { sealedFields, text } from '../../crypto/sealed';

/** Time registration (tijdsregistratie, Privacyreglement Re-integratieonderwijs.nl art. 3.4): what was done for a client and how long it took. */
const activitySchema = new Schema(
  {
    clientId: { type: Schema.Types.ObjectId, ref: 'Client', required: true },
    authorId: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    date: { type: Date, required: true },
    kind: { type: String, enum: ACTIVITY_KINDS, required: true },
    minutes: { type: Number, required: true, min: 1, max: 1440 },
    note: { type: String, default: null },
  },
  { timestamps: true },
);
activitySchema.index({ clientId: 1, date: -1 });

export type ActivityData = InferSchemaType<typeof activitySchema>;
export const Activity = mongoose.model('Activity', activitySchema);

/** The note can say anything about the client: sealed under the process key. */
export const sealedActivity = sealedFields<ActivityData & { _id: mongoose.Types.ObjectId }>('Activity', 'process', { note: text });
