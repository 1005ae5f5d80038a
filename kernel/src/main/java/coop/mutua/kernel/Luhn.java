package coop.mutua.kernel;

/** The Luhn (mod 10) checksum used by SIREN and SIRET numbers. */
public final class Luhn {

    private Luhn() {
    }

    public static boolean isValid(String digits) {
        return !digits.isEmpty() && sum(digits, false) % 10 == 0;
    }

    /** The digit to append to {@code digits} so that the result passes the check. */
    public static char checkDigit(String digits) {
        int sum = sum(digits, true);
        return (char) ('0' + (10 - sum % 10) % 10);
    }

    private static int sum(String digits, boolean doubleLast) {
        int sum = 0;
        boolean doubleIt = doubleLast;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int digit = digits.charAt(i) - '0';
            if (digit < 0 || digit > 9) {
                throw new IllegalArgumentException("not a digit in " + digits);
            }
            if (doubleIt) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
            doubleIt = !doubleIt;
        }
        return sum;
    }
}
