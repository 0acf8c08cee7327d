import { Validator } from '@seriousme/openapi-schema-validator';
import { expect } from 'chai';
import request from 'supertest';
import { openApiPath } from '../../server/src/http/openapi';
import { testApp } from '../helpers/app';
import { listApiRoutes } from '../helpers/routes';

describe('the OpenAPI description', () => {
  it('is valid OpenAPI 3.1 and lists every route the server registers, with its parameters and errors', async () => {
    const t = testApp();
    const response = await request(t.app).get('/api/v1/openapi.json').expect(200);
    const document = response.body;

    const validator = new Validator();
    const result = await validator.validate(document);
    expect(result.errors ?? [], JSON.stringify(result.errors, null, 2)).to.deep.equal([]);
    expect(result.valid).to.equal(true);
    expect(validator.version).to.equal('3.1');

    const routes = listApiRoutes(t.config);
    expect(routes.length).to.be.greaterThan(40);
    for (const route of routes) {
      const operation = document.paths[openApiPath(route.path)]?.[route.method];
      expect(operation, `${route.method} ${route.path} is documented`).to.be.an('object');
      const pathParameters = [...route.path.matchAll(/:(\w+)/g)].map((match) => match[1]);
      const documented = operation.parameters.filter((p: { in: string }) => p.in === 'path').map((p: { name: string }) => p.name);
      expect(documented, `${route.method} ${route.path} path parameters`).to.have.members(pathParameters);
      const statuses = Object.keys(operation.responses);
      expect(statuses.some((status) => status.startsWith('2')), `${route.method} ${route.path} success`).to.equal(true);
      expect(statuses, `${route.method} ${route.path} errors`).to.include('503');
      if (pathParameters.length > 0) expect(statuses).to.include.members(['400', '404']);
      if (!operation.security) expect(statuses).to.include.members(['401', '403']);
      if (['post', 'put', 'patch'].includes(route.method) && operation.requestBody) {
        expect(Object.keys(operation.requestBody.content)[0]).to.match(/application\/json|multipart\/form-data/);
      }
    }
    const documentedCount = Object.values(document.paths as Record<string, object>).reduce((sum, item) => sum + Object.keys(item).length, 0);
    expect(documentedCount, 'nothing documented that does not exist').to.equal(routes.length);
  });

  it('describes request bodies from the shared schemas', async () => {
    const t = testApp();
    const { body: document } = await request(t.app).get('/api/v1/openapi.json').expect(200);
    const create = document.paths['/api/v1/clients/{clientId}/consults'].post.requestBody.content['application/json'].schema;
    expect(create.required).to.include.members(['date', 'durationMinutes', 'kind', 'summary']);
    expect(create.additionalProperties).to.equal(false);
    const upload = document.paths['/api/v1/clients/{clientId}/documents'].post.requestBody.content['multipart/form-data'].schema;
    expect(upload.required).to.include.members(['file', 'category']);
  });
});
