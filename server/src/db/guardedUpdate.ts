/**
 * A workflow step as one atomic update: it applies only while the document is still in a status the step starts
 * from. FerretDB has no transactions, so this single-document guard is what stops two people (or two tabs)
 * moving the same consult or report at once; the loser gets a 409.
 */
import mongoose, { type Model, type Types, type UpdateQuery } from 'mongoose';
import { conflict } from '../http/problem';

export async function guardedUpdate<T>(
  model: Model<T>,
  id: Types.ObjectId | string,
  fromStatuses: readonly string[],
  update: UpdateQuery<T>,
): Promise<void> {
  const result = await model.updateOne(
    { _id: id, status: mongoose.trusted({ $in: [...fromStatuses] }) } as never,
    update,
  );
  if (result.matchedCount === 0) throw conflict('Dit onderdeel is intussen door iemand anders gewijzigd. Vernieuw de pagina.');
}
