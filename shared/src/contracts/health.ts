/** The medisch dossier endpoints (health). */
import { BINARY, contract } from '../contract';
import { ClientParams } from '../schemas/clients';
import {
  CapacitiesList, CreateAdReportBody, CreateFmlBody, CreateMedicalNoteBody, HealthAddendumBody, HealthDocumentList,
  HealthDocumentParams, HealthDocumentView, HealthDossierView, HealthRecordList, HealthRecordListQuery, HealthRecordParams,
  HealthRecordView, UploadHealthDocumentBody,
} from '../schemas/health';

const base = '/clients/:clientId/health';

export const health = contract('Medisch dossier', {
  overview: {
    method: 'get',
    path: base,
    summary: 'Het medisch dossier: onderzoeken en documenten die u mag inzien',
    params: ClientParams,
    response: HealthDossierView,
  },
  listRecords: {
    method: 'get',
    path: `${base}/records`,
    summary: 'Onderzoeken en aantekeningen, eventueel van één soort',
    params: ClientParams,
    query: HealthRecordListQuery,
    response: HealthRecordList,
  },
  getRecord: {
    method: 'get',
    path: `${base}/records/:recordId`,
    summary: 'Eén onderzoek of aantekening',
    params: HealthRecordParams,
    response: HealthRecordView,
  },
  addAddendum: {
    method: 'post',
    path: `${base}/records/:recordId/addenda`,
    summary: 'Aanvulling op een eigen onderzoek of aantekening (de tekst zelf blijft ongewijzigd)',
    params: HealthRecordParams,
    body: HealthAddendumBody,
    response: HealthRecordView,
    status: 201,
  },
  fmlCapacities: {
    method: 'get',
    path: `${base}/fml-capacities`,
    summary: 'FML-capaciteiten voor de coach (alleen met toestemming van de cliënt)',
    params: ClientParams,
    response: CapacitiesList,
  },
  createFml: {
    method: 'post',
    path: `${base}/fml`,
    summary: 'Nieuwe FML of BAR vastleggen (bedrijfsarts)',
    params: ClientParams,
    body: CreateFmlBody,
    response: HealthRecordView,
    status: 201,
  },
  createAdReport: {
    method: 'post',
    path: `${base}/ad-reports`,
    summary: 'Arbeidsdeskundig rapport vastleggen (arbeidsdeskundige)',
    params: ClientParams,
    body: CreateAdReportBody,
    response: HealthRecordView,
    status: 201,
  },
  createMedicalNote: {
    method: 'post',
    path: `${base}/medical-notes`,
    summary: 'Medische aantekening, met eerste ziektedag (bedrijfsarts)',
    params: ClientParams,
    body: CreateMedicalNoteBody,
    response: HealthRecordView,
    status: 201,
  },
  listDocuments: {
    method: 'get',
    path: `${base}/documents`,
    summary: 'Documenten in het medisch dossier',
    params: ClientParams,
    response: HealthDocumentList,
  },
  uploadDocument: {
    method: 'post',
    path: `${base}/documents`,
    summary: 'Document uploaden in het medisch dossier (bijv. de PDF van een AD-rapport)',
    params: ClientParams,
    body: UploadHealthDocumentBody,
    upload: { field: 'file' },
    response: HealthDocumentView,
    status: 201,
    errors: [413, 415],
  },
  downloadDocument: {
    method: 'get',
    path: `${base}/documents/:documentId/content`,
    summary: 'Document uit het medisch dossier downloaden',
    params: HealthDocumentParams,
    response: BINARY,
  },
});
