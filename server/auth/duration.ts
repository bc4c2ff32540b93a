// Durations as people type them on the command line and in invitations: `90s`, `30m`, `12h`, `7d`, or seconds.

const UNITS = { s: 1, m: 60, h: 3600, d: 86_400 } as const;

/** Seconds, or null when the text is not a positive duration. */
export function parseDuration(text: string): number | null {
  const match = /^(\d+)\s*([smhd]?)$/.exec(text.trim());
  if (!match) return null;
  const value = Number(match[1]) * UNITS[(match[2] || 's') as keyof typeof UNITS];
  return value > 0 && Number.isSafeInteger(value) ? value : null;
}
