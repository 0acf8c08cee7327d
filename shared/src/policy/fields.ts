import { permittedFieldsOf } from '@casl/ability/extra';
import type { AppAbility } from './rules';
import { SUBJECT_FIELDS, type Action, type SubjectType } from './subjects';

/**
 * The fields `action` is allowed on for this subject (a tagged document, or a type for "any of them"). A rule
 * without a field list stands for every field of its subject.
 */
export function permittedFields(
  ability: AppAbility,
  action: Action,
  subject: Parameters<AppAbility['can']>[1],
  subjectType: SubjectType,
): string[] {
  return permittedFieldsOf(ability, action, subject, {
    fieldsFrom: (rule) => rule.fields ?? [...SUBJECT_FIELDS[subjectType]],
  });
}
