/** Consults: the coach's editor and workflow, the client's approve/dispute, revision history and addenda. */
import { subject } from '@casl/ability';
import { useState } from 'react';
import { call, type Answer } from '../../api';
import { Badge, Field, FormProblem, useSubmit } from '../../components/ui';
import { DisputeForm, RecordSection } from '../../components/workflow';
import { useSession } from '../../session';
import { formatDate, formatDateTime, t, toDateInput, today } from '../../text';
import { consults } from '@spoorboek/shared/contracts/consults';
import { CONSULT_KINDS, type ConsultKind, type ConsultStatus as Status } from '@spoorboek/shared/domain';

type Consult = Answer<typeof consults.get>;

const TONE = { draft: 'neutral', awaiting_client: 'waiting', approved: 'ok', disputed: 'warning' } as const;

function ConsultStatus({ status }: { status: Status }) {
  const { has } = useSession();
  const label = status === 'awaiting_client' && has('client') ? t.client.waitingForYou : t.consultStatuses[status];
  return <Badge tone={TONE[status]}>{label}</Badge>;
}

function ConsultEditor({ clientId, consult, onDone }: { clientId: string; consult?: Consult; onDone: () => void }) {
  const [form, setForm] = useState({
    date: toDateInput(consult?.date) || today(),
    durationMinutes: String(consult?.durationMinutes ?? 60),
    kind: consult?.kind ?? ('progress' as ConsultKind),
    summary: consult?.summary ?? '',
  });
  const submit = useSubmit(async () => {
    const body = {
      date: form.date,
      durationMinutes: Number(form.durationMinutes),
      kind: form.kind,
      summary: form.summary,
    };
    if (consult) await call(consults.update, { clientId, consultId: consult._id }, body);
    else await call(consults.create, { clientId }, body);
    onDone();
  });
  const error = submit.error;
  return (
    <form
      className="panel editor"
      onSubmit={(event) => {
        event.preventDefault();
        void submit.run();
      }}
      noValidate
      aria-label={t.consults.new}
    >
      <div className="grid">
        <Field label={t.consults.date} name="date" error={error}>
          {(p) => (
            <input {...p} type="date" value={form.date} onChange={(e) => setForm({ ...form, date: e.target.value })} />
          )}
        </Field>
        <Field label={t.consults.duration} name="durationMinutes" error={error}>
          {(p) => (
            <input
              {...p}
              type="number"
              min={1}
              max={600}
              value={form.durationMinutes}
              onChange={(e) => setForm({ ...form, durationMinutes: e.target.value })}
            />
          )}
        </Field>
        <Field label={t.consults.kind} name="kind" error={error}>
          {(p) => (
            <select
              {...p}
              value={form.kind}
              onChange={(e) => setForm({ ...form, kind: e.target.value as ConsultKind })}
            >
              {CONSULT_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {t.consultKinds[kind]}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <Field label={t.consults.summary} name="summary" error={error}>
        {(p) => (
          <textarea
            {...p}
            rows={6}
            value={form.summary}
            onChange={(e) => setForm({ ...form, summary: e.target.value })}
          />
        )}
      </Field>
      <FormProblem error={error?.errors.length ? null : error} />
      <div className="actions">
        <button type="submit" disabled={submit.busy}>
          {t.consults.saveDraft}
        </button>
        <button type="button" className="secondary" onClick={onDone}>
          {t.cancel}
        </button>
      </div>
    </form>
  );
}

export function ConsultCard({ consult, onChange }: { consult: Consult; onChange: () => void }) {
  const { ability } = useSession();
  const can = (action: 'update' | 'send' | 'delete' | 'approve' | 'dispute') =>
    ability.can(action, subject('Consult', { ...consult }) as never);
  const [editing, setEditing] = useState(false);
  const [disputing, setDisputing] = useState(false);
  const [addendum, setAddendum] = useState('');
  const ids = { clientId: consult.clientId, consultId: consult._id };
  const act = useSubmit(async (step: () => Promise<unknown>) => {
    await step();
    setDisputing(false);
    setAddendum('');
    onChange();
  });
  const remove = useSubmit(async () => {
    await call(consults.remove, ids);
    onChange();
  });
  if (editing)
    return (
      <ConsultEditor
        clientId={consult.clientId}
        consult={consult}
        onDone={() => {
          setEditing(false);
          onChange();
        }}
      />
    );
  const editable = consult.status === 'draft' || consult.status === 'disputed';
  return (
    <article className="card" aria-labelledby={`consult-${consult._id}`}>
      <header>
        <h3 id={`consult-${consult._id}`}>
          {formatDate(consult.date)} · {t.consultKinds[consult.kind]} · {consult.durationMinutes} min
        </h3>
        <ConsultStatus status={consult.status} />
      </header>
      <p className="prose">{consult.summary}</p>
      {consult.status === 'disputed' && consult.clientComment && (
        <p className="comment">
          <strong>{t.consults.clientComment}:</strong> {consult.clientComment}
        </p>
      )}
      {consult.status === 'approved' &&
        ability.can('update', subject('Consult', { ...consult }) as never, 'addenda') && (
          <p className="muted">{t.consults.locked}</p>
        )}
      {consult.addenda && consult.addenda.length > 0 && (
        <section aria-label={t.consults.addenda}>
          <h4>{t.consults.addenda}</h4>
          <ul>
            {consult.addenda.map((item) => (
              <li key={item._id}>
                {formatDateTime(item.at)}: {item.text}
              </li>
            ))}
          </ul>
        </section>
      )}
      {consult.revisions && consult.revisions.length > 1 && (
        <details>
          <summary>{t.consults.revisions(consult.revisions.length)}</summary>
          <ol>
            {consult.revisions.map((revision, index) => (
              <li key={index}>
                <small className="muted">{t.consults.revisionBy(formatDateTime(revision.at))}</small>
                <p className="prose">{revision.summary}</p>
                {revision.clientComment && (
                  <p className="comment">
                    {t.consults.clientComment}: {revision.clientComment}
                  </p>
                )}
              </li>
            ))}
          </ol>
        </details>
      )}
      <FormProblem error={act.error ?? remove.error} />
      <div className="actions">
        {editable && can('update') && (
          <button type="button" className="secondary" onClick={() => setEditing(true)}>
            {t.consults.edit}
          </button>
        )}
        {can('send') && (
          <button type="button" onClick={() => void act.run(() => call(consults.send, ids))}>
            {t.consults.sendToClient}
          </button>
        )}
        {consult.status === 'draft' && can('delete') && !consult.revisions?.some((r) => r.sentAt) && (
          <button type="button" className="danger" onClick={() => void remove.run()}>
            {t.consults.delete}
          </button>
        )}
        {can('approve') && (
          <button type="button" onClick={() => void act.run(() => call(consults.approve, ids, {}))}>
            {t.consults.approve}
          </button>
        )}
        {can('dispute') && !disputing && (
          <button type="button" className="secondary" onClick={() => setDisputing(true)}>
            {t.consults.dispute}
          </button>
        )}
      </div>
      {disputing && (
        <DisputeForm
          error={act.error}
          onSubmit={(comment) => void act.run(() => call(consults.dispute, ids, { comment }))}
          onCancel={() => setDisputing(false)}
        />
      )}
      {consult.status === 'approved' &&
        ability.can('update', subject('Consult', { ...consult }) as never, 'addenda') && (
          <form
            onSubmit={(event) => {
              event.preventDefault();
              void act.run(() => call(consults.addAddendum, ids, { text: addendum }));
            }}
            noValidate
          >
            <Field label={t.consults.addendum} name="text" error={act.error}>
              {(p) => <textarea {...p} rows={2} value={addendum} onChange={(e) => setAddendum(e.target.value)} />}
            </Field>
            <div className="actions">
              <button type="submit" className="secondary">
                {t.consults.addendum}
              </button>
            </div>
          </form>
        )}
    </article>
  );
}

export function ConsultsTab({ clientId }: { clientId: string }) {
  const { ability } = useSession();
  return (
    <RecordSection
      id="consults-title"
      title={t.dossier.tabs.consulten}
      load={() => call(consults.list, { clientId })}
      loadKey={clientId}
      canCreate={ability.can('create', 'Consult')}
      newLabel={t.consults.new}
      emptyLabel={t.consults.none}
      editor={(done) => <ConsultEditor clientId={clientId} onDone={done} />}
      render={(consult, reload) => <ConsultCard key={consult._id} consult={consult} onChange={reload} />}
    />
  );
}
