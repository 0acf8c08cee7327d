/**
 * File uploads, read into memory by multer (never onto a public path) and judged on their content: the bytes
 * must be one of the allowed formats, that format must be the one the name and the browser claim, and nothing
 * may hide inside or after it (polyglots). Only then does a service store the file, encrypted.
 */
import type { RequestHandler } from 'express';
import { inflateSync } from 'node:zlib';
import { fileTypeFromBuffer } from 'file-type';
import multer from 'multer';
import { UNSAFE_CHARACTERS } from '@spoorboek/shared/schemas/common';
import { badRequest, HttpProblem, payloadTooLarge, unsupportedMediaType } from './problem';
import { readZipEntry, zipEntries } from './zipEntries';

export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** The allow-list: content type → the extensions a file of that type may carry. */
export const ALLOWED_UPLOADS: Record<string, string[]> = {
  'application/pdf': ['pdf'],
  'image/png': ['png'],
  'image/jpeg': ['jpg', 'jpeg'],
  [DOCX]: ['docx'],
};
const ALLOWED_TEXT = 'PDF, PNG, JPEG of Word (DOCX)';

/** A file name as a download may carry it: no folders, no control characters, no hidden or odd names. */
export function checkFilename(name: string): string | null {
  if (name.length === 0 || name.length > 200) return 'De bestandsnaam is leeg of langer dan 200 tekens.';
  // eslint-disable-next-line no-control-regex
  if (/[\\/\x00-\x1f\x7f<>:"|?*]/.test(name) || name.includes('..') || name.startsWith('.')) {
    return 'De bestandsnaam bevat tekens die niet zijn toegestaan (zoals / \\ of ..).';
  }
  if (UNSAFE_CHARACTERS.test(name)) {
    return 'De bestandsnaam bevat onzichtbare tekens die de leesrichting omkeren; die zijn niet toegestaan.';
  }
  return null;
}

const extensionOf = (name: string) => name.split('.').pop()?.toLowerCase() ?? '';

/** Reads one file (field `file`) and the form's text fields; cheap checks on name and claimed type happen here. */
export function uploadOne(field = 'file'): RequestHandler {
  const reader = multer({
    storage: multer.memoryStorage(),
    defParamCharset: 'utf8',
    preservePath: true, // so a name with folders in it is seen, and refused, rather than silently cut short
    limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 5, parts: 6, fieldSize: 1000, fieldNestingDepth: 0 },
    fileFilter: (_req, file, accept) => {
      const nameProblem = checkFilename(file.originalname);
      if (nameProblem) return accept(badRequest(nameProblem, [{ field: `body.${field}`, message: nameProblem }]));
      const extensions = ALLOWED_UPLOADS[file.mimetype];
      if (!extensions || !extensions.includes(extensionOf(file.originalname))) {
        return accept(unsupportedMediaType(`Dit bestandstype is niet toegestaan. Kies een ${ALLOWED_TEXT}-bestand.`));
      }
      accept(null, true);
    },
  }).single(field);
  return (req, res, next) => {
    reader(req, res, (error: unknown) => {
      if (!error || error instanceof HttpProblem) return next(error);
      // Anything else the form reader throws (busboy: no boundary, a malformed part header, a cut-off body) is
      // the sender's fault, not ours: 400, never 500.
      next(error instanceof multer.MulterError ? fromMulterError(error) : badRequest('Het formulier met het bestand kon niet worden gelezen.'));
    });
  };
}

function fromMulterError(error: multer.MulterError) {
  if (error.code === 'LIMIT_FILE_SIZE') return payloadTooLarge(`Het bestand is groter dan ${MAX_UPLOAD_BYTES / 1024 / 1024} MB.`);
  if (error.code === 'LIMIT_FILE_COUNT' || error.code === 'LIMIT_UNEXPECTED_FILE') {
    return badRequest('Stuur precies één bestand mee, in het veld "file".');
  }
  return badRequest('Het formulier met het bestand kon niet worden gelezen.');
}

export interface InspectedFile {
  buffer: Buffer;
  filename: string;
  contentType: string;
}

/**
 * The content check: detected type (magic bytes) equals the claimed type, and the file ends where its format
 * says it ends, with no script or second format inside. Throws a 400/415 problem otherwise.
 */
export async function inspectUpload(file: Express.Multer.File | undefined): Promise<InspectedFile> {
  if (!file) throw badRequest('Kies een bestand om te uploaden.', [{ field: 'body.file', message: 'Kies een bestand.' }]);
  if (file.size === 0) throw badRequest('Het bestand is leeg.');
  const detected = await fileTypeFromBuffer(file.buffer);
  if (!detected || !ALLOWED_UPLOADS[detected.mime]) {
    throw unsupportedMediaType(`De inhoud van dit bestand is geen ${ALLOWED_TEXT}.`);
  }
  if (detected.mime !== file.mimetype) {
    throw unsupportedMediaType('De inhoud van het bestand past niet bij het opgegeven bestandstype.');
  }
  const hidden = hiddenContent(file.buffer, detected.mime);
  if (hidden) throw unsupportedMediaType(`Dit bestand is geweigerd: ${hidden}`);
  return { buffer: file.buffer, filename: file.originalname, contentType: detected.mime };
}

const ascii = (buffer: Buffer) => buffer.toString('latin1');
const MARKUP = /<\s*(script|html|svg|iframe|object|embed|\?php)\b/i;

/** Why this file is more than the format it claims (a polyglot or active content), or null. */
function hiddenContent(buffer: Buffer, mime: string): string | null {
  const text = ascii(buffer);
  switch (mime) {
    case 'image/png': {
      const end = text.lastIndexOf('IEND');
      if (end < 0 || end + 8 !== buffer.length) return 'er staan gegevens na het einde van de afbeelding.';
      return MARKUP.test(text) || text.includes('%PDF-') ? 'de afbeelding bevat ingebedde code of een tweede bestand.' : null;
    }
    case 'image/jpeg': {
      let end = buffer.length;
      while (end > 0 && buffer[end - 1] === 0) end -= 1; // some cameras pad with zeros
      if (buffer[end - 2] !== 0xff || buffer[end - 1] !== 0xd9) return 'er staan gegevens na het einde van de afbeelding.';
      return MARKUP.test(text) || text.includes('%PDF-') || text.includes('PK\x03\x04')
        ? 'de afbeelding bevat ingebedde code of een tweede bestand.' : null;
    }
    case 'application/pdf': {
      const tail = text.slice(text.lastIndexOf('%%EOF') + 5);
      if (!text.includes('%%EOF') || tail.trim().length > 0) return 'er staan gegevens na het einde van de PDF.';
      if (PDF_ACTIONS.test(pdfNames(text)) || PDF_ACTIONS.test(pdfNames(inflatedStreams(buffer)))) {
        return 'de PDF bevat scripts, acties (zoals links naar buiten of formulieren) of ingebedde bestanden.';
      }
      return MARKUP.test(text.slice(0, 1024)) ? 'de PDF begint met webcode.' : null;
    }
    case DOCX:
      return docxProblem(buffer);
    default:
      return null;
  }
}

/**
 * PDF names that make a reader act on its own or reach outside the file (ISO 32000-1 §12.6 actions, §7.11 embedded
 * files): scripts, launching programs, links and form submissions to elsewhere, automatic triggers, rich media.
 */
const PDF_ACTIONS = /\/(JavaScript|JS|Launch|URI|SubmitForm|ImportData|GoToR|GoToE|AA|EmbeddedFile|RichMedia|XFA)(?![A-Za-z0-9])/;

/** The text with every name's #xx escapes decoded (ISO 32000-1 §7.3.5): `/J#61vaScript` is `/JavaScript`. */
function pdfNames(text: string): string {
  return text.replace(/\/[^\s/[\]<>(){}%]*/g, (name) => name.replace(/#([0-9a-fA-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))));
}

/** The content of the compressed streams (object streams hide dictionaries there), within a budget. */
function inflatedStreams(buffer: Buffer, budget = 20 * 1024 * 1024): string {
  const text = ascii(buffer);
  const parts: string[] = [];
  let used = 0;
  for (const match of text.matchAll(/stream\r?\n/g)) {
    const start = match.index + match[0].length;
    const end = text.indexOf('endstream', start);
    if (end < 0 || used >= budget) break;
    try {
      const inflated = inflateSync(buffer.subarray(start, end), { maxOutputLength: budget - used });
      used += inflated.length;
      parts.push(inflated.toString('latin1'));
    } catch {
      // not deflated (an image, say) or cut short: nothing to read
    }
  }
  return parts.join('\n');
}

/** Parts of a Word document that run code or fetch content when it is opened (ECMA-376; MS-OFFCRYPTO aside). */
function docxProblem(buffer: Buffer): string | null {
  const entries = zipEntries(buffer);
  if (!entries) return 'het document is beschadigd.';
  const names = entries.map((entry) => entry.name.toLowerCase());
  if (names.some((name) => /(^|\/)vba(project\.bin|data\.xml)$/.test(name))) return 'het document bevat macro’s.';
  if (names.some((name) => name.startsWith('word/embeddings/') || /(^|\/)(oleobject\d*\.bin|activex\d*\.(xml|bin))$/.test(name) || name.includes('/activex/'))) {
    return 'het document bevat ingebedde objecten (OLE of ActiveX).';
  }
  for (const entry of entries) {
    const name = entry.name.toLowerCase();
    if (!name.endsWith('.rels') && name !== '[content_types].xml') continue;
    const content = readZipEntry(buffer, entry);
    if (!content) return 'het document is beschadigd.';
    const xml = content.toString('utf8');
    if (/macroEnabled|vbaProject/i.test(xml)) return 'het document bevat macro’s.';
    if (/oleObject|\/package"/i.test(xml) && name.endsWith('.rels')) return 'het document bevat ingebedde objecten (OLE of ActiveX).';
    for (const relationship of xml.match(/<Relationship\b[^>]*>/gi) ?? []) {
      const external = /TargetMode\s*=\s*["']External["']/i.test(relationship);
      if (external && /Type\s*=\s*["'][^"']*\/(attachedTemplate|subDocument|frame|oleObject)["']/i.test(relationship)) {
        return 'het document haalt bij het openen inhoud van buiten op (extern sjabloon of object).';
      }
    }
  }
  return null;
}
