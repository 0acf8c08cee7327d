/**
 * The one zod instance every schema is built with, speaking Dutch: validation messages reach the user as the
 * `detail` of a problem+json and appear next to the form field in the UI.
 */
import { z } from 'zod';

z.config(z.locales.nl());

export { z };
