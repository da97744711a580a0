import { networkInterfaces } from 'node:os';

/** This machine's IPv4 addresses on its networks (not loopback): where people in other rooms reach the app. */
export function lanAddresses() {
  return Object.values(networkInterfaces())
    .flat()
    .filter((entry) => entry && entry.family === 'IPv4' && !entry.internal)
    .map((entry) => entry.address);
}
