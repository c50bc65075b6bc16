import { describe, expect, it } from 'vitest';
import { fieldIssueCodes } from '../../contract/problem.ts';
import en from '../locales/en.ts';
import sv from '../locales/sv.ts';
import { FormCheckFailed, formFailure } from './form-errors.ts';
import { ApiError, type FieldIssue } from './http.ts';

const refused = (code: ConstructorParameters<typeof ApiError>[0], issues: FieldIssue[] = []) => new ApiError(code, 400, undefined, issues);
const words = ['customerWord', 'companyWord'] as const;

describe('formFailure', () => {
  it('puts a rule refusal under the field its path names, and nothing above the form', () => {
    const error = refused('code_word_too_short', [{ path: 'body.companyWord', code: 'code_word_too_short' }]);
    expect(formFailure(error, words)).toEqual({ fields: { companyWord: 'errors.code_word_too_short' } });
  });

  it('translates a schema refusal through the field-issue texts', () => {
    const error = refused('validation_failed', [
      { path: 'body.name', code: 'required' },
      { path: 'body.phones.1', code: 'too_short' },
    ]);
    expect(formFailure(error, ['name', 'phones.0', 'phones.1', 'phones'] as const)).toEqual({
      fields: { name: 'fieldIssues.required', 'phones.1': 'fieldIssues.too_short' },
    });
  });

  it('matches a nested path to the field that holds it, and the list as a whole', () => {
    const error = refused('validation_failed', [{ path: 'body.accessWindow.startTime', code: 'invalid' }]);
    expect(formFailure(error, ['accessWindow'] as const).fields).toEqual({ accessWindow: 'fieldIssues.invalid' });
    const empty = refused('validation_failed', [{ path: 'body.phones', code: 'too_few_items' }]);
    expect(formFailure(empty, ['phones.0', 'phones'] as const).fields).toEqual({ phones: 'fieldIssues.too_few_items' });
  });

  it('keeps the first issue of a field', () => {
    const error = refused('validation_failed', [
      { path: 'body.name', code: 'too_short' },
      { path: 'body.name', code: 'invalid' },
    ]);
    expect(formFailure(error, ['name'] as const).fields).toEqual({ name: 'fieldIssues.too_short' });
  });

  it('shows an issue about no field of the form above it, beside the ones it could place', () => {
    const error = refused('validation_failed', [
      { path: 'body.name', code: 'required' },
      { path: 'params.installationId', code: 'invalid' },
    ]);
    expect(formFailure(error, ['name'] as const)).toEqual({ fields: { name: 'fieldIssues.required' }, form: 'errors.validation_failed' });
  });

  it('places a code without issues at the field the form names for it, else above the form', () => {
    expect(formFailure(refused('email_taken'), ['email'] as const, { email_taken: 'email' })).toEqual({ fields: { email: 'errors.email_taken' } });
    expect(formFailure(refused('rate_limited'), ['email'] as const, { email_taken: 'email' })).toEqual({ fields: {}, form: 'errors.rate_limited' });
  });

  it("prefers the server's issues to the form's guess", () => {
    const error = refused('invalid_code', [{ path: 'body.code', code: 'invalid_code' }]);
    expect(formFailure(error, ['code', 'other'] as const, { invalid_code: 'other' }).fields).toEqual({ code: 'errors.invalid_code' });
  });

  it("shows the form's own check at its field, or above the form when it names none", () => {
    expect(formFailure(new FormCheckFailed('security.integrations.nameMissing', 'name'), ['name'] as const)).toEqual({
      fields: { name: 'security.integrations.nameMissing' },
    });
    expect(formFailure(new FormCheckFailed('installation.codeWords.nothingToSave'), words)).toEqual({ fields: {}, form: 'installation.codeWords.nothingToSave' });
  });

  it('treats what is not an API answer as our fault, and no error as nothing to show', () => {
    expect(formFailure(new TypeError('boom'), words)).toEqual({ fields: {}, form: 'errors.internal' });
    expect(formFailure(null, words)).toEqual({ fields: {} });
  });
});

describe('field-issue texts', () => {
  it.each([
    ['sv', sv],
    ['en', en],
  ] as const)('every field-issue code has a text in %s', (_language, catalog) => {
    const texts: Record<string, string | undefined> = catalog.fieldIssues;
    expect(fieldIssueCodes.filter((code) => !texts[code]?.trim())).toEqual([]);
  });
});
