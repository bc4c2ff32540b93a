// A workbook cell's value as the add-in and the server's .xlsx import/export both read and write it.
export type CellValue = string | number | boolean;
