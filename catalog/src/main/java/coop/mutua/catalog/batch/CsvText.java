package coop.mutua.catalog.batch;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * A CSV file's text as French users export it: UTF-8 (with or without BOM) from recent tools, Windows-1252 from
 * Excel's "CSV (séparateur : point-virgule)". Bytes that are not valid UTF-8 are read as Windows-1252.
 */
public record CsvText(String text, String charset, char separator) {

    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    public static CsvText decode(byte[] bytes) {
        String text;
        String charset;
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
            charset = "UTF-8";
        } else {
            try {
                text = StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(bytes)).toString();
                charset = "UTF-8";
            } catch (CharacterCodingException notUtf8) {
                text = new String(bytes, WINDOWS_1252);
                charset = "windows-1252";
            }
        }
        return new CsvText(text, charset, separatorOf(firstLine(text)));
    }

    /** The separator is the one of ';', ',' and tab that the header line uses most (';' on a tie: the French default). */
    static char separatorOf(String header) {
        long semicolons = header.chars().filter(c -> c == ';').count();
        long commas = header.chars().filter(c -> c == ',').count();
        long tabs = header.chars().filter(c -> c == '\t').count();
        if (tabs > semicolons && tabs > commas) {
            return '\t';
        }
        return commas > semicolons ? ',' : ';';
    }

    private static String firstLine(String text) {
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end);
    }
}
