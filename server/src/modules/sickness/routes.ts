import type { Response } from 'express';
import type { AnswerOf } from '@spoorboek/shared/contract';
import { sickness as contract } from '@spoorboek/shared/contracts/sickness';
import { implement } from '../../http/route';
import { present, type RequestActor } from '../../policy/enforce';
import { healthWall } from '../health/service';
import * as documents from './documents';
import { medicalPartPdf, rivPdf } from './riv';
import * as cases from './service';
import { morningView } from './today';

/**
 * A case as the actor may read it, with its timeline beside it: the timeline is computed on every read, not a
 * stored field, so the presenter (which keeps only the policy's fields) would drop it. The presented fields are
 * the contract's (every reader of a case reads all of it); tests check each answer against it.
 */
const presentCase = (actor: RequestActor, view: Awaited<ReturnType<typeof cases.get>>) =>
  ({ ...present(actor, 'SicknessCase', view), timeline: view.timeline }) as AnswerOf<typeof contract.get>;

const sendPdf = (res: Response, filename: string, content: Buffer) => {
  res.attachment(filename).type('application/pdf').setHeader('Content-Security-Policy', "default-src 'none'; sandbox");
  res.send(content);
};

export const sicknessRoutes = implement(contract, {
  today: ({ actor }) => morningView(actor),
  list: async ({ actor, params }) => ({ items: (await cases.list(actor, params.clientId)).map((view) => presentCase(actor, view)) }),
  report: async ({ actor, params, body }) => presentCase(actor, await cases.create(actor, params.clientId, body)),
  get: async ({ actor, params }) => presentCase(actor, await cases.get(actor, params)),
  firstSickDay: async ({ actor, params, body }) => presentCase(actor, await cases.correctFirstSickDay(actor, params, body)),
  recovery: async ({ actor, params, body }) => presentCase(actor, await cases.recordRecovery(actor, params, body)),
  extend: async ({ actor, params, body }) => presentCase(actor, await cases.addExtension(actor, params, body)),
  completeStep: async ({ actor, params: { step, ...params }, body }) => presentCase(actor, await cases.markStepDone(actor, params, step, body.doneOn)),
  rivPdf: async ({ actor, params, res }) => sendPdf(res, 're-integratieverslag.pdf', await rivPdf(actor, params)),
  medicalPartPdf: async ({ actor, params, res }) => sendPdf(res, 'medisch-deel.pdf', await medicalPartPdf(actor, params)),
  listDocuments: { presentEach: 'PoortwachterDocument', handler: ({ actor, params }) => documents.list(actor, params) },
  adviseDocument: { present: 'PoortwachterDocument', handler: ({ actor, params, body }) => documents.createAdvice(actor, params, body) },
  formDocument: { present: 'PoortwachterDocument', handler: ({ actor, params, body }) => documents.createForm(actor, params, body) },
  getDocument: { present: 'PoortwachterDocument', handler: ({ actor, params }) => documents.get(actor, params) },
  updateDocument: { present: 'PoortwachterDocument', handler: ({ actor, params, body }) => documents.update(actor, params, body.content) },
  releaseDocument: { present: 'PoortwachterDocument', handler: ({ actor, params }) => documents.release(actor, params) },
  sendDocument: { present: 'PoortwachterDocument', handler: ({ actor, params }) => documents.send(actor, params) },
  approveDocument: { present: 'PoortwachterDocument', handler: ({ actor, params, body }) => documents.approve(actor, params, body.comment) },
  disputeDocument: { present: 'PoortwachterDocument', handler: ({ actor, params, body }) => documents.dispute(actor, params, body.comment) },
}, {
  // The medical part of the re-integratieverslag sits behind the same wall as the rest of the health dossier.
  wall: { path: '/clients/:clientId/health', middleware: healthWall },
});
