/**
 * The test run's mailbox: the real Mailpit started by the root hooks, read through its HTTP API (list, search by
 * recipient, read a body, delete all). Mail is sent by the app's real worker over real SMTP.
 */
let inboxUrl: string | null = null;

export function useMailpit(httpUrl: string | null): void {
  inboxUrl = httpUrl;
}

function mailpit(): string {
  if (!inboxUrl) throw new Error('Mailpit not started (test/helpers/hooks.ts)');
  return inboxUrl;
}

export interface MailSummary {
  ID: string;
  To: { Address: string; Name: string }[];
  Subject: string;
  Created: string;
}

export interface Mail {
  id: string;
  to: string[];
  subject: string;
  text: string;
  html: string;
}

async function getJson<T>(path: string): Promise<T> {
  const response = await fetch(`${mailpit()}${path}`);
  if (!response.ok) throw new Error(`Mailpit ${path}: ${response.status}`);
  return (await response.json()) as T;
}

/** Every message in the inbox, newest first. */
export async function listMail(): Promise<MailSummary[]> {
  return (await getJson<{ messages: MailSummary[] }>('/api/v1/messages?limit=500')).messages;
}

/** The messages sent to one address, newest first. */
export async function mailTo(address: string): Promise<MailSummary[]> {
  const query = encodeURIComponent(`to:"${address}"`);
  const found = (await getJson<{ messages: MailSummary[] }>(`/api/v1/search?query=${query}&limit=500`)).messages;
  // Mailpit's search matches substrings; keep exact recipients only.
  return found.filter((message) => message.To.some((to) => to.Address.toLowerCase() === address.toLowerCase()));
}

export async function readMail(id: string): Promise<Mail> {
  const message = await getJson<{ ID: string; To: { Address: string }[]; Subject: string; Text: string; HTML: string }>(`/api/v1/message/${id}`);
  return { id: message.ID, to: message.To.map((to) => to.Address), subject: message.Subject, text: message.Text, html: message.HTML };
}

/**
 * Waits until `count` messages (matching `subject`, when given) reached `address`, and returns the newest.
 * Delivery is asynchronous (queue → worker → SMTP), so this polls; the limit only guards against a hang.
 */
export async function waitForMail(address: string, { subject, count = 1, timeoutMs = 20_000 }: { subject?: RegExp; count?: number; timeoutMs?: number } = {}): Promise<Mail> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const matching = (await mailTo(address)).filter((message) => !subject || subject.test(message.Subject));
    if (matching.length >= count) return readMail(matching[0]!.ID);
    if (Date.now() > deadline) throw new Error(`no ${count} mail(s) to ${address}${subject ? ` matching ${String(subject)}` : ''} arrived`);
    await new Promise((wait) => setTimeout(wait, 100));
  }
}

export async function deleteAllMail(): Promise<void> {
  if (!inboxUrl) return;
  await fetch(`${inboxUrl}/api/v1/messages`, { method: 'DELETE' });
}

/** The first link in a mail's text that contains `path`. */
export function linkIn(mail: Mail, path: string): string {
  const link = mail.text.match(/https?:\/\/\S+/g)?.find((url) => url.includes(path));
  if (!link) throw new Error(`no link to ${path} in mail "${mail.subject}"`);
  return link;
}

/** The one-time token in a link's fragment (`#token=…`). */
export function tokenIn(mail: Mail, path: string): string {
  const token = new URL(linkIn(mail, path)).hash.replace(/^#token=/, '');
  if (!token) throw new Error(`no token in the link of mail "${mail.subject}"`);
  return token;
}
