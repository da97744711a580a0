'use client';

import { useEffect, useRef, useState } from 'react';
import type { ChatMessage } from '@/lib/consoles/console-view';
import { nameWithRole } from '@/lib/auth/roles';
import { sendJson } from '@/lib/consoles/etag-fetcher';
import { formatLocalTime } from '@/lib/consoles/times';

/** Host–screener chat for the episode. The list scrolls inside a fixed height, so it never pushes the console off screen. */
export function ChatPanel({
  episodeId,
  messages,
  myId,
  onSent,
}: {
  episodeId: string | null;
  messages: ChatMessage[];
  myId: string;
  onSent: () => void;
}) {
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const listRef = useRef<HTMLOListElement>(null);
  const lastId = messages.at(-1)?.id;

  useEffect(() => {
    const list = listRef.current;
    if (list) list.scrollTop = list.scrollHeight;
  }, [lastId]);

  async function send(event: React.FormEvent) {
    event.preventDefault();
    if (!episodeId || !draft.trim()) return;
    setSending(true);
    try {
      await sendJson(`/api/episodes/${episodeId}/messages`, 'POST', { body: draft });
      setDraft('');
      setError(null);
      onSent();
    } catch (e) {
      setError(e instanceof Error ? e.message : 'The message was not sent.');
    } finally {
      setSending(false);
    }
  }

  return (
    <section
      aria-labelledby="chat-heading"
      className="flex max-h-[45vh] min-h-56 flex-col rounded-lg border border-studio-700 bg-studio-900"
    >
      <h2 id="chat-heading" className="border-b border-studio-700 px-3 py-2 text-lg font-semibold">
        Studio chat
      </h2>
      <ol
        ref={listRef}
        aria-label="Chat messages"
        aria-live="polite"
        className="min-h-0 flex-1 space-y-2 overflow-y-auto px-3 py-2"
        data-testid="chat-messages"
      >
        {messages.length === 0 && <li className="text-studio-400">No messages yet.</li>}
        {messages.map((m) => (
          <li key={m.id} className={m.author.id === myId ? 'text-right' : ''}>
            <span className="block text-xs text-studio-400" suppressHydrationWarning>
              {nameWithRole(m.author.name, m.author.role)} · {formatLocalTime(m.createdAt)}
            </span>
            <span
              className={`inline-block rounded-lg px-3 py-1 text-base ${m.author.id === myId ? 'bg-sky-900' : 'bg-studio-700'}`}
            >
              {m.body}
            </span>
          </li>
        ))}
      </ol>
      <form onSubmit={(e) => void send(e)} className="flex gap-2 border-t border-studio-700 p-2">
        <label htmlFor="chat-input" className="sr-only">
          Message to the studio
        </label>
        <input
          id="chat-input"
          value={draft}
          maxLength={500}
          onChange={(e) => setDraft(e.target.value)}
          disabled={!episodeId}
          placeholder={episodeId ? 'Message the studio…' : 'Chat opens with the lines'}
          className="min-h-11 flex-1 rounded-md border border-studio-600 bg-studio-800 px-3"
        />
        <button
          type="submit"
          disabled={!episodeId || sending || !draft.trim()}
          className="min-h-11 rounded-md bg-screening px-4 font-semibold text-studio-950 disabled:opacity-50"
        >
          Send
        </button>
      </form>
      {error && (
        <p role="alert" className="px-3 pb-2 text-sm text-red-300">
          {error}
        </p>
      )}
    </section>
  );
}
