import type { NextConfig } from 'next';
import { lanAddresses } from './scripts/lan-addresses.mjs';

const nextConfig: NextConfig = {
  // PGlite ships a WASM build and postgres.js opens sockets: both must stay real Node modules, not bundled.
  serverExternalPackages: ['@electric-sql/pglite', 'postgres', 'twilio'],
  poweredByHeader: false,
  // `npm run dev:watch` (next dev) is opened at every address scripts/dev.mjs prints, not only localhost;
  // Next.js blocks its dev resources for any other origin, and the pages then never hydrate.
  allowedDevOrigins: ['127.0.0.1', ...lanAddresses()],
  // forbidden() renders app/forbidden.tsx with a real 403 for pages a role may not open.
  experimental: { authInterrupts: true },
  // The consoles poll every second; logging each poll buried the producer's one-time password and real errors.
  logging: { incomingRequests: { ignore: [/\/api\/shows\/[^/]+\/console/] } },
};

export default nextConfig;
