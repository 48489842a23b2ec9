package com.alpha01.client.kb;

import com.alpha01.client.kb.ParsedDocument.FaqRow;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * FAQ sheets (XLSX, CSV): one entry per row. A first row naming the columns (问题/答案,
 * question/answer and the like) chooses them and is skipped; otherwise the first two columns are
 * the question and the answer. Labels are the row number as the spreadsheet shows it.
 */
final class SheetReader {

    private static final Set<String> QUESTION = Set.of("问题", "问", "提问", "常见问题", "问句", "顾客问题", "question", "questions", "q", "faq");
    private static final Set<String> ANSWER = Set.of("答案", "答", "回答", "答复", "回复", "解答", "answer", "answers", "a", "reply");

    private SheetReader() {
    }

    static ParsedDocument csv(String text) throws IOException {
        String firstLine = text.lines().findFirst().orElse("");
        char delimiter = firstLine.indexOf('\t') >= 0 && firstLine.indexOf(',') < 0 ? '\t'
                : count(firstLine, ';') > count(firstLine, ',') ? ';' : ',';
        List<List<String>> rows = new ArrayList<>();
        List<Integer> lineNumbers = new ArrayList<>();
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).get();
        for (CSVRecord record : format.parse(new StringReader(text))) {
            rows.add(record.toList());
            lineNumbers.add((int) record.getRecordNumber());
        }
        List<FaqRow> out = new ArrayList<>();
        collect(rows, lineNumbers, "", out);
        return ParsedDocument.ofRows(out);
    }

    static ParsedDocument xlsx(byte[] bytes) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            DataFormatter formatter = new DataFormatter(Locale.CHINA);
            formatter.setUseCachedValuesForFormulaCells(true);   // a formula cell shows its value, as in Excel
            List<FaqRow> out = new ArrayList<>();
            for (Sheet sheet : workbook) {
                List<List<String>> rows = new ArrayList<>();
                List<Integer> lineNumbers = new ArrayList<>();
                for (Row row : sheet) {
                    List<String> cells = new ArrayList<>();
                    for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
                        Cell cell = row.getCell(c);
                        cells.add(cell == null ? "" : formatter.formatCellValue(cell));
                    }
                    rows.add(cells);
                    lineNumbers.add(row.getRowNum() + 1);
                }
                String prefix = workbook.getNumberOfSheets() > 1 ? sheet.getSheetName() + " · " : "";
                collect(rows, lineNumbers, prefix, out);
            }
            return ParsedDocument.ofRows(out);
        }
    }

    private static void collect(List<List<String>> rows, List<Integer> lineNumbers, String labelPrefix, List<FaqRow> out) {
        int first = 0;
        while (first < rows.size() && rows.get(first).stream().allMatch(String::isBlank)) {
            first++;
        }
        if (first == rows.size()) {
            return;
        }
        int q = column(rows.get(first), QUESTION);
        int a = column(rows.get(first), ANSWER);
        int start = first + 1;
        if (q < 0 || a < 0 || q == a) {
            q = 0;
            a = 1;
            start = first;
        }
        for (int i = start; i < rows.size(); i++) {
            List<String> row = rows.get(i);
            String question = cell(row, q);
            String answer = cell(row, a);
            String label = labelPrefix + "第" + lineNumbers.get(i) + "行";
            if (!answer.isEmpty()) {
                out.add(new FaqRow(label, question.isEmpty() ? null : question, answer));
            } else if (!question.isEmpty() && a >= row.size()) {
                out.add(new FaqRow(label, null, question));   // a one-column sheet: plain text rows
            }
        }
    }

    /** The column whose header is one of {@code names}, or failing that contains one (e.g. 常见问题, 标准答案). */
    private static int column(List<String> header, Set<String> names) {
        for (int pass = 0; pass < 2; pass++) {
            for (int i = 0; i < header.size(); i++) {
                String h = header.get(i).strip().toLowerCase(Locale.ROOT).replaceAll("[\\s:：()（）]", "");
                for (String name : names) {
                    if (pass == 0 ? h.equals(name) : name.length() >= 2 && h.contains(name)) {
                        return i;
                    }
                }
            }
        }
        return -1;
    }

    private static String cell(List<String> row, int index) {
        return index < row.size() && row.get(index) != null ? row.get(index).strip() : "";
    }

    private static int count(String s, char c) {
        return (int) s.chars().filter(x -> x == c).count();
    }
}
