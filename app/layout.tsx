import type { Metadata } from 'next';
import { RehearsalBanner } from '@/components/rehearsal-banner';
import { isRehearsal } from '@/lib/env';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Switchboard', template: '%s · Switchboard' },
  description: 'Screen callers and put them on air.',
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen">
        {isRehearsal() && <RehearsalBanner />}
        {children}
      </body>
    </html>
  );
}
