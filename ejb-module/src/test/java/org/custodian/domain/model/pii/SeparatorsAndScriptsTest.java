package org.custodian.domain.model.pii;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * #20: separators, look-alike digits and brands cannot hide a number. Each row is one way a customer writes (or
 * pastes) a number; the span must be the number as written, separators included, so the masker redacts all of it.
 * Before the normalization step 120 of these 171 cases failed; the plain well-known test PANs of the classic brands,
 * most negatives and a few e-mail rows passed before too and stay as the reference.
 */
class SeparatorsAndScriptsTest {

    private static final String FOUR_ONES = "4111%s1111%s1111%s1111";

    private static String grouped(String separator) {
        return FOUR_ONES.formatted(separator, separator, separator);
    }

    static Stream<Arguments> cardsAsWritten() {
        return Stream.of(
                Arguments.of("dots", grouped(".")),
                Arguments.of("underscores", grouped("_")),
                Arguments.of("slashes", grouped("/")),
                Arguments.of("no-break spaces U+00A0", grouped("\u00A0")),
                Arguments.of("narrow no-break spaces U+202F", grouped("\u202F")),
                Arguments.of("thin spaces U+2009", grouped("\u2009")),
                Arguments.of("figure spaces U+2007", grouped("\u2007")),
                Arguments.of("ideographic spaces U+3000", grouped("\u3000")),
                Arguments.of("full-width full stops", grouped("\uFF0E")),
                Arguments.of("full-width hyphens", grouped("\uFF0D")),
                Arguments.of("full-width low lines", grouped("\uFF3F")),
                Arguments.of("full-width solidus", grouped("\uFF0F")),
                Arguments.of("en dashes", grouped("\u2013")),
                Arguments.of("non-breaking hyphens U+2011", grouped("\u2011")),
                Arguments.of("zero-width spaces", grouped("\u200B")),
                Arguments.of("soft hyphens", grouped("\u00AD")),
                Arguments.of("space, no-break space, space", "4111 1111\u00A01111 1111"),
                Arguments.of("mixed separators", "4111 1111-1111.1111"),
                Arguments.of("full-width digits", "４１１１１１１１１１１１１１１１"),
                Arguments.of("full-width digits and spaces", "４１１１　１１１１　１１１１　１１１１"),
                Arguments.of("Arabic-Indic digits", "٤١١١١١١١١١١١١١١١"),
                Arguments.of("Arabic-Indic digits in groups", "٤١١١ ١١١١ ١١١١ ١١١١"),
                Arguments.of("Persian digits", "۴۱۱۱۱۱۱۱۱۱۱۱۱۱۱۱"),
                Arguments.of("Devanagari digits", "४१११११११११११११११"),
                Arguments.of("mathematical bold digits (outside the BMP)", "𝟒𝟏𝟏𝟏𝟏𝟏𝟏𝟏𝟏𝟏𝟏𝟏𝟏𝟏𝟏𝟏"),
                Arguments.of("bidi marks between the groups", "4111\u200E 1111\u200F 1111 1111"),
                Arguments.of("UATP", "135410014004955"),
                Arguments.of("UATP grouped 4-6-5", "1354 100140 04955"),
                Arguments.of("unassigned range 7", "7000000000000005"),
                Arguments.of("unassigned range 8, 19 digits", "8123456789012345673"),
                Arguments.of("unassigned range 9, 13 digits", "9900000000002"),
                Arguments.of("Amex prefix with 16 digits", "3782822463100052"),
                Arguments.of("Mastercard prefix with 13 digits", "5105105105102"),
                Arguments.of("Visa test PAN", "4111111111111111"),
                Arguments.of("Stripe Visa test PAN", "4242424242424242"),
                Arguments.of("Mastercard test PAN", "5555555555554444"),
                Arguments.of("Mastercard 2-series test PAN", "2223003122003222"),
                Arguments.of("Amex test PAN", "378282246310005"),
                Arguments.of("Discover test PAN", "6011111111111117"),
                Arguments.of("JCB test PAN", "3530111333300000"),
                Arguments.of("Diners 14-digit test PAN", "36227206271667"),
                Arguments.of("UnionPay 19-digit test PAN", "6205500000000000004"),
                Arguments.of("Maestro test PAN", "6759649826438453"),
                Arguments.of("Dankort test PAN", "5019717010103742"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cardsAsWritten")
    void everyWayOfWritingACardIsOneCard(String way, String card) {
        String text = "Bitte buchen Sie von " + card + " ab.";
        assertEquals(List.of("CREDIT_CARD:" + card), Detected.all(text), way);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cardsAsWritten")
    void theMaskedTextHoldsNoCardAnyMore(String way, String card) {
        String text = "card " + card + " thanks";
        String masked = PiiMasker.mask(text, new PiiDetector().scan(text));
        assertEquals(List.of(), Detected.values(PiiType.CREDIT_CARD, masked), way + ": " + masked);
        assertFalse(masked.codePoints().filter(Character::isDigit).count() > 10,
                way + " keeps more than 6+4 digits: " + masked);
    }

    static Stream<Arguments> notCards() {
        return Stream.of(
                Arguments.of("Luhn-invalid with dots", "4111.1111.1111.1112"),
                Arguments.of("Luhn-invalid in Arabic-Indic digits", "٤١١١١١١١١١١١١١١٢"),
                Arguments.of("Luhn-invalid order number", "Order 7000000000000007 shipped"),
                Arguments.of("compact timestamp (Luhn-valid)", "exported 20261123104501"),
                Arguments.of("epoch milliseconds (Luhn-valid)", "ts=1700000000004"),
                Arguments.of("epoch microseconds (Luhn-valid)", "ts=1700000000000001"),
                Arguments.of("1-prefixed, 16 digits (Luhn-valid)", "ref 1234567812345670"),
                Arguments.of("international phone number written with 00", "call 0049301234567894"),
                Arguments.of("one digit repeated (placeholder)", "card 8888888888888888"),
                Arguments.of("IMEI (Luhn-valid, labelled)", "IMEI 490154203237518"),
                Arguments.of("IMEI with colon", "imei: 356938035643809"),
                Arguments.of("too long with no-break spaces", "4111\u00A01111\u00A01111\u00A01111\u00A01111"),
                Arguments.of("date with dots", "23.11.2026"),
                Arguments.of("date with slashes and time", "2026/11/23 10:45"),
                Arguments.of("version", "build 10.0.19045.3803"),
                Arguments.of("IPv4", "192.168.100.200"),
                Arguments.of("12 digits outside Maestro", "411111111117"),
                Arguments.of("phone with country code", "+49 1512 3456 7890"),
                Arguments.of("glued to a word", "ORD_4111111111111111"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notCards")
    void lookAlikesAreNotCards(String what, String text) {
        assertEquals(List.of(), Detected.values(PiiType.CREDIT_CARD, text), what);
    }

    @Test
    void anImeiLabelDoesNotSaveAnAmexNumber() {
        assertEquals(List.of("378282246310005"), Detected.values(PiiType.CREDIT_CARD, "IMEI 378282246310005"));
    }

    static Stream<Arguments> ibansAsWritten() {
        return Stream.of(
                Arguments.of("Burundi", "BI4210000100010000332045181"),
                Arguments.of("Djibouti", "DJ2100010000000154000100186"),
                Arguments.of("Libya", "LY83002048000020100120361"),
                Arguments.of("Russia", "RU0204452560040702810412345678901"),
                Arguments.of("Sudan", "SD2129010501234001"),
                Arguments.of("Falklands", "FK88SC123456789012"),
                Arguments.of("Mongolia", "MN121234123456789123"),
                Arguments.of("Nicaragua", "NI45BAPR00000013000003558124"),
                Arguments.of("Oman", "OM810180000001299123456"),
                Arguments.of("Somalia", "SO211000001001000100141"),
                Arguments.of("Yemen", "YE63CBYE0001018612345678912345"),
                Arguments.of("Honduras", "HN88CABF00000000000250005469"),
                Arguments.of("Belarus", "BY13NBRB3600900000002Z00AB00"),
                Arguments.of("Russia grouped", "RU02 0445 2560 0407 0281 0412 3456 7890 1"),
                Arguments.of("Germany with no-break spaces", "DE89\u00A03704\u00A00044\u00A00532\u00A00130\u00A000"),
                Arguments.of("Germany with narrow no-break spaces", "DE89\u202F3704\u202F0044\u202F0532\u202F0130\u202F00"),
                Arguments.of("Germany with dashes", "DE89-3704-0044-0532-0130-00"),
                Arguments.of("Germany with dots", "DE89.3704.0044.0532.0130.00"),
                Arguments.of("UK in full-width letters and digits", "ＧＢ８２ＷＥＳＴ１２３４５６９８７６５４３２"),
                Arguments.of("UK full-width with ideographic spaces", "ＧＢ８２　ＷＥＳＴ　１２３４　５６９８　７６５４　３２"),
                Arguments.of("Germany, zero-width spaces", "DE89\u200B3704\u200B0044\u200B0532\u200B0130\u200B00"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ibansAsWritten")
    void everyRegistryCountryAndSeparatorIsAnIban(String way, String iban) {
        assertEquals(List.of("IBAN:" + iban), Detected.all("Konto " + iban + ", danke"), way);
    }

    static Stream<Arguments> notIbans() {
        return Stream.of(
                Arguments.of("Yemen with a wrong check", "YE15CBYE0001018612345678912345"),
                Arguments.of("Russia one short", "RU020445256004070281041234567890"),
                Arguments.of("Iran is not in the registry", "IR062960000000100324200001"),
                Arguments.of("separators change midway", "DE89 3704-0044 0532 0130 00"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notIbans")
    void wrongChecksLengthsAndNonRegistryCountriesAreNotIbans(String what, String text) {
        assertEquals(List.of(), Detected.values(PiiType.IBAN, text), what);
    }

    static Stream<Arguments> otherNumbersAsWritten() {
        return Stream.of(
                Arguments.of(PiiType.US_SSN, "no-break spaces", "536\u00A022\u00A01234"),
                Arguments.of(PiiType.US_SSN, "non-breaking hyphens", "536\u201122\u20111234"),
                Arguments.of(PiiType.US_SSN, "full-width", "５３６－２２－１２３４"),
                Arguments.of(PiiType.US_SSN, "Arabic-Indic digits", "٥٣٦-٢٢-١٢٣٤"),
                Arguments.of(PiiType.US_SSN, "dots", "536.22.1234"),
                Arguments.of(PiiType.PHONE, "no-break spaces", "+49\u00A030\u00A01234567"),
                Arguments.of(PiiType.PHONE, "full-width", "＋４９ ３０ １２３４５６７"),
                Arguments.of(PiiType.PHONE, "Arabic-Indic digits", "+٤٩ ٣٠ ١٢٣٤٥٦٧"),
                Arguments.of(PiiType.PHONE, "narrow no-break spaces, NANP", "(212)\u202F555-0147"),
                Arguments.of(PiiType.PHONE, "en dashes, NANP", "212\u2013555\u20130147"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("otherNumbersAsWritten")
    void ssnsAndPhonesAreReadTheSameWay(PiiType type, String way, String number) {
        assertEquals(List.of(type + ":" + number), Detected.all("Please note " + number + " for later."), way);
    }

    static Stream<Arguments> internationalEmails() {
        return Stream.of(
                Arguments.of("umlaut in the domain", "jane@müller.de", "jane@müller.de"),
                Arguments.of("umlaut in both parts", "jürgen@bücher.example.com", "jürgen@bücher.example.com"),
                Arguments.of("Cyrillic", "иван@пример.рф", "иван@пример.рф"),
                Arguments.of("Greek", "θέμα@παράδειγμα.ελ", "θέμα@παράδειγμα.ελ"),
                Arguments.of("Chinese", "用户@例子.中国", "用户@例子.中国"),
                Arguments.of("Devanagari with vowel signs", "संपर्क@उदाहरण.भारत", "संपर्क@उदाहरण.भारत"),
                Arguments.of("Japanese with ideographic full stops", "jane@例え。テスト", "jane@例え。テスト"),
                Arguments.of("punycode TLD", "jane@example.xn--p1ai", "jane@example.xn--p1ai"),
                Arguments.of("punycode labels", "jane@xn--mller-kva.xn--p1ai", "jane@xn--mller-kva.xn--p1ai"),
                Arguments.of("full-width at sign", "jane＠example.com", "jane＠example.com"),
                Arguments.of("inside Japanese text", "連絡先はjane@example.comです", "jane@example.com"),
                Arguments.of("before an ideographic full stop", "jane@example.com。よろしく", "jane@example.com"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("internationalEmails")
    void internationalizedAddressesAreFound(String way, String text, String email) {
        assertEquals(List.of(email), Detected.values(PiiType.EMAIL, "Mail: " + text + " "), way);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("internationalEmails")
    void internationalizedAddressesAreMaskedWhole(String way, String text, String email) {
        String masked = PiiMasker.mask(text, new PiiDetector().scan(text));
        assertFalse(masked.contains(email), way + ": " + masked);
    }

    static Stream<Arguments> notEmails() {
        return Stream.of(
                Arguments.of("one label only", "jane@例え"),
                Arguments.of("punycode prefix without a label", "jane@example.xn--"),
                Arguments.of("digits as TLD", "jane@пример.123"),
                Arguments.of("URL user-info", "https://jürgen:geheim@bücher.example.com/"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notEmails")
    void incompleteInternationalAddressesAreNot(String what, String text) {
        assertEquals(List.of(), Detected.values(PiiType.EMAIL, text), what);
    }
}
