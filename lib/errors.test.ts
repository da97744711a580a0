import { describe, expect, it, vi } from 'vitest';
import { AppError, errorResponse } from './errors';

describe('AppError', () => {
  it('maps each type to its HTTP status and keeps the message a person reads', async () => {
    const error = new AppError('conflict:call_state', 'Another screener picked up this caller first.');
    expect(error.status).toBe(409);
    const response = error.toResponse();
    expect(response.status).toBe(409);
    expect(await response.json()).toEqual({
      error: { code: 'conflict:call_state', message: 'Another screener picked up this caller first.' },
    });
  });

  it('never sends the cause of an unexpected error to the client', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    const response = errorResponse(new Error('connection string postgres://secret@db'));
    log.mockRestore();
    expect(response.status).toBe(500);
    expect(JSON.stringify(await response.json())).not.toContain('secret');
  });

  it('logs an unexpected error once, with its cause', () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    errorResponse(new Error('the disk is full'));
    const lines = log.mock.calls.map((args) => args.map(String).join(' '));
    log.mockRestore();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('the disk is full');
  });
});
