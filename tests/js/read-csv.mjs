// Reads a CSV file the way a spreadsheet does, with SheetJS (the xlsx package): prints each row's cells
// as text, for each cell whether the spreadsheet took it as a formula, and whether the file has a UTF-8 byte-order mark. Usage: node read-csv.mjs file.csv
import { readFileSync } from 'node:fs';
import XLSX from 'xlsx';

// Decoded as UTF-8 (its byte-order mark says so, as Excel reads it), then handed over as text without the mark.
const raw = readFileSync(process.argv[2], 'utf8');
const bom = raw.charCodeAt(0) === 0xfeff;
const book = XLSX.read(bom ? raw.slice(1) : raw, { type: 'string', raw: false });
const sheet = book.Sheets[book.SheetNames[0]];
const range = XLSX.utils.decode_range(sheet['!ref']);
const rows = [];
for (let r = range.s.r; r <= range.e.r; r++) {
  const row = [];
  for (let c = range.s.c; c <= range.e.c; c++) {
    const cell = sheet[XLSX.utils.encode_cell({ r, c })];
    row.push({ text: cell ? String(cell.w ?? cell.v) : '', formula: Boolean(cell && cell.f) });
  }
  rows.push(row);
}
process.stdout.write(JSON.stringify({ bom, rows }));
