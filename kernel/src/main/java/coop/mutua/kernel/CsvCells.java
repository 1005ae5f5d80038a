package coop.mutua.kernel;

/**
 * A text as one cell of the semicolon-separated files Mutua exports (opened in a spreadsheet by accountants and suppliers):
 * quoted when it holds a separator, a quote or a line break; and never read as a formula. A cell starting with
 * {@code = + - @}, a tab or a carriage return is a formula to a spreadsheet ({@code =HYPERLINK(...)} in a supplier's
 * invoice number would run on the accountant's machine): it is prefixed with an apostrophe, which spreadsheets show as text.
 */
public final class CsvCells {

    private CsvCells() {
    }

    public static String text(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        char first = value.charAt(0);
        String safe = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r' ? "'" + value : value;
        return safe.contains(";") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")
                ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
    }
}
