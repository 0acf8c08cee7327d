/** Functional administration: users (invite, roles, disable, reset two-factor), organisations, assignments. */
import { useState } from 'react';
import { accounts } from '@spoorboek/shared/contracts/accounts';
import { clients as clientContract } from '@spoorboek/shared/contracts/clients';
import { organisations as organisationContract } from '@spoorboek/shared/contracts/organisations';
import type { AssignmentsBody } from '@spoorboek/shared/schemas/clients';
import type { UpdateUserBody, UserView } from '@spoorboek/shared/schemas/auth';
import type { CreateOrganisationBody } from '@spoorboek/shared/schemas/organisations';
import { call, type Answer } from '../api';
import { Badge, Empty, Field, FormProblem, NoAccess, Resource, Tabs, useResource, useSubmit } from '../components/ui';
import { useSession } from '../session';
import { t } from '../text';
import { Invitations, MailQueue, RoleGrants } from './AdminAccess';
import { ORGANISATION_KINDS, ROLES, type Role } from '@spoorboek/shared/domain';

type Client = Answer<typeof clientContract.list>['items'][number];
/** The clients to link an account to or assign staff to: the first hundred, as the list answers them. */
const firstClients = () => call(clientContract.list, { pageSize: 100 });

function Users() {
  const users = useResource(() => call(accounts.listUsers), []);
  const organisations = useResource(() => call(organisationContract.list), []);
  const clients = useResource(firstClients, []);
  const grants = useResource(() => call(accounts.listRoleGrants, { status: 'pending' }), []);
  const [form, setForm] = useState({ email: '', name: '', roles: [] as Role[], organisationId: '', clientId: '' });
  const [notice, setNotice] = useState<string | null>(null);
  const invite = useSubmit(async () => {
    const result = await call(
      accounts.inviteUser,
      {},
      {
        ...form,
        organisationId: form.organisationId || null,
        clientId: form.roles.includes('client') && form.clientId ? form.clientId : null,
      },
    );
    setNotice(result.pendingGrants.length > 0 ? t.access.invitedPending : t.access.invited);
    setForm({ email: '', name: '', roles: [], organisationId: '', clientId: '' });
    users.reload();
    grants.reload();
  });
  const [saved, setSaved] = useState<string | null>(null);
  const change = useSubmit(async (action: () => Promise<unknown>, done: string) => {
    setSaved(null);
    await action();
    setSaved(done);
    users.reload();
    grants.reload();
  });
  /** Each of these saves at once and ends the user's sessions: confirm first, say what was saved after. */
  const update = (user: UserView, body: UpdateUserBody, done: string) =>
    void change.run(() => call(accounts.updateUser, { userId: user._id }, body), done);
  const toggleUserRole = (user: UserView, role: Role) => {
    const adding = !user.roles.includes(role);
    const label = t.roles[role]!.toLowerCase();
    if (
      !window.confirm(adding ? t.admin.confirmAddRole(label, user.name) : t.admin.confirmRemoveRole(label, user.name))
    )
      return;
    update(
      user,
      { roles: adding ? [...user.roles, role] : user.roles.filter((r) => r !== role) },
      t.admin.savedRoles(user.name),
    );
  };
  const toggleDisabled = (user: UserView) => {
    if (!user.disabled && !window.confirm(t.admin.confirmDisable(user.name))) return;
    update(
      user,
      { disabled: !user.disabled },
      user.disabled ? t.admin.savedEnabled(user.name) : t.admin.savedDisabled(user.name),
    );
  };
  const resetMfa = (user: UserView) => {
    if (!window.confirm(t.admin.confirmResetMfa(user.name))) return;
    void change.run(() => call(accounts.resetMfa, { userId: user._id }), t.admin.savedMfa(user.name));
  };
  const pendingFor = (userId: string) => grants.data?.items.filter((grant) => grant.userId === userId) ?? [];
  const toggleRole = (role: Role) =>
    setForm({
      ...form,
      roles: form.roles.includes(role) ? form.roles.filter((r) => r !== role) : [...form.roles, role],
    });
  return (
    <section aria-labelledby="users-title">
      <h2 id="users-title">{t.admin.users}</h2>
      <form
        className="panel editor"
        onSubmit={(event) => {
          event.preventDefault();
          void invite.run();
        }}
        noValidate
        aria-label={t.admin.invite}
      >
        <div className="grid">
          <Field label={t.admin.name} name="name" error={invite.error}>
            {(p) => <input {...p} value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} />}
          </Field>
          <Field label={t.admin.email} name="email" error={invite.error}>
            {(p) => (
              <input
                {...p}
                type="email"
                value={form.email}
                onChange={(e) => setForm({ ...form, email: e.target.value })}
              />
            )}
          </Field>
          <Field label={t.admin.organisation} name="organisationId" error={invite.error}>
            {(p) => (
              <select
                {...p}
                value={form.organisationId}
                onChange={(e) => setForm({ ...form, organisationId: e.target.value })}
              >
                <option value="">—</option>
                {organisations.data?.items.map((o) => (
                  <option key={o._id} value={o._id}>
                    {o.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        <fieldset>
          <legend>{t.admin.roles}</legend>
          {ROLES.map((role) => (
            <label key={role} className="check">
              <input type="checkbox" checked={form.roles.includes(role)} onChange={() => toggleRole(role)} />
              {t.roles[role]}
            </label>
          ))}
          {invite.error?.fieldMessage('roles') && <p className="field-error">{invite.error.fieldMessage('roles')}</p>}
        </fieldset>
        {form.roles.includes('client') && (
          <Field label={t.access.clientLink} name="clientId" error={invite.error}>
            {(p) => (
              <select {...p} value={form.clientId} onChange={(e) => setForm({ ...form, clientId: e.target.value })}>
                <option value="">{t.access.noClient}</option>
                {clients.data?.items.map((c) => (
                  <option key={c._id} value={c._id}>
                    {c.firstName} {c.lastName}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
        <FormProblem error={invite.error?.errors.length ? null : invite.error} />
        <div className="actions">
          <button type="submit" disabled={invite.busy}>
            {t.admin.invite}
          </button>
        </div>
        {notice && (
          <p className="notice" role="status">
            {notice}
          </p>
        )}
      </form>
      <FormProblem error={change.error} />
      {saved && (
        <p className="notice" role="status">
          {saved}
        </p>
      )}
      <Resource resource={users}>
        {({ items }) => (
          <table className="list">
            <thead>
              <tr>
                <th scope="col">{t.admin.name}</th>
                <th scope="col">{t.admin.email}</th>
                <th scope="col">{t.admin.roles}</th>
                <th scope="col">
                  <span className="visually-hidden">Acties</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((user) => (
                <tr key={user._id}>
                  <td>
                    {user.name} {user.disabled && <Badge tone="warning">{t.admin.disabled}</Badge>}
                    {pendingFor(user._id).map((grant) => (
                      <Badge key={grant._id} tone="waiting">
                        {t.access.pending}: {grant.role ? t.roles[grant.role] : t.access.linkTo}
                      </Badge>
                    ))}
                  </td>
                  <td>{user.email}</td>
                  <td>
                    <details>
                      <summary>{user.roles.map((role) => t.roles[role]).join(', ')}</summary>
                      <fieldset>
                        <legend>
                          {t.admin.roles} van {user.name}
                        </legend>
                        {ROLES.map((role) => (
                          <label key={role} className="check">
                            <input
                              type="checkbox"
                              checked={user.roles.includes(role)}
                              onChange={() => toggleUserRole(user, role)}
                            />
                            {t.roles[role]}
                          </label>
                        ))}
                      </fieldset>
                    </details>
                  </td>
                  <td>
                    <div className="actions">
                      <button type="button" className="secondary" onClick={() => toggleDisabled(user)}>
                        {user.disabled ? t.admin.enable : t.admin.disable}
                      </button>
                      {user.mfaEnabled && (
                        <button type="button" className="secondary" onClick={() => resetMfa(user)}>
                          {t.admin.resetMfa}
                        </button>
                      )}
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Resource>
    </section>
  );
}

function Organisations() {
  const organisations = useResource(() => call(organisationContract.list), []);
  const [form, setForm] = useState<CreateOrganisationBody>({ name: '', kind: 'employer' });
  const create = useSubmit(async () => {
    await call(organisationContract.create, {}, form);
    setForm({ name: '', kind: 'employer' });
    organisations.reload();
  });
  return (
    <section aria-labelledby="organisations-title">
      <h2 id="organisations-title">{t.admin.organisations}</h2>
      <form
        className="panel editor"
        onSubmit={(event) => {
          event.preventDefault();
          void create.run();
        }}
        noValidate
        aria-label={t.admin.newOrganisation}
      >
        <div className="grid">
          <Field label={t.admin.name} name="name" error={create.error}>
            {(p) => <input {...p} value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} />}
          </Field>
          <Field label={t.admin.kind} name="kind" error={create.error}>
            {(p) => (
              <select
                {...p}
                value={form.kind}
                onChange={(e) => setForm({ ...form, kind: e.target.value as CreateOrganisationBody['kind'] })}
              >
                {ORGANISATION_KINDS.map((kind) => (
                  <option key={kind} value={kind}>
                    {t.admin.kinds[kind]}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        <FormProblem error={create.error?.errors.length ? null : create.error} />
        <div className="actions">
          <button type="submit" disabled={create.busy}>
            {t.admin.newOrganisation}
          </button>
        </div>
      </form>
      <Resource resource={organisations}>
        {({ items }) =>
          items.length === 0 ? (
            <Empty />
          ) : (
            <ul className="plain">
              {items.map((organisation) => (
                <li key={organisation._id}>
                  {organisation.name} <small className="muted">{t.admin.kinds[organisation.kind]}</small>
                </li>
              ))}
            </ul>
          )
        }
      </Resource>
    </section>
  );
}

function Assignments() {
  const clients = useResource(firstClients, []);
  const users = useResource(() => call(accounts.listUsers), []);
  const [saved, setSaved] = useState<string | null>(null);
  const assign = useSubmit(async (clientId: string, field: keyof AssignmentsBody, userId: string, done: string) => {
    setSaved(null);
    await call(clientContract.assign, { clientId }, { [field]: userId || null });
    setSaved(done);
    clients.reload();
  });
  /** A new assignment takes the dossier away from whoever had it, at once: confirm, then say what was saved. */
  const choose = (client: Client, field: keyof AssignmentsBody, label: string, userId: string) => {
    const name = users.data?.items.find((user) => user._id === userId)?.name ?? t.admin.nobody.toLowerCase();
    const clientName = `${client.firstName} ${client.lastName}`;
    if (!client._id || !window.confirm(t.admin.confirmAssign(label, clientName, name))) return;
    void assign.run(client._id, field, userId, t.admin.savedAssignment(label, clientName, name));
  };
  const withRole = (role: Role) =>
    users.data?.items.filter((user) => user.roles.includes(role) && !user.disabled) ?? [];
  const columns: [keyof AssignmentsBody, Role, string][] = [
    ['coachId', 'coach', t.roles.coach!],
    ['companyDoctorId', 'company_doctor', t.roles.company_doctor!],
    ['labourExpertId', 'labour_expert', t.roles.labour_expert!],
  ];
  return (
    <section aria-labelledby="assignments-title">
      <h2 id="assignments-title">{t.admin.assignments}</h2>
      <FormProblem error={assign.error} />
      {saved && (
        <p className="notice" role="status">
          {saved}
        </p>
      )}
      <Resource resource={clients}>
        {({ items }) =>
          items.length === 0 ? (
            <Empty />
          ) : (
            <table className="list">
              <thead>
                <tr>
                  <th scope="col">{t.caseload.name}</th>
                  {columns.map(([, , label]) => (
                    <th scope="col" key={label}>
                      {label}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {items.map((client) => (
                  <tr key={client._id}>
                    <td>
                      {client.firstName} {client.lastName}
                    </td>
                    {columns.map(([field, role, label]) => (
                      <td key={field}>
                        <select
                          aria-label={`${label} van ${client.firstName} ${client.lastName}`}
                          value={client[field] ?? ''}
                          onChange={(e) => choose(client, field, label, e.target.value)}
                        >
                          <option value="">{t.admin.nobody}</option>
                          {withRole(role).map((user) => (
                            <option key={user._id} value={user._id}>
                              {user.name}
                            </option>
                          ))}
                        </select>
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </Resource>
    </section>
  );
}

export function Admin({ tab }: { tab: string }) {
  const { ability } = useSession();
  const tabs = [
    ...(ability.can('create', 'User')
      ? [
          { key: 'gebruikers', label: t.admin.users },
          { key: 'uitnodigingen', label: t.access.invitations },
        ]
      : []),
    ...(ability.can('read', 'RoleGrant') ? [{ key: 'bevestigen', label: t.access.nav }] : []),
    ...(ability.can('read', 'MailMessage') ? [{ key: 'e-mail', label: t.access.mailQueue }] : []),
    ...(ability.can('create', 'Organisation') ? [{ key: 'organisaties', label: t.admin.organisations }] : []),
    ...(ability.can('assign', 'Client') ? [{ key: 'toewijzingen', label: t.admin.assignments }] : []),
  ];
  return (
    <article aria-labelledby="admin-title">
      <h1 id="admin-title">{t.nav.admin}</h1>
      <Tabs tabs={tabs} current={tab} base="/beheer" />
      {!tabs.some((item) => item.key === tab) ? (
        <NoAccess />
      ) : tab === 'gebruikers' ? (
        <Users />
      ) : tab === 'organisaties' ? (
        <Organisations />
      ) : tab === 'uitnodigingen' ? (
        <Invitations />
      ) : tab === 'bevestigen' ? (
        <RoleGrants />
      ) : tab === 'e-mail' ? (
        <MailQueue />
      ) : (
        <Assignments />
      )}
    </article>
  );
}
