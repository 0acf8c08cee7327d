/**
 * The re-integratieverslag (Wet verbetering poortwachter; UWV asks for it with the WIA application), split along
 * the wall: the set for the employer holds the case's dates, the timeline and the non-medical documents in order
 * and passes the medical-wording guard; the medical part (the company doctor's notes, for UWV's insurance
 * physician) is a separate PDF behind the health wall, for the company doctor only. Both are audited as `export`.
 */
import PDFDocument from 'pdfkit';
import mongoose from 'mongoose';
import { amsterdamDay, formatDay } from '@spoorboek/shared/poortwachter/calendar';
import { RESPONSIBLE_LABELS, STEP_STATUS_LABELS, type Timeline } from '@spoorboek/shared/poortwachter/timeline';
import type { AdviceContent, FormContent, SicknessCaseParams } from '@spoorboek/shared/schemas/poortwachter';
import { Client } from '../../db/models/client';
import { openClients } from '../../db/models/clientPersonalia';
import { auditAccess, authorize, findScoped, listScoped, present, requireSomeRight, type RequestActor } from '../../policy/enforce';
import * as health from '../health/service';
import { employerTexts, KIND_LABELS, openDocuments } from './documents';
import { PoortwachterDocument, SicknessCase, sealedSicknessCase, type SicknessCaseData } from './model';
import { doneDates, timelineOf, today } from './service';
import { refuseMedicalWording } from './wordingGuard';

const OWNER_LABELS: Record<string, string> = { employer: 'werkgever', employee: 'werknemer', coach: 'coach', company_doctor: 'bedrijfsarts' };

function render(build: (pdf: PDFKit.PDFDocument) => void, title: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const pdf = new PDFDocument({ size: 'A4', margin: 50, info: { Title: title, Author: 'Spoorboek' } });
    const chunks: Buffer[] = [];
    pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
    build(pdf);
    pdf.end();
  });
}

const heading = (pdf: PDFKit.PDFDocument, text: string) => pdf.moveDown(0.8).font('Helvetica-Bold').fontSize(13).text(text).font('Helvetica').fontSize(10).moveDown(0.3);
const line = (pdf: PDFKit.PDFDocument, label: string, value: string) =>
  pdf.font('Helvetica-Bold').text(`${label}: `, { continued: true }).font('Helvetica').text(value);

async function clientName(actor: RequestActor, clientId: string) {
  const client = await findScoped(actor, 'read', Client, { _id: clientId }, { recordRead: false });
  const [opened] = await openClients([client.toObject() as { _id: unknown }]); // names are sealed at rest
  const view = present(actor, 'Client', opened);
  return [view.firstName, view.lastName].filter(Boolean).join(' ');
}

function timelineTable(pdf: PDFKit.PDFDocument, timeline: Timeline) {
  for (const step of timeline.steps) {
    const who = step.responsible.map((entry) => RESPONSIBLE_LABELS[entry]).join(' en ');
    const done = step.done ? `gedaan ${formatDay(step.done)}${step.doneLate ? ' (na de termijn)' : ''}` : STEP_STATUS_LABELS[step.status];
    pdf.font('Helvetica-Bold').text(`Week ${step.week} — ${step.label}`).font('Helvetica')
      .text(`Uiterlijk ${formatDay(step.due)} · ${who} · ${done}`).moveDown(0.3);
  }
}

/** The RIV set for the employer: dates, timeline, released advice and agreed forms, in order. */
export async function rivPdf(actor: RequestActor, { clientId, caseId }: SicknessCaseParams, now?: Date): Promise<Buffer> {
  const found = await findScoped(actor, 'read', SicknessCase, { _id: caseId, clientId }, { recordRead: false });
  await requireSomeRight(actor, 'export', 'SicknessCase', clientId);
  await authorize(actor, 'export', 'SicknessCase', found);
  const sickness = await sealedSicknessCase.open(found);
  const dates = await doneDates(actor, [found]);
  const timeline = timelineOf(found.toObject() as SicknessCaseData, dates.get(String(found._id)) ?? {}, today(now));
  const documents = await openDocuments(await listScoped(actor, 'read', PoortwachterDocument, {
    clientId, caseId, status: mongoose.trusted({ $in: ['released', 'agreed'] }),
  } as never, { sort: { createdAt: 1 } }), { agreements: false });

  // Everything in the employer's set is employer-facing text: the guard reads all of it before a page is drawn.
  refuseMedicalWording({
    ...Object.fromEntries(documents.flatMap((document) =>
      Object.entries(employerTexts(document.kind, document.content)).map(([field, text]) => [`${String(document._id)}.${field}`, text]))),
    ...Object.fromEntries(sickness.extensions.map((extension) => [`extensions.${String(extension._id)}.reason`, extension.reason])),
    ...Object.fromEntries(sickness.corrections.map((correction) => [`corrections.${String(correction._id)}.reason`, correction.reason])),
  }, 'Het re-integratieverslag');

  const name = await clientName(actor, clientId);
  const pdf = await render((page) => {
    page.font('Helvetica-Bold').fontSize(18).text('Re-integratieverslag').fontSize(10).font('Helvetica')
      .text('Wet verbetering poortwachter — deel voor de werkgever, zonder medische gegevens').moveDown();
    line(page, 'Werknemer', name);
    line(page, 'Eerste ziektedag', formatDay(sickness.firstSickDay));
    line(page, 'Week vandaag', String(timeline.week));
    if (timeline.closedOn) line(page, 'Volledig hersteld op', formatDay(timeline.closedOn));
    for (const correction of sickness.corrections) {
      line(page, 'Eerste ziektedag gecorrigeerd', `van ${formatDay(correction.from)} naar ${formatDay(correction.to)} (${correction.reason})`);
    }
    for (const extension of sickness.extensions) {
      line(page, extension.kind === 'loonsanctie' ? 'Loonsanctie' : 'Uitstel', `${extension.weeks} weken, besluit van ${formatDay(extension.decidedOn)} (${extension.reason})`);
    }
    heading(page, 'Tijdlijn');
    timelineTable(page, timeline);
    for (const document of documents) {
      heading(page, KIND_LABELS[document.kind] ?? document.kind);
      const when = document.releasedAt ?? document.agreedAt;
      if (when) page.text(`${document.status === 'released' ? 'Vrijgegeven' : 'Akkoord'} op ${formatDay(amsterdamDay(when))}`).moveDown(0.3);
      if (document.kind === 'problem_analysis') {
        const advice = document.content as AdviceContent;
        line(page, 'Mogelijkheden in werk', advice.workCapacity);
        line(page, 'Advies', advice.advice);
        if (advice.expectedDuration) line(page, 'Verwachte duur', advice.expectedDuration);
      } else {
        const form = document.content as FormContent;
        line(page, 'Doel', form.goal);
        for (const action of form.actions) page.text(`• ${action.what} — ${OWNER_LABELS[action.who] ?? action.who}, uiterlijk ${formatDay(action.when)}`);
        if (form.evaluation) line(page, 'Evaluatie', form.evaluation);
        if (form.employeeView) line(page, 'Visie van de werknemer', form.employeeView);
      }
    }
  }, 'Re-integratieverslag');
  await auditAccess(actor, 'export', 'SicknessCase', { id: caseId, clientId, outcome: 'allowed', reason: 're-integratieverslag' });
  return pdf;
}

/** The medical part for UWV's insurance physician: the company doctor's notes since the first sick day. */
export async function medicalPartPdf(actor: RequestActor, { clientId, caseId }: SicknessCaseParams): Promise<Buffer> {
  const found = await findScoped(actor, 'read', SicknessCase, { _id: caseId, clientId }, { recordRead: false });
  await requireSomeRight(actor, 'export', 'HealthRecord', clientId);
  const notes = (await health.listRecords(actor, clientId, 'medical_note'))
    .filter((note) => note.date.toISOString().slice(0, 10) >= found.firstSickDay)
    .sort((a, b) => a.date.getTime() - b.date.getTime());
  for (const note of notes) await authorize(actor, 'export', 'HealthRecord', note);
  const name = await clientName(actor, clientId);
  const pdf = await render((page) => {
    page.font('Helvetica-Bold').fontSize(18).text('Re-integratieverslag — medisch deel').fontSize(10).font('Helvetica')
      .text('Alleen voor de verzekeringsarts van UWV. Medisch beroepsgeheim: niet voor de werkgever.').moveDown();
    line(page, 'Werknemer', name);
    line(page, 'Eerste ziektedag', formatDay(found.firstSickDay));
    for (const note of notes) {
      heading(page, `Medische aantekening van ${formatDay(note.date.toISOString().slice(0, 10))}`);
      page.text(note.text ?? '');
    }
  }, 'Re-integratieverslag — medisch deel');
  await auditAccess(actor, 'export', 'HealthRecord', { clientId, outcome: 'allowed', reason: 'medisch deel van het re-integratieverslag' });
  return pdf;
}
