/** CSRF protection with the synchronizer-token pattern (csrf-sync): every state-changing request carries x-csrf-token. */
import { csrfSync } from 'csrf-sync';

export const csrf = csrfSync({
  getTokenFromRequest: (req) => req.get('x-csrf-token'),
});
