package coop.mutua.kernel;

import java.math.BigInteger;
import java.util.Locale;

/**
 * An intra-community VAT number. French numbers (FR + 2-character key + SIREN) are checked: the numeric key is
 * (12 + 3 x (SIREN mod 97)) mod 97. Other member states' numbers are checked for shape only.
 */
public record VatNumber(String value) {

    public VatNumber {
        if (value == null) {
            throw new DomainException("vat-number.missing");
        }
        value = value.replace(" ", "").replace(".", "").toUpperCase(Locale.ROOT);
        if (value.startsWith("FR")) {
            if (!value.matches("FR[0-9A-HJ-NP-Z]{2}\\d{9}")) {
                throw new DomainException("vat-number.format", value);
            }
            String key = value.substring(2, 4);
            if (key.matches("\\d{2}") && !key.equals(frenchKey(value.substring(4)))) {
                throw new DomainException("vat-number.checksum", value);
            }
        } else if (!value.matches("[A-Z]{2}[0-9A-Z+*]{2,12}")) {
            throw new DomainException("vat-number.format", value);
        }
    }

    /** The French VAT number of a legal entity, from its SIREN. */
    public static VatNumber forSiren(String siren) {
        return new VatNumber("FR" + frenchKey(siren) + siren);
    }

    private static String frenchKey(String siren) {
        int key = (12 + 3 * new BigInteger(siren).mod(BigInteger.valueOf(97)).intValue()) % 97;
        return String.format("%02d", key);
    }

    @Override
    public String toString() {
        return value;
    }
}
