import { describe, expect, it } from 'vitest';
import { nameWithRole } from './roles';

describe('a person shown with their role', () => {
  it('reads name and role', () => {
    expect(nameWithRole('Ada Lovelace', 'host')).toBe('Ada Lovelace · Host');
  });

  it('names the role once when the name is the role itself', () => {
    expect(nameWithRole('Producer', 'producer')).toBe('Producer');
    expect(nameWithRole('screener ', 'screener')).toBe('Screener');
    expect(nameWithRole('Producer', 'host')).toBe('Producer · Host');
  });
});
