import { DOCUMENT_CATEGORIES } from '../domain';
import { id, objectId, timestamp } from './common';
import { z } from './zod';

export const DocumentParams = z.object({ clientId: objectId, documentId: objectId }).strict();
export const UploadDocumentBody = z.object({ category: z.enum(DOCUMENT_CATEGORIES) }).strict();
export const DocumentView = z.object({
  _id: id, clientId: id, uploadedBy: id, category: z.enum(DOCUMENT_CATEGORIES), filename: z.string(),
  contentType: z.string(), size: z.number(), createdAt: timestamp,
});
export const DocumentList = z.object({ items: z.array(DocumentView) });

export type DocumentParams = z.infer<typeof DocumentParams>;
