/** The shell: sign-in, then a role-aware menu built from the user's CASL rules, and the screen for the address. */
import { Can } from '@casl/react';
import { useEffect, type ReactNode } from 'react';
import { useFocusRescue, usePageFocus } from './focus';
import { useTableLabels } from './tableLabels';
import { NoAccess } from './components/ui';
import { Link, match, navigate, RouterProvider, useLocation } from './router';
import { Admin } from './screens/Admin';
import { AcceptInvitation, ChangePassword, ForgotPassword, ResetPassword } from './screens/Account';
import { RoleGrants } from './screens/AdminAccess';
import { InboxBadge, Notifications } from './screens/Notifications';
import { Caseload, Intake } from './screens/Caseload';
import { Dossier } from './screens/Dossier';
import { ManagementFigures } from './screens/Management';
import { EmployerPortal } from './screens/Employer';
import { HealthPage } from './screens/Health';
import { Enrolment, Login, SecondFactor } from './screens/Login';
import { MyDossier } from './screens/MyDossier';
import { PoortwachterToday } from './screens/Poortwachter';
import { AuditLog, RelationRegister } from './screens/Privacy';
import { RequestQueue } from './screens/Rights';
import { NOTICE_PATH, NoticeLink, PrivacyNotice } from './screens/Notice';
import { RetentionScreen } from './screens/Retention';
import { BreachScreen } from './screens/Breaches';
import { SessionProvider, useSession } from './session';
import { t } from './text';
import type { AppAbility } from '@spoorboek/shared/policy/rules';

/** Which screens a user may open: decided from the same rules the server enforces (the server still decides). */
function screensFor(ability: AppAbility, clientId: string | null, isEmployer: boolean) {
  return {
    caseload: ability.can('create', 'Consult') || ability.can('create', 'HealthRecord'),
    intake: ability.can('create', 'Client') && ability.can('create', 'Consult'),
    myDossier: Boolean(clientId),
    employer: isEmployer && ability.can('read', 'Client'),
    audit: ability.can('verify', 'AuditEvent'),
    requests: ability.can('update', 'DataSubjectRequest'),
    relations: ability.can('read', 'RelationRegister'),
    management: ability.can('read', 'ManagementFigures'),
    users: ability.can('create', 'User'),
    organisations: ability.can('create', 'Organisation'),
    poortwachter: ability.can('read', 'SicknessCase'),
    confirmGrants: ability.can('approve', 'RoleGrant'),
    retention: ability.can('read', 'Retention'),
    breaches: ability.can('read', 'Breach'),
  };
}

function homeOf(screens: ReturnType<typeof screensFor>): string {
  if (screens.caseload) return '/clienten';
  if (screens.myDossier) return '/mijn-dossier';
  if (screens.employer) return '/werkgever';
  if (screens.audit) return '/privacy';
  if (screens.users) return '/beheer/gebruikers';
  if (screens.relations) return '/relatieregister';
  return '/geen-toegang';
}

function Shell() {
  const session = useSession();
  const { path } = useLocation();
  const me = session.me!;
  const screens = screensFor(session.ability, me.user.clientId, session.has('employer'));
  const home = homeOf(screens);

  useEffect(() => {
    if (path === '/' || path === '/inloggen') navigate(home, { replace: true });
  }, [path, home]);

  const guarded = (allowed: boolean, screen: ReactNode) => (allowed ? screen : <NoAccess />);
  let content: ReactNode;
  let params: Record<string, string> | null;
  if (path === '/' || path === '/inloggen') content = null;
  else if (match('/clienten', path)) content = guarded(screens.caseload, <Caseload />);
  else if (match('/clienten/nieuw', path)) content = guarded(screens.intake, <Intake />);
  else if ((params = match('/clienten/:clientId/medisch', path))) content = <HealthPage clientId={params.clientId!} />;
  else if ((params = match('/clienten/:clientId/:tab?', path)))
    content = guarded(screens.caseload, <Dossier clientId={params.clientId!} tab={params.tab ?? 'overzicht'} />);
  else if ((params = match('/mijn-dossier/:tab?', path)))
    content = guarded(screens.myDossier, <MyDossier clientId={me.user.clientId!} tab={params.tab ?? 'overzicht'} />);
  else if (match('/poortwachter', path)) content = guarded(screens.poortwachter, <PoortwachterToday />);
  else if (match('/werkgever', path)) content = guarded(screens.employer, <EmployerPortal />);
  else if (match('/privacy', path)) content = guarded(screens.audit, <AuditLog />);
  else if (match('/privacy/verzoeken', path)) content = guarded(screens.requests, <RequestQueue />);
  else if (match('/privacy/bewaartermijnen', path)) content = guarded(screens.retention, <RetentionScreen />);
  else if (path === NOTICE_PATH) content = <PrivacyNotice />;
  else if (match('/privacy/datalekken', path)) content = guarded(screens.breaches, <BreachScreen />);
  else if (match('/relatieregister', path)) content = guarded(screens.relations, <RelationRegister />);
  else if (match('/managementinformatie', path)) content = guarded(screens.management, <ManagementFigures />);
  else if ((params = match('/beheer/:tab', path)))
    content = guarded(screens.users || screens.organisations, <Admin tab={params.tab!} />);
  else if (match('/geen-toegang', path)) content = <NoAccess />;
  else if (match('/account/wachtwoord', path)) content = <ChangePassword />;
  else if (path === '/uitnodiging' || path === '/wachtwoord-herstellen')
    content = (
      <section className="panel">
        <h1>{t.account.signedInTitle}</h1>
        <p>{t.account.signedInBody(me.user.name)}</p>
      </section>
    );
  else if (match('/meldingen', path)) content = <Notifications />;
  else if (match('/bevestigen', path))
    content = guarded(
      screens.confirmGrants,
      <section className="panel">
        <RoleGrants heading="h1" />
      </section>,
    );
  else
    content = (
      <section className="panel">
        <h1>{t.notFound.title}</h1>
        <p>{t.notFound.body}</p>
      </section>
    );

  return (
    <>
      <a className="skip" href="#main">
        {t.skipToContent}
      </a>
      <header className="top">
        <Link to="/" className="brand">
          {t.app}
        </Link>
        <nav aria-label={t.nav.main}>
          <ul>
            {screens.caseload && (
              <li>
                <Link to="/clienten" aria-current={path.startsWith('/clienten') ? 'page' : undefined}>
                  {t.nav.caseload}
                </Link>
              </li>
            )}
            {screens.myDossier && (
              <li>
                <Link to="/mijn-dossier" aria-current={path.startsWith('/mijn-dossier') ? 'page' : undefined}>
                  {t.nav.myDossier}
                </Link>
              </li>
            )}
            {screens.poortwachter && (
              <li>
                <Link to="/poortwachter" aria-current={path === '/poortwachter' ? 'page' : undefined}>
                  {t.nav.poortwachter}
                </Link>
              </li>
            )}
            {screens.employer && (
              <li>
                <Link to="/werkgever" aria-current={path === '/werkgever' ? 'page' : undefined}>
                  {t.nav.employer}
                </Link>
              </li>
            )}
            <li>
              <InboxBadge />
            </li>
            <Can I="verify" a="AuditEvent">
              <li>
                <Link to="/privacy" aria-current={path === '/privacy' ? 'page' : undefined}>
                  {t.nav.privacy}
                </Link>
              </li>
            </Can>
            {screens.requests && (
              <li>
                <Link to="/privacy/verzoeken" aria-current={path === '/privacy/verzoeken' ? 'page' : undefined}>
                  {t.rights.nav}
                </Link>
              </li>
            )}
            {screens.retention && (
              <li>
                <Link
                  to="/privacy/bewaartermijnen"
                  aria-current={path === '/privacy/bewaartermijnen' ? 'page' : undefined}
                >
                  Bewaartermijnen
                </Link>
              </li>
            )}
            {screens.breaches && (
              <li>
                <Link to="/privacy/datalekken" aria-current={path === '/privacy/datalekken' ? 'page' : undefined}>
                  Datalekken
                </Link>
              </li>
            )}
            <Can I="read" a="RelationRegister">
              <li>
                <Link to="/relatieregister" aria-current={path === '/relatieregister' ? 'page' : undefined}>
                  {t.nav.relations}
                </Link>
              </li>
            </Can>
            <Can I="read" a="ManagementFigures">
              <li>
                <Link to="/managementinformatie" aria-current={path === '/managementinformatie' ? 'page' : undefined}>
                  {t.nav.management}
                </Link>
              </li>
            </Can>
            <Can I="create" a="User">
              <li>
                <Link to="/beheer/gebruikers" aria-current={path === '/beheer/gebruikers' ? 'page' : undefined}>
                  {t.nav.users}
                </Link>
              </li>
            </Can>
            {screens.confirmGrants && !screens.users && (
              <li>
                <Link to="/bevestigen" aria-current={path === '/bevestigen' ? 'page' : undefined}>
                  {t.access.nav}
                </Link>
              </li>
            )}
            <Can I="create" a="Organisation">
              <li>
                <Link to="/beheer/organisaties" aria-current={path === '/beheer/organisaties' ? 'page' : undefined}>
                  {t.nav.organisations}
                </Link>
              </li>
            </Can>
          </ul>
        </nav>
        <div className="who">
          <span>
            {me.user.name} <small className="muted">({me.roles.map((role) => t.roles[role]).join(', ')})</small>
          </span>
          <Link to="/account/wachtwoord">{t.account.changeLink}</Link>
          <NoticeLink />
          <button
            type="button"
            className="secondary"
            onClick={() => void session.logout().then(() => navigate('/inloggen', { replace: true }))}
          >
            {t.login.logout}
          </button>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {content}
      </main>
    </>
  );
}

/** Without a session: the link from an invitation or reset mail, "wachtwoord vergeten", or the sign-in. */
function SignedOut() {
  const { path } = useLocation();
  if (path === '/uitnodiging') return <AcceptInvitation />;
  if (path === '/wachtwoord-vergeten') return <ForgotPassword />;
  if (path === '/wachtwoord-herstellen') return <ResetPassword />;
  // The privacy notice (AVG art. 13): readable before anyone signs in.
  if (path === NOTICE_PATH)
    return (
      <main id="main">
        <PrivacyNotice />
        <p>
          <Link to="/inloggen">Naar inloggen</Link>
        </p>
      </main>
    );
  return (
    <>
      <Login />
      <footer className="notice-link">
        <NoticeLink />
      </footer>
    </>
  );
}

function Gate() {
  const session = useSession();
  const { path } = useLocation();
  usePageFocus(`${session.stage}:${path}`);
  useFocusRescue();
  useTableLabels();
  if (session.stage === 'loading')
    return (
      <main id="main">
        <p className="muted" role="status">
          {t.loading}
        </p>
      </main>
    );
  if (session.stage === 'signedOut') return <SignedOut />;
  if (session.stage === 'mfa') return <SecondFactor />;
  if (session.stage === 'enrol') return <Enrolment />;
  return <Shell />;
}

export function App() {
  return (
    <RouterProvider>
      <SessionProvider>
        <Gate />
      </SessionProvider>
    </RouterProvider>
  );
}
