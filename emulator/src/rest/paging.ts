import { z } from 'zod';
import { badRequest } from '../errors';

const pagingSchema = z.object({
  PageSize: z.coerce.number().int().min(1).max(1000).default(50),
  Page: z.coerce.number().int().min(0).default(0),
});

/** Twilio's 2010 paging envelope: the list under `key`, plus first/next/previous page URIs that keep the filters. */
export function paginate<T>(items: T[], query: URLSearchParams, path: string, key: string): Record<string, unknown> {
  const parsed = pagingSchema.safeParse({
    PageSize: query.get('PageSize') ?? undefined,
    Page: query.get('Page') ?? undefined,
  });
  if (!parsed.success) throw badRequest(20001, 'Invalid PageSize or Page');
  const { PageSize: pageSize, Page: page } = parsed.data;
  const filters = new URLSearchParams([...query].filter(([name]) => !['PageSize', 'Page', 'PageToken'].includes(name)));
  const uriFor = (n: number): string => {
    const q = new URLSearchParams(filters);
    q.set('PageSize', String(pageSize));
    q.set('Page', String(n));
    return `${path}?${q.toString()}`;
  };
  const start = page * pageSize;
  const slice = items.slice(start, start + pageSize);
  const hasNext = start + pageSize < items.length;
  return {
    [key]: slice,
    end: slice.length > 0 ? start + slice.length - 1 : start,
    first_page_uri: uriFor(0),
    next_page_uri: hasNext ? uriFor(page + 1) : null,
    page,
    page_size: pageSize,
    previous_page_uri: page > 0 ? uriFor(page - 1) : null,
    start,
    uri: uriFor(page),
  };
}
