import { ClientParams } from '@spoorboek/shared/schemas/clients';
import { DocumentList, DocumentParams, DocumentView, UploadDocumentBody } from '@spoorboek/shared/schemas/documents';
import { actorOf } from '../../auth/actor';
import { route, type RouteGroup } from '../../http/route';
import { uploadOne } from '../../http/upload';
import { present } from '../../policy/enforce';
import * as documents from './service';

const base = '/clients/:clientId/documents';

export const documentRoutes: RouteGroup = {
  tag: 'Documenten',
  routes: [
    route({
      method: 'get', path: base, summary: 'Documenten in het procesdossier', params: ClientParams, response: DocumentList,
      handler: async (req, res) => {
        const actor = actorOf(req);
        const items = await documents.list(actor, req.params.clientId);
        res.json({ items: items.map((document) => present(actor, 'Document', document)) });
      },
    }),
    route({
      method: 'post', path: base, summary: 'Document uploaden (PDF, PNG, JPEG of DOCX, hoogstens 10 MB)',
      params: ClientParams, body: UploadDocumentBody, upload: { middleware: uploadOne('file'), field: 'file' },
      response: DocumentView, status: 201, errors: [413, 415],
      handler: async (req, res) => {
        const actor = actorOf(req);
        const document = await documents.upload(actor, req.params.clientId, req.body.category, req.file);
        res.status(201).json(present(actor, 'Document', document));
      },
    }),
    route({
      method: 'get', path: `${base}/:documentId/content`, summary: 'Document downloaden (als bijlage)',
      params: DocumentParams, response: { binary: true },
      handler: async (req, res) => {
        const { filename, contentType, content } = await documents.download(actorOf(req), req.params);
        res.attachment(filename).type(contentType).setHeader('Content-Security-Policy', "default-src 'none'; sandbox");
        res.send(content);
      },
    }),
    route({
      method: 'delete', path: `${base}/:documentId`, summary: 'Eigen upload verwijderen', params: DocumentParams, response: null,
      handler: async (req, res) => {
        await documents.remove(actorOf(req), req.params);
        res.status(204).end();
      },
    }),
  ],
};
