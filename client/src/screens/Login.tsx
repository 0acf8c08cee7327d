/** Signing in: e-mail and password, then the second factor, or its enrolment with a QR code and recovery codes. */
import { useState, type FormEvent } from 'react';
import { auth } from '@spoorboek/shared/contracts/auth';
import { call } from '../api';
import { Field, FormProblem, useResource, useSubmit } from '../components/ui';
import { Link } from '../router';
import { useSession } from '../session';
import { t } from '../text';

export function Login() {
  const session = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const submit = useSubmit(() => session.login(email, password));
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void submit.run();
  };
  return (
    <main id="main" className="auth">
      <form className="panel" onSubmit={onSubmit} aria-labelledby="login-title" noValidate>
        <h1 id="login-title">{t.login.title}</h1>
        {session.notice && (
          <p className="notice" role="status">
            {session.notice}
          </p>
        )}
        <Field label={t.login.email} name="email" error={submit.error}>
          {(props) => (
            <input
              {...props}
              type="email"
              autoComplete="username"
              value={email}
              onChange={(e) => setEmail(e.target.value)}
              required
            />
          )}
        </Field>
        <Field label={t.login.password} name="password" error={submit.error}>
          {(props) => (
            <input
              {...props}
              type="password"
              autoComplete="current-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              required
            />
          )}
        </Field>
        <FormProblem error={submit.error?.errors.length ? null : submit.error} />
        <button type="submit" disabled={submit.busy}>
          {t.login.submit}
        </button>
        <Link to="/wachtwoord-vergeten">{t.account.forgotLink}</Link>
      </form>
    </main>
  );
}

export function SecondFactor() {
  const session = useSession();
  const [code, setCode] = useState('');
  const submit = useSubmit(() => session.verify(code.trim()));
  return (
    <main id="main" className="auth">
      <form
        className="panel"
        onSubmit={(event) => {
          event.preventDefault();
          void submit.run();
        }}
        aria-labelledby="mfa-title"
        noValidate
      >
        <h1 id="mfa-title">{t.login.mfaTitle}</h1>
        <Field label={t.login.mfaCode} name="code" error={submit.error}>
          {(props) => (
            <input
              {...props}
              inputMode="numeric"
              autoComplete="one-time-code"
              value={code}
              onChange={(e) => setCode(e.target.value)}
              autoFocus
            />
          )}
        </Field>
        <FormProblem error={submit.error?.errors.length ? null : submit.error} />
        <button type="submit" disabled={submit.busy}>
          {t.login.mfaSubmit}
        </button>
        <button type="button" className="link" onClick={session.startEnrolment}>
          {t.login.enrolTitle}
        </button>
        <button type="button" className="link" onClick={() => void session.logout()}>
          {t.login.logout}
        </button>
      </form>
    </main>
  );
}

export function Enrolment() {
  const session = useSession();
  // Enrolment starts once, when the screen opens: a new secret and its QR code.
  const start = useResource(() => call(auth.startEnrolment), []);
  const enrolment = start.data;
  const [code, setCode] = useState('');
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  const confirm = useSubmit(async () => {
    const result = await call(auth.confirmEnrolment, {}, { code: code.trim() });
    setRecoveryCodes(result.recoveryCodes);
  });
  if (recoveryCodes) {
    return (
      <main id="main" className="auth">
        <section className="panel" aria-labelledby="recovery-title">
          <h1 id="recovery-title">{t.login.recoveryTitle}</h1>
          <p>{t.login.recoveryIntro}</p>
          <ul className="codes">
            {recoveryCodes.map((recovery) => (
              <li key={recovery}>
                <code>{recovery}</code>
              </li>
            ))}
          </ul>
          <button type="button" onClick={() => void session.finishEnrolment()}>
            {t.login.continue}
          </button>
        </section>
      </main>
    );
  }
  return (
    <main id="main" className="auth">
      <form
        className="panel"
        onSubmit={(event) => {
          event.preventDefault();
          void confirm.run();
        }}
        aria-labelledby="enrol-title"
        noValidate
      >
        <h1 id="enrol-title">{t.login.enrolTitle}</h1>
        <p>{t.login.enrolIntro}</p>
        <FormProblem error={start.error} />
        {enrolment && (
          <>
            <img src={enrolment.qrDataUrl} alt="QR-code voor uw authenticator-app" width={220} height={220} />
            <p>
              {t.login.enrolSecret} <code>{enrolment.secret}</code>
            </p>
          </>
        )}
        <Field label={t.login.enrolCode} name="code" error={confirm.error}>
          {(props) => (
            <input
              {...props}
              inputMode="numeric"
              autoComplete="one-time-code"
              value={code}
              onChange={(e) => setCode(e.target.value)}
            />
          )}
        </Field>
        <FormProblem error={confirm.error?.errors.length ? null : confirm.error} />
        <button type="submit" disabled={confirm.busy || !enrolment}>
          {t.login.mfaSubmit}
        </button>
      </form>
    </main>
  );
}
