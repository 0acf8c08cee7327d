/**
 * The Poortwachter screens (Wet verbetering poortwachter): the morning view per role, and a client's sickness cases
 * with their timeline, drawn top to bottom with today marked and each step coloured by its status. What a user may
 * do is read from the same rules the server enforces; the server still decides.
 */
import { subject } from '@casl/ability';
import { useState } from 'react';
import type { z } from 'zod';
import { call, hrefOf, type Answer, type ApiError } from '../api';
import { Badge, Empty, Field, FormProblem, Resource, useResource, useSubmit } from '../components/ui';
import { Link } from '../router';
import { useSession } from '../session';
import { sickness } from '@spoorboek/shared/contracts/sickness';
import { amsterdamDay, daysBetween, formatDay } from '@spoorboek/shared/poortwachter/calendar';
import { RESPONSIBLE_LABELS, STEP_STATUS_LABELS } from '@spoorboek/shared/poortwachter/timeline';
import type {
  AdviceContent,
  CreateFormBody,
  FormContent,
  TimelineView as TimelineSchema,
} from '@spoorboek/shared/schemas/poortwachter';
import { AGREED_ACTION_OWNERS } from '@spoorboek/shared/schemas/poortwachter';
import { pw } from './poortwachterText';

type Timeline = z.infer<typeof TimelineSchema>;
type SicknessCase = Answer<typeof sickness.get>;
type PwDocument = Answer<typeof sickness.getDocument>;
type FormKind = CreateFormBody['kind'];
type ActionOwner = (typeof AGREED_ACTION_OWNERS)[number];

const FORM_KINDS: FormKind[] = ['action_plan', 'action_plan_evaluation', 'first_year_evaluation'];
const TONE = { on_time: 'neutral', soon: 'waiting', late: 'warning', done: 'ok', lapsed: 'neutral' } as const;

/** The timeline itself: every step in order of its deadline, and a "vandaag" marker where today falls. */
function TimelineView({ timeline }: { timeline: Timeline }) {
  const todayIndex = timeline.steps.findIndex((step) => daysBetween(timeline.today, step.due) >= 0);
  const marker = (
    <li key="today" className="tl-today" aria-label={pw.todayMarker(timeline.week)}>
      <span className="tl-dot" aria-hidden="true" /> <strong>{pw.today}</strong> — {formatDay(timeline.today)} ·{' '}
      {pw.week} {timeline.week}
    </li>
  );
  const items = timeline.steps.map((step, index) => (
    <li key={`${step.key}-${step.due}-${index}`} className={`tl-step tl-${step.status}`}>
      <span className="tl-dot" aria-hidden="true" />
      <div>
        <strong>
          {pw.week} {step.week} — {step.label}
        </strong>{' '}
        <Badge tone={TONE[step.status]}>{STEP_STATUS_LABELS[step.status]}</Badge>
        <div className="muted">
          {step.opensOn ? `${pw.from} ${formatDay(step.opensOn)} ` : ''}
          {pw.until} {formatDay(step.due)} · {step.responsible.map((who) => RESPONSIBLE_LABELS[who]).join(' en ')}
          {step.done ? ` · ${pw.doneOn} ${formatDay(step.done)}${step.doneLate ? ` (${pw.afterDeadline})` : ''}` : ''}
        </div>
      </div>
    </li>
  ));
  if (!timeline.closedOn) items.splice(todayIndex < 0 ? items.length : todayIndex, 0, marker);
  return (
    <ol className="timeline" aria-label={pw.timeline}>
      {items}
    </ol>
  );
}

/** Where the employee stands, in plain Dutch. */
function plainStanding(timeline: Timeline): string {
  if (timeline.closedOn) return pw.plainRecovered(formatDay(timeline.closedOn));
  const next = timeline.next;
  return `${pw.plainWeek(timeline.week)} ${next ? pw.plainNext(next.label, formatDay(next.due), next.responsible.map((who) => RESPONSIBLE_LABELS[who]).join(' en ')) : ''}`;
}

function DocumentContent({ document }: { document: PwDocument }) {
  if (document.kind === 'problem_analysis') {
    const content = document.content as AdviceContent;
    return (
      <dl className="facts">
        <dt>{pw.workCapacity}</dt>
        <dd className="prose">{content.workCapacity}</dd>
        <dt>{pw.advice}</dt>
        <dd className="prose">{content.advice}</dd>
        {content.expectedDuration && (
          <>
            <dt>{pw.expectedDuration}</dt>
            <dd>{content.expectedDuration}</dd>
          </>
        )}
      </dl>
    );
  }
  const content = document.content as FormContent;
  return (
    <dl className="facts">
      <dt>{pw.goal}</dt>
      <dd className="prose">{content.goal}</dd>
      <dt>{pw.actions}</dt>
      <dd>
        <ul className="plain">
          {(content.actions ?? []).map((action, index) => (
            <li key={index}>
              {action.what} — {pw.owners[action.who]}, {pw.until} {formatDay(action.when)}
            </li>
          ))}
        </ul>
      </dd>
      {content.evaluation && (
        <>
          <dt>{pw.evaluation}</dt>
          <dd className="prose">{content.evaluation}</dd>
        </>
      )}
      {content.employeeView && (
        <>
          <dt>{pw.employeeView}</dt>
          <dd className="prose">{content.employeeView}</dd>
        </>
      )}
    </dl>
  );
}

/** The flags of a refused text, next to the form. */
function Flags({ error }: { error: ApiError | null }) {
  const flags = (error?.extra.flags ?? []) as { term: string; suggestion: string; field?: string }[];
  if (flags.length === 0) return null;
  return (
    <div className="flags" role="alert">
      <h4>{pw.flagsTitle}</h4>
      <ul>
        {flags.map((flag, index) => (
          <li key={index}>
            <mark>{flag.term}</mark> → {flag.suggestion}
          </li>
        ))}
      </ul>
    </div>
  );
}

function DocumentCard({ document, reload }: { document: PwDocument; reload: () => void }) {
  const { ability } = useSession();
  const tagged = subject('PoortwachterDocument', { ...document }) as never;
  const ids = { clientId: document.clientId, caseId: document.caseId, documentId: document._id };
  const action = useSubmit(async (step: () => Promise<unknown>) => {
    await step();
    reload();
  });
  const [disputing, setDisputing] = useState(false);
  const [comment, setComment] = useState('');
  return (
    <article className="card" aria-labelledby={`pwdoc-${document._id}`}>
      <header>
        <h3 id={`pwdoc-${document._id}`}>{pw.kinds[document.kind]}</h3>
        <Badge
          tone={
            document.status === 'agreed' || document.status === 'released'
              ? 'ok'
              : document.status === 'disputed'
                ? 'warning'
                : 'waiting'
          }
        >
          {pw.statuses[document.status]}
        </Badge>
      </header>
      <DocumentContent document={document} />
      <p className="muted">
        {pw.versions(document.versions.length)}
        {document.employerAgreement ? ` · ${pw.employerAgreed}` : ''}
        {document.clientAgreement ? ` · ${pw.clientAgreed}` : ''}
      </p>
      {document.clientComment && <p className="comment">{document.clientComment}</p>}
      <Flags error={action.error} />
      <FormProblem error={action.error} />
      <div className="actions">
        {ability.can('share', tagged) && (
          <button type="button" onClick={() => void action.run(() => call(sickness.releaseDocument, ids))}>
            {pw.release}
          </button>
        )}
        {ability.can('send', tagged) && (
          <button type="button" onClick={() => void action.run(() => call(sickness.sendDocument, ids))}>
            {pw.send}
          </button>
        )}
        {ability.can('approve', tagged) && (
          <button type="button" onClick={() => void action.run(() => call(sickness.approveDocument, ids, {}))}>
            {pw.approve}
          </button>
        )}
        {ability.can('dispute', tagged) && !disputing && (
          <button type="button" className="secondary" onClick={() => setDisputing(true)}>
            {pw.dispute}
          </button>
        )}
      </div>
      {disputing && (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void action
              .run(() => call(sickness.disputeDocument, ids, { comment }))
              .then((ok) => ok && setDisputing(false));
          }}
          noValidate
        >
          <Field label={pw.disputeComment} name="comment" error={action.error}>
            {(p) => <textarea {...p} rows={3} value={comment} onChange={(e) => setComment(e.target.value)} />}
          </Field>
          <div className="actions">
            <button type="submit">{pw.send}</button>
          </div>
        </form>
      )}
    </article>
  );
}

function AdviceEditor({ clientId, caseId, done }: { clientId: string; caseId: string; done: () => void }) {
  const [content, setContent] = useState({ workCapacity: '', advice: '', expectedDuration: '' });
  const save = useSubmit(async () => {
    await call(
      sickness.adviseDocument,
      { clientId, caseId },
      { content: { ...content, expectedDuration: content.expectedDuration || undefined } },
    );
    done();
  });
  const area = (name: keyof typeof content, label: string, rows = 3) => (
    <Field label={label} name={`content.${name}`} error={save.error}>
      {(p) => (
        <textarea
          {...p}
          rows={rows}
          value={content[name]}
          onChange={(e) => setContent({ ...content, [name]: e.target.value })}
        />
      )}
    </Field>
  );
  return (
    <form
      className="panel editor"
      aria-label={pw.newAdvice}
      onSubmit={(event) => {
        event.preventDefault();
        void save.run();
      }}
      noValidate
    >
      <p className="notice">{pw.adviceHint}</p>
      {area('workCapacity', pw.workCapacity)}
      {area('advice', pw.advice)}
      {area('expectedDuration', pw.expectedDuration, 1)}
      <Flags error={save.error} />
      <FormProblem error={save.error?.errors.length ? null : save.error} />
      <div className="actions">
        <button type="submit" disabled={save.busy}>
          {pw.saveDraft}
        </button>
      </div>
    </form>
  );
}

function FormEditor({ clientId, caseId, done }: { clientId: string; caseId: string; done: () => void }) {
  const [kind, setKind] = useState<FormKind>('action_plan');
  const [goal, setGoal] = useState('');
  const [employeeView, setEmployeeView] = useState('');
  const [evaluation, setEvaluation] = useState('');
  const [actions, setActions] = useState<{ what: string; who: ActionOwner; when: string }[]>([
    { what: '', who: 'employer', when: amsterdamDay(new Date()) },
  ]);
  const save = useSubmit(async () => {
    await call(
      sickness.formDocument,
      { clientId, caseId },
      {
        kind,
        content: { goal, actions, employeeView: employeeView || undefined, evaluation: evaluation || undefined },
      },
    );
    done();
  });
  const setAction = (index: number, change: Partial<(typeof actions)[number]>) =>
    setActions(actions.map((action, at) => (at === index ? { ...action, ...change } : action)));
  return (
    <form
      className="panel editor"
      aria-label={pw.newForm}
      onSubmit={(event) => {
        event.preventDefault();
        void save.run();
      }}
      noValidate
    >
      <Field label={pw.formKind} name="kind" error={save.error}>
        {(p) => (
          <select {...p} value={kind} onChange={(e) => setKind(e.target.value as FormKind)}>
            {FORM_KINDS.map((key) => (
              <option key={key} value={key}>
                {pw.kinds[key]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={pw.goal} name="content.goal" error={save.error}>
        {(p) => <textarea {...p} rows={2} value={goal} onChange={(e) => setGoal(e.target.value)} />}
      </Field>
      <fieldset>
        <legend>{pw.actions}</legend>
        {actions.map((action, index) => (
          <div className="grid" key={index}>
            <Field label={pw.actionWhat} name={`content.actions.${index}.what`} error={save.error}>
              {(p) => <input {...p} value={action.what} onChange={(e) => setAction(index, { what: e.target.value })} />}
            </Field>
            <Field label={pw.actionWho} name={`content.actions.${index}.who`} error={save.error}>
              {(p) => (
                <select
                  {...p}
                  value={action.who}
                  onChange={(e) => setAction(index, { who: e.target.value as ActionOwner })}
                >
                  {AGREED_ACTION_OWNERS.map((key) => (
                    <option key={key} value={key}>
                      {pw.owners[key]}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label={pw.actionWhen} name={`content.actions.${index}.when`} error={save.error}>
              {(p) => (
                <input
                  {...p}
                  type="date"
                  value={action.when}
                  onChange={(e) => setAction(index, { when: e.target.value })}
                />
              )}
            </Field>
          </div>
        ))}
        <button
          type="button"
          className="secondary"
          onClick={() => setActions([...actions, { what: '', who: 'employee', when: amsterdamDay(new Date()) }])}
        >
          {pw.addAction}
        </button>
      </fieldset>
      {kind !== 'action_plan' && (
        <Field label={pw.evaluation} name="content.evaluation" error={save.error}>
          {(p) => <textarea {...p} rows={3} value={evaluation} onChange={(e) => setEvaluation(e.target.value)} />}
        </Field>
      )}
      <Field label={pw.employeeView} name="content.employeeView" error={save.error}>
        {(p) => <textarea {...p} rows={2} value={employeeView} onChange={(e) => setEmployeeView(e.target.value)} />}
      </Field>
      <Flags error={save.error} />
      <FormProblem error={save.error?.errors.length ? null : save.error} />
      <div className="actions">
        <button type="submit" disabled={save.busy}>
          {pw.saveDraft}
        </button>
      </div>
    </form>
  );
}

/** The documents of one case, with the editors the user may use. */
function CaseDocuments({ clientId, caseId }: { clientId: string; caseId: string }) {
  const { ability, me } = useSession();
  const documents = useResource(() => call(sickness.listDocuments, { clientId, caseId }), [clientId, caseId]);
  const [editing, setEditing] = useState<'advice' | 'form' | null>(null);
  const canAdvise = ability.can(
    'create',
    subject('PoortwachterDocument', { clientId, kind: 'problem_analysis', authorId: me?.user._id }) as never,
  );
  const canPlan = ability.can('create', subject('PoortwachterDocument', { clientId, kind: 'action_plan' }) as never);
  const done = () => {
    setEditing(null);
    documents.reload();
  };
  return (
    <section aria-label={pw.documents}>
      <div className="heading">
        <h3>{pw.documents}</h3>
        <div className="actions">
          {canAdvise && !editing && (
            <button type="button" onClick={() => setEditing('advice')}>
              {pw.newAdvice}
            </button>
          )}
          {canPlan && !editing && (
            <button type="button" onClick={() => setEditing('form')}>
              {pw.newForm}
            </button>
          )}
        </div>
      </div>
      {editing === 'advice' && <AdviceEditor clientId={clientId} caseId={caseId} done={done} />}
      {editing === 'form' && <FormEditor clientId={clientId} caseId={caseId} done={done} />}
      <Resource resource={documents}>
        {({ items }) =>
          items.length === 0 ? (
            <Empty>{pw.noDocuments}</Empty>
          ) : (
            items.map((document) => <DocumentCard key={document._id} document={document} reload={documents.reload} />)
          )
        }
      </Resource>
    </section>
  );
}

function RivLink({ clientId, caseId }: { clientId: string; caseId: string }) {
  const { ability } = useSession();
  if (!ability.can('export', subject('SicknessCase', { clientId }) as never)) return null;
  return (
    <a className="button secondary" href={hrefOf(sickness.rivPdf, { clientId, caseId })} download>
      {pw.riv}
    </a>
  );
}

/** The morning view: per case the week, what is late or due this week for this user, and the timeline. */
export function PoortwachterToday() {
  const { has } = useSession();
  const today = useResource(() => call(sickness.today), []);
  const [open, setOpen] = useState<string | null>(null);
  const isClient = has('client') && !has('coach') && !has('employer') && !has('company_doctor');
  return (
    <section aria-labelledby="pw-title">
      <h1 id="pw-title">{isClient ? pw.clientTitle : pw.title}</h1>
      <Resource resource={today}>
        {({ cases }) =>
          cases.length === 0 ? (
            <Empty>{pw.noCases}</Empty>
          ) : (
            cases.map((entry) => (
              <article className="card" key={entry.caseId} aria-labelledby={`case-${entry.caseId}`}>
                <header>
                  <h2 id={`case-${entry.caseId}`}>{isClient ? pw.yourCase : entry.clientName}</h2>
                  <span>
                    {entry.timeline.closedOn ? (
                      <Badge tone="ok">{pw.recovered}</Badge>
                    ) : (
                      <Badge tone="neutral">
                        {pw.week} {entry.timeline.week}
                      </Badge>
                    )}{' '}
                    {entry.late.length > 0 && <Badge tone="warning">{pw.lateCount(entry.late.length)}</Badge>}
                  </span>
                </header>
                {isClient ? (
                  <p>{plainStanding(entry.timeline)}</p>
                ) : (
                  <p>
                    {entry.timeline.next ? (
                      <>
                        {pw.next}: <strong>{entry.timeline.next.label}</strong> — {pw.until}{' '}
                        {formatDay(entry.timeline.next.due)} ({STEP_STATUS_LABELS[entry.timeline.next.status]})
                      </>
                    ) : (
                      pw.nothingNext
                    )}
                  </p>
                )}
                {entry.late.length > 0 && (
                  <p className="problem">
                    {pw.late}: {entry.late.map((step) => `${step.label} (${formatDay(step.due)})`).join(', ')}
                  </p>
                )}
                {entry.dueThisWeek.length > 0 && (
                  <p className="notice">
                    {pw.dueThisWeek}:{' '}
                    {entry.dueThisWeek.map((step) => `${step.label} (${formatDay(step.due)})`).join(', ')}
                  </p>
                )}
                <p className="muted">
                  {pw.sharedDocuments}:{' '}
                  {entry.documents.length === 0
                    ? '—'
                    : entry.documents
                        .map((document) => `${pw.kinds[document.kind]} (${pw.statuses[document.status]})`)
                        .join(', ')}
                </p>
                <div className="actions">
                  <button
                    type="button"
                    className="secondary"
                    aria-expanded={open === entry.caseId}
                    onClick={() => setOpen(open === entry.caseId ? null : entry.caseId)}
                  >
                    {open === entry.caseId ? pw.hide : pw.show}
                  </button>
                  <RivLink clientId={entry.clientId} caseId={entry.caseId} />
                  {!isClient && <Link to={`/clienten/${entry.clientId}/poortwachter`}>{pw.toDossier}</Link>}
                </div>
                {open === entry.caseId && (
                  <>
                    <TimelineView timeline={entry.timeline} />
                    <CaseDocuments clientId={entry.clientId} caseId={entry.caseId} />
                  </>
                )}
              </article>
            ))
          )
        }
      </Resource>
    </section>
  );
}

function ReportForm({ clientId, done }: { clientId: string; done: () => void }) {
  const { has } = useSession();
  const [firstSickDay, setFirstSickDay] = useState('');
  const report = useSubmit(async () => {
    await call(sickness.report, { clientId }, { firstSickDay, reportedBy: has('employer') ? 'employer' : 'bureau' });
    done();
  });
  return (
    <form
      className="panel editor"
      aria-label={pw.report}
      onSubmit={(event) => {
        event.preventDefault();
        void report.run();
      }}
      noValidate
    >
      <Field label={pw.firstSickDay} name="firstSickDay" error={report.error}>
        {(p) => <input {...p} type="date" value={firstSickDay} onChange={(e) => setFirstSickDay(e.target.value)} />}
      </Field>
      <FormProblem error={report.error?.errors.length ? null : report.error} />
      <div className="actions">
        <button type="submit" disabled={report.busy}>
          {pw.report}
        </button>
      </div>
    </form>
  );
}

function CorrectionForm({ sicknessCase, done }: { sicknessCase: SicknessCase; done: () => void }) {
  const [firstSickDay, setFirstSickDay] = useState(sicknessCase.firstSickDay);
  const [reason, setReason] = useState('');
  const correct = useSubmit(async () => {
    await call(
      sickness.firstSickDay,
      { clientId: sicknessCase.clientId, caseId: sicknessCase._id },
      { firstSickDay, reason },
    );
    done();
  });
  return (
    <form
      className="panel editor"
      aria-label={pw.correct}
      onSubmit={(event) => {
        event.preventDefault();
        void correct.run();
      }}
      noValidate
    >
      <div className="grid">
        <Field label={pw.firstSickDay} name="firstSickDay" error={correct.error}>
          {(p) => <input {...p} type="date" value={firstSickDay} onChange={(e) => setFirstSickDay(e.target.value)} />}
        </Field>
        <Field label={pw.reason} name="reason" error={correct.error}>
          {(p) => <input {...p} value={reason} onChange={(e) => setReason(e.target.value)} />}
        </Field>
      </div>
      <FormProblem error={correct.error?.errors.length ? null : correct.error} />
      <div className="actions">
        <button type="submit" disabled={correct.busy}>
          {pw.correct}
        </button>
      </div>
    </form>
  );
}

/** The dossier tab: every sickness case of the client, newest first, with its timeline and documents. */
export function PoortwachterTab({ clientId }: { clientId: string }) {
  const { ability } = useSession();
  const cases = useResource(() => call(sickness.list, { clientId }), [clientId]);
  const [reporting, setReporting] = useState(false);
  const [correcting, setCorrecting] = useState<string | null>(null);
  const canReport = ability.can('create', subject('SicknessCase', { clientId }) as never);
  return (
    <section aria-labelledby="pw-tab-title">
      <div className="heading">
        <h2 id="pw-tab-title">{pw.cases}</h2>
        {canReport && !reporting && (
          <button type="button" onClick={() => setReporting(true)}>
            {pw.report}
          </button>
        )}
      </div>
      {reporting && (
        <ReportForm
          clientId={clientId}
          done={() => {
            setReporting(false);
            cases.reload();
          }}
        />
      )}
      <Resource resource={cases}>
        {({ items }) =>
          items.length === 0 ? (
            <Empty>{pw.noCases}</Empty>
          ) : (
            items.map((sicknessCase) => (
              <article className="card" key={sicknessCase._id} aria-labelledby={`sc-${sicknessCase._id}`}>
                <header>
                  <h3 id={`sc-${sicknessCase._id}`}>
                    {pw.firstSickDay}: {formatDay(sicknessCase.firstSickDay)}
                  </h3>
                  {sicknessCase.status === 'recovered' ? (
                    <Badge tone="ok">{pw.recovered}</Badge>
                  ) : (
                    <Badge tone="neutral">
                      {pw.week} {sicknessCase.timeline.week}
                    </Badge>
                  )}
                </header>
                {(sicknessCase.corrections ?? []).map((correction, index) => (
                  <p key={index} className="muted">
                    {pw.corrected(formatDay(correction.from), formatDay(correction.to), correction.reason)}
                  </p>
                ))}
                <div className="actions">
                  {ability.can('update', subject('SicknessCase', { ...sicknessCase }) as never) &&
                    sicknessCase.status === 'open' &&
                    correcting !== sicknessCase._id && (
                      <button type="button" className="secondary" onClick={() => setCorrecting(sicknessCase._id)}>
                        {pw.correct}
                      </button>
                    )}
                  <RivLink clientId={clientId} caseId={sicknessCase._id} />
                </div>
                {correcting === sicknessCase._id && (
                  <CorrectionForm
                    sicknessCase={sicknessCase}
                    done={() => {
                      setCorrecting(null);
                      cases.reload();
                    }}
                  />
                )}
                <TimelineView timeline={sicknessCase.timeline} />
                <CaseDocuments clientId={clientId} caseId={sicknessCase._id} />
              </article>
            ))
          )
        }
      </Resource>
    </section>
  );
}
