/** A small router: the address bar is the state; links push history; screens read their parameters by pattern. */
import { createContext, useContext, useEffect, useState, type AnchorHTMLAttributes, type ReactNode } from 'react';

const LocationContext = createContext<string>('/');

export function navigate(to: string, { replace = false } = {}): void {
  if (replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  window.dispatchEvent(new PopStateEvent('popstate'));
}

export function RouterProvider({ children }: { children: ReactNode }) {
  const [location, setLocation] = useState(() => window.location.pathname + window.location.search);
  useEffect(() => {
    const update = () => setLocation(window.location.pathname + window.location.search);
    window.addEventListener('popstate', update);
    return () => window.removeEventListener('popstate', update);
  }, []);
  return <LocationContext.Provider value={location}>{children}</LocationContext.Provider>;
}

export function useLocation(): { path: string; query: URLSearchParams } {
  const location = useContext(LocationContext);
  const [path, search = ''] = location.split('?');
  return { path: path ?? '/', query: new URLSearchParams(search) };
}

/** `/clienten/:clientId/:tab?` against a path: the parameters, or null. */
export function match(pattern: string, path: string): Record<string, string> | null {
  const parts = pattern.split('/').filter(Boolean);
  const segments = path.split('/').filter(Boolean);
  const params: Record<string, string> = {};
  for (let index = 0; index < Math.max(parts.length, segments.length); index += 1) {
    const part = parts[index];
    const segment = segments[index];
    if (part === undefined) return null;
    const optional = part.endsWith('?');
    if (part.startsWith(':')) {
      if (segment === undefined) {
        if (!optional) return null;
        continue;
      }
      params[part.slice(1).replace('?', '')] = decodeURIComponent(segment);
    } else if (part !== segment) {
      return null;
    }
  }
  return params;
}

export function Link({
  to,
  children,
  ...rest
}: { to: string; children: ReactNode } & AnchorHTMLAttributes<HTMLAnchorElement>) {
  return (
    <a
      href={to}
      {...rest}
      onClick={(event) => {
        if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
        event.preventDefault();
        navigate(to);
      }}
    >
      {children}
    </a>
  );
}
