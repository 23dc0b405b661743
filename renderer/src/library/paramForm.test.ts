import { describe, expect, it } from 'vitest';
import { formToParams, initialFormValues, isDefault } from './paramForm.ts';
import type { LibraryParam } from '../../../shared/contract/index.ts';

const params: LibraryParam[] = [
  { name: 'period', type: 'daterange', default: '2019-01-01..2025-12-31', label: 'Job dates' },
  { name: 'branch', type: 'branch', default: null, label: 'Branch' },
  { name: 'source', type: 'lead_source', default: 4, label: 'Source' },
  { name: 'min_jobs', type: 'integer', default: 1, label: 'Minimum jobs' },
  { name: 'share', type: 'number', default: 0.5, label: 'Share' },
  { name: 'closed', type: 'boolean', default: true, label: 'Closed only' },
  { name: 'city', type: 'text', default: '', label: 'City' },
  { name: 'day', type: 'date', default: '2024-01-01', label: 'Day' },
];

describe('the parameter form', () => {
  it('starts from the defaults and sends them back as they were declared', () => {
    const form = initialFormValues(params);
    expect(form).toEqual({ period: { from: '2019-01-01', to: '2025-12-31' }, branch: '', source: '4', min_jobs: '1', share: '0.5', closed: true, city: '', day: '2024-01-01' });
    expect(isDefault(params, form)).toBe(true);
    expect(formToParams(params, form)).toEqual({
      ok: true,
      values: { period: '2019-01-01..2025-12-31', branch: null, source: 4, min_jobs: 1, share: 0.5, closed: true, city: '', day: '2024-01-01' },
    });
  });

  it('sends what the user changed, typed', () => {
    const form = { ...initialFormValues(params), branch: '7', min_jobs: ' 12 ', closed: false, city: ' Fort Collins', period: { from: '2024-01-01', to: '2024-06-30' } };
    expect(isDefault(params, form)).toBe(false);
    expect(formToParams(params, form)).toMatchObject({ ok: true, values: { branch: 7, min_jobs: 12, closed: false, city: ' Fort Collins', period: '2024-01-01..2024-06-30' } });
  });

  it('says which fields cannot be sent', () => {
    const form = { ...initialFormValues(params), min_jobs: '1.5', share: 'x', day: '', period: { from: '2024-02-01', to: '2024-01-01' } };
    expect(formToParams(params, form)).toEqual({
      ok: false,
      errors: { min_jobs: 'Enter a whole number.', share: 'Enter a number.', day: 'Enter a date.', period: 'The range ends before it starts.' },
    });
  });
});
