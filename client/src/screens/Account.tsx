/**
 * Getting in and keeping one's password: accepting an invitation (the link from the e-mail), "wachtwoord
 * vergeten", a new password with the reset link, and changing one's password while signed in. The server checks
 * the rules; the screen shows them and a strength meter so nobody has to guess.
 */
import { useState, type FormEvent } from 'react';
import { auth } from '@spoorboek/shared/contracts/auth';
import { ApiError, call } from '../api';
import { Field, FormProblem, useSubmit } from '../components/ui';
import { Link, navigate } from '../router';
import { useSession } from '../session';
import { t } from '../text';

/** The one-time token travels in the fragment (#token=…), which browsers never send to a server or in a Referer. */
function tokenFromAddress(): string {
  return new URLSearchParams(window.location.hash.replace(/^#/, '')).get('token') ?? '';
}

/** A rough guide, not the rule: length counts most (NIST SP 800-63B), variety a little. */
function passwordStrength(password: string): number {
  if (password.length < 12) return 0;
  const kinds = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((pattern) => pattern.test(password)).length;
  const words = password.split(/[\s\-_.]+/).filter(Boolean).length;
  let score = 1;
  if (password.length >= 16) score += 1;
  if (password.length >= 20 || words >= 4) score += 1;
  if (kinds >= 3) score += 1;
  return Math.min(score, 4);
}

function NewPassword({
  value,
  onChange,
  repeat,
  onRepeat,
  error,
}: {
  value: string;
  onChange: (value: string) => void;
  repeat: string;
  onRepeat: (value: string) => void;
  error: ApiError | null;
}) {
  const strength = passwordStrength(value);
  return (
    <>
      <section aria-labelledby="password-rules">
        <h2 id="password-rules" className="small-heading">
          {t.account.rulesTitle}
        </h2>
        <ul className="plain">
          {t.account.rules.map((rule) => (
            <li key={rule}>{rule}</li>
          ))}
        </ul>
      </section>
      <Field label={t.account.newPassword} name="password" error={error}>
        {(props) => (
          <input
            {...props}
            type="password"
            autoComplete="new-password"
            maxLength={128}
            value={value}
            onChange={(e) => onChange(e.target.value)}
          />
        )}
      </Field>
      <p className="muted" aria-live="polite">
        {t.account.strength}:{' '}
        <meter min={0} max={4} low={2} high={3} optimum={4} value={strength} aria-label={t.account.strength} />{' '}
        <span data-testid="strength">{t.account.strengthLevels[strength]}</span>
      </p>
      <Field label={t.account.repeatPassword} name="repeat" error={error}>
        {(props) => (
          <input
            {...props}
            type="password"
            autoComplete="new-password"
            maxLength={128}
            value={repeat}
            onChange={(e) => onRepeat(e.target.value)}
          />
        )}
      </Field>
    </>
  );
}

const mismatch = () => new ApiError(400, t.account.mismatch, [{ field: 'body.repeat', message: t.account.mismatch }]);

export function AcceptInvitation() {
  const session = useSession();
  const [token] = useState(tokenFromAddress);
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const submit = useSubmit(async () => {
    if (password !== repeat) throw mismatch();
    const { email } = await call(auth.acceptInvitation, {}, { token, password });
    navigate('/', { replace: true }); // the link has done its work; the token leaves the address bar
    await session.login(email, password); // then two-factor enrolment where the role requires it
  });
  return (
    <main id="main" className="auth">
      <form
        className="panel"
        onSubmit={(event: FormEvent) => {
          event.preventDefault();
          void submit.run();
        }}
        aria-labelledby="accept-title"
        noValidate
      >
        <h1 id="accept-title">{t.account.acceptTitle}</h1>
        {!token ? (
          <p className="problem" role="alert">
            {t.account.noToken}
          </p>
        ) : (
          <p>{t.account.acceptIntro}</p>
        )}
        <NewPassword
          value={password}
          onChange={setPassword}
          repeat={repeat}
          onRepeat={setRepeat}
          error={submit.error}
        />
        <FormProblem error={submit.error?.errors.length ? null : submit.error} />
        <button type="submit" disabled={submit.busy || !token}>
          {t.account.acceptSubmit}
        </button>
      </form>
    </main>
  );
}

export function ForgotPassword() {
  const [email, setEmail] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const submit = useSubmit(async () => setDone((await call(auth.forgotPassword, {}, { email })).detail));
  return (
    <main id="main" className="auth">
      <form
        className="panel"
        onSubmit={(event) => {
          event.preventDefault();
          void submit.run();
        }}
        aria-labelledby="forgot-title"
        noValidate
      >
        <h1 id="forgot-title">{t.account.forgotTitle}</h1>
        {done ? (
          <p className="notice" role="status">
            {done}
          </p>
        ) : (
          <>
            <p>{t.account.forgotIntro}</p>
            <Field label={t.login.email} name="email" error={submit.error}>
              {(props) => (
                <input
                  {...props}
                  type="email"
                  autoComplete="username"
                  value={email}
                  onChange={(e) => setEmail(e.target.value)}
                />
              )}
            </Field>
            <FormProblem error={submit.error?.errors.length ? null : submit.error} />
            <button type="submit" disabled={submit.busy}>
              {t.account.forgotSubmit}
            </button>
          </>
        )}
        <Link to="/inloggen">{t.account.backToLogin}</Link>
      </form>
    </main>
  );
}

export function ResetPassword() {
  const [token] = useState(tokenFromAddress);
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [done, setDone] = useState(false);
  const submit = useSubmit(async () => {
    if (password !== repeat) throw mismatch();
    await call(auth.resetPassword, {}, { token, password });
    window.history.replaceState(null, '', '/wachtwoord-herstellen');
    setDone(true);
  });
  return (
    <main id="main" className="auth">
      <form
        className="panel"
        onSubmit={(event) => {
          event.preventDefault();
          void submit.run();
        }}
        aria-labelledby="reset-title"
        noValidate
      >
        <h1 id="reset-title">{t.account.resetTitle}</h1>
        {done ? (
          <p className="notice" role="status">
            {t.account.resetDone}
          </p>
        ) : (
          <>
            {!token && (
              <p className="problem" role="alert">
                {t.account.noToken}
              </p>
            )}
            <NewPassword
              value={password}
              onChange={setPassword}
              repeat={repeat}
              onRepeat={setRepeat}
              error={submit.error}
            />
            <FormProblem error={submit.error?.errors.length ? null : submit.error} />
            <button type="submit" disabled={submit.busy || !token}>
              {t.account.resetSubmit}
            </button>
          </>
        )}
        <Link to="/inloggen">{t.account.backToLogin}</Link>
      </form>
    </main>
  );
}

/** For the signed-in user: the current password, then a new one; other sessions end. */
export function ChangePassword() {
  const [current, setCurrent] = useState('');
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [done, setDone] = useState(false);
  const submit = useSubmit(async () => {
    if (password !== repeat) throw mismatch();
    try {
      await call(auth.changePassword, {}, { currentPassword: current, newPassword: password });
    } catch (error) {
      // The server names the new password `newPassword`; this form calls it `password`.
      if (error instanceof ApiError) {
        throw new ApiError(
          error.status,
          error.detail,
          error.errors.map((item) => ({ ...item, field: item.field.replace('newPassword', 'password') })),
        );
      }
      throw error;
    }
    setCurrent('');
    setPassword('');
    setRepeat('');
    setDone(true);
  });
  return (
    <section className="panel narrow" aria-labelledby="change-title">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          setDone(false);
          void submit.run();
        }}
        noValidate
      >
        <h1 id="change-title">{t.account.changeTitle}</h1>
        {done && (
          <p className="notice" role="status">
            {t.account.changeDone}
          </p>
        )}
        <Field label={t.account.currentPassword} name="currentPassword" error={submit.error}>
          {(props) => (
            <input
              {...props}
              type="password"
              autoComplete="current-password"
              value={current}
              onChange={(e) => setCurrent(e.target.value)}
            />
          )}
        </Field>
        <NewPassword
          value={password}
          onChange={setPassword}
          repeat={repeat}
          onRepeat={setRepeat}
          error={submit.error}
        />
        <FormProblem error={submit.error?.errors.length ? null : submit.error} />
        <button type="submit" disabled={submit.busy}>
          {t.account.changeSubmit}
        </button>
      </form>
    </section>
  );
}
