import { E164_PATTERN } from '@/lib/validation/fields';

/**
 * What carriers put in `From` when the caller withholds their number: the words themselves, or the words spelled
 * on a phone keypad (ANONYMOUS is +266696687, BLOCKED +2562533, UNKNOWN +8656696, and so on). Each of these is
 * shared by every withheld caller, so none of them identifies anyone.
 */
const KEYPAD_SPELLED_WITHHELD = new Set([
  '+266696687', // ANONYMOUS
  '+2562533', // BLOCKED
  '+8656696', // UNKNOWN
  '+7378742833', // RESTRICTED
  '+86282452253', // UNAVAILABLE
  '+7748283', // PRIVATE
  '+94844353', // WITHHELD
]);

/**
 * True when `From` does not identify one caller: anything that is not a usable E.164 number (`Anonymous`,
 * `Restricted`, `Unavailable`, empty, `client:` or `sip:` addresses, stray text) and the keypad spellings
 * carriers use for a withheld number. Such callers get a session of their own and no caller record: no history,
 * no card prefilled from somebody else's call, and no block that would turn every withheld caller away.
 */
export function isWithheldNumber(from: string): boolean {
  const number = from.trim();
  return !E164_PATTERN.test(number) || KEYPAD_SPELLED_WITHHELD.has(number);
}
