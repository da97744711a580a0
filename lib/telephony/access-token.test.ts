import { describe, expect, it } from 'vitest';
import { createHmac } from 'node:crypto';
import { buildVoiceToken, VOICE_TOKEN_TTL_SECONDS } from './access-token';

const credentials = {
  accountSid: `AC${'1'.repeat(32)}`,
  apiKeySid: `SK${'2'.repeat(32)}`,
  apiKeySecret: 'key-secret',
  twimlAppSid: `AP${'3'.repeat(32)}`,
};

function decode(part: string | undefined) {
  return JSON.parse(Buffer.from(part ?? '', 'base64url').toString('utf8'));
}

describe('voice access token', () => {
  it('is signed with the API key secret and grants only calls through our TwiML App, for a short time', () => {
    const userId = '0b7c8a39-4bb4-4d3e-8f60-2a0c2a2f3e11';
    const now = new Date('2030-01-01T00:00:00Z');
    const { token, identity, ttlSeconds, expiresAt } = buildVoiceToken(credentials, userId, now);
    const [header, payload, signature] = token.split('.');
    expect(createHmac('sha256', 'key-secret').update(`${header}.${payload}`).digest('base64url')).toBe(signature);
    const claims = decode(payload);
    expect(identity).toBe(`user-${userId}`);
    expect(claims.iss).toBe(credentials.apiKeySid);
    expect(claims.sub).toBe(credentials.accountSid);
    expect(claims.exp - claims.iat).toBe(VOICE_TOKEN_TTL_SECONDS);
    expect(claims.grants).toEqual({ identity, voice: { outgoing: { application_sid: credentials.twimlAppSid } } });
    expect(ttlSeconds).toBeLessThanOrEqual(3600);
    expect(expiresAt).toBe('2030-01-01T00:15:00.000Z');
  });
});
