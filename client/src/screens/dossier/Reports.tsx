/**
 * Progress reports: the composer checks the employer-facing text as the coach types, with the same guard the
 * server applies when the report is sent and shared (shared/src/medicalWording): each sentence that says
 * something about health is highlighted, with advice on what to write instead in work terms. Sending waits until
 * no sentence is flagged. The client approves, disputes, and decides separately whether to share with the employer.
 */
import { subject } from '@casl/ability';
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { checkWording, GENERAL_ADVICE, type WordingFlag } from '@spoorboek/shared/medicalWording';
import { ApiError, call, type Answer } from '../../api';
import { Badge, Field, FormProblem, useResource, useSubmit } from '../../components/ui';
import { DisputeForm, RecordSection } from '../../components/workflow';
import { useSession } from '../../session';
import { formatDate, t, toDateInput } from '../../text';
import { consults } from '@spoorboek/shared/contracts/consults';
import { reports } from '@spoorboek/shared/contracts/reports';

/** A report as the reader may see it (`shares`: every grant and withdrawal; `wordingReview`: flagged after sending). */
export type Report = Answer<typeof reports.get>;

type Flag = WordingFlag & { field: 'title' | 'text' };

const TONE = {
  draft: 'neutral',
  awaiting_client: 'waiting',
  approved: 'ok',
  shared: 'shared',
  withdrawn: 'neutral',
} as const;

/** The badge: "Gedeeld op …" while a consent stands, "Ingetrokken op …" after the last one was withdrawn. */
function statusLabel(report: Report, isClient: boolean): string {
  if (report.status === 'awaiting_client' && isClient) return t.client.waitingForYou;
  if (report.status === 'shared' && report.sharedAt) return `${t.reports.sharedOn} ${formatDate(report.sharedAt)}`;
  if (report.status === 'withdrawn' && report.withdrawnAt)
    return `${t.reports.withdrawnOn} ${formatDate(report.withdrawnAt)}`;
  return t.reportStatuses[report.status ?? 'draft'] ?? '';
}

/** Each grant and withdrawal stays visible: withdrawal is not retroactive, and the client sees what they decided. */
function ShareHistory({ report }: { report: Report }) {
  if (!report.shares?.length) return null;
  return (
    <div className="share-history">
      <h4>{t.reports.shareHistory}</h4>
      <ul>
        {report.shares.map((entry) => (
          <li key={entry.consentId}>
            {t.reports.sharedOn} {formatDate(entry.sharedAt)} —{' '}
            {entry.withdrawnAt
              ? `${t.reports.withdrawnOn.toLowerCase()} ${formatDate(entry.withdrawnAt)}`
              : t.reports.standingNow}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The guard on the employer-facing fields, as the server applies it on send and share. */
function flagsOf(title: string, text: string): Flag[] {
  return [
    ...checkWording(title).map((flag) => ({ ...flag, field: 'title' as const })),
    ...checkWording(text).map((flag) => ({ ...flag, field: 'text' as const })),
  ];
}

/** The guard's verdict a moment after the coach stops typing (no flicker on every key), with the text it read. */
function useWordingFlags(title: string, text: string): { flags: Flag[]; checked: string } {
  const [verdict, setVerdict] = useState(() => ({ flags: flagsOf(title, text), checked: text }));
  useEffect(() => {
    const timer = setTimeout(() => setVerdict({ flags: flagsOf(title, text), checked: text }), 250);
    return () => clearTimeout(timer);
  }, [title, text]);
  return verdict;
}

/** The text with each flagged sentence marked, as the employer would read it. */
function Highlighted({ text, flags }: { text: string; flags: Flag[] }) {
  const spans = [
    ...new Map(flags.filter((flag) => flag.field === 'text').map((flag) => [flag.sentenceIndex, flag])).values(),
  ].sort((a, b) => a.sentenceIndex - b.sentenceIndex);
  const parts: ReactNode[] = [];
  let at = 0;
  for (const flag of spans) {
    if (flag.sentenceIndex < at) continue;
    parts.push(text.slice(at, flag.sentenceIndex));
    parts.push(
      <mark key={flag.sentenceIndex} data-category={flag.category}>
        {text.slice(flag.sentenceIndex, flag.sentenceIndex + flag.sentenceLength)}
      </mark>,
    );
    at = flag.sentenceIndex + flag.sentenceLength;
  }
  parts.push(text.slice(at));
  return <p className="prose preview">{parts}</p>;
}

/** The flags beside the text, per sentence: what it says (category and words), what to write instead, an example. */
function WordingFlags({ flags, onShow }: { flags: Flag[]; onShow?: (flag: Flag) => void }) {
  if (flags.length === 0)
    return (
      <p className="ok-text" role="status">
        {t.reports.noFlags}
      </p>
    );
  const sentences = [
    ...flags
      .reduce((all, flag) => {
        const key = `${flag.field}:${flag.sentenceIndex}`;
        return all.set(key, [...(all.get(key) ?? []), flag]);
      }, new Map<string, Flag[]>())
      .entries(),
  ];
  const marks = (terms: string[]) =>
    terms.flatMap((term, index) => [index ? ', ' : '', <mark key={term}>{term}</mark>]);
  return (
    <aside className="flags" role="status" aria-live="polite" aria-label={t.reports.flagsTitle}>
      <h4>
        {t.reports.flagsTitle}: {t.reports.flagCount(sentences.length)}
      </h4>
      <p>{GENERAL_ADVICE}</p>
      <ol>
        {sentences.map(([key, group]) => (
          <li key={key} className="flag">
            <p>
              {t.reports.flagField[group[0]!.field]}: <q>{group[0]!.sentence}</q>
            </p>
            {group.map((flag) => (
              <div key={flag.category}>
                <p>
                  <strong>{flag.label}</strong> · {t.reports.flagTerms}: {marks(flag.terms)}
                </p>
                <p>{flag.advice}</p>
                <p className="muted">
                  {t.reports.flagExamples}: <q>{flag.examples[0]}</q>
                </p>
              </div>
            ))}
            {onShow && group[0]!.field === 'text' && (
              <button type="button" className="link" onClick={() => onShow(group[0]!)}>
                {t.reports.showSentence}
              </button>
            )}
          </li>
        ))}
      </ol>
    </aside>
  );
}

function Composer({ clientId, report, onDone }: { clientId: string; report?: Report; onDone: () => void }) {
  const approved = useResource(() => call(consults.list, { clientId }), [clientId]);
  const [form, setForm] = useState({
    title: report?.title ?? '',
    periodStart: toDateInput(report?.periodStart),
    periodEnd: toDateInput(report?.periodEnd),
    text: report?.text ?? '',
    consultIds: report?.consultIds ?? [],
  });
  const { flags, checked } = useWordingFlags(form.title, form.text);
  const textArea = useRef<HTMLTextAreaElement>(null);
  /** Selects the flagged sentence in the text, so the coach can rewrite it where it stands. */
  const showSentence = (flag: Flag) => {
    const area = textArea.current;
    if (!area || area.value !== checked) return; // the offsets belong to the text as it was checked
    area.focus();
    area.setSelectionRange(flag.sentenceIndex, flag.sentenceIndex + flag.sentenceLength);
  };
  const submit = useSubmit(async () => {
    if (report) await call(reports.update, { clientId, reportId: report._id }, form);
    else await call(reports.create, { clientId }, form);
    onDone();
  });
  const error = submit.error;
  const toggle = (id: string) =>
    setForm({
      ...form,
      consultIds: form.consultIds.includes(id) ? form.consultIds.filter((x) => x !== id) : [...form.consultIds, id],
    });
  return (
    <form
      className="panel editor"
      onSubmit={(event) => {
        event.preventDefault();
        void submit.run();
      }}
      noValidate
      aria-label={t.reports.new}
    >
      <Field label={t.reports.title} name="title" error={error}>
        {(p) => <input {...p} value={form.title} onChange={(e) => setForm({ ...form, title: e.target.value })} />}
      </Field>
      <div className="grid">
        <Field label={t.reports.periodStart} name="periodStart" error={error}>
          {(p) => (
            <input
              {...p}
              type="date"
              value={form.periodStart}
              onChange={(e) => setForm({ ...form, periodStart: e.target.value })}
            />
          )}
        </Field>
        <Field label={t.reports.periodEnd} name="periodEnd" error={error}>
          {(p) => (
            <input
              {...p}
              type="date"
              value={form.periodEnd}
              onChange={(e) => setForm({ ...form, periodEnd: e.target.value })}
            />
          )}
        </Field>
      </div>
      <div className="composer-text">
        <div>
          <Field label={t.reports.text} name="text" error={error}>
            {(p) => (
              <textarea
                {...p}
                ref={textArea}
                rows={10}
                value={form.text}
                onChange={(e) => setForm({ ...form, text: e.target.value })}
              />
            )}
          </Field>
          {flags.some((flag) => flag.field === 'text') && (
            <section aria-label={t.reports.preview}>
              <h4 className="muted">{t.reports.preview}</h4>
              <Highlighted text={checked} flags={flags} />
            </section>
          )}
        </div>
        <WordingFlags flags={flags} onShow={showSentence} />
      </div>
      <fieldset>
        <legend>{t.reports.consults}</legend>
        {approved.data?.items
          .filter((consult) => consult.status === 'approved')
          .map((consult) => (
            <label key={consult._id} className="check">
              <input
                type="checkbox"
                checked={form.consultIds.includes(consult._id)}
                onChange={() => toggle(consult._id)}
              />
              {formatDate(consult.date)} — {consult.summary.slice(0, 80)}
              {consult.summary.length > 80 ? '…' : ''}
            </label>
          ))}
      </fieldset>
      <FormProblem error={error?.errors.length ? null : error} />
      <div className="actions">
        <button type="submit" disabled={submit.busy}>
          {t.reports.saveDraft}
        </button>
        <button type="button" className="secondary" onClick={onDone}>
          {t.cancel}
        </button>
      </div>
    </form>
  );
}

export function ReportCard({ report, onChange }: { report: Report; onChange: () => void }) {
  const { ability, has } = useSession();
  const can = (action: 'update' | 'send' | 'approve' | 'dispute' | 'share' | 'delete') =>
    ability.can(action, subject('Report', { ...report }) as never);
  const [editing, setEditing] = useState(false);
  const [disputing, setDisputing] = useState(false);
  const [consentText, setConsentText] = useState<string | null>(null);
  const ids = { clientId: report.clientId, reportId: report._id };
  const act = useSubmit(async (step: () => Promise<unknown>) => {
    await step();
    setDisputing(false);
    setConsentText(null);
    onChange();
  });
  const askConsent = useSubmit(async () => setConsentText((await call(reports.consentText, ids)).text));
  const ownFlags = useMemo(
    () => (report.status === 'draft' || report.wordingReview ? flagsOf(report.title, report.text) : []),
    [report.status, report.wordingReview, report.title, report.text],
  );
  const draftFlags = report.status === 'draft' ? ownFlags : [];
  if (editing)
    return (
      <Composer
        clientId={report.clientId}
        report={report}
        onDone={() => {
          setEditing(false);
          onChange();
        }}
      />
    );
  const refused = act.error instanceof ApiError ? (act.error.extra.flags as Flag[] | undefined) : undefined;
  const flags = refused ?? (can('send') || report.wordingReview ? ownFlags : []);
  return (
    <article className="card" aria-labelledby={`report-${report._id}`}>
      <header>
        <h3 id={`report-${report._id}`}>{report.title}</h3>
        <span className="badges">
          {report.status && <Badge tone={TONE[report.status]}>{statusLabel(report, has('client'))}</Badge>}
          {report.wordingReview && <Badge tone="warning">{t.reports.review}</Badge>}
        </span>
      </header>
      {report.wordingReview && <p className="problem">{t.reports.reviewText}</p>}
      <p className="muted">
        {t.dossier.period}: {formatDate(report.periodStart)} – {formatDate(report.periodEnd)}
      </p>
      {flags.length > 0 ? <Highlighted text={report.text} flags={flags} /> : <p className="prose">{report.text}</p>}
      <ShareHistory report={report} />
      {report.clientComment && (
        <p className="comment">
          <strong>{t.consults.clientComment}:</strong> {report.clientComment}
        </p>
      )}
      <FormProblem error={act.error} />
      {(refused ?? draftFlags).length > 0 && <WordingFlags flags={refused ?? draftFlags} />}
      {can('send') && draftFlags.length > 0 && (
        <p className="muted" id={`send-blocked-${report._id}`}>
          {t.reports.sendBlocked}
        </p>
      )}
      <div className="actions">
        {can('update') && (
          <button type="button" className="secondary" onClick={() => setEditing(true)}>
            {t.consults.edit}
          </button>
        )}
        {can('send') && (
          <button
            type="button"
            onClick={() => void act.run(() => call(reports.send, ids))}
            disabled={draftFlags.length > 0}
            aria-describedby={draftFlags.length > 0 ? `send-blocked-${report._id}` : undefined}
          >
            {t.reports.sendToClient}
          </button>
        )}
        {can('approve') && (
          <button type="button" onClick={() => void act.run(() => call(reports.approve, ids))}>
            {t.reports.approve}
          </button>
        )}
        {can('dispute') && !disputing && (
          <button type="button" className="secondary" onClick={() => setDisputing(true)}>
            {t.reports.dispute}
          </button>
        )}
        {can('share') && !consentText && (
          <button type="button" onClick={() => void askConsent.run()}>
            {report.status === 'withdrawn' ? t.reports.shareAgain : t.reports.share}
          </button>
        )}
      </div>
      <FormProblem error={askConsent.error} />
      {consentText && (
        <div className="consent" role="group" aria-label={t.reports.share}>
          <p>{consentText}</p>
          <div className="actions">
            <button type="button" onClick={() => void act.run(() => call(reports.share, ids))}>
              {t.reports.shareConfirm}
            </button>
            <button type="button" className="secondary" onClick={() => setConsentText(null)}>
              {t.cancel}
            </button>
          </div>
        </div>
      )}
      {disputing && (
        <DisputeForm
          error={act.error}
          onSubmit={(comment) => void act.run(() => call(reports.dispute, ids, { comment }))}
          onCancel={() => setDisputing(false)}
        />
      )}
    </article>
  );
}

export function ReportsTab({ clientId }: { clientId: string }) {
  const { ability } = useSession();
  return (
    <RecordSection
      id="reports-title"
      title={t.dossier.tabs.rapportages}
      load={() => call(reports.list, { clientId })}
      loadKey={clientId}
      canCreate={ability.can('create', 'Report')}
      newLabel={t.reports.new}
      emptyLabel={t.reports.none}
      editor={(done) => <Composer clientId={clientId} onDone={done} />}
      render={(report, reload) => <ReportCard key={report._id} report={report} onChange={reload} />}
    />
  );
}
