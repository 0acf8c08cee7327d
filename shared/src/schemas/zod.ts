/**
 * The one zod instance every schema is built with, speaking plain Dutch: validation messages reach the user as the
 * `detail` of a problem+json and appear next to the form field in the UI. The locale's own wording ("Te kort:
 * verwacht dat string >=1 tekens heeft") names types a person never sees, so the common cases are said here.
 */
import { z } from 'zod';

z.config(z.locales.nl());

type Issue = z.core.$ZodRawIssue;

function plainDutch(issue: Issue): string | undefined {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined || issue.input === null || issue.input === '') return 'Vul dit veld in.';
      if (issue.expected === 'number' || issue.expected === 'int') return 'Vul een getal in.';
      if (issue.expected === 'date') return 'Vul een geldige datum in.';
      if (issue.expected === 'boolean') return 'Kies ja of nee.';
      if (issue.expected === 'array') return 'Kies een of meer waarden.';
      return 'Deze waarde heeft niet de juiste vorm.';
    case 'too_small': {
      if (issue.origin === 'date') return 'Deze datum ligt te vroeg.';
      const minimum = Number(issue.minimum);
      if (issue.origin === 'string') return minimum <= 1 ? 'Vul dit veld in.' : `Minimaal ${minimum} tekens.`;
      if (issue.origin === 'array' || issue.origin === 'set') return minimum <= 1 ? 'Kies er minstens één.' : `Kies er minstens ${minimum}.`;
      return `Minimaal ${minimum}.`;
    }
    case 'too_big': {
      if (issue.origin === 'date') return 'Deze datum ligt te laat.';
      const maximum = Number(issue.maximum);
      if (issue.origin === 'string') return `Maximaal ${maximum} tekens.`;
      if (issue.origin === 'array' || issue.origin === 'set') return `Kies er hoogstens ${maximum}.`;
      if (issue.origin === 'file') return 'Het bestand is te groot.';
      return `Maximaal ${maximum}.`;
    }
    case 'invalid_value':
      return 'Kies een van de mogelijke waarden.';
    case 'invalid_format':
      if (issue.format === 'email') return 'Vul een geldig e-mailadres in.';
      if (issue.format === 'date' || issue.format === 'datetime') return 'Gebruik een datum in de vorm JJJJ-MM-DD.';
      return 'Deze waarde heeft niet de juiste vorm.';
    case 'not_multiple_of':
      return 'Deze waarde klopt niet.';
    case 'invalid_union':
      return 'Deze waarde heeft niet de juiste vorm.';
    default:
      return undefined; // custom refinements carry their own Dutch message
  }
}

// Messages written in a schema itself (`.min(1, 'Vul de voornaam in.')`) win over these; these win over the locale.
z.config({ customError: plainDutch });

export { z };
