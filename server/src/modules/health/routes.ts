import type { AnswerOf } from '@spoorboek/shared/contract';
import { health as contract } from '@spoorboek/shared/contracts/health';
import { implement } from '../../http/route';
import { uploadOne } from '../../http/upload';
import { present } from '../../policy/enforce';
import * as health from './service';

/** Every request under /clients/:clientId/health meets the wall first: refused before validation or any query. */
export const healthRoutes = implement(contract, {
  // Two kinds of documents in one answer, each presented as its own subject (checked against the contract in tests).
  overview: async ({ actor, params }) => {
    const { records, documents } = await health.dossier(actor, params.clientId);
    return {
      records: records.map((record) => present(actor, 'HealthRecord', record)),
      documents: documents.map((document) => present(actor, 'HealthDocument', document)),
    } as AnswerOf<typeof contract.overview>;
  },
  listRecords: { presentEach: 'HealthRecord', handler: ({ actor, params, query }) => health.listRecords(actor, params.clientId, query.kind) },
  getRecord: { present: 'HealthRecord', handler: ({ actor, params }) => health.getRecord(actor, params) },
  addAddendum: { present: 'HealthRecord', handler: ({ actor, params, body }) => health.addAddendum(actor, params, body.text) },
  fmlCapacities: { presentEach: 'HealthRecord', handler: ({ actor, params }) => health.capacities(actor, params.clientId) },
  createFml: { present: 'HealthRecord', handler: ({ actor, params, body }) => health.createFml(actor, params.clientId, body) },
  createAdReport: { present: 'HealthRecord', handler: ({ actor, params, body }) => health.createAdReport(actor, params.clientId, body) },
  createMedicalNote: { present: 'HealthRecord', handler: ({ actor, params, body }) => health.createMedicalNote(actor, params.clientId, body) },
  listDocuments: { presentEach: 'HealthDocument', handler: ({ actor, params }) => health.listDocuments(actor, params.clientId) },
  uploadDocument: {
    present: 'HealthDocument', upload: uploadOne('file'),
    handler: ({ actor, params, body, req }) => health.uploadDocument(actor, params.clientId, body, req.file),
  },
  downloadDocument: async ({ actor, params, res }) => {
    const { filename, contentType, content } = await health.downloadDocument(actor, params);
    res.attachment(filename).type(contentType).setHeader('Content-Security-Policy', "default-src 'none'; sandbox");
    res.send(content);
  },
}, { wall: { path: '/clients/:clientId/health', middleware: health.healthWall } });
