/** A user's search text as a literal inside a regular expression (no operators, no catastrophic patterns). */
export function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
