/** The bewaartermijnen en privacyverklaring endpoints (retention). */
import { contract } from '../contract';
import {
  LegalHoldBody, LegalHoldParams, LegalHoldView, PrivacyNoticeView, ProcessingRegisterView, RegisterQuery, RetentionReport,
  RetentionRulesView, RetentionRunBody,
} from '../schemas/retention';

export const retention = contract('Bewaartermijnen en privacyverklaring', {
  notice: {
    method: 'get',
    path: '/privacy-notice',
    public: true,
    summary: 'De privacyverklaring (AVG art. 13/14), voor iedereen',
    description: 'Gegenereerd uit het autorisatiebeleid en de tabel met bewaartermijnen.',
    response: PrivacyNoticeView,
  },
  rules: {
    method: 'get',
    path: '/privacy/retention/rules',
    summary: 'De bewaartermijnen per categorie (privacy officer)',
    response: RetentionRulesView,
  },
  processingRegister: {
    method: 'get',
    path: '/privacy/register',
    summary: 'Het verwerkingsregister (AVG art. 30) exporteren, als JSON of CSV',
    query: RegisterQuery,
    response: ProcessingRegisterView,
  },
  overview: {
    method: 'get',
    path: '/privacy/retention',
    summary: 'Proefdraaien: wat de bewaartermijnrun nu zou wissen, en waarom',
    response: RetentionReport,
  },
  run: {
    method: 'post',
    path: '/privacy/retention/run',
    summary: 'De bewaartermijnrun nu uitvoeren (definitief wissen van verlopen dossiers)',
    body: RetentionRunBody,
    response: RetentionReport,
  },
  placeLegalHold: {
    method: 'put',
    path: '/privacy/clients/:clientId/legal-hold',
    summary: 'Een bewaarplicht (legal hold) instellen of verlengen',
    params: LegalHoldParams,
    body: LegalHoldBody,
    response: LegalHoldView,
    errors: [409],
  },
  liftLegalHold: {
    method: 'delete',
    path: '/privacy/clients/:clientId/legal-hold',
    summary: 'Een bewaarplicht opheffen',
    params: LegalHoldParams,
    response: LegalHoldView,
    errors: [409],
  },
});
