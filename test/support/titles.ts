// A timeline title as stored — a person's words, or the server's message — as a reader reads it.
import { messageSchema, renderMessage, type Locale } from '../../src/i18n/index.ts';

export function storedTitle(
  row: { title: string | null; title_message: unknown },
  locale: Locale = 'en',
): string {
  return row.title ?? renderMessage(messageSchema.parse(row.title_message), locale);
}
