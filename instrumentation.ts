export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { stampPeerAddresses } = await import('@/lib/auth/client-address');
  stampPeerAddresses();
  const { startApp } = await import('@/lib/bootstrap/start');
  await startApp();
  const { startReconcilerLoop } = await import('@/lib/calls/reconciler-loop');
  startReconcilerLoop();
}
