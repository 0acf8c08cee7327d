import { dataExports as contract } from '@spoorboek/shared/contracts/exports';
import { implement } from '../../http/route';
import type { Logger } from '../../logger';
import * as exports from './service';

const logOf = (req: unknown) => (req as { log?: Logger }).log;

export const exportRoutes = implement(contract, {
  list: { presentEach: 'DataExport', handler: ({ actor, params }) => exports.list(actor, params.clientId) },
  request: { present: 'DataExport', handler: ({ actor, params, req }) => exports.start(actor, params.clientId, logOf(req)) },
  get: { present: 'DataExport', handler: ({ actor, params }) => exports.get(actor, params.clientId, params.exportId) },
  download: async ({ actor, params, res }) => {
    await exports.download(actor, params.clientId, params.exportId, () => {
      res.attachment(`dossier-${new Date().toISOString().slice(0, 10)}.zip`).type('application/zip')
        .setHeader('Content-Security-Policy', "default-src 'none'; sandbox");
      res.setHeader('Cache-Control', 'no-store');
      return res;
    });
  },
  forRequest: { present: 'DataExport', handler: ({ actor, params, req }) => exports.release(actor, params.requestId, logOf(req)) },
});
