/** Waiting for a background export, and reading the PDF it holds. */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Api } from './session';

/** Waits until the background job has finished (polling the API as the screen does; no timing asserted). */
export async function finished(api: Api, path: string) {
  for (;;) {
    const { body } = await api.get(path).expect(200);
    if (!['queued', 'running'].includes(body.status as string)) return body as { status: string; progress: { done: number; total: number } };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The text of a PDF (poppler's pdftotext), or null where it is not installed. */
export function pdfText(pdf: Buffer): string | null {
  if (!existsSync('/usr/bin/pdftotext')) return null;
  const dir = mkdtempSync(join(tmpdir(), 'spoorboek-pdf-'));
  try {
    writeFileSync(join(dir, 'dossier.pdf'), pdf);
    return execFileSync('/usr/bin/pdftotext', ['-enc', 'UTF-8', join(dir, 'dossier.pdf'), '-']).toString('utf8');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

