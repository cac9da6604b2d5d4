import { describe, expect, it } from 'vitest';
import { STATUS_MAGIC_VALUES, statusRequestedBy } from '../../src/sandbox/magic-values.js';

describe('magic values in a create body', () => {
  it.each([
    ...Object.entries(STATUS_MAGIC_VALUES).map(([value, status]) => ({ body: { refreshToken: value }, status })),
    ...Object.entries(STATUS_MAGIC_VALUES).map(([value, status]) => ({
      body: { clientId: 'x', apiKey: value },
      status,
    })),
    { body: { refreshToken: 'sandbox-unauthenticated-ish' }, status: 'OK' },
    { body: { refreshToken: 'an ordinary token' }, status: 'OK' },
    { body: { nested: { refreshToken: 'sandbox-unauthenticated' } }, status: 'OK' },
    { body: null, status: 'OK' },
  ])('a body $body asks for status $status', ({ body, status }) => {
    expect(statusRequestedBy(body)).toBe(status);
  });

  it('has one magic value per status other than OK', () => {
    expect(new Set(Object.values(STATUS_MAGIC_VALUES))).toEqual(
      new Set(['UNAUTHENTICATED', 'MISSING_PERMISSION', 'TEMPORARILY_UNAVAILABLE']),
    );
  });
});
