/** Calls the emulator's control API from a browser or Node (fetch only). */
export interface EmulatorErrorBody {
  code: number;
  message: string;
  status: number;
}

export class EmulatorControlError extends Error {
  constructor(
    readonly code: number,
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

export async function controlRequest<T>(
  baseUrl: string,
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
): Promise<T> {
  const response = await fetch(`${baseUrl.replace(/\/$/, '')}/_emulator${path}`, {
    method,
    headers: body === undefined ? undefined : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  const parsed = (text ? JSON.parse(text) : {}) as T & Partial<EmulatorErrorBody>;
  if (!response.ok)
    throw new EmulatorControlError(parsed.code ?? 31000, parsed.message ?? `HTTP ${response.status}`, response.status);
  return parsed;
}
