/**
 * Who gets in, and with what: pending invitations (resend, revoke, expiry), proposals that wait for a second
 * person (four-eyes, NEN 7510), and the mail queue. No screen ever shows an invitation's secret.
 */
import { useState } from 'react';
import { accounts } from '@spoorboek/shared/contracts/accounts';
import { mail } from '@spoorboek/shared/contracts/mail';
import { MAIL_STATUSES } from '@spoorboek/shared/domain';
import type { RoleGrantView } from '@spoorboek/shared/schemas/auth';
import { call } from '../api';
import { Badge, Empty, FormProblem, Resource, useResource, useSubmit } from '../components/ui';
import { useSession } from '../session';
import { formatDateTime, t } from '../text';

export function Invitations() {
  const invitations = useResource(() => call(accounts.listInvitations), []);
  const [notice, setNotice] = useState<string | null>(null);
  const act = useSubmit(async (userId: string, what: 'resend' | 'revoke') => {
    if (what === 'revoke') {
      if (!window.confirm(t.access.revokeConfirm)) return;
      await call(accounts.revokeInvitation, { userId });
      setNotice(null);
    } else {
      await call(accounts.resendInvitation, { userId });
      setNotice(t.access.resent);
    }
    invitations.reload();
  });
  return (
    <section aria-labelledby="invitations-title">
      <h2 id="invitations-title">{t.access.invitations}</h2>
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      <FormProblem error={act.error} />
      <Resource resource={invitations}>
        {({ items }) =>
          items.length === 0 ? (
            <Empty />
          ) : (
            <table className="list">
              <thead>
                <tr>
                  <th scope="col">{t.admin.name}</th>
                  <th scope="col">{t.admin.email}</th>
                  <th scope="col">{t.access.expires}</th>
                  <th scope="col">
                    <span className="visually-hidden">Acties</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {items.map(({ user, expiresAt, expired }) => (
                  <tr key={user._id}>
                    <td>{user.name}</td>
                    <td>{user.email}</td>
                    <td>{expired ? <Badge tone="warning">{t.access.expired}</Badge> : formatDateTime(expiresAt)}</td>
                    <td>
                      <div className="actions">
                        <button type="button" className="secondary" onClick={() => void act.run(user._id, 'resend')}>
                          {t.access.resend} <span className="visually-hidden">({user.email})</span>
                        </button>
                        <button type="button" className="secondary" onClick={() => void act.run(user._id, 'revoke')}>
                          {t.access.revoke} <span className="visually-hidden">({user.email})</span>
                        </button>
                      </div>
                    </td>
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

/** The proposals waiting for a second person; the buttons show only where the policy allows this user to decide. */
export function RoleGrants({ heading = 'h2' }: { heading?: 'h1' | 'h2' }) {
  const { ability, me } = useSession();
  const grants = useResource(() => call(accounts.listRoleGrants, { status: 'pending' }), []);
  const decide = useSubmit(async (grantId: string, decision: 'approve' | 'reject') => {
    await call(decision === 'approve' ? accounts.approveRoleGrant : accounts.rejectRoleGrant, { grantId });
    grants.reload();
  });
  const Heading = heading;
  const canDecide = (grant: RoleGrantView) =>
    grant.proposedBy !== me?.user._id &&
    grant.userId !== me?.user._id &&
    ability.can('approve', 'RoleGrant') &&
    (me?.roles.includes('privacy_officer') || grant.role === 'privacy_officer');
  return (
    <section aria-labelledby="grants-title">
      <Heading id="grants-title">{t.access.grantsTitle}</Heading>
      <p className="muted">{t.access.grantsIntro}</p>
      <FormProblem error={decide.error} />
      <Resource resource={grants}>
        {({ items, people }) =>
          items.length === 0 ? (
            <Empty />
          ) : (
            <table className="list">
              <thead>
                <tr>
                  <th scope="col">{t.access.forUser}</th>
                  <th scope="col">{t.access.what}</th>
                  <th scope="col">{t.access.proposedBy}</th>
                  <th scope="col">
                    <span className="visually-hidden">Acties</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {items.map((grant) => {
                  const user = people[grant.userId];
                  const what = grant.role
                    ? t.roles[grant.role]
                    : `${t.access.linkTo} ${people[grant.clientId ?? '']?.name ?? ''}`;
                  return (
                    <tr key={grant._id}>
                      <td>
                        {user?.name} <small className="muted">{user?.email}</small>
                      </td>
                      <td>
                        {what} <Badge tone="waiting">{t.access.pending}</Badge>
                      </td>
                      <td>
                        {people[grant.proposedBy]?.name}{' '}
                        <small className="muted">{formatDateTime(grant.proposedAt)}</small>
                      </td>
                      <td>
                        {canDecide(grant) && (
                          <div className="actions">
                            <button type="button" onClick={() => void decide.run(grant._id, 'approve')}>
                              {t.access.approve}{' '}
                              <span className="visually-hidden">
                                {what} voor {user?.name}
                              </span>
                            </button>
                            <button
                              type="button"
                              className="secondary"
                              onClick={() => void decide.run(grant._id, 'reject')}
                            >
                              {t.access.reject}{' '}
                              <span className="visually-hidden">
                                {what} voor {user?.name}
                              </span>
                            </button>
                          </div>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )
        }
      </Resource>
    </section>
  );
}

export function MailQueue() {
  const queue = useResource(() => call(mail.queue), []);
  return (
    <section aria-labelledby="mail-title">
      <h2 id="mail-title">{t.access.mailQueue}</h2>
      <Resource resource={queue}>
        {({ counts, items }) => (
          <>
            <p>{MAIL_STATUSES.map((status) => `${t.access.mailStatuses[status]}: ${counts[status]}`).join(' · ')}</p>
            {items.length === 0 ? (
              <Empty />
            ) : (
              <table className="list">
                <thead>
                  <tr>
                    <th scope="col">{t.access.mailTo}</th>
                    <th scope="col">{t.access.mailSubject}</th>
                    <th scope="col">Status</th>
                    <th scope="col">{t.access.mailAttempts}</th>
                    <th scope="col">{t.access.mailError}</th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((mail) => (
                    <tr key={mail._id}>
                      <td>{mail.to}</td>
                      <td>
                        {mail.subject} <small className="muted">{formatDateTime(mail.createdAt)}</small>
                      </td>
                      <td>
                        <Badge tone={mail.status === 'sent' ? 'ok' : mail.status === 'failed' ? 'warning' : 'waiting'}>
                          {t.access.mailStatuses[mail.status]}
                        </Badge>
                      </td>
                      <td>{mail.attempts}</td>
                      <td>{mail.lastError ?? ''}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </>
        )}
      </Resource>
    </section>
  );
}
