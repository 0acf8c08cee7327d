/** Documents: upload with a progress bar, download as attachment. Used for the process and the health dossier. */
import { useRef, useState } from 'react';
import { ApiError, upload } from '../../api';
import { Empty, Field, FormProblem, Resource, useResource } from '../../components/ui';
import { formatDate, t } from '../../text';
import { api } from '../../api';

interface DocumentItem { _id: string; filename: string; category: string; size: number; createdAt: string }

export function DocumentsPanel({ listPath, uploadPath, downloadPath, categories, canUpload, extraFields = {} }: {
  listPath: string; uploadPath: string; downloadPath: (id: string) => string; categories: Record<string, string>; canUpload: boolean;
  extraFields?: Record<string, string>;
}) {
  const documents = useResource(() => api.get<{ items: DocumentItem[] }>(listPath), [listPath]);
  const [category, setCategory] = useState(Object.keys(categories)[0]!);
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const send = async () => {
    const file = fileInput.current?.files?.[0];
    const form = new FormData();
    form.set('category', category);
    for (const [key, value] of Object.entries(extraFields)) form.set(key, value);
    if (file) form.set('file', file);
    setError(null);
    setProgress(0);
    try {
      await upload(uploadPath, form, setProgress);
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
        <form className="panel editor" onSubmit={(event) => { event.preventDefault(); void send(); }} noValidate aria-label={t.documents.upload}>
          <div className="grid">
            <Field label={t.documents.category} name="category" error={error}>
              {(p) => <select {...p} value={category} onChange={(e) => setCategory(e.target.value)}>{Object.entries(categories).map(([key, label]) => <option key={key} value={key}>{label}</option>)}</select>}
            </Field>
            <Field label={t.documents.file} name="file" error={error}>{(p) => <input {...p} ref={fileInput} type="file" accept=".pdf,.png,.jpg,.jpeg,.docx" />}</Field>
          </div>
          {progress !== null && <progress max={1} value={progress} aria-label={t.documents.progress}>{Math.round(progress * 100)}%</progress>}
          <FormProblem error={error?.errors.length ? null : error} />
          <div className="actions"><button type="submit" disabled={progress !== null}>{t.documents.upload}</button></div>
        </form>
      )}
      <Resource resource={documents}>
        {({ items }) => items.length === 0 ? <Empty>{t.documents.none}</Empty> : (
          <table className="list">
            <thead><tr><th scope="col">{t.documents.file.split(' (')[0]}</th><th scope="col">{t.documents.category}</th><th scope="col">{t.documents.uploadedAt}</th><th scope="col">{t.documents.size}</th></tr></thead>
            <tbody>
              {items.map((document) => (
                <tr key={document._id}>
                  <td><a href={`/api/v1${downloadPath(document._id)}`} download>{document.filename}</a></td>
                  <td>{categories[document.category] ?? document.category}</td>
                  <td>{formatDate(document.createdAt)}</td>
                  <td>{Math.max(1, Math.round(document.size / 1024))} kB</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Resource>
    </>
  );
}
