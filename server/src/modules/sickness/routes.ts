import type { Response } from 'express';
import { ClientParams } from '@spoorboek/shared/schemas/clients';
import {
  AgreementBody, CorrectFirstSickDayBody, CreateAdviceBody, CreateFormBody, CreateSicknessCaseBody, DisputeFormBody,
  ExtensionBody, PoortwachterDocumentList, PoortwachterDocumentParams, PoortwachterDocumentView, RecoveryBody,
  SicknessCaseList, SicknessCaseParams, SicknessCaseView, StepDoneBody, StepParams, UpdateDocumentBody,
} from '@spoorboek/shared/schemas/poortwachter';
import { TodayView } from '@spoorboek/shared/schemas/poortwachterToday';
import { actorOf } from '../../auth/actor';
import { route, type RouteGroup } from '../../http/route';
import { present, type RequestActor } from '../../policy/enforce';
import { healthWall } from '../health/service';
import * as documents from './documents';
import { medicalPartPdf, rivPdf } from './riv';
import * as cases from './service';
import { morningView } from './today';

const base = '/clients/:clientId/sickness-cases';
const one = `${base}/:caseId`;
const docs = `${one}/documents`;

const presentCase = (actor: RequestActor, view: Awaited<ReturnType<typeof cases.get>>) =>
  ({ ...present(actor, 'SicknessCase', view), timeline: view.timeline });

const sendPdf = (res: Response, filename: string, content: Buffer) => {
  res.attachment(filename).type('application/pdf').setHeader('Content-Security-Policy', "default-src 'none'; sandbox");
  res.send(content);
};

export const sicknessRoutes: RouteGroup = {
  tag: 'Verzuim en Poortwachter',
  // The medical part of the re-integratieverslag sits behind the same wall as the rest of the health dossier.
  wall: { path: '/clients/:clientId/health', middleware: healthWall },
  routes: [
    route({
      method: 'get', path: '/poortwachter/today', summary: 'Vandaag: de Poortwachter-stappen die u aangaan, per werknemer',
      response: TodayView,
      handler: async (req, res) => {
        res.json(await morningView(actorOf(req)));
      },
    }),
    route({
      method: 'get', path: base, summary: 'Ziekmeldingen van een cliënt met hun Poortwachter-tijdlijn', params: ClientParams,
      response: SicknessCaseList,
      handler: async (req, res) => {
        const actor = actorOf(req);
        res.json({ items: (await cases.list(actor, req.params.clientId)).map((view) => presentCase(actor, view)) });
      },
    }),
    route({
      method: 'post', path: base, summary: 'Ziekmelding: de eerste ziektedag vastleggen', params: ClientParams,
      body: CreateSicknessCaseBody, response: SicknessCaseView, status: 201, errors: [409],
      handler: async (req, res) => {
        const actor = actorOf(req);
        res.status(201).json(presentCase(actor, await cases.create(actor, req.params.clientId, req.body)));
      },
    }),
    route({
      method: 'get', path: one, summary: 'Eén ziekmelding met tijdlijn', params: SicknessCaseParams, response: SicknessCaseView,
      handler: async (req, res) => {
        const actor = actorOf(req);
        res.json(presentCase(actor, await cases.get(actor, req.params)));
      },
    }),
    route({
      method: 'post', path: `${one}/first-sick-day`, summary: 'Eerste ziektedag corrigeren (met reden; de tijdlijn rekent opnieuw)',
      params: SicknessCaseParams, body: CorrectFirstSickDayBody, response: SicknessCaseView, errors: [409],
      handler: async (req, res) => {
        const actor = actorOf(req);
        res.json(presentCase(actor, await cases.correctFirstSickDay(actor, req.params, req.body)));
      },
    }),
    route({
      method: 'post', path: `${one}/recovery`, summary: 'Gedeeltelijk of volledig herstel vastleggen', params: SicknessCaseParams,
      body: RecoveryBody, response: SicknessCaseView, errors: [409],
      handler: async (req, res) => {
        const actor = actorOf(req);
        res.json(presentCase(actor, await cases.recordRecovery(actor, req.params, req.body)));
      },
    }),
    route({
      method: 'post', path: `${one}/extensions`, summary: 'Loonsanctie of uitstel vastleggen (met reden)', params: SicknessCaseParams,
      body: ExtensionBody, response: SicknessCaseView, status: 201, errors: [409],
      handler: async (req, res) => {
        const actor = actorOf(req);
        res.status(201).json(presentCase(actor, await cases.addExtension(actor, req.params, req.body)));
      },
    }),
    route({
      method: 'put', path: `${one}/steps/:step`, summary: 'Stap buiten Spoorboek gedaan (ziekmelding UWV, brief UWV, WIA-aanvraag)',
      params: StepParams, body: StepDoneBody, response: SicknessCaseView,
      handler: async (req, res) => {
        const actor = actorOf(req);
        const { step, ...params } = req.params;
        res.json(presentCase(actor, await cases.markStepDone(actor, params, step, req.body.doneOn)));
      },
    }),
    route({
      method: 'get', path: `${one}/riv.pdf`, summary: 'Re-integratieverslag voor de werkgever (PDF, zonder medische gegevens)',
      params: SicknessCaseParams, response: { binary: true }, errors: [422],
      handler: async (req, res) => {
        sendPdf(res, 're-integratieverslag.pdf', await rivPdf(actorOf(req), req.params));
      },
    }),
    route({
      method: 'get', path: '/clients/:clientId/health/sickness-cases/:caseId/medical-part.pdf',
      summary: 'Medisch deel bij het re-integratieverslag (alleen de bedrijfsarts)', params: SicknessCaseParams,
      response: { binary: true },
      handler: async (req, res) => {
        sendPdf(res, 'medisch-deel.pdf', await medicalPartPdf(actorOf(req), req.params));
      },
    }),
    route({
      method: 'get', path: docs, summary: 'Probleemanalyse, plan van aanpak en evaluaties bij een ziekmelding', params: SicknessCaseParams,
      response: PoortwachterDocumentList,
      handler: async (req, res) => {
        const actor = actorOf(req);
        res.json({ items: (await documents.list(actor, req.params)).map((document) => present(actor, 'PoortwachterDocument', document)) });
      },
    }),
    route({
      method: 'post', path: `${docs}/advice`, summary: 'Advies bij de probleemanalyse in werktermen (bedrijfsarts)',
      params: SicknessCaseParams, body: CreateAdviceBody, response: PoortwachterDocumentView, status: 201, errors: [422],
      handler: async (req, res) => {
        const actor = actorOf(req);
        res.status(201).json(present(actor, 'PoortwachterDocument', await documents.createAdvice(actor, req.params, req.body)));
      },
    }),
    route({
      method: 'post', path: `${docs}/forms`, summary: 'Plan van aanpak, evaluatie of eerstejaarsevaluatie opstellen',
      params: SicknessCaseParams, body: CreateFormBody, response: PoortwachterDocumentView, status: 201, errors: [422],
      handler: async (req, res) => {
        const actor = actorOf(req);
        res.status(201).json(present(actor, 'PoortwachterDocument', await documents.createForm(actor, req.params, req.body)));
      },
    }),
    route({
      method: 'get', path: `${docs}/:documentId`, summary: 'Eén document met alle versies', params: PoortwachterDocumentParams,
      response: PoortwachterDocumentView,
      handler: async (req, res) => {
        const actor = actorOf(req);
        res.json(present(actor, 'PoortwachterDocument', await documents.get(actor, req.params)));
      },
    }),
    route({
      method: 'patch', path: `${docs}/:documentId`, summary: 'Nieuwe versie van een concept of betwist document',
      params: PoortwachterDocumentParams, body: UpdateDocumentBody, response: PoortwachterDocumentView,
      errors: [409, 422],
      handler: async (req, res) => {
        const actor = actorOf(req);
        res.json(present(actor, 'PoortwachterDocument', await documents.update(actor, req.params, req.body.content)));
      },
    }),
    route({
      method: 'post', path: `${docs}/:documentId/release`, summary: 'Advies vrijgeven aan werkgever en werknemer (bedrijfsarts)',
      params: PoortwachterDocumentParams, response: PoortwachterDocumentView, errors: [409, 422],
      handler: async (req, res) => {
        const actor = actorOf(req);
        res.json(present(actor, 'PoortwachterDocument', await documents.release(actor, req.params)));
      },
    }),
    route({
      method: 'post', path: `${docs}/:documentId/send`, summary: 'Ter akkoord voorleggen aan werkgever en werknemer',
      params: PoortwachterDocumentParams, response: PoortwachterDocumentView, errors: [409, 422],
      handler: async (req, res) => {
        const actor = actorOf(req);
        res.json(present(actor, 'PoortwachterDocument', await documents.send(actor, req.params)));
      },
    }),
    route({
      method: 'post', path: `${docs}/:documentId/approve`, summary: 'Akkoord van werkgever of werknemer',
      params: PoortwachterDocumentParams, body: AgreementBody, response: PoortwachterDocumentView, errors: [409],
      handler: async (req, res) => {
        const actor = actorOf(req);
        res.json(present(actor, 'PoortwachterDocument', await documents.approve(actor, req.params, req.body.comment)));
      },
    }),
    route({
      method: 'post', path: `${docs}/:documentId/dispute`, summary: 'Werknemer niet akkoord (met toelichting)',
      params: PoortwachterDocumentParams, body: DisputeFormBody, response: PoortwachterDocumentView, errors: [409],
      handler: async (req, res) => {
        const actor = actorOf(req);
        res.json(present(actor, 'PoortwachterDocument', await documents.dispute(actor, req.params, req.body.comment)));
      },
    }),
  ],
};
