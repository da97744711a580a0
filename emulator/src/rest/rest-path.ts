import { API_VERSION } from '../constants';

/** A route under /2010-04-01/Accounts/{AccountSid}; the account itself is checked before routing. */
export function restPath(suffix: string): RegExp {
  return new RegExp(`^/${API_VERSION}/Accounts/AC[0-9a-fA-F]{32}${suffix}$`);
}

export const SEGMENT = '([^/]+)';
