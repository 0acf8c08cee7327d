/** The API's own description (meta). */
import { contract } from '../contract';
import { z } from '../schemas/zod';

export const meta = contract('API', {
  openApi: {
    method: 'get',
    path: '/openapi.json',
    public: true,
    summary: 'Deze API-beschrijving (OpenAPI 3.1)',
    response: z.object({ openapi: z.literal('3.1.0') }).loose(),
  },
});
