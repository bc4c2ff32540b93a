// Which Office host the task pane runs in, and what it supports, checked at run time (`isSetSupported`), not in
// the manifest: a host without the event requirement sets still works, in a degraded (polling) mode.
export type OfficeHostKind = 'word' | 'excel' | 'none';

export interface OfficeEnvironment {
  host: OfficeHostKind;
  /** Word: WordApi 1.5 (content-control events); Excel: ExcelApi 1.7 (worksheet onChanged). */
  editEvents: boolean;
}

interface OfficeLike {
  onReady(): Promise<{ host: string | null }>;
  context?: { requirements?: { isSetSupported(name: string, version?: string): boolean } };
}

export async function detectOffice(office: OfficeLike | undefined): Promise<OfficeEnvironment> {
  if (!office) return { host: 'none', editEvents: false };
  const info = await office.onReady();
  const supported = (name: string, version: string) => office.context?.requirements?.isSetSupported(name, version) === true;
  if (info.host === 'Word') return { host: 'word', editEvents: supported('WordApi', '1.5') };
  if (info.host === 'Excel') return { host: 'excel', editEvents: supported('ExcelApi', '1.7') };
  return { host: 'none', editEvents: false };
}
