import { processingRegister, processingRegisterCsv } from '@spoorboek/shared/retention/processing';
import { RETENTION_RULES } from '@spoorboek/shared/retention/rules';
import {
  LegalHoldBody, LegalHoldParams, LegalHoldView, PrivacyNoticeView, ProcessingRegisterView, RegisterQuery, RetentionReport,
  RetentionRulesView, RetentionRunBody,
} from '@spoorboek/shared/schemas/retention';
import { actorOf } from '../../auth/actor';
import type { Config } from '../../config';
import { route, type RouteGroup } from '../../http/route';
import { requireSomeRight } from '../../policy/enforce';
import * as hold from './hold';
import * as retention from './service';

const ruleView = ({ category, label, termText, from, basis, enforcedBy }: (typeof RETENTION_RULES)[number]) =>
  ({ category, label, termText, from, basis, enforcedBy });

export function retentionRoutes(config: Config): RouteGroup {
  return {
    tag: 'Bewaartermijnen en privacyverklaring',
    routes: [
      route({
        method: 'get', path: '/privacy-notice', public: true, summary: 'De privacyverklaring (AVG art. 13/14), voor iedereen',
        description: 'Gegenereerd uit het autorisatiebeleid en de tabel met bewaartermijnen.',
        response: PrivacyNoticeView,
        handler: (_req, res) => {
          res.json({ contact: config.privacyContact, register: processingRegister(), retention: RETENTION_RULES.map(ruleView) });
        },
      }),
      route({
        method: 'get', path: '/privacy/retention/rules', summary: 'De bewaartermijnen per categorie (privacy officer)', response: RetentionRulesView,
        handler: async (req, res) => {
          await requireSomeRight(actorOf(req), 'read', 'Retention');
          res.json({ items: RETENTION_RULES.map(ruleView) });
        },
      }),
      route({
        method: 'get', path: '/privacy/register', summary: 'Het verwerkingsregister (AVG art. 30) exporteren, als JSON of CSV',
        query: RegisterQuery, response: ProcessingRegisterView,
        handler: async (req, res) => {
          await requireSomeRight(actorOf(req), 'read', 'Retention');
          if (req.query.format === 'csv') {
            res.type('text/csv; charset=utf-8').attachment('verwerkingsregister.csv').send(`\uFEFF${processingRegisterCsv()}`);
            return;
          }
          res.json({ generatedAt: new Date().toISOString(), items: processingRegister() });
        },
      }),
      route({
        method: 'get', path: '/privacy/retention', summary: 'Proefdraaien: wat de bewaartermijnrun nu zou wissen, en waarom',
        response: RetentionReport,
        handler: async (req, res) => {
          res.json(await retention.preview(actorOf(req)));
        },
      }),
      route({
        method: 'post', path: '/privacy/retention/run', summary: 'De bewaartermijnrun nu uitvoeren (definitief wissen van verlopen dossiers)',
        body: RetentionRunBody, response: RetentionReport,
        handler: async (req, res) => {
          res.json(await retention.execute(actorOf(req)));
        },
      }),
      route({
        method: 'put', path: '/privacy/clients/:clientId/legal-hold', summary: 'Een bewaarplicht (legal hold) instellen of verlengen',
        params: LegalHoldParams, body: LegalHoldBody, response: LegalHoldView, errors: [409],
        handler: async (req, res) => {
          res.json(await hold.place(actorOf(req), req.params.clientId, req.body));
        },
      }),
      route({
        method: 'delete', path: '/privacy/clients/:clientId/legal-hold', summary: 'Een bewaarplicht opheffen',
        params: LegalHoldParams, response: LegalHoldView, errors: [409],
        handler: async (req, res) => {
          res.json(await hold.lift(actorOf(req), req.params.clientId));
        },
      }),
    ],
  };
}
