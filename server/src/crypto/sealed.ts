/**
 * Sealed fields, declared once per model: which fields of a record are ciphertext, under which compartment's data
 * key, and where each is bound (the associated data `client|compartment|record|field`, see envelope.ts). Sealing
 * and opening happen here only, so a module names its declaration and never builds a record or field string.
 *
 *   export const sealedConsult = sealedFields('Consult', 'process', {
 *     summary: text,
 *     'revisions[].summary': text,                       // bound as revisions.<index>.summary
 *     'addenda[].text': { codec: text, as: 'addenda.{id}' },
 *   });
 *
 * A path names where the value is stored; `[]` steps into every element of an array. The field it is bound to is
 * the path with `[]` replaced by the element's index, unless `as` says otherwise: `{index}` and `{id}` are the
 * element's position and `_id`, any other `{name}` a field of the record. The record is `<Model>:<_id>` unless the
 * declaration says otherwise. These strings are what today's data was sealed under: changing one makes it unreadable
 * (test/security/sealed-fields.test.ts holds them to ciphertext written before this module existed).
 */
import type { Types } from 'mongoose';
import type { Compartment } from '@spoorboek/shared/domain';
import { isSealed, Lock } from './envelope';

type Id = string | Types.ObjectId;
type Plain = Record<string, unknown>;

/** How a value becomes the text inside the ciphertext, and back. */
export interface Codec {
  toText(value: unknown): string;
  fromText(text: string): unknown;
}

export const text: Codec = { toText: (value) => String(value), fromText: (sealed) => sealed };
/** A structured value sealed as one JSON text. */
export const json: Codec = { toText: (value) => JSON.stringify(value), fromText: (sealed) => JSON.parse(sealed) as unknown };
/** A calendar day, sealed as `YYYY-MM-DD` and opened as midnight UTC of that day. */
export const day: Codec = {
  toText: (value) => (value instanceof Date ? value.toISOString().slice(0, 10) : String(value)),
  fromText: (sealed) => new Date(`${sealed}T00:00:00.000Z`),
};

export type FieldSpec = Codec | { codec?: Codec; as: string };

interface Options {
  /** The record a value is bound to, as a template (default `<Model>:{_id}`). */
  record?: string;
  /** Whose keys seal the record (default its `clientId`). */
  clientOf?: (doc: Plain) => Id;
}

interface Field {
  path: string;
  tokens: string[];
  codec: Codec;
  as: string;
}

type Vars = { index?: number; id?: unknown };

interface OpenOptions {
  /** What a sealed value reads as when the client's key is gone (default null). */
  unreadable?: unknown;
  /** Only these declared paths (default all). */
  only?: readonly string[];
  /** What a value that does not open reads as (by default the failure is thrown). */
  failed?: unknown;
}

const EACH = '[]';

function tokensOf(path: string): string[] {
  return path.split('.').flatMap((part) => (part.endsWith(EACH) ? [part.slice(0, -EACH.length), EACH] : [part]));
}

function fill(template: string, root: Plain, vars: Vars): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = name === 'index' ? vars.index : name === 'id' ? vars.id : root[name];
    if (value === undefined || value === null) throw new Error(`sealed field: no ${name} for ${template}`);
    return String(value);
  });
}

const plainOf = <T>(doc: T | { toObject(): unknown }): Plain =>
  (doc && typeof doc === 'object' && 'toObject' in doc && typeof doc.toObject === 'function' ? doc.toObject() : doc) as Plain;

/**
 * Applies `leaf` to the value at `tokens` inside `node`, copying every object on the way (the input is not changed).
 * A missing leaf is passed as undefined only when `missing` asks for it.
 */
function transform(node: unknown, tokens: string[], vars: Vars, leaf: (value: unknown, vars: Vars) => unknown, missing: boolean): unknown {
  if (tokens.length === 0) return leaf(node, vars);
  if (node === null || node === undefined || typeof node !== 'object') return node;
  const [token, ...rest] = tokens as [string, ...string[]];
  if (token === EACH) {
    if (!Array.isArray(node)) return node;
    return node.map((element: unknown, index) => transform(element, rest, { index, id: (element as { _id?: unknown } | null)?._id }, leaf, missing));
  }
  const object = node as Plain;
  if (!(token in object) && !(missing && rest.length === 0)) return node;
  return { ...object, [token]: transform(object[token], rest, vars, leaf, missing) };
}

export interface SealedModel<Opened> {
  readonly model: string;
  readonly compartment: Compartment;
  readonly paths: readonly string[];
  /** The record's declared fields sealed (a copy); values already sealed stay as they are only with `keepSealed`. */
  sealWith<T extends Plain>(lock: Lock, doc: T, options?: { keepSealed?: boolean }): T;
  /** As `sealWith`, with the key of the record's client. */
  seal<T extends Plain>(doc: T, options?: { keepSealed?: boolean }): Promise<T>;
  /**
   * An update of a stored record (`current`) with its declared fields sealed: `$set` (or bare fields) by their dotted
   * paths, `$push` as the element after the array's current last one.
   */
  sealUpdateWith<T extends Plain>(lock: Lock, current: { _id: unknown } & object, update: T): T;
  /** As `sealUpdateWith`, with the key of the record's client. */
  sealUpdate<T extends Plain>(current: { _id: unknown } & object, update: T): Promise<T>;
  /** The record with its declared fields opened; without a lock (the key is gone) they read `unreadable`. */
  openWith<T = Opened>(lock: Lock | undefined, doc: object, options?: OpenOptions): T;
  /** As `openWith`, with the key of the record's client. */
  open<T = Opened>(doc: object, options?: OpenOptions): Promise<T>;
  /** Many records, one key lookup per client. With `existingKeysOnly` no key is created: an erased client's fields read `unreadable`. */
  openAll<T = Opened>(docs: readonly object[], options?: OpenOptions & { existingKeysOnly?: boolean }): Promise<T[]>;
}

const declared = new Map<string, SealedModel<unknown>>();

/** The declaration of a model's sealed fields, if it has one (the export opens every record by it). */
export const sealedModel = (model: string): SealedModel<unknown> | undefined => declared.get(model);
export const sealedModels = (): SealedModel<unknown>[] => [...declared.values()];

export function sealedFields<Opened = Plain>(
  model: string, compartment: Compartment, spec: Record<string, FieldSpec>, options: Options = {},
): SealedModel<Opened> {
  const fields: Field[] = Object.entries(spec).map(([path, entry]) => {
    const codec = 'toText' in entry ? entry : (entry.codec ?? text);
    const as = 'as' in entry ? entry.as : path.replaceAll(EACH, '.{index}');
    return { path, tokens: tokensOf(path), codec, as };
  });
  const recordTemplate = options.record ?? `${model}:{_id}`;
  const clientOf = options.clientOf ?? ((doc: Plain) => doc.clientId as Id);

  const sealValue = (lock: Lock, root: Plain, field: Field, keepSealed: boolean) => (value: unknown, vars: Vars) => {
    if (value === null || value === undefined) return value;
    if (keepSealed && isSealed(value)) return value;
    return lock.seal(field.codec.toText(value), fill(recordTemplate, root, vars), fill(field.as, root, vars));
  };

  const sealWith = <T extends Plain>(lock: Lock, doc: T, { keepSealed = false } = {}): T => {
    check(lock);
    let result: unknown = doc;
    for (const field of fields) result = transform(result, field.tokens, {}, sealValue(lock, doc, field, keepSealed), false);
    return result as T;
  };

  const check = (lock: Lock | undefined) => {
    if (lock && lock.compartment !== compartment) throw new Error(`${model} is sealed with the ${compartment} key only`);
  };

  /** The value of one update key (`revisions.2`, `extension`, `clientComment`) with whatever declared field it holds sealed. */
  const sealKey = (lock: Lock, current: Plain, key: string, value: unknown) => {
    const concrete = key.split('.');
    let result = value;
    for (const field of fields) {
      const vars: Vars = {};
      let node: unknown = current;
      let matched = true;
      let at = 0;
      for (const part of concrete) {
        const token = field.tokens[at];
        if (token === undefined) { matched = false; break; }
        if (token === EACH) {
          if (!/^\d+$/.test(part)) { matched = false; break; }
          const element = Array.isArray(node) ? (node[Number(part)] as { _id?: unknown } | undefined) : undefined;
          vars.index = Number(part);
          vars.id = element?._id;
          node = element;
        } else {
          if (token !== part) { matched = false; break; }
          node = node && typeof node === 'object' ? (node as Plain)[part] : undefined;
        }
        at += 1;
      }
      if (!matched) continue;
      if (field.tokens[at - 1] === EACH && result && typeof result === 'object' && '_id' in result) vars.id = (result as { _id: unknown })._id;
      const rest = field.tokens.slice(at);
      if (rest[0] === EACH && Array.isArray(result)) {
        result = result.map((element: unknown, index) =>
          transform(element, rest.slice(1), { index, id: (element as { _id?: unknown } | null)?._id }, sealValue(lock, current, field, false), false));
      } else {
        result = transform(result, rest, vars, sealValue(lock, current, field, false), false);
      }
    }
    return result;
  };

  const sealUpdateWith = <T extends Plain>(lock: Lock, currentDoc: { _id: unknown } & object, update: T): T => {
    check(lock);
    const current = plainOf(currentDoc);
    const sealSet = (set: Plain) => Object.fromEntries(Object.entries(set).map(([key, value]) => [key, sealKey(lock, current, key, value)]));
    const result: Plain = {};
    for (const [key, value] of Object.entries(update)) {
      if (key === '$set') result[key] = sealSet(value as Plain);
      else if (key === '$push') {
        result[key] = Object.fromEntries(Object.entries(value as Plain).map(([path, element]) => {
          const length = path.split('.').reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Plain)[part] : undefined), current);
          return [path, sealKey(lock, current, `${path}.${Array.isArray(length) ? length.length : 0}`, element)];
        }));
      } else if (key.startsWith('$')) result[key] = value;
      else result[key] = sealKey(lock, current, key, value);
    }
    return result as T;
  };

  const openWith = <T = Opened>(lock: Lock | undefined, doc: object, options: OpenOptions = {}): T => {
    const { unreadable = null, only } = options;
    check(lock);
    const root = plainOf(doc);
    let result: unknown = root;
    for (const field of fields) {
      if (only && !only.includes(field.path)) continue;
      result = transform(result, field.tokens, {}, (value, vars) => {
        if (value === null || value === undefined) return null;
        if (!lock) return unreadable;
        try {
          return field.codec.fromText(lock.open(value as string, fill(recordTemplate, root, vars), fill(field.as, root, vars)));
        } catch (error) {
          if ('failed' in options) return options.failed;
          throw error;
        }
      }, true);
    }
    return result as T;
  };

  const declaration: SealedModel<Opened> = {
    model, compartment, paths: fields.map((field) => field.path),
    sealWith,
    seal: async (doc, sealOptions) => sealWith(await Lock.for(clientOf(doc), compartment), doc, sealOptions),
    sealUpdateWith,
    sealUpdate: async (current, update) => sealUpdateWith(await Lock.for(clientOf(plainOf(current)), compartment), current, update),
    openWith,
    open: async <T = Opened>(doc: object, openOptions?: OpenOptions) => openWith<T>(await Lock.for(clientOf(plainOf(doc)), compartment), doc, openOptions),
    openAll: async <T = Opened>(docs: readonly object[], { existingKeysOnly = false, ...openOptions }: OpenOptions & { existingKeysOnly?: boolean } = {}) => {
      const plains = docs.map((doc) => plainOf(doc));
      const clients = [...new Set(plains.map((doc) => String(clientOf(doc))))];
      const locks = existingKeysOnly
        ? await Lock.forMany(clients, compartment)
        : new Map(await Promise.all(clients.map(async (clientId) => [clientId, await Lock.for(clientId, compartment)] as const)));
      return plains.map((doc) => openWith<T>(locks.get(String(clientOf(doc))), doc, openOptions));
    },
  };
  declared.set(model, declaration as SealedModel<unknown>);
  return declaration;
}
