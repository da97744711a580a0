/** This machine's IPv4 addresses on its networks (not loopback). */
export function lanAddresses(): string[];
