package org.custodian.domain.model.pii;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmailDetectionTest {

    private static List<String> emails(String text) {
        return Detected.values(PiiType.EMAIL, text);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "jane@example.com", "jane.doe+tickets@mail.example.co.uk", "j_l-dupont%x@exemple.fr", "a1@b2.de",
    })
    void practicalAddressesAreFound(String email) {
        assertEquals(List.of(email), emails("write to " + email + " today"));
    }

    @ParameterizedTest(name = "trailing \"{0}\"")
    @ValueSource(strings = {".", ",", ";", ":", ")", "]", ">", "!", "?"})
    void trailingPunctuationIsNotPartOfTheSpan(String punctuation) {
        assertEquals(List.of("jane@example.com"), emails("(mail jane@example.com" + punctuation + " now"));
    }

    @Test
    void mailtoAndAngleBracketsAreFine() {
        assertEquals(List.of("jane@example.com"), emails("<a href=\"mailto:jane@example.com\">"));
        assertEquals(List.of("jane@example.com"), emails("Jane <jane@example.com>"));
    }

    @Test
    void urlUserInfoIsNotAnEmail() {
        assertEquals(List.of(), emails("clone https://jane:s3cret@git.example.com/repo.git"));
        assertEquals(List.of(), emails("ftp://jane@files.example.com/"));
    }

    @Test
    void incompleteAddressesAreRejected() {
        assertEquals(List.of(), emails("root@localhost"));
        assertEquals(List.of(), emails("ping @jane please"));
        assertEquals(List.of(), emails("jane@example.c"));
        assertEquals(List.of(), emails("jane@example.123"));
        assertEquals(List.of(), emails("jane..doe@example.com"));
        assertEquals(List.of(), emails("jane.@example.com"));
        assertEquals(List.of(), emails("jane@-example.com"));
    }

    @Test
    void leadingDotsAreTrimmedFromTheLocalPart() {
        assertEquals(List.of("jane@example.com"), emails("...jane@example.com"));
    }
}
