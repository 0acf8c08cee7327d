/**
 * Who is signed in, and what they may do: `GET /me` gives the user and the packed CASL rules, from which the
 * client builds the same ability the server uses (shared/src/policy). The UI hides; the server decides.
 */
import { unpackRules, type PackRule } from '@casl/ability/extra';
import { AbilityProvider } from '@casl/react';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Role } from '@spoorboek/shared/domain';
import { createAppAbility, type AppAbility, type AppRule } from '@spoorboek/shared/policy/rules';
import { auth } from '@spoorboek/shared/contracts/auth';
import { ApiError, call, forgetSession, markSignedIn, onSessionExpired, type Answer } from './api';

/** The signed-in user, their roles and their packed CASL rules (the contract types the rules as plain arrays). */
type Me = Answer<typeof auth.me>;

type Stage = 'loading' | 'signedOut' | 'mfa' | 'enrol' | 'signedIn';

interface Session {
  stage: Stage;
  me: Me | null;
  ability: AppAbility;
  notice: string | null;
  has: (role: Role) => boolean;
  login: (email: string, password: string) => Promise<void>;
  verify: (code: string) => Promise<void>;
  startEnrolment: () => void;
  finishEnrolment: () => Promise<void>;
  logout: () => Promise<void>;
}

const SessionContext = createContext<Session | null>(null);
const nobody = createAppAbility([]);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [stage, setStage] = useState<Stage>('loading');
  const [me, setMe] = useState<Me | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const loadMe = useCallback(async () => {
    try {
      setMe(await call(auth.me));
      markSignedIn();
      setStage('signedIn');
      setNotice(null);
    } catch (error) {
      setMe(null);
      if (error instanceof ApiError && error.status === 403 && /tweestapsverificatie/i.test(error.detail))
        setStage('mfa');
      else {
        // Not signed in is no news; a server or database that cannot answer is (its Dutch message, e.g. 503).
        if (error instanceof ApiError && (error.status >= 500 || error.status === 0 || error.status === 401))
          setNotice(error.detail);
        setStage('signedOut');
      }
    }
  }, []);

  useEffect(() => {
    // First ask whether there is a session at all (never a 401): a first visit is not an error, and a database
    // that cannot answer shows its own message rather than "Uw sessie is verlopen".
    void (async () => {
      try {
        const { signedIn } = await call(auth.session);
        if (!signedIn) {
          setStage('signedOut');
          return;
        }
      } catch (error) {
        setNotice(error instanceof ApiError ? error.detail : null);
        setStage('signedOut');
        return;
      }
      await loadMe();
    })();
    return onSessionExpired(() => {
      setMe(null);
      setStage('signedOut');
      setNotice('Uw sessie is verlopen. Log opnieuw in.');
    });
  }, [loadMe]);

  const ability = useMemo(
    () => (me ? createAppAbility(unpackRules(me.rules as PackRule<AppRule>[]) as AppRule[]) : nobody),
    [me],
  );

  const session: Session = {
    stage,
    me,
    ability,
    notice,
    has: (role) => Boolean(me?.roles.includes(role)),
    login: async (email, password) => {
      forgetSession();
      // The answer's csrfToken (the session's own) is remembered by api.ts, as for every answer that carries one.
      const result = await call(auth.login, {}, { email, password });
      setNotice(null);
      if (!result.mfaRequired) await loadMe();
      else setStage(result.mfaEnrolled ? 'mfa' : 'enrol');
    },
    verify: async (code) => {
      await call(auth.mfa, {}, { code });
      await loadMe();
    },
    startEnrolment: () => setStage('enrol'),
    finishEnrolment: loadMe,
    logout: async () => {
      await call(auth.logout).catch(() => undefined);
      forgetSession();
      setMe(null);
      setStage('signedOut');
    },
  };

  return (
    <SessionContext.Provider value={session}>
      <AbilityProvider value={ability}>{children}</AbilityProvider>
    </SessionContext.Provider>
  );
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}
