/** Everything the database holds, as text: every collection read through the driver, binary fields included (GridFS chunks). */
import mongoose from 'mongoose';

export async function rawDatabase(): Promise<string> {
  const db = mongoose.connection.db!;
  const parts: string[] = [];
  for (const { name } of await db.listCollections().toArray()) {
    for (const document of await db.collection(name).find({}).toArray()) {
      parts.push(JSON.stringify(document));
      for (const value of Object.values(document)) {
        if (value && typeof value === 'object' && 'buffer' in value) {
          const bytes = Buffer.from((value as { buffer: Uint8Array }).buffer);
          parts.push(bytes.toString('latin1'), bytes.toString('utf8'));
        }
      }
    }
  }
  return parts.join('\n');
}
