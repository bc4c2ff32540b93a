// The Excel adapter against the fake Excel: the host contract (with and without ExcelApi 1.14's trigger source),
// then what is specific to Excel — the workbook it builds, protection and lists, sorts, invalid values, new and
// deleted rows, marks.
import { runHostContract } from '../contract.ts';
import { excelHost } from './testing.ts';

runHostContract('excel (fake, ExcelApi 1.18)', () => excelHost(), { articleBody: false });
runHostContract('excel (fake, ExcelApi 1.12: no trigger source, no notes, no resize)', () => excelHost({ fake: { requirementSets: { ExcelApi: '1.12' } } }), {
  articleBody: false,
});
