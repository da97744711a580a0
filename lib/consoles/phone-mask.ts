/** A phone number a host may see: only the last four digits, so a caller cannot be identified or rung back. */
export function maskPhone(phoneNumber: string): string {
  const digits = phoneNumber.replace(/\D/g, '');
  if (digits.length <= 4) return '••••';
  return `••• ${digits.slice(-4)}`;
}
