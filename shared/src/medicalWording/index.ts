/**
 * The medical-wording guard: employer-facing text describes work capacity, never diagnosis, cause, symptoms,
 * treatment, treating professionals, medication, tests, hospital stays, pregnancy or addiction — not even with
 * the employee's consent (Autoriteit Persoonsgegevens, "De zieke werknemer"; KNMG, "Richtlijn Privacy en
 * ziekteverzuim"). It reads the text as the employer would (see `normalise`), sentence by sentence, and flags
 * each sentence that says something medical, with the category and advice on what to write instead. It does not
 * rewrite anything: the coach rewrites the sentence, so no fact is left standing under a vaguer word.
 *
 * Used live by the coach's report editor (client) and enforced when a report is sent to the client and again
 * when it is shared with the employer (server).
 */
import { ADVICE, GENERAL_ADVICE } from './advice';
import {
  ALLOWED_INSIDE_WORDS, BODY_PARTS, COMPLAINTS, JOB_TITLE_ENDINGS, LEXICON, MEDICAL_CATEGORIES, PATIENT_CONTEXT, PHRASES,
  WORKPLACE_CONTEXT, type MedicalCategory, type TermGroup,
} from './lexicon';
import { normalise } from './normalise';

export { ADVICE, GENERAL_ADVICE, MEDICAL_CATEGORIES, type MedicalCategory };

export interface WordingFlag {
  category: MedicalCategory;
  /** The category's Dutch name. */
  label: string;
  /** The first flagged word or phrase of this category in the sentence, as written. */
  term: string;
  termIndex: number;
  termLength: number;
  /** Every flagged word or phrase of this category in the sentence, as written. */
  terms: string[];
  /** The sentence, as written, and where it stands in the text. */
  sentence: string;
  sentenceIndex: number;
  sentenceLength: number;
  /** What to write instead, in work terms. */
  advice: string;
  examples: readonly string[];
}

interface Match { category: MedicalCategory; start: number; end: number }

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const WORD = /[\p{L}\p{N}]+(?:['-][\p{L}\p{N}]+)*/gu;
const ABBREVIATIONS = new Set(['bijv', 'bv', 'o.a', 'oa', 'max', 'min', 'ca', 'dhr', 'mevr', 'mw', 'nr', 'evt', 'i.v.m', 'ivm', 'm.b.t', 'mbt',
  'z.s.m', 'zsm', 't.z.t', 'd.w.z', 'dwz', 'etc', 'incl', 'excl', 'vs', 'ong', 'resp', 'tel', 'blz', 'jl', 'a.s', 'o.b.v', 'n.a.v', 'i.o.m']);

const compiledUnless = new Map<string, RegExp>();
/** A group's `unless`, for this word. */
function unlessFor(source: string, word: string): RegExp {
  const key = `${source}\u0000${word}`;
  let regex = compiledUnless.get(key);
  if (!regex) {
    regex = new RegExp(source.replaceAll('{w}', escape(word)), 'u');
    if (compiledUnless.size > 5000) compiledUnless.clear();
    compiledUnless.set(key, regex);
  }
  return regex;
}

const MASK = new RegExp(ALLOWED_INSIDE_WORDS.map(escape).sort((a, b) => b.length - a.length).join('|'), 'g');
const WORKPLACE = (word: string) => new RegExp(
  `\\b(als|tot)\\s+(\\w+\\s+){0,2}${escape(word)}|${escape(word)}\\s+(\\w+\\s+){0,4}(waar|waarvoor|waarbij)\\s+(hij|ze|zij|\\w+)\\s+(\\w+\\s+)?(werkt|werkte|werkzaam)|${WORKPLACE_CONTEXT}\\b[^.;]{0,60}\\b(in|bij|op|van|voor|binnen)\\s+(het|de|een|dit|dat|ons|hun|zijn|haar)?\\s*(\\w+\\s+)?${escape(word)}`, 'u');
/** Tighter than WORKPLACE, for groups whose words rarely name a workplace: "werkt in de kraamzorg als planner". */
const JOB_SENSE = (word: string) => new RegExp(
  `\\b(werkt|werkte|werken|werkzaam|stage|baan|vakantiebaan|vacature|functie|afdeling)\\s+(\\w+\\s+)?(in|bij|op|voor)\\s+(de|het|een)\\s+(\\w+\\s+)?${escape(word)}|` +
  `${escape(word)}\\s+(\\w+\\s+)?als\\s+(\\w+\\s+)?\\w*(medewerk\\w*|secretaresse|assistent\\w*|planner|receptionist\\w*|chauffeur|schoonmaker|kok|administrateur|manager|coordinator)\\b`, 'u');
const PATIENT = (word: string) => new RegExp(`${PATIENT_CONTEXT}|naar\\s+(het|de|een)\\s+(\\w+\\s+)?${escape(word)}`, 'u');

interface CompiledGroup extends TermGroup { wordStems: string[]; phraseStems: RegExp[]; regexes: RegExp[] }
const GROUPS: CompiledGroup[] = LEXICON.map((group) => ({
  ...group,
  wordStems: (group.stems ?? []).filter((stem) => !stem.includes(' ')),
  phraseStems: (group.stems ?? []).filter((stem) => stem.includes(' ')).map((stem) => new RegExp(`(?<![\\p{L}\\p{N}])${escape(stem)}[\\p{L}\\p{N}]*`, 'gu')),
  regexes: (group.patterns ?? []).map((pattern) => new RegExp(pattern, 'u')),
}));
/** A body part, also with the part of it that is named ("knieschijf", "schouderblad", "heupgewricht"). */
const BODY = `(?:${BODY_PARTS})(?:schijf|blad|gewricht|spier|spieren|pees|pezen|band|banden|kom|botje|holte|wervel|wervels)?`;
const PHRASE_REGEXES = PHRASES.map((phrase) => ({ category: phrase.category, regex: new RegExp(phrase.pattern.replaceAll('BODY', BODY), 'gu') }));
const BODY_WORD = new RegExp(`^(onder|boven|linker|rechter)?(${BODY_PARTS})((s|e|en)?(${BODY_PARTS}|spier|spieren|pees|pezen|gewricht|blad|wervel))?$`, 'u');
const COMPLAINT_WORD = new RegExp(`^(${COMPLAINTS})$`, 'u');
const POSSESSIVE = /^(zijn|haar|z'n|d'r|hun|beide|linker|rechter|\p{L}+'s)$/u;
const BODY_AFTER_COMPLAINT = new RegExp(`\\b(${COMPLAINTS})\\s+(\\w+\\s+)?(aan|in|van|met|op|bij)\\s+(de|het|een|beide|allebei)\\s+(\\w+\\s+)?(${BODY})\\b(?!\\s+van\\b)`, 'gu');
const BODY_WITH_ADJECTIVE = new RegExp(`\\b(gebroken|gescheurde?|ontwrichte?|ontstoken|gekneusde?|verstuikte?|pijnlijke?|stijve?|gezwollen|versleten|zere|kapotte?|beschadigde?|geopereerde?|zwakk?e?|slechte)\\s+(${BODY})\\b`, 'gu');
const BODY_IS = new RegExp(`\\b(de|het|zijn|haar|\\p{L}+'s)\\s+(${BODY})\\s+(is|was|raakte|raakt|werd|wordt|blijft|bleef)\\s+(\\w+\\s+){0,2}(${COMPLAINTS})\\b`, 'gu');

const knownCache = new Map<string, CompiledGroup[]>();
/** The groups that know this word, whatever the sentence (cached: most words of a report repeat). */
function groupsKnowing(masked: string): CompiledGroup[] {
  let known = knownCache.get(masked);
  if (known) return known;
  const joined = masked.replace(/['-]/g, '');
  const parts = masked.split(/['-]/);
  known = !/[\p{L}\p{N}]/u.test(joined) ? [] : GROUPS.filter((group) => group.wordStems.some((stem) => joined.includes(stem))
    || (group.words ?? []).some((candidate) => candidate === joined || candidate === masked || parts.includes(candidate))
    || group.regexes.some((regex) => regex.test(joined)));
  if (knownCache.size > 20000) knownCache.clear();
  knownCache.set(masked, known);
  return known;
}

/** The category of one word, or none: the first group that knows it and has no work sense for it here. */
function categoryOfWord(word: string, masked: string, sentence: string): MedicalCategory | null {
  for (const group of groupsKnowing(masked)) {
    if (group.unless && unlessFor(group.unless, word).test(sentence)) continue;
    if (group.workplace && isWorkplace(word, sentence)) return null; // a workplace, for every group
    if (group.jobSense && JOB_SENSE(word).test(sentence)) return null;
    return group.category;
  }
  return null;
}

/** "werkt als apothekersassistent", "schoonmaker in het ziekenhuis": a job or a place of work, not care. */
function isWorkplace(word: string, sentence: string): boolean {
  if (JOB_TITLE_ENDINGS.test(word.replace(/['-]/g, ''))) return true;
  return WORKPLACE(word).test(sentence) && !PATIENT(word).test(sentence);
}

/** The matches in one normalised sentence, as offsets into it. */
function matchSentence(sentence: string): Match[] {
  const masked = sentence.replace(MASK, (found) => '#'.repeat(found.length));
  const matches: Match[] = [];
  const tokens = [...sentence.matchAll(WORD)].map((token) => ({
    word: token[0], start: token.index, end: token.index + token[0].length,
    masked: masked.slice(token.index, token.index + token[0].length),
  }));
  for (const token of tokens) {
    const category = categoryOfWord(token.word, token.masked, sentence);
    if (category) matches.push({ category, start: token.start, end: token.end });
  }
  for (const group of GROUPS) {
    for (const regex of group.phraseStems) {
      for (const found of masked.matchAll(regex)) {
        if (group.unless && unlessFor(group.unless, found[0]).test(sentence)) continue;
        matches.push({ category: group.category, start: found.index, end: found.index + found[0].length });
      }
    }
  }
  for (const { category, regex } of PHRASE_REGEXES) {
    for (const found of masked.matchAll(regex)) matches.push({ category, start: found.index, end: found.index + found[0].length });
  }
  // A body part with what is wrong with it, in a sentence ("last van zijn rug", "zijn knie doet pijn").
  tokens.forEach((token, index) => {
    if (!BODY_WORD.test(token.word)) return;
    const owned = [tokens[index - 1], tokens[index - 2]].some((before) => before && POSSESSIVE.test(before.word));
    if (!owned) return;
    const near = tokens.slice(Math.max(0, index - 3), index + 4).filter((other) => other !== token);
    if (near.some((other) => COMPLAINT_WORD.test(other.word))) matches.push({ category: 'body', start: token.start, end: token.end });
  });
  for (const regex of [BODY_AFTER_COMPLAINT, BODY_WITH_ADJECTIVE, BODY_IS]) {
    for (const found of masked.matchAll(regex)) matches.push({ category: 'body', start: found.index, end: found.index + found[0].length });
  }
  return matches;
}

/** Sentence spans in the normalised text: ends at . ! ? … followed by a space (not after an abbreviation), or a line break. */
function sentences(text: string): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  let start = 0;
  const close = (end: number) => {
    const slice = text.slice(start, end);
    const lead = slice.length - slice.trimStart().length;
    const trail = slice.length - slice.trimEnd().length;
    if (slice.trim()) spans.push({ start: start + lead, end: end - trail });
    start = end;
  };
  for (let index = 0; index < text.length; index++) {
    const char = text.charAt(index);
    if (char === '\n') { close(index + 1); continue; }
    if (!'.!?…'.includes(char)) continue;
    const next = text.charAt(index + 1);
    if (next !== '' && !/\s/u.test(next)) continue;
    if (char === '.') {
      let from = index;
      while (from > start && /[\p{L}.]/u.test(text.charAt(from - 1))) from--;
      const before = text.slice(from, index);
      if (ABBREVIATIONS.has(before) || /^\p{L}$/u.test(before)) continue;
    }
    close(index + 1);
  }
  close(text.length);
  return spans;
}

/**
 * Every sentence that says something medical, one flag per sentence and category, in order of appearance. An
 * empty list means the text may be read by the employer.
 */
export function checkWording(original: string): WordingFlag[] {
  const normalised = normalise(original);
  const { start, end } = normalised;
  // "M.S." reads as "MS": dotted letters are joined (same length, so offsets hold).
  // "F Y S I O" reads as "fysio": spaced single letters are joined too.
  const text = normalised.text
    .replace(/(?<![\p{L}\p{N}])(?:\p{L}\.){2,}/gu, (dotted) => dotted.replaceAll('.', '') + ' '.repeat(dotted.length / 2))
    .replace(/(?<![\p{L}\p{N}])(?:\p{L} ){2,}\p{L}(?![\p{L}\p{N}])/gu, (spaced) => spaced.replaceAll(' ', '') + ' '.repeat((spaced.length - 1) / 2));
  const from = (index: number) => start[index] ?? original.length;
  const to = (index: number) => end[index - 1] ?? original.length;
  const flags: WordingFlag[] = [];
  for (const span of sentences(text)) {
    const matches = matchSentence(text.slice(span.start, span.end)).sort((a, b) => a.start - b.start);
    const sentenceIndex = from(span.start);
    const sentenceLength = to(span.end) - sentenceIndex;
    const byCategory = new Map<MedicalCategory, Match[]>();
    for (const match of matches) byCategory.set(match.category, [...(byCategory.get(match.category) ?? []), match]);
    for (const [category, found] of byCategory) {
      const terms = found.map((match) => original.slice(from(span.start + match.start), to(span.start + match.end)));
      const first = found[0]!;
      const termIndex = from(span.start + first.start);
      flags.push({
        category, label: ADVICE[category].label,
        term: terms[0]!, termIndex, termLength: to(span.start + first.end) - termIndex, terms: [...new Set(terms)],
        sentence: original.slice(sentenceIndex, sentenceIndex + sentenceLength), sentenceIndex, sentenceLength,
        advice: ADVICE[category].advice, examples: ADVICE[category].examples,
      });
    }
  }
  return flags;
}

/** True when nothing in the text would be flagged. */
export const passesWordingGuard = (text: string) => checkWording(text).length === 0;
