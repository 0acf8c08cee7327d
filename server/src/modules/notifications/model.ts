import mongoose, { Schema, type InferSchemaType } from 'mongoose';
import { NOTIFICATION_KINDS } from '@spoorboek/shared/notifications';

/** One line in a user's in-app inbox: the kind, where to look, and whether it was read. No content. */
const notificationSchema = new Schema(
  {
    userId: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    kind: { type: String, enum: NOTIFICATION_KINDS, required: true },
    /** Where in the app it waits (a path under PUBLIC_URL). */
    path: { type: String, required: true, maxlength: 200 },
    readAt: { type: Date, default: null },
  },
  { timestamps: { createdAt: true, updatedAt: false } },
);
notificationSchema.index({ userId: 1, createdAt: -1 });
export type NotificationData = InferSchemaType<typeof notificationSchema>;
export const Notification = mongoose.model('Notification', notificationSchema);

/** A user's choice of which kinds also come by e-mail (default: all). Keyed by the user, so one per user. */
const notificationSettingSchema = new Schema({
  _id: { type: Schema.Types.ObjectId, ref: 'User', required: true },
  mailOff: { type: [{ type: String, enum: NOTIFICATION_KINDS }], default: [] },
});
export const NotificationSetting = mongoose.model('NotificationSetting', notificationSettingSchema);
