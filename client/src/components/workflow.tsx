/** Pieces the consult and report workflows share: a list with its "new" editor, and the client's dispute form. */
import { useState, type ReactNode } from 'react';
import type { ApiError } from '../api';
import { t } from '../text';
import { Empty, Field, Resource, useResource } from './ui';

/** A heading, a "new" button that opens an editor, and the list of records (or its empty state). */
export function RecordSection<T>({
  id,
  title,
  load,
  loadKey,
  canCreate,
  newLabel,
  emptyLabel,
  editor,
  render,
}: {
  id: string;
  title: string;
  canCreate: boolean;
  newLabel: string;
  emptyLabel: string;
  /** Fetches the list (a `call` of the contract); fetched again when `loadKey` changes. */
  load: () => Promise<{ items: T[] }>;
  loadKey: string;
  editor: (done: () => void) => ReactNode;
  render: (item: T, reload: () => void) => ReactNode;
}) {
  // eslint-disable-next-line react-hooks/exhaustive-deps -- `loadKey` names everything `load` reads
  const items = useResource(load, [loadKey]);
  const [creating, setCreating] = useState(false);
  return (
    <section aria-labelledby={id}>
      <div className="heading">
        <h2 id={id}>{title}</h2>
        {canCreate && !creating && (
          <button type="button" onClick={() => setCreating(true)}>
            {newLabel}
          </button>
        )}
      </div>
      {creating &&
        editor(() => {
          setCreating(false);
          items.reload();
        })}
      <Resource resource={items}>
        {({ items: list }) =>
          list.length === 0 ? <Empty>{emptyLabel}</Empty> : list.map((item) => render(item, items.reload))
        }
      </Resource>
    </section>
  );
}

/** The client says what is wrong with a summary or report (Privacyreglement Re-integratieonderwijs.nl art. 3.5). */
export function DisputeForm({
  error,
  onSubmit,
  onCancel,
}: {
  error: ApiError | null;
  onSubmit: (comment: string) => void;
  onCancel: () => void;
}) {
  const [comment, setComment] = useState('');
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit(comment);
      }}
      noValidate
    >
      <Field label={t.consults.disputeComment} name="comment" error={error}>
        {(p) => <textarea {...p} rows={3} value={comment} onChange={(e) => setComment(e.target.value)} />}
      </Field>
      <div className="actions">
        <button type="submit">{t.send}</button>
        <button type="button" className="secondary" onClick={onCancel}>
          {t.cancel}
        </button>
      </div>
    </form>
  );
}
