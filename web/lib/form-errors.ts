import type { ParseKeys } from 'i18next';
import { fieldIssueCodes, type FieldIssueCode } from '../../contract/problem.ts';
import { ApiError, type FailureCode, type FieldIssue } from './http.ts';
import { failureCode } from './error-text.ts';

/** A key of the text catalogue. */
export type TextKey = ParseKeys;

/**
 * A refusal the form finds itself before it calls the API (nothing filled in), raised from the
 * mutation like the server's so it is shown the same way.
 */
export class FormCheckFailed extends Error {
  constructor(
    readonly text: TextKey,
    readonly field?: string,
  ) {
    super(text);
    this.name = 'FormCheckFailed';
  }
}

/** Where a failed submission's messages go: under the fields they are about, the rest above the form. */
export interface FormFailure<F extends string> {
  fields: Partial<Record<F, TextKey>>;
  form?: TextKey;
}

/** Top-level codes that, without issues, are about one field of the form (`wrong_password` → the password). */
export type CodeFields<F extends string> = Partial<Record<FailureCode, F>>;

const isFieldIssueCode = (code: string): code is FieldIssueCode => (fieldIssueCodes as readonly string[]).includes(code);

const issueText = (code: FieldIssue['code']): TextKey => (isFieldIssueCode(code) ? `fieldIssues.${code}` : `errors.${code}`);

/** The form's field an issue path is about: `body.phones.1` is field `phones.1`, `body.accessWindow.startTime` field `accessWindow`. */
function fieldOf<F extends string>(path: string, fields: readonly F[]): F | undefined {
  const inBody = path.startsWith('body.') ? path.slice('body.'.length) : undefined;
  if (!inBody) return undefined;
  return fields.find((field) => inBody === field || inBody.startsWith(`${field}.`));
}

/**
 * Maps a failed submission to the form's fields: the server's issues by path, else the codes the
 * form says belong to one field; whatever fits no field is the form's message, so nothing is lost.
 */
export function formFailure<F extends string>(error: unknown, fields: readonly F[], codeFields: CodeFields<F> = {}): FormFailure<F> {
  if (!error) return { fields: {} };
  if (error instanceof FormCheckFailed) {
    const field = fields.find((name) => name === error.field);
    return field ? { fields: { [field]: error.text } as FormFailure<F>['fields'] } : { fields: {}, form: error.text };
  }
  const code = failureCode(error);
  const placed: FormFailure<F>['fields'] = {};
  let unplaced = false;
  for (const issue of error instanceof ApiError ? error.issues : []) {
    const field = fieldOf(issue.path, fields);
    if (field === undefined) unplaced = true;
    else placed[field] ??= issueText(issue.code);
  }
  const codeField = codeFields[code];
  if (Object.keys(placed).length === 0 && codeField !== undefined && fields.includes(codeField)) placed[codeField] = `errors.${code}`;
  const anyPlaced = Object.keys(placed).length > 0;
  return anyPlaced && !unplaced ? { fields: placed } : { fields: placed, form: `errors.${code}` };
}
