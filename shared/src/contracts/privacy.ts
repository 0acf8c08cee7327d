/** The privacy endpoints (privacy). */
import { contract } from '../contract';
import { AccessLogQuery, AccessLogView, AuditLogPage, AuditLogQuery, AuditVerifyView } from '../schemas/accessLog';
import { ClientParams } from '../schemas/clients';

export const privacy = contract('Privacy', {
  accessLog: {
    method: 'get',
    path: '/clients/:clientId/access-log',
    summary: 'Wie heeft mijn dossier ingezien (cliënt en privacy officer)',
    params: ClientParams,
    query: AccessLogQuery,
    response: AccessLogView,
  },
  audit: {
    method: 'get',
    path: '/audit',
    summary: 'Audittrail doorzoeken (privacy officer), nieuwste eerst',
    query: AuditLogQuery,
    response: AuditLogPage,
  },
  verifyAudit: {
    method: 'get',
    path: '/audit/verify',
    summary: 'De hashketen van de audittrail controleren',
    response: AuditVerifyView,
  },
});
