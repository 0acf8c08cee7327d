/** The caseload: the clients the user may see, searchable by name and filterable by trajectory status; intake. */
import { useState, type FormEvent } from 'react';
import { call } from '../api';
import { Badge, Empty, Field, FormProblem, Resource, useResource, useSubmit } from '../components/ui';
import { Link, navigate, useLocation } from '../router';
import { useSession } from '../session';
import { formatDate, t, today } from '../text';
import { clients as clientsApi } from '@spoorboek/shared/contracts/clients';
import { organisations } from '@spoorboek/shared/contracts/organisations';
import {
  TRAJECTORY_KINDS,
  TRAJECTORY_STATUSES,
  type TrajectoryKind,
  type TrajectoryStatus,
} from '@spoorboek/shared/domain';

const isStatus = (value: string): value is TrajectoryStatus =>
  (TRAJECTORY_STATUSES as readonly string[]).includes(value);

const PAGE_SIZE = 20;

export function Caseload() {
  const { query } = useLocation();
  const session = useSession();
  const search = query.get('zoek') ?? '';
  const status = query.get('status') ?? '';
  const page = Number(query.get('pagina') ?? '1') || 1;
  const [draft, setDraft] = useState(search);
  const clients = useResource(
    () =>
      call(clientsApi.list, {
        page,
        pageSize: PAGE_SIZE,
        ...(search ? { search } : {}),
        ...(isStatus(status) ? { status } : {}),
      }),
    [search, status, page],
  );

  const go = (next: { zoek?: string; status?: string; pagina?: number }) => {
    const params = new URLSearchParams();
    const values = { zoek: search, status, pagina: 1, ...next };
    if (values.zoek) params.set('zoek', values.zoek);
    if (values.status) params.set('status', values.status);
    if (values.pagina > 1) params.set('pagina', String(values.pagina));
    navigate(`/clienten${params.size ? `?${params.toString()}` : ''}`);
  };
  const onSearch = (event: FormEvent) => {
    event.preventDefault();
    go({ zoek: draft.trim() });
  };

  return (
    <section aria-labelledby="caseload-title">
      <div className="heading">
        <h1 id="caseload-title">{t.caseload.title}</h1>
        {session.ability.can('create', 'Client') && session.ability.can('create', 'Consult') && (
          <Link className="button" to="/clienten/nieuw">
            {t.caseload.newClient}
          </Link>
        )}
      </div>
      <form className="filters" role="search" onSubmit={onSearch}>
        <Field label={t.caseload.searchLabel} name="search">
          {(props) => <input {...props} type="search" value={draft} onChange={(e) => setDraft(e.target.value)} />}
        </Field>
        <Field label={t.caseload.statusLabel} name="status">
          {(props) => (
            <select {...props} value={status} onChange={(e) => go({ status: e.target.value })}>
              <option value="">{t.caseload.allStatuses}</option>
              {TRAJECTORY_STATUSES.map((value) => (
                <option key={value} value={value}>
                  {t.trajectoryStatuses[value]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <button type="submit">{t.search}</button>
      </form>
      <Resource resource={clients}>
        {({ items, total }) =>
          items.length === 0 ? (
            <Empty>{t.caseload.none}</Empty>
          ) : (
            <>
              <table className="list">
                <thead>
                  <tr>
                    <th scope="col">{t.caseload.name}</th>
                    <th scope="col">{t.caseload.trajectory}</th>
                    <th scope="col">{t.caseload.status}</th>
                    <th scope="col">{t.caseload.start}</th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((client) => (
                    <tr key={client._id}>
                      <td>
                        <Link to={`/clienten/${client._id}`}>
                          {client.firstName} {client.lastName}
                        </Link>
                      </td>
                      <td>{client.trajectory ? t.trajectoryKinds[client.trajectory.kind] : '—'}</td>
                      <td>
                        {client.trajectory ? (
                          <Badge tone={client.trajectory.status === 'active' ? 'ok' : 'neutral'}>
                            {t.trajectoryStatuses[client.trajectory.status]}
                          </Badge>
                        ) : (
                          '—'
                        )}
                      </td>
                      <td>{formatDate(client.trajectory?.startDate)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {total > PAGE_SIZE && (
                <nav className="pager" aria-label="Paginering">
                  <button
                    type="button"
                    className="secondary"
                    disabled={page <= 1}
                    onClick={() => go({ pagina: page - 1 })}
                  >
                    {t.caseload.previous}
                  </button>
                  <span>{t.caseload.page(page, Math.ceil(total / PAGE_SIZE))}</span>
                  <button
                    type="button"
                    className="secondary"
                    disabled={page * PAGE_SIZE >= total}
                    onClick={() => go({ pagina: page + 1 })}
                  >
                    {t.caseload.next}
                  </button>
                </nav>
              )}
            </>
          )
        }
      </Resource>
    </section>
  );
}

export function Intake() {
  const employers = useResource(() => call(organisations.list), []);
  const [form, setForm] = useState({
    firstName: '',
    lastName: '',
    dateOfBirth: '',
    email: '',
    phone: '',
    employerId: '',
    kind: 'spoor1' as TrajectoryKind,
    startDate: today(),
    bsn: '',
  });
  const set = (key: keyof typeof form) => (event: { target: { value: string } }) =>
    setForm({ ...form, [key]: event.target.value });
  const submit = useSubmit(async () => {
    const created = await call(
      clientsApi.create,
      {},
      {
        firstName: form.firstName,
        lastName: form.lastName,
        ...(form.dateOfBirth ? { dateOfBirth: form.dateOfBirth } : {}),
        ...(form.email ? { email: form.email } : {}),
        ...(form.phone ? { phone: form.phone } : {}),
        ...(form.employerId ? { employerId: form.employerId } : {}),
        ...(form.bsn ? { bsn: form.bsn } : {}),
        trajectory: { kind: form.kind, startDate: form.startDate },
      },
    );
    navigate(`/clienten/${created._id}`);
  });
  const error = submit.error;
  return (
    <form
      className="panel"
      onSubmit={(event) => {
        event.preventDefault();
        void submit.run();
      }}
      aria-labelledby="intake-title"
      noValidate
    >
      <h1 id="intake-title">{t.intake.title}</h1>
      <div className="grid">
        <Field label={t.intake.firstName} name="firstName" error={error}>
          {(p) => <input {...p} value={form.firstName} onChange={set('firstName')} required />}
        </Field>
        <Field label={t.intake.lastName} name="lastName" error={error}>
          {(p) => <input {...p} value={form.lastName} onChange={set('lastName')} required />}
        </Field>
        <Field label={t.intake.dateOfBirth} name="dateOfBirth" error={error}>
          {(p) => <input {...p} type="date" value={form.dateOfBirth} onChange={set('dateOfBirth')} />}
        </Field>
        <Field label={t.intake.email} name="email" error={error}>
          {(p) => <input {...p} type="email" value={form.email} onChange={set('email')} />}
        </Field>
        <Field label={t.intake.phone} name="phone" error={error}>
          {(p) => <input {...p} type="tel" value={form.phone} onChange={set('phone')} />}
        </Field>
        <Field label={t.intake.employer} name="employerId" error={error}>
          {(p) => (
            <select {...p} value={form.employerId} onChange={set('employerId')}>
              <option value="">{t.intake.noEmployer}</option>
              {employers.data?.items.map((employer) => (
                <option key={employer._id} value={employer._id}>
                  {employer.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t.intake.kind} name="trajectory.kind" error={error}>
          {(p) => (
            <select {...p} value={form.kind} onChange={set('kind')}>
              {TRAJECTORY_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {t.trajectoryKinds[kind]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t.intake.startDate} name="trajectory.startDate" error={error}>
          {(p) => <input {...p} type="date" value={form.startDate} onChange={set('startDate')} />}
        </Field>
        <Field label={t.intake.bsn} name="bsn" error={error}>
          {(p) => <input {...p} inputMode="numeric" autoComplete="off" value={form.bsn} onChange={set('bsn')} />}
        </Field>
      </div>
      <FormProblem error={error} />
      <div className="actions">
        <button type="submit" disabled={submit.busy}>
          {t.save}
        </button>
        <Link to="/clienten" className="button secondary">
          {t.cancel}
        </Link>
      </div>
    </form>
  );
}
