/**
 * The one zod instance every schema is built with, speaking Dutch: validation messages reach the user as the
 * `detail` of a problem+json and appear next to the form field in the UI.
 */
import { z } from 'zod';

z.config(z.locales.nl());
// The locale says "verwacht string, ontving undefined" for a missing field; a person needs to hear what to do.
z.config({ customError: (issue) => (issue.code === 'invalid_type' && issue.input === undefined ? 'Vul dit veld in.' : undefined) });

export { z };
