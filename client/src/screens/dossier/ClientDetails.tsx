/**
 * The coach keeps the client's details and trajectory current, and closes the trajectory with its outcome (the
 * anonymous management figures count closed trajectories by outcome). Shown to whoever may update the client.
 */
import { subject } from '@casl/ability';
import { useState } from 'react';
import { clients } from '@spoorboek/shared/contracts/clients';
import {
  TRAJECTORY_KINDS,
  TRAJECTORY_OUTCOMES,
  TRAJECTORY_STATUSES,
  type TrajectoryKind,
  type TrajectoryOutcome,
  type TrajectoryStatus,
} from '@spoorboek/shared/domain';
import { call } from '../../api';
import { Field, FormProblem, useSubmit } from '../../components/ui';
import { useSession } from '../../session';
import { t, today } from '../../text';
import type { ClientDetail } from '../Dossier';

const day = (value: string | null | undefined) => (value ? value.slice(0, 10) : '');
const orNull = (value: string) => (value.trim() === '' ? null : value.trim());

type Trajectory = NonNullable<ClientDetail['trajectory']>;

/** Shown when the reader may update the client's trajectory (and so reads it). */
export function ClientDetailsEditor({ client, onSaved }: { client: ClientDetail; onSaved: () => void }) {
  const { ability } = useSession();
  if (!client.trajectory || !ability.can('update', subject('Client', { ...client }) as never, 'trajectory'))
    return null;
  return <Editor client={client} trajectory={client.trajectory} onSaved={onSaved} />;
}

function Editor({
  client,
  trajectory,
  onSaved,
}: {
  client: ClientDetail;
  trajectory: Trajectory;
  onSaved: () => void;
}) {
  const [saved, setSaved] = useState<string | null>(null);
  const [details, setDetails] = useState({
    firstName: client.firstName,
    lastName: client.lastName,
    dateOfBirth: day(client.dateOfBirth),
    email: client.email ?? '',
    phone: client.phone ?? '',
    address: client.address ?? '',
  });
  const [closing, setClosing] = useState({
    status: 'completed' as TrajectoryStatus,
    endDate: today(),
    outcome: '' as TrajectoryOutcome | '',
  });
  const [course, setCourse] = useState({
    kind: trajectory.kind,
    status: trajectory.status,
    startDate: day(trajectory.startDate),
  });

  const saveDetails = useSubmit(async () => {
    await call(
      clients.update,
      { clientId: client._id },
      {
        firstName: details.firstName,
        lastName: details.lastName,
        dateOfBirth: orNull(details.dateOfBirth),
        email: orNull(details.email),
        phone: orNull(details.phone),
        address: orNull(details.address),
      },
    );
    setSaved(t.clientDetails.savedDetails);
    onSaved();
  });
  const saveCourse = useSubmit(async () => {
    await call(clients.update, { clientId: client._id }, { trajectory: { ...course, endDate: null, outcome: null } });
    setSaved(t.clientDetails.savedTrajectory);
    onSaved();
  });
  const close = useSubmit(async () => {
    if (!window.confirm(t.clientDetails.confirmClose)) return;
    await call(
      clients.update,
      { clientId: client._id },
      {
        trajectory: {
          kind: trajectory.kind,
          startDate: day(trajectory.startDate),
          status: closing.status,
          endDate: closing.endDate,
          outcome: closing.outcome || null,
        },
      },
    );
    setSaved(t.clientDetails.savedClosed);
    onSaved();
  });

  const ended = ['completed', 'cancelled'].includes(trajectory.status);
  const field = (name: keyof typeof details, label: string, type = 'text') => (
    <Field label={label} name={name} error={saveDetails.error}>
      {(p) => (
        <input
          {...p}
          type={type}
          value={details[name]}
          onChange={(e) => setDetails({ ...details, [name]: e.target.value })}
        />
      )}
    </Field>
  );
  return (
    <>
      {saved && (
        <p className="ok-text" role="status">
          {saved}
        </p>
      )}
      <form
        className="panel editor"
        aria-label={t.clientDetails.title}
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          setSaved(null);
          void saveDetails.run();
        }}
      >
        <h2>{t.clientDetails.title}</h2>
        <div className="grid">
          {field('firstName', t.clientDetails.firstName)}
          {field('lastName', t.clientDetails.lastName)}
          {field('dateOfBirth', t.clientDetails.dateOfBirth, 'date')}
          {field('email', t.clientDetails.email, 'email')}
          {field('phone', t.clientDetails.phone, 'tel')}
        </div>
        {field('address', t.clientDetails.address)}
        <FormProblem error={saveDetails.error?.errors.length ? null : saveDetails.error} />
        <div className="actions">
          <button type="submit" disabled={saveDetails.busy}>
            {t.clientDetails.save}
          </button>
        </div>
      </form>
      {!ended && (
        <form
          className="panel editor"
          aria-label={t.clientDetails.trajectory}
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            setSaved(null);
            void saveCourse.run();
          }}
        >
          <h2>{t.clientDetails.trajectory}</h2>
          <div className="grid">
            <Field label={t.clientDetails.kind} name="trajectory.kind" error={saveCourse.error}>
              {(p) => (
                <select
                  {...p}
                  value={course.kind}
                  onChange={(e) => setCourse({ ...course, kind: e.target.value as TrajectoryKind })}
                >
                  {TRAJECTORY_KINDS.map((kind) => (
                    <option key={kind} value={kind}>
                      {t.trajectoryKinds[kind]}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label={t.clientDetails.status} name="trajectory.status" error={saveCourse.error}>
              {(p) => (
                <select
                  {...p}
                  value={course.status}
                  onChange={(e) => setCourse({ ...course, status: e.target.value as TrajectoryStatus })}
                >
                  {TRAJECTORY_STATUSES.filter((status) => !['completed', 'cancelled'].includes(status)).map(
                    (status) => (
                      <option key={status} value={status}>
                        {t.trajectoryStatuses[status]}
                      </option>
                    ),
                  )}
                </select>
              )}
            </Field>
            <Field label={t.clientDetails.startDate} name="trajectory.startDate" error={saveCourse.error}>
              {(p) => (
                <input
                  {...p}
                  type="date"
                  value={course.startDate}
                  onChange={(e) => setCourse({ ...course, startDate: e.target.value })}
                />
              )}
            </Field>
          </div>
          <FormProblem error={saveCourse.error?.errors.length ? null : saveCourse.error} />
          <div className="actions">
            <button type="submit" disabled={saveCourse.busy}>
              {t.clientDetails.saveTrajectory}
            </button>
          </div>
        </form>
      )}
      {!ended && (
        <form
          className="panel editor"
          aria-label={t.clientDetails.close}
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            setSaved(null);
            void close.run();
          }}
        >
          <h2>{t.clientDetails.close}</h2>
          <p className="muted">{t.clientDetails.closeHint}</p>
          <div className="grid">
            <Field label={t.clientDetails.how} name="trajectory.status" error={close.error}>
              {(p) => (
                <select
                  {...p}
                  value={closing.status}
                  onChange={(e) => setClosing({ ...closing, status: e.target.value as TrajectoryStatus })}
                >
                  <option value="completed">{t.trajectoryStatuses.completed}</option>
                  <option value="cancelled">{t.trajectoryStatuses.cancelled}</option>
                </select>
              )}
            </Field>
            <Field label={t.clientDetails.endDate} name="trajectory.endDate" error={close.error}>
              {(p) => (
                <input
                  {...p}
                  type="date"
                  value={closing.endDate}
                  onChange={(e) => setClosing({ ...closing, endDate: e.target.value })}
                />
              )}
            </Field>
            <Field label={t.clientDetails.outcome} name="trajectory.outcome" error={close.error}>
              {(p) => (
                <select
                  {...p}
                  value={closing.outcome}
                  onChange={(e) => setClosing({ ...closing, outcome: e.target.value as TrajectoryOutcome | '' })}
                >
                  <option value="">{t.clientDetails.chooseOutcome}</option>
                  {TRAJECTORY_OUTCOMES.map((outcome) => (
                    <option key={outcome} value={outcome}>
                      {t.trajectoryOutcomes[outcome]}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          </div>
          <FormProblem error={close.error?.errors.length ? null : close.error} />
          <div className="actions">
            <button type="submit" disabled={close.busy}>
              {t.clientDetails.closeButton}
            </button>
          </div>
        </form>
      )}
    </>
  );
}
