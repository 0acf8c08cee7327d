/**
 * The items of the Functionele Mogelijkhedenlijst (FML), per rubriek, as numbered on the list UWV's insurance
 * physicians and company doctors use (docs/sources.md, "Functionele Mogelijkhedenlijst"). An FML records only
 * deviations: per item a level and an optional quantification. An item is stored as "<rubriek number>.<item>",
 * e.g. "4.13" for rubriek IV item 13, Tillen.
 */
/** The six rubrieken. */
export const FML_RUBRIEKEN = ['I', 'II', 'III', 'IV', 'V', 'VI'] as const;
export type FmlRubriek = (typeof FML_RUBRIEKEN)[number];

export const FML_RUBRIEK_NAMES: Record<FmlRubriek, string> = {
  I: 'Persoonlijk functioneren',
  II: 'Sociaal functioneren',
  III: 'Aanpassing aan fysieke omgevingseisen',
  IV: 'Dynamische handelingen',
  V: 'Statische houdingen',
  VI: 'Werktijden',
};

/** Item names in list order: item n is the n-th name. */
export const FML_ITEMS: Record<FmlRubriek, readonly string[]> = {
  I: [
    'Vasthouden van de aandacht (concentreren)', 'Verdelen van de aandacht', 'Herinneren', 'Inzicht in eigen kunnen',
    'Doelmatig handelen', 'Zelfstandig handelen', 'Handelingstempo', 'Specifieke voorwaarden voor het persoonlijk functioneren',
    'Mate van zelfstandigheid',
  ],
  II: [
    'Zien', 'Horen', 'Spreken', 'Schrijven', 'Lezen', 'Emotionele problemen van anderen hanteren', 'Eigen gevoelens uiten',
    'Omgaan met conflicten', 'Samenwerken', 'Vervoer', 'Beroepsmatig vervoer', 'Specifieke voorwaarden voor het sociaal functioneren',
  ],
  III: [
    'Temperatuur', 'Tocht', 'Huidcontact', 'Beschermende middelen', 'Stof, rook, gassen en/of dampen', 'Geluidsbelasting',
    'Trillingsbelasting', 'Overige beperkingen van fysieke aanpassingsmogelijkheden',
  ],
  IV: [
    'Dominantie', 'Lokalisatie beperkingen', 'Hand- en vingergebruik', 'Werken met toetsenbord en/of muis', 'Tastzin',
    'Schroefbewegingen met hand en arm', 'Reiken', 'Frequent reiken tijdens het werk', 'Buigen', 'Frequent buigen tijdens het werk',
    'Torderen', 'Duwen of trekken', 'Tillen', 'Dragen', 'Hoofdbewegingen maken', 'Lopen', 'Lopen tijdens het werk', 'Trappenlopen',
    'Klimmen', 'Knielen en/of hurken', 'Overige beperkingen van dynamisch handelen',
  ],
  V: [
    'Zitten', 'Zitten tijdens het werk', 'Staan', 'Staan tijdens het werk', 'Geknield of gehurkt actief zijn',
    'Gebogen en/of getordeerd actief zijn', 'Boven schouderhoogte actief zijn', 'Het hoofd in een bepaalde stand houden',
    'Afwisseling van houding', 'Overige beperkingen van statische houdingen',
  ],
  VI: ['Perioden van het etmaal', 'Uren per dag', 'Uren per week', 'Overige beperkingen ten aanzien van werktijden'],
};

const RUBRIEK_NUMBER: Record<FmlRubriek, number> = { I: 1, II: 2, III: 3, IV: 4, V: 5, VI: 6 };

/** The stored code of item `index` (0-based) of a rubriek: IV, 12 → "4.13". */
export const fmlItemCode = (rubriek: FmlRubriek, index: number) => `${RUBRIEK_NUMBER[rubriek]}.${index + 1}`;

/** Every item of a rubriek as code and name, for a drop-down. */
export const fmlItemsOf = (rubriek: FmlRubriek) =>
  FML_ITEMS[rubriek].map((name, index) => ({ code: fmlItemCode(rubriek, index), name }));

/** "4.13" in rubriek IV → "Tillen"; undefined for a code that is not on the list (an older free-text entry). */
export function fmlItemName(rubriek: FmlRubriek, code: string): string | undefined {
  const [rubriekNumber, item] = code.split('.').map(Number);
  if (rubriekNumber !== RUBRIEK_NUMBER[rubriek] || !item) return undefined;
  return FML_ITEMS[rubriek][item - 1];
}

/** "IV.13 Tillen", or the code as it was stored when it is not on the list. */
export function fmlItemLabel(rubriek: FmlRubriek, code: string): string {
  const name = fmlItemName(rubriek, code);
  return name ? `${rubriek}.${code.split('.')[1]} ${name}` : code;
}
