// Reads the https URLs out of an add-in manifest (icons, task pane, home page).
export function manifestUrls(xml: string): string[] {
  return [...new Set([...xml.matchAll(/(?:DefaultValue|Value)="(https:\/\/[^"]+)"/g)].map((m) => m[1] as string))];
}
