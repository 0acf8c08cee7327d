/**
 * The text the guard reads: what a reader sees, not how it was typed. A coach (or anyone pasting text) can hide a
 * word from a naive search with a zero-width space, a soft hyphen, an accent ("dépressie"), capitals, full-width
 * letters or a Cyrillic look-alike ("fysiotherapeut" with a Cyrillic "у"); each of these reads the same to the
 * employer, so each is undone here before any word is looked up (Unicode TR 15 NFKC, TR 39 confusables).
 */

/**
 * Characters that render as nothing: zero-width space and joiners, word joiner, BOM, soft hyphen, variation
 * selectors, bidi controls (Unicode's Default_Ignorable_Code_Point and the format characters, Cf).
 */
const INVISIBLE = /[\p{Default_Ignorable_Code_Point}\p{Cf}]/u;

/** Cyrillic and Greek capitals that look like Latin capitals (their lower case forms look different). */
const UPPER_HOMOGLYPHS: Record<string, string> = {
  'А': 'a', 'В': 'b', 'Е': 'e', 'К': 'k', 'М': 'm', 'Н': 'h', 'О': 'o', 'Р': 'p', 'С': 'c', 'Т': 't', 'У': 'y', 'Х': 'x',
  'І': 'i', 'Ј': 'j', 'Ѕ': 's', 'Α': 'a', 'Β': 'b', 'Ε': 'e', 'Ζ': 'z', 'Η': 'h', 'Ι': 'i', 'Κ': 'k', 'Μ': 'm', 'Ν': 'n',
  'Ο': 'o', 'Ρ': 'p', 'Τ': 't', 'Υ': 'y', 'Χ': 'x',
};

/** Cyrillic and Greek letters that look like Latin ones (lower case). */
const HOMOGLYPHS: Record<string, string> = {
  // Cyrillic
  'а': 'a', 'в': 'b', 'е': 'e', 'ё': 'e', 'і': 'i', 'ї': 'i', 'ј': 'j', 'к': 'k', 'м': 'm', 'н': 'h',
  'о': 'o', 'р': 'p', 'с': 'c', 'т': 't', 'у': 'y', 'ў': 'y', 'х': 'x', 'ѕ': 's', 'һ': 'h', 'ԁ': 'd', 'ԛ': 'q',
  'ԝ': 'w', 'ɡ': 'g', 'ӏ': 'l', 'ү': 'y', 'ө': 'o', 'ь': 'b', 'п': 'n', 'г': 'r', 'л': 'n', 'и': 'u', 'д': 'd',
  // Greek
  'α': 'a', 'β': 'b', 'γ': 'y', 'ε': 'e', 'ζ': 'z', 'η': 'n', 'ι': 'i', 'κ': 'k', 'μ': 'u', 'ν': 'v', 'ο': 'o',
  'ρ': 'p', 'τ': 't', 'υ': 'u', 'χ': 'x', 'ω': 'w', 'ς': 's', 'σ': 'o',
  // Latin look-alikes outside a-z
  'ı': 'i', 'ł': 'l', 'ø': 'o', 'đ': 'd', 'ħ': 'h', 'ß': 'ss', 'æ': 'ae', 'œ': 'oe', 'ĳ': 'ij',
  // Dashes and quotes that split or join words like their plain forms
  '\u2010': '-', '\u2011': '-', '\u2012': '-', '\u2013': '-', '\u2014': '-', '\u2212': '-',
  '\u2018': "'", '\u2019': "'", '\u02bc': "'",
};

export interface Normalised {
  /** Lower-case ASCII-ish text without accents or invisible characters. */
  text: string;
  /** For each character of `text`, where it starts in the original. */
  start: number[];
  /** For each character of `text`, where it ends (exclusive) in the original. */
  end: number[];
}

/** Folds one original character (a code point) to the characters the guard reads. */
function fold(char: string): string {
  if (char.length === 1 && char.charCodeAt(0) < 0x80) return char.toLowerCase(); // plain ASCII: nothing to undo
  if (INVISIBLE.test(char)) return '';
  const upper = UPPER_HOMOGLYPHS[char];
  if (upper) return upper;
  let folded = char.normalize('NFKC').toLowerCase().normalize('NFD').replace(/\p{M}/gu, '');
  folded = [...folded].map((c) => HOMOGLYPHS[c] ?? c).join('');
  return folded;
}

/** The normalised text with a map back to the original's offsets, so flags point at what the coach wrote. */
export function normalise(original: string): Normalised {
  const text: string[] = [];
  const start: number[] = [];
  const end: number[] = [];
  let offset = 0;
  for (const char of original) {
    const folded = fold(char);
    for (let unit = 0; unit < folded.length; unit++) {
      text.push(folded.charAt(unit));
      start.push(offset);
      end.push(offset + char.length);
    }
    offset += char.length;
  }
  return { text: text.join(''), start, end };
}
