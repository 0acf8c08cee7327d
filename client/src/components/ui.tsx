/** Small building blocks every screen uses: loading, empty and error states, labelled fields, badges, tabs. */
import { useCallback, useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { ApiError } from '../api';
import { Link } from '../router';
import { t } from '../text';

/** Data from the API with its loading and error state; `reload` after a change. */
export function useResource<T>(
  load: () => Promise<T>,
  deps: unknown[],
): { data: T | null; error: ApiError | null; loading: boolean; reload: () => void } {
  const [state, setState] = useState<{ data: T | null; error: ApiError | null; loading: boolean }>({
    data: null,
    error: null,
    loading: true,
  });
  const [version, setVersion] = useState(0);
  // The latest `load` is used, but only `deps` (checked at every call site by the react-hooks lint rule) and a
  // reload decide when it runs again.
  const latestLoad = useRef(load);
  useEffect(() => {
    latestLoad.current = load;
  });
  useEffect(() => {
    let current = true;
    setState((previous) => ({ ...previous, loading: true }));
    latestLoad.current().then(
      (data) => current && setState({ data, error: null, loading: false }),
      (error: unknown) =>
        current &&
        setState({
          data: null,
          error: error instanceof ApiError ? error : new ApiError(0, t.unknownError),
          loading: false,
        }),
    );
    return () => {
      current = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the caller's deps, checked where useResource is called
  }, [...deps, version]);
  const reload = useCallback(() => setVersion((value) => value + 1), []);
  return { ...state, reload };
}

function Loading() {
  return (
    <p className="muted" role="status">
      {t.loading}
    </p>
  );
}

export function Empty({ children = t.empty }: { children?: ReactNode }) {
  return <p className="empty">{children}</p>;
}

export function NoAccess() {
  return (
    <section className="panel" aria-labelledby="no-access">
      <h1 id="no-access">{t.noAccess.title}</h1>
      <p>{t.noAccess.body}</p>
    </section>
  );
}

/** An API error as a sentence; 403 reads as "geen toegang". */
function Problem({ error }: { error: ApiError | null | undefined }) {
  if (!error) return null;
  if (error.status === 403 && !error.errors.length) return <NoAccess />;
  return (
    <p className="problem" role="alert">
      {error.detail}
    </p>
  );
}

/** Shows a resource: loading, error (403 → geen toegang), or its content. */
export function Resource<T>({
  resource,
  children,
}: {
  resource: { data: T | null; error: ApiError | null; loading: boolean };
  children: (data: T) => ReactNode;
}) {
  if (resource.error) return <Problem error={resource.error} />;
  if (resource.loading && resource.data === null) return <Loading />;
  return resource.data === null ? <Loading /> : <>{children(resource.data)}</>;
}

interface FieldProps {
  label: string;
  name: string;
  error?: ApiError | null;
  hint?: string;
  children: (props: { id: string; name: string; 'aria-invalid': boolean; 'aria-describedby'?: string }) => ReactNode;
}

/**
 * A labelled form field with its error message right below it, linked for screen readers. Once the person changes
 * the field, its old error goes (it may no longer be true); the next submit says again what is still wrong.
 */
export function Field({ label, name, error, hint, children }: FieldProps) {
  const id = useId();
  const [fixed, setFixed] = useState<ApiError | null>(null);
  const message = error && fixed !== error ? error.fieldMessage(name) : undefined;
  const describedBy =
    [hint ? `${id}-hint` : null, message ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div
      className={`field${message ? ' invalid' : ''}`}
      onInput={() => {
        if (message) setFixed(error ?? null);
      }}
      onChange={() => {
        if (message) setFixed(error ?? null);
      }}
    >
      <label htmlFor={id}>{label}</label>
      {hint && (
        <small id={`${id}-hint`} className="muted">
          {hint}
        </small>
      )}
      {children({ id, name, 'aria-invalid': Boolean(message), 'aria-describedby': describedBy })}
      {message && (
        <small id={`${id}-error`} className="field-error">
          {message}
        </small>
      )}
    </div>
  );
}

/** An error for the form as a whole (not about one field). */
export function FormProblem({ error }: { error: ApiError | null }) {
  if (!error) return null;
  return (
    <p className="problem" role="alert">
      {error.detail}
    </p>
  );
}

export function Badge({
  tone,
  children,
}: {
  tone: 'neutral' | 'waiting' | 'ok' | 'warning' | 'shared';
  children: ReactNode;
}) {
  return <span className={`badge badge-${tone}`}>{children}</span>;
}

export function Tabs({
  tabs,
  current,
  base,
}: {
  tabs: { key: string; label: string }[];
  current: string;
  base: string;
}) {
  return (
    <nav className="tabs" aria-label="Onderdelen">
      {tabs.map((tab) => (
        <Link key={tab.key} to={`${base}/${tab.key}`} aria-current={tab.key === current ? 'page' : undefined}>
          {tab.label}
        </Link>
      ))}
    </nav>
  );
}

/** A submit handler that shows errors in place and never loses what was typed. */
export function useSubmit<A extends unknown[]>(action: (...args: A) => Promise<unknown>) {
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async (...args: A) => {
    setBusy(true);
    setError(null);
    try {
      await action(...args);
      return true;
    } catch (caught) {
      setError(caught instanceof ApiError ? caught : new ApiError(0, t.unknownError));
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { run, error, busy, setError };
}
