package com.alpha01.client.kb;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;

/** Real files for the import tests, written with the same libraries a shop's office software would produce. */
public final class TestFiles {

    private TestFiles() {
    }

    /**
     * A PDF with Chinese text, one string per page. PDFBox 2 cannot embed Noto CJK (an OpenType
     * font with CFF outlines), so the text uses STSong-Light with the UniGB-UCS2-H encoding: one
     * of the CJK fonts every PDF reader must provide, so nothing is embedded and no font file
     * is needed. The text layer is what the knowledge base reads, as with any real PDF.
     */
    public static Path pdf(Path file, List<String> pages) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PDType0Font font = new PDType0Font(songLight());
            for (String text : pages) {
                PDPage page = new PDPage();
                PDResources resources = new PDResources();
                COSName fontName = resources.add(font);
                page.setResources(resources);
                StringBuilder content = new StringBuilder("BT /" + fontName.getName() + " 12 Tf 14 TL 50 740 Td\n");
                for (String line : text.split("\n")) {
                    content.append('<').append(hexUtf16(line)).append("> Tj T*\n");
                }
                content.append("ET");
                page.setContents(new PDStream(doc, new ByteArrayInputStream(content.toString().getBytes(StandardCharsets.US_ASCII))));
                doc.addPage(page);
            }
            doc.save(file.toFile());
        }
        return file;
    }

    private static COSDictionary songLight() {
        COSDictionary info = new COSDictionary();
        info.setString("Registry", "Adobe");
        info.setString("Ordering", "GB1");
        info.setInt("Supplement", 4);
        COSDictionary descriptor = new COSDictionary();
        descriptor.setItem(COSName.TYPE, COSName.FONT_DESC);
        descriptor.setName(COSName.FONT_NAME, "STSong-Light");
        descriptor.setInt(COSName.FLAGS, 6);
        COSArray box = new COSArray();
        for (int v : new int[] {-25, -254, 1000, 880}) {
            box.add(COSInteger.get(v));
        }
        descriptor.setItem(COSName.FONT_BBOX, box);
        descriptor.setInt(COSName.ITALIC_ANGLE, 0);
        descriptor.setInt(COSName.ASCENT, 880);
        descriptor.setInt(COSName.DESCENT, -120);
        descriptor.setInt(COSName.CAP_HEIGHT, 880);
        descriptor.setInt(COSName.STEM_V, 93);
        COSDictionary cidFont = new COSDictionary();
        cidFont.setItem(COSName.TYPE, COSName.FONT);
        cidFont.setItem(COSName.SUBTYPE, COSName.CID_FONT_TYPE0);
        cidFont.setName(COSName.BASE_FONT, "STSong-Light");
        cidFont.setItem(COSName.CIDSYSTEMINFO, info);
        cidFont.setItem(COSName.FONT_DESC, descriptor);
        COSArray descendants = new COSArray();
        descendants.add(cidFont);
        COSDictionary type0 = new COSDictionary();
        type0.setItem(COSName.TYPE, COSName.FONT);
        type0.setItem(COSName.SUBTYPE, COSName.TYPE0);
        type0.setName(COSName.BASE_FONT, "STSong-Light-UniGB-UCS2-H");
        type0.setName(COSName.ENCODING, "UniGB-UCS2-H");
        type0.setItem(COSName.DESCENDANT_FONTS, descendants);
        return type0;
    }

    private static String hexUtf16(String s) {
        StringBuilder hex = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_16BE)) {
            hex.append(String.format("%02X", b));
        }
        return hex.toString();
    }

    /** A DOCX: a title, a heading with paragraphs under it, and a table. */
    static Path docx(Path file, String heading, List<String> paragraphs, List<List<String>> table) throws IOException {
        try (XWPFDocument doc = new XWPFDocument(); OutputStream out = Files.newOutputStream(file)) {
            XWPFParagraph h = doc.createParagraph();
            h.setStyle("Heading1");
            h.createRun().setText(heading);
            for (String p : paragraphs) {
                doc.createParagraph().createRun().setText(p);
            }
            XWPFTable t = doc.createTable(table.size(), table.get(0).size());
            for (int r = 0; r < table.size(); r++) {
                for (int c = 0; c < table.get(r).size(); c++) {
                    t.getRow(r).getCell(c).setText(table.get(r).get(c));
                }
            }
            doc.write(out);
        }
        return file;
    }

    /** An XLSX with one sheet per entry of {@code sheets}: name, then rows of cells. */
    static Path xlsx(Path file, List<String> sheetNames, List<List<List<String>>> sheets) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            for (int s = 0; s < sheets.size(); s++) {
                XSSFSheet sheet = wb.createSheet(sheetNames.get(s));
                List<List<String>> rows = sheets.get(s);
                for (int r = 0; r < rows.size(); r++) {
                    var row = sheet.createRow(r);
                    for (int c = 0; c < rows.get(r).size(); c++) {
                        row.createCell(c).setCellValue(rows.get(r).get(c));
                    }
                }
            }
            wb.write(out);
        }
        return file;
    }
}
