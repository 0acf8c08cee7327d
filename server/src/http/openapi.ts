/**
 * The OpenAPI 3.1 description of the API, assembled from the route declarations (route.ts) and their shared zod
 * schemas. Served at GET /api/v1/openapi.json; a test validates it and checks it lists every Express route.
 */
import { z } from 'zod';
import type { Endpoint } from '@spoorboek/shared/contract';
import type { RouteGroup } from './route';

type JsonSchema = Record<string, unknown>;

const ERROR_TEXT: Record<number, string> = {
  400: 'Ongeldige invoer; `errors` noemt elk veld.',
  401: 'Niet ingelogd of sessie verlopen.',
  403: 'Geen toegang (ook: CSRF-token ontbreekt, tweestapsverificatie nog niet voltooid).',
  404: 'Bestaat niet.',
  409: 'Niet toegestaan in de huidige status van de workflow.',
  413: 'Te groot.',
  415: 'Bestandstype niet toegestaan.',
  422: 'Inhoudelijk niet verzendbaar (bijv. medische termen in een rapportage).',
  429: 'Te veel pogingen.',
  503: 'Database niet bereikbaar.',
};

const PROBLEM_SCHEMA: JsonSchema = {
  type: 'object',
  description: 'RFC 9457 problem details; `detail` is Dutch and meant for the user.',
  required: ['type', 'title', 'status', 'detail'],
  properties: {
    type: { type: 'string', format: 'uri' },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string' },
    errors: {
      type: 'array',
      items: { type: 'object', required: ['field', 'message'], properties: { field: { type: 'string' }, label: { type: 'string' }, message: { type: 'string' } } },
    },
    flags: { type: 'array', items: { type: 'object' }, description: 'Medical-wording flags (422 on a report).' },
  },
};

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema;
  return rest;
}

/** `/clients/:clientId` → `/clients/{clientId}` */
export function openApiPath(expressPath: string): string {
  return expressPath.replace(/:(\w+)/g, '{$1}');
}

function parameters(spec: Endpoint) {
  const list: JsonSchema[] = [];
  for (const [location, schema] of [['path', spec.params], ['query', spec.query]] as const) {
    if (!schema) continue;
    const object = jsonSchema(schema, 'input') as { properties?: Record<string, JsonSchema>; required?: string[] };
    for (const [name, property] of Object.entries(object.properties ?? {})) {
      list.push({ name, in: location, required: location === 'path' || (object.required ?? []).includes(name), schema: property });
    }
  }
  return list;
}

function requestBody(spec: Endpoint) {
  if (spec.upload) {
    const fields = spec.body ? (jsonSchema(spec.body, 'input') as { properties?: object; required?: string[] }) : {};
    return {
      required: true,
      content: {
        'multipart/form-data': {
          schema: {
            type: 'object',
            required: [spec.upload.field, ...(fields.required ?? [])],
            properties: { [spec.upload.field]: { type: 'string', contentMediaType: 'application/octet-stream' }, ...(fields.properties ?? {}) },
          },
        },
      },
    };
  }
  if (!spec.body) return undefined;
  return { required: true, content: { 'application/json': { schema: jsonSchema(spec.body, 'input') } } };
}

function responses(spec: Endpoint) {
  const status = String(spec.status ?? (spec.response === null ? 204 : 200));
  const success = spec.response === null
    ? { description: 'Gelukt, geen inhoud.' }
    : 'binary' in spec.response
      ? {
        description: 'Het bestand, als bijlage.',
        content: { 'application/octet-stream': { schema: { type: 'string', contentMediaType: 'application/octet-stream' } } },
      }
      : { description: 'Gelukt.', content: { 'application/json': { schema: jsonSchema(spec.response, 'output') } } };
  const errors = new Set<number>(spec.errors ?? []);
  if (spec.params || spec.query || spec.body || spec.upload) errors.add(400);
  if (!spec.public) [401, 403].forEach((code) => errors.add(code));
  if (spec.params && Object.keys(spec.params instanceof z.ZodObject ? spec.params.shape : {}).length > 0) errors.add(404);
  errors.add(503);
  const all: Record<string, unknown> = { [status]: success };
  for (const code of [...errors].sort()) {
    all[String(code)] = {
      description: ERROR_TEXT[code] ?? 'Fout.',
      content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
    };
  }
  return all;
}

export function openApiDocument(groups: RouteGroup[]) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const group of groups) {
    for (const { endpoint: spec } of group.routes) {
      const path = `/api/v1${openApiPath(spec.path)}`;
      const body = requestBody(spec);
      paths[path] ??= {};
      paths[path][spec.method] = {
        tags: [group.tag],
        summary: spec.summary,
        ...(spec.description ? { description: spec.description } : {}),
        operationId: `${spec.method}${spec.path.replace(/[:/-](\w)/g, (_, letter: string) => letter.toUpperCase())}`,
        parameters: parameters(spec),
        ...(body ? { requestBody: body } : {}),
        responses: responses(spec),
        ...(spec.public ? { security: [] } : {}),
      };
    }
  }
  return {
    openapi: '3.1.0' as const,
    info: {
      title: 'Spoorboek API',
      version: '1',
      description: 'Cliëntdossier voor re-integratie: procesdossier en bijzonder (medisch) dossier, gescheiden door één beleid. ' +
        'State-changing requests need the CSRF token (GET /api/v1/auth/csrf) in the `x-csrf-token` header ' +
        '(before sign-in it is also set as a cookie; a refusal has problem type `https://spoorboek.nl/problems/csrf`).',
    },
    servers: [{ url: '/' }],
    tags: groups.map((group) => ({ name: group.tag })),
    security: [{ session: [] }],
    paths,
    components: {
      securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'spoorboek.sid' } },
      schemas: { Problem: PROBLEM_SCHEMA },
    },
  };
}
