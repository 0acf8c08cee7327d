/** The documenten endpoints (documents). */
import { BINARY, contract } from '../contract';
import { ClientParams } from '../schemas/clients';
import { DocumentList, DocumentParams, DocumentView, UploadDocumentBody } from '../schemas/documents';

const base = '/clients/:clientId/documents';

export const documents = contract('Documenten', {
  list: {
    method: 'get',
    path: base,
    summary: 'Documenten in het procesdossier',
    params: ClientParams,
    response: DocumentList,
  },
  upload: {
    method: 'post',
    path: base,
    summary: 'Document uploaden (PDF, PNG, JPEG of DOCX, hoogstens 10 MB)',
    params: ClientParams,
    body: UploadDocumentBody,
    upload: { field: 'file' },
    response: DocumentView,
    status: 201,
    errors: [413, 415],
  },
  download: {
    method: 'get',
    path: `${base}/:documentId/content`,
    summary: 'Document downloaden (als bijlage)',
    params: DocumentParams,
    response: BINARY,
  },
  remove: {
    method: 'delete',
    path: `${base}/:documentId`,
    summary: 'Eigen upload verwijderen',
    params: DocumentParams,
    response: null,
  },
});
