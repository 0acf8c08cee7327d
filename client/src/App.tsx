import { useEffect, useState } from 'react';

type Status = 'laden' | 'gereed' | 'niet bereikbaar';

/** The shell: for now it shows whether the server and its database are ready. */
export function App() {
  const [status, setStatus] = useState<Status>('laden');
  useEffect(() => {
    fetch('/readyz')
      .then((response) => setStatus(response.ok ? 'gereed' : 'niet bereikbaar'))
      .catch(() => setStatus('niet bereikbaar'));
  }, []);
  return (
    <main>
      <h1>Spoorboek</h1>
      <p>Status van de server: {status}</p>
    </main>
  );
}
