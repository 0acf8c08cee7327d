/**
 * What the coach reads beside a flagged sentence: what the category is, what to write instead in work terms, and
 * example sentences in that spirit. Never a word to swap in: a neutral word for a medical fact still tells the
 * employer the fact ("behandeld voor gezondheidsklachten"). What the employer may know follows the Autoriteit
 * Persoonsgegevens ("De zieke werknemer"): progress, agreements, expected duration, and what the employee can and
 * cannot do in work terms. Every text here passes the guard itself (a test checks it).
 */
import type { MedicalCategory } from './lexicon';

export interface CategoryAdvice {
  /** A short Dutch name for the category, as the coach sees it. */
  label: string;
  /** What to write instead. */
  advice: string;
  /** Example sentences in work terms. */
  examples: readonly string[];
}

export const ADVICE: Record<MedicalCategory, CategoryAdvice> = {
  diagnosis: {
    label: 'Naam van een ziekte',
    advice: 'Noem geen ziekte, ook niet in andere woorden. Beschrijf wat de werknemer in het werk wel en niet kan, en hoe het opbouwen van de uren verloopt.',
    examples: [
      'Jan werkt nu drie ochtenden van vier uur in zijn eigen functie; in december worden dat vier ochtenden.',
      'Zwaar tillen neemt voorlopig een collega over; het administratieve werk gaat goed.',
    ],
  },
  body: {
    label: 'Lichaamsdeel met een probleem',
    advice: 'Noem geen lichaamsdeel met wat eraan scheelt. Beschrijf de mogelijkheden in werktermen, zoals de FML ze noemt: wat lukt, hoe lang en hoe zwaar.',
    examples: [
      'Jan reikt niet boven schouderhoogte en tilt niet meer dan 10 kg.',
      'Staand werk lukt een uur achter elkaar; daarna wisselt hij af met zittend werk.',
    ],
  },
  symptom: {
    label: 'Verschijnselen',
    advice: 'Beschrijf geen verschijnselen of hoe de werknemer zich lichamelijk voelt. Schrijf wat dit betekent voor het werk: welke taken lukken, hoeveel uur, welke aanpassing helpt.',
    examples: [
      'Jan werkt in blokken van een uur met een korte pauze daartussen.',
      'Hij doet voorlopig geen nachtdiensten; overdag werkt hij volgens rooster.',
    ],
  },
  treatment: {
    label: 'Zorg die de werknemer krijgt',
    advice: 'Noem niet welke zorg de werknemer krijgt of kreeg. Schrijf alleen wat de werkgever voor de planning moet weten: wanneer de werknemer er niet is en wat de verwachting is.',
    examples: [
      'Jan is op dinsdagochtend niet beschikbaar; de andere dagen werkt hij volgens plan.',
      'De verwachting is dat hij in februari zijn volledige uren weer werkt.',
    ],
  },
  practitioner: {
    label: 'Zorgprofessional of instelling',
    advice: 'Noem niet bij wie of waar de werknemer zorg krijgt. Advies over wat de werknemer kan, komt van de bedrijfsarts; verwijs daarnaar als dat nodig is.',
    examples: [
      'Volgens het advies van de bedrijfsarts bouwt Jan zijn uren in vier weken op naar twintig.',
      'Jan heeft op donderdagmiddag een vaste afspraak buiten het werk en is dan niet beschikbaar.',
    ],
  },
  medication: {
    label: 'Middelen voor de gezondheid',
    advice: 'Laat weg wat de werknemer voor de gezondheid gebruikt, ook in andere woorden. Schrijf wat de werknemer veilig kan doen, bijvoorbeeld welke taken voorlopig niet.',
    examples: [
      'Jan rijdt voorlopig niet met de bestelbus; hij werkt in de winkel.',
      'Werk aan de machines neemt een collega over tot de bedrijfsarts anders adviseert.',
    ],
  },
  test: {
    label: 'Onderzoek of vervolgafspraak',
    advice: 'Noem geen onderzoeken, uitkomsten of vervolgafspraken voor de gezondheid. Schrijf wanneer het traject weer bekijkt wat de werknemer kan.',
    examples: [
      'Over vier weken bespreken we met Jan en de bedrijfsarts of hij kan uitbreiden naar vier dagen.',
      'De volgende evaluatie van het plan van aanpak staat op 15 januari.',
    ],
  },
  mental: {
    label: 'Geestelijk welzijn',
    advice: 'Beschrijf niet hoe de werknemer zich voelt. Schrijf in werktermen wat goed gaat en wat nog lastig is: drukte, deadlines, klantcontact, zelfstandig plannen.',
    examples: [
      'Jan werkt het liefst in een rustige ruimte en plant zijn taken elke ochtend met zijn leidinggevende.',
      'Klantcontact aan de telefoon gaat weer goed; de drukke uren aan de balie volgen in januari.',
    ],
  },
  pregnancy: {
    label: 'Gezinsuitbreiding',
    advice: 'Noem dit niet. Schrijf alleen wat voor de planning nodig is: vanaf wanneer de werknemer met verlof is en wanneer zij terug wordt verwacht, zonder reden.',
    examples: [
      'Fatima is vanaf 1 maart met verlof; zij komt naar verwachting in juli terug.',
      'Tot maart werkt zij alleen overdag volgens rooster.',
    ],
  },
  addiction: {
    label: 'Gebruik van middelen',
    advice: 'Noem dit niet, ook niet omschreven. Schrijf over de afspraken in het werk: aanwezigheid, op tijd beginnen, veilig werken.',
    examples: [
      'Jan begint elke dag om 8 uur; de afspraken over aanwezigheid komt hij goed na.',
      'Hij werkt voorlopig niet aan de machines; hij doet het inpakwerk.',
    ],
  },
  cause: {
    label: 'Oorzaak van het verzuim',
    advice: 'Noem niet hoe het verzuim ontstond. Schrijf wat de werknemer nu in het werk kan en wat de verwachting is.',
    examples: [
      'Jan doet voorlopig zittend werk; lopen en staan bouwt hij op in overleg met de bedrijfsarts.',
      'Verwachting: over zes weken weer zijn eigen taken in het magazijn.',
    ],
  },
  hospital: {
    label: 'Verblijf voor zorg',
    advice: 'Noem niet waar de werknemer verblijft of verbleef. Schrijf alleen tot wanneer de werknemer niet beschikbaar is en wanneer contact weer kan.',
    examples: [
      'Jan is tot eind januari niet beschikbaar voor werk; half januari plannen we een gesprek.',
      'Contact over het werk loopt voorlopig via de coach.',
    ],
  },
};

/** The general advice shown above the flags. */
export const GENERAL_ADVICE =
  'De werkgever mag lezen hoe het gaat, welke afspraken er zijn, hoe lang het naar verwachting duurt en wat de werknemer in het werk wel en niet kan. ' +
  'Herschrijf de gemarkeerde zinnen in die termen; vervang niet alleen een woord, want dan blijft het feit staan.';
