import { ClientParams } from '@spoorboek/shared/schemas/clients';
import {
  CapacitiesList, CreateAdReportBody, CreateFmlBody, CreateMedicalNoteBody, HealthDocumentList, HealthDocumentParams,
  HealthDocumentView, HealthDossierView, HealthRecordList, HealthRecordListQuery, HealthRecordParams, HealthRecordView,
  UploadHealthDocumentBody,
} from '@spoorboek/shared/schemas/health';
import { actorOf } from '../../auth/actor';
import { route, type RouteGroup } from '../../http/route';
import { uploadOne } from '../../http/upload';
import { present } from '../../policy/enforce';
import * as health from './service';

const base = '/clients/:clientId/health';

export const healthRoutes: RouteGroup = {
  tag: 'Medisch dossier',
  wall: { path: base, middleware: health.healthWall },
  routes: [
    route({
      method: 'get', path: base, summary: 'Het medisch dossier: onderzoeken en documenten die u mag inzien',
      params: ClientParams, response: HealthDossierView,
      handler: async (req, res) => {
        const actor = actorOf(req);
        const { records, documents } = await health.dossier(actor, req.params.clientId);
        res.json({
          records: records.map((record) => present(actor, 'HealthRecord', record)),
          documents: documents.map((document) => present(actor, 'HealthDocument', document)),
        });
      },
    }),
    route({
      method: 'get', path: `${base}/records`, summary: 'Onderzoeken en aantekeningen, eventueel van één soort',
      params: ClientParams, query: HealthRecordListQuery, response: HealthRecordList,
      handler: async (req, res) => {
        const actor = actorOf(req);
        const records = await health.listRecords(actor, req.params.clientId, req.query.kind);
        res.json({ items: records.map((record) => present(actor, 'HealthRecord', record)) });
      },
    }),
    route({
      method: 'get', path: `${base}/records/:recordId`, summary: 'Eén onderzoek of aantekening', params: HealthRecordParams,
      response: HealthRecordView,
      handler: async (req, res) => {
        const actor = actorOf(req);
        res.json(present(actor, 'HealthRecord', await health.getRecord(actor, req.params)));
      },
    }),
    route({
      method: 'get', path: `${base}/fml-capacities`, summary: 'FML-capaciteiten voor de coach (alleen met toestemming van de cliënt)',
      params: ClientParams, response: CapacitiesList,
      handler: async (req, res) => {
        res.json({ items: await health.capacities(actorOf(req), req.params.clientId) });
      },
    }),
    route({
      method: 'post', path: `${base}/fml`, summary: 'Nieuwe FML of BAR vastleggen (bedrijfsarts)', params: ClientParams,
      body: CreateFmlBody, response: HealthRecordView, status: 201,
      handler: async (req, res) => {
        const actor = actorOf(req);
        res.status(201).json(present(actor, 'HealthRecord', await health.createFml(actor, req.params.clientId, req.body)));
      },
    }),
    route({
      method: 'post', path: `${base}/ad-reports`, summary: 'Arbeidsdeskundig rapport vastleggen (arbeidsdeskundige)',
      params: ClientParams, body: CreateAdReportBody, response: HealthRecordView, status: 201,
      handler: async (req, res) => {
        const actor = actorOf(req);
        res.status(201).json(present(actor, 'HealthRecord', await health.createAdReport(actor, req.params.clientId, req.body)));
      },
    }),
    route({
      method: 'post', path: `${base}/medical-notes`, summary: 'Medische aantekening, met eerste ziektedag (bedrijfsarts)',
      params: ClientParams, body: CreateMedicalNoteBody, response: HealthRecordView, status: 201,
      handler: async (req, res) => {
        const actor = actorOf(req);
        res.status(201).json(present(actor, 'HealthRecord', await health.createMedicalNote(actor, req.params.clientId, req.body)));
      },
    }),
    route({
      method: 'get', path: `${base}/documents`, summary: 'Documenten in het medisch dossier', params: ClientParams,
      response: HealthDocumentList,
      handler: async (req, res) => {
        const actor = actorOf(req);
        const documents = await health.listDocuments(actor, req.params.clientId);
        res.json({ items: documents.map((document) => present(actor, 'HealthDocument', document)) });
      },
    }),
    route({
      method: 'post', path: `${base}/documents`, summary: 'Document uploaden in het medisch dossier (bijv. de PDF van een AD-rapport)',
      params: ClientParams, body: UploadHealthDocumentBody, upload: { middleware: uploadOne('file'), field: 'file' },
      response: HealthDocumentView, status: 201, errors: [413, 415],
      handler: async (req, res) => {
        const actor = actorOf(req);
        const document = await health.uploadDocument(actor, req.params.clientId, req.body, req.file);
        res.status(201).json(present(actor, 'HealthDocument', document));
      },
    }),
    route({
      method: 'get', path: `${base}/documents/:documentId/content`, summary: 'Document uit het medisch dossier downloaden',
      params: HealthDocumentParams, response: { binary: true },
      handler: async (req, res) => {
        const { filename, contentType, content } = await health.downloadDocument(actorOf(req), req.params);
        res.attachment(filename).type(contentType).setHeader('Content-Security-Policy', "default-src 'none'; sandbox");
        res.send(content);
      },
    }),
  ],
};
