/**
 * The readable half of an export: the dossier as a PDF in Dutch (AVG art. 15(3): "in a commonly used electronic
 * form"), with a table of contents, Dutch dates, and the health dossier in its own, clearly marked part. Written
 * record by record while the ZIP consumes it: generation waits whenever the consumer falls behind, so the PDF is
 * never held whole in memory.
 */
import { once } from 'node:events';
import PDFDocument from 'pdfkit';
import type { Collection } from './collect';

/** Dutch names of the sections; a collection without one is shown under its own name. */
const SECTION_TITLES: Record<string, string> = {
  Client: 'Personalia en traject',
  Consult: 'Gesprekken (met alle versies en aanvullingen)',
  Activity: 'Tijdregistratie',
  Report: 'Voortgangsrapportages',
  Document: 'Documenten (de bestanden zelf staan in de map bestanden/)',
  Consent: 'Toestemmingen, met de tekst waarmee u instemde',
  Handover: 'Vervanging door een andere coach',
  DataSubjectRequest: 'Uw privacyverzoeken',
  RequestStep: 'Stappen in de afhandeling van uw verzoeken',
  User: 'Uw account',
  HealthRecord: 'Medische gegevens: FML, arbeidsdeskundig onderzoek, aantekeningen',
  HealthDocument: 'Medische documenten (de bestanden zelf staan in de map bestanden/gezondheid/)',
  AuditEvent: 'Wie heeft uw dossier ingezien (inzagelog)',
};
export const sectionTitle = (name: string) => SECTION_TITLES[name] ?? `Overige gegevens: ${name}`;

const LABELS: Record<string, string> = {
  firstName: 'Voornaam', lastName: 'Achternaam', dateOfBirth: 'Geboortedatum', email: 'E-mail', phone: 'Telefoon',
  address: 'Adres', bsn: 'BSN', trajectory: 'Traject', date: 'Datum', durationMinutes: 'Duur (minuten)', kind: 'Soort',
  summary: 'Verslag', status: 'Status', clientComment: 'Uw opmerking', revisions: 'Versies', addenda: 'Aanvullingen',
  minutes: 'Minuten', note: 'Notitie', title: 'Titel', text: 'Tekst', periodStart: 'Periode vanaf', periodEnd: 'Periode tot',
  category: 'Categorie', filename: 'Bestandsnaam', purpose: 'Doel', grantedAt: 'Gegeven op', withdrawnAt: 'Ingetrokken op',
  content: 'Inhoud', at: 'Tijdstip', action: 'Handeling', outcome: 'Uitkomst', actor: 'Door', object: 'Onderdeel',
  receivedAt: 'Ontvangen', dueAt: 'Uiterlijk beantwoord', description: 'Omschrijving', resolution: 'Antwoord',
  createdAt: 'Aangemaakt', updatedAt: 'Bijgewerkt', approvedAt: 'Goedgekeurd op', sharedAt: 'Gedeeld op',
};
const SKIPPED = new Set(['_id', '__v', 'clientId', 'activeKey']);

const DAY = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Amsterdam' });
const MOMENT = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Amsterdam' });

/** A Dutch date: "12 april 1978", with the time when there is one ("22 november 2026 om 14:05"). */
export function dutchDate(value: Date): string {
  const midnightUtc = value.getUTCHours() === 0 && value.getUTCMinutes() === 0 && value.getUTCSeconds() === 0;
  return midnightUtc ? DAY.format(value) : MOMENT.format(value);
}

function describe(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (value instanceof Date) return dutchDate(value);
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T[\d:.]+Z$/.test(value)) return dutchDate(new Date(value));
  if (typeof value === 'boolean') return value ? 'ja' : 'nee';
  if (Array.isArray(value)) return value.length === 0 ? '—' : value.map((item, index) => `\n  ${index + 1}. ${describe(item)}`).join('');
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>)
      .filter(([key]) => !SKIPPED.has(key))
      .map(([key, entry]) => `${LABELS[key] ?? key}: ${describe(entry)}`).join('; ');
  }
  return String(value);
}

export interface PdfOutline {
  clientName: string;
  madeAt: Date;
  sections: { collection: Collection; count: number }[];
}

/** Starts the PDF; the caller feeds records with `section`/`record` and ends it with `end`. */
export function dossierPdf({ clientName, madeAt, sections }: PdfOutline) {
  const pdf = new PDFDocument({ size: 'A4', margin: 56, info: { Title: `Dossier van ${clientName}`, Author: 'Spoorboek' } });
  pdf.fontSize(22).text('Uw dossier', { align: 'left' }).moveDown(0.5);
  pdf.fontSize(14).text(clientName).moveDown(0.5);
  pdf.fontSize(10).text(`Gemaakt op ${dutchDate(madeAt)}, op grond van uw recht op inzage en overdraagbaarheid (AVG artikel 15 en 20). `
    + 'Dit document is de leesbare vorm; dezelfde gegevens staan machineleesbaar als JSON in de map gegevens/ van het ZIP-bestand.')
    .moveDown(1.5);
  pdf.fontSize(16).text('Inhoud').moveDown(0.5).fontSize(11);
  const process = sections.filter((s) => !s.collection.health);
  const health = sections.filter((s) => s.collection.health);
  let number = 0;
  pdf.text('Deel 1 — Procesdossier', { underline: true });
  for (const { collection, count } of process) pdf.text(`  ${++number}. ${sectionTitle(collection.name)} (${count})`);
  pdf.moveDown(0.5).text('Deel 2 — Gezondheidsdossier (medisch, apart bewaard)', { underline: true });
  for (const { collection, count } of health) pdf.text(`  ${++number}. ${sectionTitle(collection.name)} (${count})`);

  let current = 0;
  let inHealth = false;
  return {
    stream: pdf,
    /** A new section; the health part opens with its own title page. */
    async section(collection: Collection) {
      if (collection.health && !inHealth) {
        inHealth = true;
        pdf.addPage().fontSize(20).fillColor('#7a0019').text('Deel 2 — Gezondheidsdossier', { align: 'left' }).moveDown(0.5);
        pdf.fontSize(11).text('Medische gegevens. Alleen uw bedrijfsarts en arbeidsdeskundige werken hiermee; uw werkgever ziet dit deel nooit.')
          .fillColor('black').moveDown(1);
        pdf.outline.addItem('Deel 2 — Gezondheidsdossier');
      } else if (current === 0) {
        pdf.addPage().fontSize(20).text('Deel 1 — Procesdossier').moveDown(1);
        pdf.outline.addItem('Deel 1 — Procesdossier');
      }
      current += 1;
      pdf.fontSize(15).fillColor(collection.health ? '#7a0019' : 'black').text(`${current}. ${sectionTitle(collection.name)}`).fillColor('black').moveDown(0.5);
      pdf.outline.addItem(`${current}. ${sectionTitle(collection.name)}`);
      await paced(pdf);
    },
    async record(item: Record<string, unknown>) {
      pdf.fontSize(10);
      for (const [key, value] of Object.entries(item)) {
        if (SKIPPED.has(key)) continue;
        pdf.font('Helvetica-Bold').text(`${LABELS[key] ?? key}: `, { continued: true }).font('Helvetica').text(describe(value));
      }
      pdf.moveDown(0.7);
      await paced(pdf);
    },
    end() {
      pdf.end();
    },
  };
}

/** Waits while more than 256 KiB of the PDF is waiting to be read. */
async function paced(pdf: PDFKit.PDFDocument) {
  while (pdf.readableLength > 256 * 1024) await once(pdf, 'data');
}
