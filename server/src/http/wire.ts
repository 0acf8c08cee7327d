/**
 * What a value becomes on the wire: `res.json` turns a Date into its ISO string and an ObjectId into its hex string
 * (both through `toJSON`). A handler whose service hands back dates answers through `onWire`, so the contract's
 * answer type (strings) is checked against what the client really receives; in the tests every answer is also
 * checked against the contract's schema at run time (route.ts).
 */
import type { Types } from 'mongoose';

export type Wire<T> = T extends Date | Types.ObjectId ? string
  : T extends readonly (infer Item)[] ? Wire<Item>[]
  : T extends object ? WireObject<T>
  : T;

/**
 * Mongoose types a field declared `default: null` as optional, yet every document it reads or writes has it (as
 * null); such a field is there on the wire.
 */
type NullableKey<T> = { [K in keyof T]-?: null extends T[K] ? K : never }[keyof T];
type WireObject<T> = { [K in Exclude<keyof T, NullableKey<T>>]: Wire<T[K]> } & { [K in NullableKey<T>]-?: Wire<Exclude<T[K], undefined>> };

/** The answer as JSON will carry it: no conversion here, `res.json` does it. */
export async function onWire<T>(value: T | Promise<T>): Promise<Wire<T>> {
  return (await value) as Wire<T>;
}
