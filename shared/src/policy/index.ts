export * from './actor';
export * from './rules';
export * from './subjects';
export { permittedFields } from './fields';
