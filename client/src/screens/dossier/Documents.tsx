/** Documents: upload with a progress bar, download as attachment. Used for the process and the health dossier. */
import { useRef, useState } from 'react';
import { ApiError, call, hrefOf, uploadTo, type Answer } from '../../api';
import { Empty, Field, FormProblem, Resource, useResource } from '../../components/ui';
import { formatDate, t } from '../../text';
import { documents as processDocuments } from '@spoorboek/shared/contracts/documents';
import { health } from '@spoorboek/shared/contracts/health';

/** Which of the client's two dossiers: the process dossier, or the health dossier (its own compartment). */
type DocumentDossier = 'process' | 'health';

type DocumentRow =
  Answer<typeof processDocuments.list>['items'][number] | Answer<typeof health.listDocuments>['items'][number];

const list = (dossier: DocumentDossier, clientId: string): Promise<{ items: DocumentRow[] }> =>
  dossier === 'health' ? call(health.listDocuments, { clientId }) : call(processDocuments.list, { clientId });
const send = (dossier: DocumentDossier, clientId: string, form: FormData, onProgress: (fraction: number) => void) =>
  dossier === 'health'
    ? uploadTo(health.uploadDocument, { clientId }, form, onProgress)
    : uploadTo(processDocuments.upload, { clientId }, form, onProgress);
const downloadHref = (dossier: DocumentDossier, clientId: string, documentId: string) =>
  dossier === 'health'
    ? hrefOf(health.downloadDocument, { clientId, documentId })
    : hrefOf(processDocuments.download, { clientId, documentId });

export function DocumentsPanel({
  clientId,
  dossier,
  categories,
  canUpload,
  extraFields = {},
}: {
  clientId: string;
  dossier: DocumentDossier;
  categories: Record<string, string>;
  canUpload: boolean;
  extraFields?: Record<string, string>;
}) {
  const documents = useResource(() => list(dossier, clientId), [dossier, clientId]);
  const [category, setCategory] = useState(Object.keys(categories)[0]!);
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const submit = async () => {
    const file = fileInput.current?.files?.[0];
    const form = new FormData();
    form.set('category', category);
    for (const [key, value] of Object.entries(extraFields)) form.set(key, value);
    if (file) form.set('file', file);
    setError(null);
    setProgress(0);
    try {
      await send(dossier, clientId, form, setProgress);
      if (fileInput.current) fileInput.current.value = '';
      documents.reload();
    } catch (caught) {
      setError(caught instanceof ApiError ? caught : new ApiError(0, t.unknownError));
    } finally {
      setProgress(null);
    }
  };
  return (
    <>
      {canUpload && (
        <form
          className="panel editor"
          onSubmit={(event) => {
            event.preventDefault();
            void submit();
          }}
          noValidate
          aria-label={t.documents.upload}
        >
          <div className="grid">
            <Field label={t.documents.category} name="category" error={error}>
              {(p) => (
                <select {...p} value={category} onChange={(e) => setCategory(e.target.value)}>
                  {Object.entries(categories).map(([key, label]) => (
                    <option key={key} value={key}>
                      {label}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label={t.documents.file} name="file" error={error}>
              {(p) => <input {...p} ref={fileInput} type="file" accept=".pdf,.png,.jpg,.jpeg,.docx" />}
            </Field>
          </div>
          {progress !== null && (
            <progress max={1} value={progress} aria-label={t.documents.progress}>
              {Math.round(progress * 100)}%
            </progress>
          )}
          <FormProblem error={error?.errors.length ? null : error} />
          <div className="actions">
            <button type="submit" disabled={progress !== null}>
              {t.documents.upload}
            </button>
          </div>
        </form>
      )}
      <Resource resource={documents}>
        {({ items }) =>
          items.length === 0 ? (
            <Empty>{t.documents.none}</Empty>
          ) : (
            <table className="list">
              <thead>
                <tr>
                  <th scope="col">{t.documents.file.split(' (')[0]}</th>
                  <th scope="col">{t.documents.category}</th>
                  <th scope="col">{t.documents.uploadedAt}</th>
                  <th scope="col">{t.documents.size}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((document) => (
                  <tr key={document._id}>
                    <td>
                      {document._id ? (
                        <a href={downloadHref(dossier, clientId, document._id)} download>
                          {document.filename}
                        </a>
                      ) : (
                        document.filename
                      )}
                    </td>
                    <td>{document.category ? (categories[document.category] ?? document.category) : ''}</td>
                    <td>{formatDate(document.createdAt)}</td>
                    <td>{document.size === undefined ? '' : `${Math.max(1, Math.round(document.size / 1024))} kB`}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </Resource>
    </>
  );
}
