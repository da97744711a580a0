import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  // PGlite ships a WASM build and postgres.js opens sockets: both must stay real Node modules, not bundled.
  serverExternalPackages: ['@electric-sql/pglite', 'postgres', 'twilio'],
  poweredByHeader: false,
  // forbidden() renders app/forbidden.tsx with a real 403 for pages a role may not open.
  experimental: { authInterrupts: true },
};

export default nextConfig;
