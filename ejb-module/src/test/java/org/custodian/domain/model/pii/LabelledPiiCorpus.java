package org.custodian.domain.model.pii;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;

/**
 * Deterministic generator of labelled ticket snippets (English, German and French fragments) with the exact spans the
 * detector is expected to report, plus many hard negatives that look like PII but are not: Luhn-invalid card
 * numbers, order/tracking/invoice numbers, dates, times, versions, IP addresses, amounts, ticket ids, 9-digit numbers
 * without SSN context, wrong-checksum IBANs and advertising SSNs.
 *
 * <p>Valid values are computed, not copied: PANs get a Luhn check digit over the issuer ranges, IBANs real mod-97
 * check digits. The generator does not reuse detector code for this, so a bug there cannot hide in both.
 */
final class LabelledPiiCorpus {

    static final long SEED = 0x5EED_C0DEL;
    static final int DEFAULT_SIZE = 3_000;

    /** One snippet with the spans a perfect detector reports, sorted by start. */
    record Snippet(String text, List<PiiFinding> expected) {
    }

    private static final String ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final String UPPER_ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private static final String BASE64_URL = ALNUM + "-_";
    private static final String PASSWORD_CHARS = ALNUM + "!#$%&*?";

    /** Issuer prefix, inclusive upper bound of the prefix range, PAN lengths. */
    private record Issuer(String name, int prefixFrom, int prefixTo, int[] lengths) {
    }

    private static final List<Issuer> ISSUERS = List.of(
            new Issuer("Visa", 4, 4, new int[] {13, 16, 19}),
            new Issuer("Mastercard", 51, 55, new int[] {16}),
            new Issuer("Mastercard 2-series", 2221, 2720, new int[] {16}),
            new Issuer("Amex", 34, 34, new int[] {15}),
            new Issuer("Amex", 37, 37, new int[] {15}),
            new Issuer("Discover", 6011, 6011, new int[] {16, 19}),
            new Issuer("Discover", 644, 649, new int[] {16}),
            new Issuer("Discover", 65, 65, new int[] {16}),
            new Issuer("Discover co-brand", 622126, 622925, new int[] {16}),
            new Issuer("JCB", 3528, 3589, new int[] {16}),
            new Issuer("Diners", 300, 305, new int[] {14}),
            new Issuer("Diners", 36, 36, new int[] {14}),
            new Issuer("Diners", 38, 39, new int[] {16}),
            new Issuer("UnionPay", 62, 62, new int[] {16, 19}),
            new Issuer("Maestro", 50, 50, new int[] {12, 13, 16, 19}),
            new Issuer("Maestro", 56, 69, new int[] {12, 16, 18}),
            new Issuer("UATP", 1, 1, new int[] {15}),
            // no brand this generator knows: a Luhn-valid PAN of any other range is a card all the same (#20)
            new Issuer("unknown", 7, 9, new int[] {13, 15, 16, 17, 19}));

    private static final String[] IBAN_COUNTRIES = (
            "AD24 AE23 AL28 AT20 AZ28 BA20 BE16 BG22 BH22 BI27 BR29 BY28 CH21 CR22 CY28 CZ24 DE22 DJ27 DK18 DO28"
            + " EE20 EG29 ES24 FI18 FK18 FO18 FR27 GB22 GE22 GI23 GL18 GR27 GT28 HN28 HR21 HU28 IE22 IL23 IQ23"
            + " IS26 IT27 JO30 KW30 KZ20 LB28 LC32 LI21 LT20 LU20 LV21 LY25 MC27 MD24 ME22 MK19 MN20 MR27 MT31"
            + " MU30 NI28 NL18 NO15 OM23 PK24 PL28 PS29 PT25 QA29 RO24 RS22 RU33 SA24 SC31 SD18 SE24 SI19 SK24"
            + " SM27 SO23 ST25 SV28 TL23 TN24 TR26 UA29 VA22 VG24 XK20 YE30")
            .split(" ");
    /** Countries whose BBAN starts with a 4-letter bank code (GB NWBK..., NL ABNA...). */
    private static final String LETTER_BANK_CODES = "GB IE NL BG GI MT AE PK QA SA JO KW BH MU HN NI";

    private static final String[] FIRST_NAMES = {
        "jane", "john", "maria", "lukas", "sophie", "pierre", "anna", "jean-luc", "oliver", "emma", "noah", "lea"
    };
    private static final String[] LAST_NAMES = {
        "doe", "smith", "mueller", "schmidt", "dupont", "martin", "bernard", "weber", "taylor", "fischer"
    };
    private static final String[] DOMAINS = {
        "example.com", "example.org", "mail.example.co.uk", "beispiel.de", "exemple.fr", "kunde.example.net",
        "support.example.io", "post.example.ch", "müller.de", "пример.рф", "xn--mller-kva.de", "例え.jp",
        "bücher.example.com", "example.xn--p1ai"
    };

    private static final String[] OPENERS = {
        "Hello support team,", "Hi,", "Dear Sir or Madam,", "Guten Tag,", "Hallo zusammen,", "Bonjour,",
        "Madame, Monsieur,", "Good morning,", "Sehr geehrte Damen und Herren,", "Salut l'équipe,", "",
        "Grüße aus München 😀", "Re: Ticket update –"
    };
    private static final String[] FILLERS = {
        "The export keeps failing since the last update.",
        "Der Login funktioniert seit heute Morgen nicht mehr.",
        "Le portail affiche une erreur 500 après la connexion.",
        "Could you please have a look as soon as possible?",
        "Vielen Dank für die schnelle Hilfe!",
        "Merci de votre retour rapide.",
        "I already cleared the browser cache and restarted twice.",
        "Das Problem tritt nur im Firefox auf, Chrome geht.",
        "Nous avons redémarré le serveur sans succès.",
        "The customer is quite upset, escalation is likely.",
        "Bitte um Rückruf, es ist dringend.",
        "I forgot my password, please send a reset link.",
        "The password reset link: it expired after 10 minutes.",
        "Kind regards, the accounting team.",
        "Cordialement, le service client.",
    };

    private final Random random;

    private LabelledPiiCorpus(long seed) {
        this.random = new Random(seed);
    }

    static List<Snippet> generate() {
        return generate(DEFAULT_SIZE, SEED);
    }

    static List<Snippet> generate(int size, long seed) {
        LabelledPiiCorpus generator = new LabelledPiiCorpus(seed);
        List<Snippet> snippets = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            snippets.add(generator.snippet());
        }
        return snippets;
    }

    // ---------------------------------------------------------------- snippet assembly

    /** Builds text and expected spans together, so spans are exact by construction. */
    private static final class SnippetBuilder {
        private final StringBuilder text = new StringBuilder();
        private final List<PiiFinding> expected = new ArrayList<>();

        SnippetBuilder text(String fragment) {
            text.append(fragment);
            return this;
        }

        SnippetBuilder pii(PiiType type, String value) {
            expected.add(new PiiFinding(type, text.length(), text.length() + value.length()));
            text.append(value);
            return this;
        }

        Snippet build() {
            return new Snippet(text.toString(), List.copyOf(expected));
        }
    }

    private Snippet snippet() {
        SnippetBuilder builder = new SnippetBuilder();
        String opener = pick(OPENERS);
        if (!opener.isEmpty()) {
            builder.text(opener).text(random.nextBoolean() ? "\n" : " ");
        }
        int parts = 1 + random.nextInt(4);
        for (int part = 0; part < parts; part++) {
            if (random.nextInt(100) < 45) {
                addPositive(builder);
            } else {
                addHardNegative(builder);
            }
            builder.text(random.nextInt(3) == 0 ? "\n" : " ");
            if (random.nextBoolean()) {
                builder.text(pick(FILLERS)).text(" ");
            }
        }
        return builder.build();
    }

    private void addPositive(SnippetBuilder b) {
        switch (random.nextInt(6)) {
            case 0 -> addCard(b);
            case 1 -> addSsn(b);
            case 2 -> addIban(b);
            case 3 -> addEmail(b);
            case 4 -> addPhone(b);
            default -> addSecret(b);
        }
    }

    // ---------------------------------------------------------------- positives

    private void addCard(SnippetBuilder b) {
        String pan = formatPan(validPan());
        switch (random.nextInt(6)) {
            case 0 -> b.text("Please charge my card ").pii(PiiType.CREDIT_CARD, pan).text(".");
            case 1 -> b.text("Meine Kreditkartennummer lautet ").pii(PiiType.CREDIT_CARD, pan).text(", gültig bis 12/27.");
            case 2 -> b.text("Ma carte bancaire : ").pii(PiiType.CREDIT_CARD, pan).text(" (expire 03/28).");
            case 3 -> b.text("The refund should go to ").pii(PiiType.CREDIT_CARD, pan).text(" – thanks!");
            case 4 -> b.text("Karte: ").pii(PiiType.CREDIT_CARD, pan).text("\nCVC kommt per Telefon.");
            default -> b.text("card=").pii(PiiType.CREDIT_CARD, pan).text(";");
        }
    }

    private void addSsn(SnippetBuilder b) {
        String ssn = validSsn();
        int style = random.nextInt(10);
        if (style < 6) {
            String dashed = ssn.substring(0, 3) + "-" + ssn.substring(3, 5) + "-" + ssn.substring(5);
            b.text(pick(new String[] {"My SSN is ", "Employee record: ", "The form shows ", "Social: "}))
                    .pii(PiiType.US_SSN, dashed).text(pick(new String[] {".", ",", " for the tax form.", ""}));
        } else if (style < 8) {
            String spaced = ssn.substring(0, 3) + " " + ssn.substring(3, 5) + " " + ssn.substring(5);
            b.text("Please update the record to ").pii(PiiType.US_SSN, spaced).text(".");
        } else {
            b.text(pick(new String[] {"SSN: ", "SSN ", "social security number ", "Social Security No. "}))
                    .pii(PiiType.US_SSN, ssn).text(pick(new String[] {".", " (new hire)", ""}));
        }
    }

    private void addIban(SnippetBuilder b) {
        String iban = validIban(pick(IBAN_COUNTRIES));
        String value = random.nextBoolean() ? grouped(iban) : iban;
        switch (random.nextInt(4)) {
            case 0 -> b.text("IBAN: ").pii(PiiType.IBAN, value).text(".");
            case 1 -> b.text("Bitte überweisen Sie den Betrag auf ").pii(PiiType.IBAN, value).text(", danke.");
            case 2 -> b.text("Mon IBAN est ").pii(PiiType.IBAN, value).text(" (BIC inclus dans le courrier).");
            default -> b.text("Refund to account ").pii(PiiType.IBAN, value).text("\n");
        }
    }

    private void addEmail(SnippetBuilder b) {
        String local = switch (random.nextInt(5)) {
            case 0 -> pick(FIRST_NAMES) + "." + pick(LAST_NAMES);
            case 1 -> pick(FIRST_NAMES).charAt(0) + "." + pick(LAST_NAMES) + random.nextInt(100);
            case 2 -> pick(FIRST_NAMES) + "+tickets";
            case 3 -> pick(LAST_NAMES) + "_" + pick(FIRST_NAMES);
            default -> "support-" + random.nextInt(1000);
        };
        String email = local + "@" + pick(DOMAINS);
        switch (random.nextInt(7)) {
            case 0 -> b.text("Please reply to ").pii(PiiType.EMAIL, email).text(".");
            case 1 -> b.text("Contact: ").pii(PiiType.EMAIL, email).text(", ").text("phone follows.");
            case 2 -> b.text("Kontakt (").pii(PiiType.EMAIL, email).text(")");
            case 3 -> b.text("Envoyez la facture à <").pii(PiiType.EMAIL, email).text(">;");
            case 4 -> b.text("[mailto:").pii(PiiType.EMAIL, email).text("]");
            case 5 -> b.text("cc ").pii(PiiType.EMAIL, email).text(": urgent");
            default -> b.text("Von: ").pii(PiiType.EMAIL, email).text("\n");
        }
    }

    private void addPhone(SnippetBuilder b) {
        String phone = switch (random.nextInt(12)) {
            case 0 -> "+49 30 " + digits(7);
            case 1 -> "+44 20 7946 " + digits(4);
            case 2 -> "+1 212-555-01" + digits(2);
            case 3 -> "+33 1 " + pairs(4);
            case 4 -> "+41 44 " + digits(3) + " " + digits(2) + " " + digits(2);
            case 5 -> "+49" + (1 + random.nextInt(9)) + digits(9);
            case 6 -> "(212) 555-01" + digits(2);
            case 7 -> (2 + random.nextInt(8)) + digits(2) + "-555-01" + digits(2);
            case 8 -> "020 7946 " + digits(4);
            case 9 -> "030 " + digits(7);
            case 10 -> "0" + (1 + random.nextInt(5)) + " " + pairs(4);
            default -> "+44 (0)20 7946 " + digits(4);
        };
        switch (random.nextInt(6)) {
            case 0 -> b.text("Call me back at ").pii(PiiType.PHONE, phone).text(".");
            case 1 -> b.text("Tel.: ").pii(PiiType.PHONE, phone).text("\n");
            case 2 -> b.text("Rufen Sie mich unter ").pii(PiiType.PHONE, phone).text(" an.");
            case 3 -> b.text("Mon numéro : ").pii(PiiType.PHONE, phone).text(", merci.");
            case 4 -> b.text("Mobile ").pii(PiiType.PHONE, phone).text(" (after 5pm)");
            default -> b.text("phone=").pii(PiiType.PHONE, phone).text(" ");
        }
    }

    private void addSecret(SnippetBuilder b) {
        switch (random.nextInt(11)) {
            case 0 -> b.text("Our AWS key ").pii(PiiType.SECRET, (random.nextBoolean() ? "AKIA" : "ASIA")
                    + chars(UPPER_ALNUM, 16)).text(" was committed by mistake.");
            case 1 -> b.text("token ").pii(PiiType.SECRET, "gh" + pick(new String[] {"p", "o", "u", "s", "r"}) + "_"
                    + chars(ALNUM, 36)).text(" leaked in the log.");
            case 2 -> b.text("Fine-grained PAT: ").pii(PiiType.SECRET, "github_pat_" + chars(ALNUM, 22) + "_"
                    + chars(ALNUM, 59)).text("\n");
            case 3 -> b.text("Slack bot token ").pii(PiiType.SECRET, "xox" + pick(new String[] {"a", "b", "p", "r", "s"})
                    + "-" + digits(12) + "-" + digits(13) + "-" + chars(ALNUM, 24)).text(" ist kompromittiert.");
            case 4 -> b.text("Stripe: ").pii(PiiType.SECRET, (random.nextBoolean() ? "sk" : "rk") + "_live_"
                    + chars(ALNUM, 24 + random.nextInt(76))).text(" — please rotate.");
            case 5 -> b.text("Maps key AIza… no, the full one: ").pii(PiiType.SECRET, "AIza" + chars(BASE64_URL, 34)
                    + chars(ALNUM, 1)).text(".");
            case 6 -> b.text("Authorization: Bearer ").pii(PiiType.SECRET, jwt()).text("\n");
            case 7 -> b.text("Voici la clé :\n").pii(PiiType.SECRET, pemBlock()).text("\nMerci.");
            case 8 -> b.text(pick(new String[] {"password: ", "Password=", "pwd: ", "Passwort: ", "passwd=",
                "mot de passe : ", "db_password=", "client_secret: "}))
                    .pii(PiiType.SECRET, chars(PASSWORD_CHARS, 8 + random.nextInt(12)))
                    .text(pick(new String[] {"\n", " (temporary)", " - bitte ändern."}));
            case 9 -> b.text("{\"user\": \"svc\", \"password\": \"").pii(PiiType.SECRET, chars(ALNUM, 14)).text("\"}");
            default -> b.text("secret=").pii(PiiType.SECRET, chars(ALNUM, 32)).text(" ");
        }
    }

    // ---------------------------------------------------------------- hard negatives

    private void addHardNegative(SnippetBuilder b) {
        switch (random.nextInt(25)) {
            case 0 -> b.text("The card " + formatPan(luhnInvalidPan()) + " was declined (typo?).");
            case 1 -> b.text("Kartennummer " + luhnInvalidPan() + " ist ungültig.");
            case 2 -> b.text("Order ORD-" + digits(8) + " shipped on " + isoDate() + ".");
            case 3 -> b.text("Tracking: 1Z" + chars(UPPER_ALNUM, 6) + digits(10) + ", colis n° CP" + digits(9) + "FR.");
            case 4 -> b.text("Rechnung vom " + germanDate() + ", fällig am " + germanDate() + ".");
            case 5 -> b.text("Meeting on " + usDate() + " at " + (8 + random.nextInt(10)) + ":" + pick(new String[] {
                "00", "15", "30", "45"}) + " CET.");
            case 6 -> b.text("Upgraded to v" + random.nextInt(20) + "." + random.nextInt(20) + "." + random.nextInt(50)
                    + " and build " + random.nextInt(20) + "." + random.nextInt(10) + "." + (10000 + random.nextInt(90000))
                    + "." + (1000 + random.nextInt(9000)) + ".");
            case 7 -> b.text("Server 10." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(256)
                    + " and 192.168." + (100 + random.nextInt(156)) + "." + (100 + random.nextInt(156)) + " are down.");
            case 8 -> b.text("IPv6 2001:db8:" + Integer.toHexString(random.nextInt(65536)) + "::"
                    + Integer.toHexString(random.nextInt(65536)) + " and fe80::1ff:fe23:4567:890a unreachable.");
            case 9 -> b.text("Amount due: " + amount() + " USD, Betrag " + (1 + random.nextInt(99)) + "."
                    + digits(3) + "," + digits(2) + " EUR.");
            case 10 -> b.text("See ticket #" + (100000 + random.nextInt(900000)) + " and #" + random.nextInt(9999) + ".");
            case 11 -> b.text("Invoice INV-" + (2020 + random.nextInt(7)) + "-" + digits(6) + " / facture FA"
                    + digits(8) + ".");
            case 12 -> b.text("Reference number " + nonSsnContextDigits() + " was assigned.");
            case 13 -> b.text("Kundennummer " + (1 + random.nextInt(9)) + digits(9) + ", Vertrag " + digits(9) + ".");
            case 14 -> b.text("Old SSN on file " + pick(new String[] {"000", "666", "9" + digits(2)}) + "-"
                    + digits(2) + "-" + digits(4) + " is invalid.");
            case 15 -> b.text("Example SSN from the brochure: " + pick(new String[] {"078-05-1120", "219-09-9999",
                "123-45-6789", "987-65-432" + random.nextInt(10), "536-00-1234", "536-12-0000"}) + ".");
            case 16 -> b.text("IBAN " + brokenIban() + " was rejected by the bank.");
            case 17 -> b.text("Log in at https://" + pick(FIRST_NAMES) + ":" + chars(ALNUM, 10) + "@git.example.com/repo"
                    + " or ping @" + pick(FIRST_NAMES) + " or root@localhost.");
            case 18 -> b.text("Timestamp " + isoDate() + "T" + (10 + random.nextInt(13)) + ":" + (10 + random.nextInt(50))
                    + ":00Z, batch " + luhnInvalid("2026" + digits(9)) + ".");
            // a Luhn-valid run of 13-19 digits is a card whatever its prefix (#20): these are the named look-alikes
            case 22 -> b.text("Export ran at " + isoDate().replace("-", "") + (10 + random.nextInt(14))
                    + (10 + random.nextInt(50)) + (10 + random.nextInt(50)) + " (compact timestamp).");
            case 23 -> b.text("Log line ts=" + (1_600_000_000_000L + (long) random.nextInt(Integer.MAX_VALUE) * 100)
                    + " level=WARN");
            case 24 -> b.text("IMEI " + luhnValid("35" + digits(12)) + ", the phone will not boot.");
            case 19 -> b.text("Run " + digits(3) + "/" + digits(4) + " failed after " + (1 + random.nextInt(9)) + ","
                    + digits(3) + " retries, error 0x" + Integer.toHexString(random.nextInt()) + ".");
            case 20 -> b.text("Le montant de " + (1 + random.nextInt(99)) + " " + digits(3) + ",00 € sera débité le "
                    + germanDate() + ".");
            default -> b.text("Set the password policy: min length " + (8 + random.nextInt(8)) + ".");
        }
    }

    // ---------------------------------------------------------------- value generators

    private String validPan() {
        Issuer issuer = pick(ISSUERS);
        int prefix = issuer.prefixFrom() + random.nextInt(issuer.prefixTo() - issuer.prefixFrom() + 1);
        int length = issuer.lengths()[random.nextInt(issuer.lengths().length)];
        StringBuilder pan = new StringBuilder(Integer.toString(prefix));
        while (pan.length() < length - 1) {
            pan.append(random.nextInt(10));
        }
        return pan.append(luhnCheckDigit(pan)).toString();
    }

    private String luhnInvalidPan() {
        String valid = validPan();
        int check = valid.charAt(valid.length() - 1) - '0';
        int wrong = (check + 1 + random.nextInt(9)) % 10;
        return valid.substring(0, valid.length() - 1) + wrong;
    }

    private static String luhnValid(String payload) {
        return payload + luhnCheckDigit(payload);
    }

    private String luhnInvalid(String payload) {
        return payload + (luhnCheckDigit(payload) + 1 + random.nextInt(9)) % 10;
    }

    /** The digit that makes {@code payload + digit} pass the Luhn check. */
    static int luhnCheckDigit(CharSequence payload) {
        int sum = 0;
        boolean doubleIt = true;
        for (int i = payload.length() - 1; i >= 0; i--) {
            int d = payload.charAt(i) - '0';
            if (doubleIt) {
                d = d * 2 > 9 ? d * 2 - 9 : d * 2;
            }
            sum += d;
            doubleIt = !doubleIt;
        }
        return (10 - sum % 10) % 10;
    }

    /** Group separators as customers type or paste them: spaces of every kind, dashes, dots, underscores, slashes. */
    private static final String[] PAN_SEPARATORS = {
        " ", "-", " ", "-", ".", "_", "/", "\u00A0", "\u202F", "\u2009", "\u3000", "\uFF0D", "\u2013"
    };

    /**
     * 4-4-4-4 style grouping (Amex 4-6-5) with any of {@link #PAN_SEPARATORS}, or compact; now and then in
     * full-width or Arabic-Indic digits.
     */
    private String formatPan(String pan) {
        String formatted = groupPan(pan);
        return switch (random.nextInt(8)) {
            case 0 -> shiftDigits(formatted, '\uFF10');  // full-width
            case 1 -> shiftDigits(formatted, '\u0660');  // Arabic-Indic
            default -> formatted;
        };
    }

    private static String shiftDigits(String text, char zero) {
        StringBuilder shifted = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            shifted.append(c >= '0' && c <= '9' ? (char) (zero + (c - '0')) : c);
        }
        return shifted.toString();
    }

    private String groupPan(String pan) {
        int style = random.nextInt(3);
        if (style == 0) {
            return pan;
        }
        String separator = pick(PAN_SEPARATORS);
        if (pan.length() == 15 && (pan.startsWith("34") || pan.startsWith("37"))) {
            return pan.substring(0, 4) + separator + pan.substring(4, 10) + separator + pan.substring(10);
        }
        StringBuilder grouped = new StringBuilder();
        for (int i = 0; i < pan.length(); i += 4) {
            if (i > 0) {
                grouped.append(separator);
            }
            grouped.append(pan, i, Math.min(pan.length(), i + 4));
        }
        // a trailing group of 1-2 digits is never printed like that: glue it to the previous group
        String result = grouped.toString();
        int lastSeparator = result.lastIndexOf(separator);
        if (result.length() - lastSeparator - 1 < 3) {
            result = result.substring(0, lastSeparator) + result.substring(lastSeparator + 1);
        }
        return result;
    }

    private String validSsn() {
        while (true) {
            int area = 1 + random.nextInt(899);
            int group = 1 + random.nextInt(99);
            int serial = 1 + random.nextInt(9999);
            String ssn = String.format("%03d%02d%04d", area, group, serial);
            boolean advertised = ssn.equals("078051120") || ssn.equals("219099999") || ssn.equals("123456789")
                    || ssn.startsWith("98765432");
            if (area != 666 && !advertised) {
                return ssn;
            }
        }
    }

    private String validIban(String countryAndLength) {
        String country = countryAndLength.substring(0, 2);
        int length = Integer.parseInt(countryAndLength.substring(2));
        StringBuilder bban = new StringBuilder();
        if (LETTER_BANK_CODES.contains(country)) {
            bban.append(chars("ABCDEFGHIJKLMNOPQRSTUVWXYZ", 4));
        }
        while (bban.length() < length - 4) {
            bban.append(random.nextInt(10));
        }
        int check = 98 - mod97(bban + country + "00");
        return country + String.format("%02d", check) + bban;
    }

    /** A wrong check digit pair, or a valid IBAN with one character dropped. */
    private String brokenIban() {
        String iban = validIban(pick(IBAN_COUNTRIES));
        if (random.nextBoolean()) {
            int check = Integer.parseInt(iban.substring(2, 4));
            int wrong = check == 97 ? 2 : check + 1;
            iban = iban.substring(0, 2) + String.format("%02d", wrong) + iban.substring(4);
        } else {
            iban = iban.substring(0, iban.length() - 1);
        }
        return random.nextBoolean() ? grouped(iban) : iban;
    }

    static int mod97(String alphanumeric) {
        StringBuilder numeric = new StringBuilder();
        for (char c : alphanumeric.toCharArray()) {
            numeric.append(Character.isLetter(c) ? Integer.toString(c - 'A' + 10) : String.valueOf(c));
        }
        return new BigInteger(numeric.toString()).mod(BigInteger.valueOf(97)).intValue();
    }

    private static String grouped(String compact) {
        StringBuilder grouped = new StringBuilder();
        for (int i = 0; i < compact.length(); i += 4) {
            if (i > 0) {
                grouped.append(' ');
            }
            grouped.append(compact, i, Math.min(compact.length(), i + 4));
        }
        return grouped.toString();
    }

    private String jwt() {
        Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
        String header = encoder.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String payload = encoder.encodeToString(("{\"sub\":\"" + digits(10) + "\",\"name\":\"" + pick(FIRST_NAMES)
                + "\",\"iat\":" + (1_700_000_000 + random.nextInt(100_000_000)) + "}").getBytes(StandardCharsets.UTF_8));
        return header + "." + payload + "." + chars(BASE64_URL, 43);
    }

    private String pemBlock() {
        String kind = pick(new String[] {"RSA PRIVATE KEY", "PRIVATE KEY", "EC PRIVATE KEY", "OPENSSH PRIVATE KEY"});
        StringBuilder pem = new StringBuilder("-----BEGIN ").append(kind).append("-----\n");
        int lines = 3 + random.nextInt(8);
        for (int line = 0; line < lines; line++) {
            pem.append(chars(ALNUM + "+/", 64)).append('\n');
        }
        return pem.append(chars(ALNUM, 20)).append("==\n-----END ").append(kind).append("-----").toString();
    }

    private String isoDate() {
        return String.format("%d-%02d-%02d", 2020 + random.nextInt(8), 1 + random.nextInt(12), 1 + random.nextInt(28));
    }

    private String germanDate() {
        return String.format("%02d.%02d.%d", 1 + random.nextInt(28), 1 + random.nextInt(12), 2020 + random.nextInt(8));
    }

    private String usDate() {
        return String.format("%02d/%02d/%d", 1 + random.nextInt(12), 1 + random.nextInt(28), 2020 + random.nextInt(8));
    }

    private String amount() {
        return String.format("%d,%03d.%02d", 1 + random.nextInt(999), random.nextInt(1000), random.nextInt(100));
    }

    /** Nine digits whose first three would even be a valid SSN area, but no SSN keyword nearby. */
    private String nonSsnContextDigits() {
        return String.format("%03d", 1 + random.nextInt(600)) + digits(6);
    }

    private String digits(int count) {
        StringBuilder digits = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            digits.append(random.nextInt(10));
        }
        return digits.toString();
    }

    /** "42 68 53 00" style: {@code count} two-digit pairs separated by spaces. */
    private String pairs(int count) {
        StringBuilder pairs = new StringBuilder();
        for (int i = 0; i < count; i++) {
            pairs.append(i > 0 ? " " : "").append(digits(2));
        }
        return pairs.toString();
    }

    private String chars(String alphabet, int count) {
        StringBuilder chars = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            chars.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return chars.toString();
    }

    private <T> T pick(T[] options) {
        return options[random.nextInt(options.length)];
    }

    private <T> T pick(List<T> options) {
        return options.get(random.nextInt(options.size()));
    }
}
