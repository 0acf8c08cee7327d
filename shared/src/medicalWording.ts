/**
 * The medical-wording guard (DESIGN.md §2): employer-facing text must describe work capacity, never diagnosis,
 * cause, treatment or treating professionals — not even with the employee's consent (AP, KNMG). Flags every such
 * term in a text with a neutral phrasing the coach can use instead. Used by the report composer (client) and
 * enforced before a report is sent to the client for approval (server).
 */

export type MedicalCategory = 'diagnosis' | 'treatment' | 'medication' | 'practitioner' | 'body';

interface Term {
  /** Lower-case stem; matches the word and compounds that start with it ("fysiotherapeut", "fysiotherapeutische"). */
  stem: string;
  category: MedicalCategory;
  suggestion: string;
}

const PRACTITIONER = 'behandelaar';
const TREATMENT = 'begeleiding';
const CONDITION = 'gezondheidsklachten';

const TERMS: Term[] = [
  ...['fysiotherapeut', 'psycholoog', 'psychiater', 'huisarts', 'specialist', 'neuroloog', 'orthopeed', 'cardioloog',
    'oncoloog', 'chirurg', 'reumatoloog', 'oefentherapeut', 'psychotherapeut', 'ergotherapeut', 'podotherapeut',
    'haptotherapeut', 'manueel therapeut', 'ggz', 'praktijkondersteuner', 'poh-ggz', 'revalidatiearts']
    .map((stem) => ({ stem, category: 'practitioner' as const, suggestion: PRACTITIONER })),
  ...['fysiotherapie', 'therapie', 'behandeling', 'operatie', 'geopereerd', 'chemo', 'bestraling', 'revalidatie',
    'opname', 'opgenomen', 'ziekenhuis', 'kliniek', 'emdr', 'cgt']
    .map((stem) => ({ stem, category: 'treatment' as const, suggestion: TREATMENT })),
  ...['medicatie', 'medicijn', 'antidepressiva', 'antidepressivum', 'pijnstiller', 'oxazepam', 'ssri', 'insuline', 'ritalin']
    .map((stem) => ({ stem, category: 'medication' as const, suggestion: 'afspraken over belastbaarheid' })),
  ...['hernia', 'burn-out', 'burnout', 'overspannen', 'depressie', 'depressief', 'angststoornis', 'kanker', 'tumor',
    'diabetes', 'reuma', 'artrose', 'hartinfarct', 'beroerte', 'migraine', 'ptss', 'adhd', 'autisme', 'long covid',
    'fibromyalgie', 'whiplash', 'zwanger', 'verslaving', 'alcohol', 'diagnose', 'ziekte van', 'ms ', 'fasciitis']
    .map((stem) => ({ stem, category: 'diagnosis' as const, suggestion: CONDITION })),
  ...['rugklachten', 'nekklachten', 'knieklachten', 'schouderklachten', 'psychische klachten', 'hartklachten']
    .map((stem) => ({ stem, category: 'body' as const, suggestion: 'beperkingen in belastbaarheid' })),
];

export interface MedicalWordingFlag {
  /** The text as written, e.g. "Fysiotherapeut". */
  term: string;
  index: number;
  length: number;
  category: MedicalCategory;
  /** A neutral alternative, e.g. "behandelaar". */
  suggestion: string;
}

const WORD_CHAR = /[\p{L}\p{N}-]/u;

/** Every medical term in the text, in order of appearance; an empty list means the text may go to the employer. */
export function findMedicalWording(text: string): MedicalWordingFlag[] {
  const lower = text.toLowerCase();
  const flags: MedicalWordingFlag[] = [];
  for (const term of TERMS) {
    const stem = term.stem.trimEnd();
    let from = 0;
    for (;;) {
      const index = lower.indexOf(stem, from);
      if (index < 0) break;
      from = index + stem.length;
      if (index > 0 && WORD_CHAR.test(lower.charAt(index - 1))) continue; // inside another word
      let end = index + stem.length;
      while (end < lower.length && WORD_CHAR.test(lower.charAt(end))) end++;
      if (term.stem.endsWith(' ') && end !== index + stem.length) continue; // short stems match whole words only
      flags.push({ term: text.slice(index, end), index, length: end - index, category: term.category, suggestion: term.suggestion });
    }
  }
  return flags
    .sort((a, b) => a.index - b.index || b.length - a.length)
    .filter((flag, position, all) => position === 0 || flag.index >= (all[position - 1]?.index ?? 0) + (all[position - 1]?.length ?? 0));
}
