// Any table of the console as a CSV file (UTF-8 with a byte-order mark, so that Excel reads Chinese right).
// Cells that a spreadsheet would run as a formula (= + - @ at the start) are quoted with a leading apostrophe.

function cell(value) {
  let text = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv(table) {
  return [...table.rows].map((row) => [...row.cells].map((c) => cell(c.dataset.csv ?? c.textContent.trim())).join(','))
    .join('\r\n');
}

export function download(table, name) {
  const blob = new Blob(['\uFEFF', toCsv(table)], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = `${name}.csv`;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
