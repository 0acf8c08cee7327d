/**
 * File uploads, read into memory by multer (never onto a public path) and judged on their content: the bytes
 * must be one of the allowed formats, that format must be the one the name and the browser claim, and nothing
 * may hide inside or after it (polyglots). Only then does a service store the file, encrypted.
 */
import type { RequestHandler } from 'express';
import { fileTypeFromBuffer } from 'file-type';
import multer from 'multer';
import { badRequest, payloadTooLarge, unsupportedMediaType } from './problem';

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
    reader(req, res, (error: unknown) => next(error instanceof multer.MulterError ? fromMulterError(error) : error));
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
      if (/\/(JavaScript|JS|Launch|EmbeddedFile|RichMedia|XFA)\b/.test(text)) return 'de PDF bevat scripts of ingebedde bestanden.';
      return MARKUP.test(text.slice(0, 1024)) ? 'de PDF begint met webcode.' : null;
    }
    case DOCX:
      return text.includes('vbaProject.bin') ? 'het document bevat macro’s.' : null;
    default:
      return null;
  }
}
