import { documents as contract } from '@spoorboek/shared/contracts/documents';
import { implement } from '../../http/route';
import { uploadOne } from '../../http/upload';
import * as documents from './service';

export const documentRoutes = implement(contract, {
  list: { presentEach: 'Document', handler: ({ actor, params }) => documents.list(actor, params.clientId) },
  upload: {
    present: 'Document', upload: uploadOne('file'),
    handler: ({ actor, params, body, req }) => documents.upload(actor, params.clientId, body.category, req.file),
  },
  download: async ({ actor, params, res }) => {
    const { filename, contentType, content } = await documents.download(actor, params);
    res.attachment(filename).type(contentType).setHeader('Content-Security-Policy', "default-src 'none'; sandbox");
    res.send(content);
  },
  remove: ({ actor, params }) => documents.remove(actor, params),
});
