import mongoose, { Schema } from 'mongoose';

export const SIGNAL_RULES = ['employer_health_wall', 'repeated_denials'] as const;
export const BREACH_ASSESSMENTS = ['open', 'no_breach', 'breach_no_risk', 'breach_risk', 'breach_high_risk'] as const;

/**
 * A signal raised from the audit stream for the privacy officer (AVG art. 33: a breach is to be reported within 72
 * hours of becoming aware of it, so someone must be told). One per rule, user and day: the unique key makes two
 * scans of the same events raise it once.
 */
const breachSignalSchema = new Schema(
  {
    key: { type: String, required: true },
    rule: { type: String, enum: SIGNAL_RULES, required: true },
    userId: { type: String, default: null },
    /** The client the first event was about, if any (ids only, as in the audit trail). */
    clientId: { type: String, default: null },
    firstSeq: { type: Number, required: true },
    at: { type: Date, required: true },
    count: { type: Number, required: true },
  },
  { timestamps: { createdAt: true, updatedAt: false } },
);
breachSignalSchema.index({ key: 1 }, { unique: true });
breachSignalSchema.index({ at: -1 });
export const BreachSignal = mongoose.model('BreachSignal', breachSignalSchema);

/** How far the watcher has read the audit chain. */
const breachCursorSchema = new Schema({ _id: { type: String, required: true }, seq: { type: Number, required: true } }, { versionKey: false });
export const BreachCursor = mongoose.model('BreachCursor', breachCursorSchema);

/**
 * The breach register (AVG art. 33(5): every breach is documented, reported or not): what happened, the
 * assessment, and whether and when the Autoriteit Persoonsgegevens and the clients were told.
 */
const breachIncidentSchema = new Schema(
  {
    detectedAt: { type: Date, required: true },
    description: { type: String, required: true },
    assessment: { type: String, enum: BREACH_ASSESSMENTS, default: 'open' },
    apNotifiedAt: { type: Date, default: null },
    clientsNotifiedAt: { type: Date, default: null },
    signalIds: { type: [Schema.Types.ObjectId], default: [] },
    recordedBy: { type: Schema.Types.ObjectId, ref: 'User', required: true },
  },
  { timestamps: true },
);
export const BreachIncident = mongoose.model('BreachIncident', breachIncidentSchema);
