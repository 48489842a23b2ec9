package com.alpha01.client.kb;

import com.alpha01.client.kb.KnowledgeBaseException.Reason;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.jboss.logging.Logger;

/**
 * Reads a file into blocks or FAQ rows by its type, within limits, and turns every failure of a
 * parser (damaged, encrypted or mislabelled files; parsers also throw unchecked exceptions) into
 * a {@link KnowledgeBaseException} the UI can show, so that a bad file never takes the app down.
 */
final class DocumentParser {

    private static final Logger LOG = Logger.getLogger(DocumentParser.class);

    /** Files above this are refused before they are read. */
    static final long MAX_FILE_BYTES = 20L * 1024 * 1024;
    /** Text above this (about 3,000 chunks) is refused: embedding it would take many minutes. */
    static final long MAX_TEXT_CHARS = 1_000_000;

    private DocumentParser() {
    }

    /** The kind of a file, or {@link Reason#UNSUPPORTED_TYPE}. */
    static DocumentKind kindOf(Path file) throws KnowledgeBaseException {
        String name = file.getFileName() == null ? "" : file.getFileName().toString();
        DocumentKind kind = DocumentKind.ofFileName(name).orElse(null);
        if (kind == null) {
            String hint = name.toLowerCase(Locale.ROOT).matches(".*\\.(doc|xls)$") ? "，请另存为 .docx / .xlsx 后再导入" : "";
            throw new KnowledgeBaseException(Reason.UNSUPPORTED_TYPE,
                    "不支持的文件类型：" + name + hint + "（支持 TXT、Markdown、PDF、DOCX、XLSX、CSV、HTML）");
        }
        return kind;
    }

    /** The bytes of a file no bigger than {@link #MAX_FILE_BYTES}. */
    static byte[] readLimited(Path file) throws IOException {
        long size;
        try {
            size = Files.size(file);
        } catch (NoSuchFileException e) {
            throw new KnowledgeBaseException(Reason.NOT_FOUND, "找不到文件：" + file.getFileName());
        }
        if (size > MAX_FILE_BYTES) {
            throw new KnowledgeBaseException(Reason.TOO_LARGE, String.format(
                    "文件太大：%s 有 %.1f MB，单个文件最多 %d MB", file.getFileName(), size / 1048576.0, MAX_FILE_BYTES / 1048576));
        }
        return Files.readAllBytes(file);
    }

    static ParsedDocument parse(DocumentKind kind, String name, byte[] bytes) throws KnowledgeBaseException {
        ParsedDocument parsed;
        try {
            parsed = switch (kind) {
                case TEXT -> TextReaders.plain(TextReaders.decode(bytes));
                case MARKDOWN -> TextReaders.markdown(TextReaders.decode(bytes));
                case HTML -> HtmlReader.read(bytes);
                case PDF -> OfficeReaders.pdf(bytes);
                case DOCX -> OfficeReaders.docx(bytes);
                case XLSX -> SheetReader.xlsx(bytes);
                case CSV -> SheetReader.csv(TextReaders.decode(bytes));
                case BUILT_IN_FAQ, MANUAL -> throw new IllegalArgumentException(kind + " is not a file type");
            };
        } catch (InvalidPasswordException e) {
            throw new KnowledgeBaseException(Reason.UNREADABLE, "无法读取 " + name + "：PDF 有密码保护，请先去掉密码", e);
        } catch (IOException | RuntimeException e) {
            LOG.debugf(e, "parsing %s failed", name);
            throw new KnowledgeBaseException(Reason.UNREADABLE,
                    "无法读取 " + name + "：文件已损坏，或内容不是 " + kind.name() + " 格式", e);
        }
        if (parsed.characters() > MAX_TEXT_CHARS) {
            throw new KnowledgeBaseException(Reason.TOO_LARGE,
                    "文件文字太多：" + name + " 超过 " + MAX_TEXT_CHARS / 10_000 + " 万字，请拆分后导入");
        }
        if (parsed.blocks().isEmpty() && parsed.rows().isEmpty()) {
            throw new KnowledgeBaseException(Reason.NO_TEXT, kind == DocumentKind.PDF
                    ? "没有在 " + name + " 中找到文字：扫描件（图片）PDF 需要先做文字识别"
                    : "没有在 " + name + " 中找到文字");
        }
        return parsed;
    }
}
