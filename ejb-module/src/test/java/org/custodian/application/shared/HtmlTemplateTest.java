package org.custodian.application.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HtmlTemplateTest {

    @Test
    void escapesEveryCharacterThatCouldOpenMarkup() {
        HtmlTemplate template = HtmlTemplate.parse("<p>{{text}}</p>");
        assertEquals("<p>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;</p>",
                template.render(Map.of("text", "<script>alert('x')</script> & \"q\"")));
        assertEquals("<p></p>", template.render(nullValue("text")));
    }

    @Test
    void aValueThatLooksLikeATagIsTextNotATemplate() {
        assertEquals("{{b}} &amp; {{#c}}", HtmlTemplate.parse("{{a}}").render(Map.of("a", "{{b}} & {{#c}}")));
    }

    @Test
    void aSectionRepeatsPerElementAndInnerNamesHideOuterOnes() {
        HtmlTemplate template = HtmlTemplate.parse(
                "{{title}}:{{#rows}} [{{id}} of {{title}}{{#cells}} {{id}}{{/cells}}]{{/rows}}.");
        Map<String, Object> page = Map.of("title", "T", "rows", List.of(
                Map.of("id", 1, "cells", List.of(Map.of("id", "a"), Map.of("id", "b"))),
                Map.of("id", 2, "cells", List.of())));
        assertEquals("T: [1 of T a b] [2 of T].", template.render(page));
        assertEquals("T:.", template.render(Map.of("title", "T", "rows", List.of())));
    }

    @Test
    void aSectionOverAScalarShowsOnceUnlessNullOrFalse() {
        HtmlTemplate template = HtmlTemplate.parse("a{{#when}} since {{when}}{{/when}}b");
        assertEquals("a since 2026b", template.render(Map.of("when", 2026)));
        assertEquals("ab", template.render(nullValue("when")));
        assertEquals("ab", template.render(Map.of("when", false)));
        assertEquals("a since trueb", template.render(Map.of("when", true)));
    }

    @Test
    void anUnknownNameOrAnUnbalancedSectionIsAnError() {
        assertThrows(IllegalArgumentException.class, () -> HtmlTemplate.parse("{{missing}}").render(Map.of()));
        assertThrows(IllegalArgumentException.class, () -> HtmlTemplate.parse("{{#a}}x"));
        assertThrows(IllegalArgumentException.class, () -> HtmlTemplate.parse("{{#a}}x{{/b}}"));
        assertThrows(IllegalArgumentException.class, () -> HtmlTemplate.parse("x{{/a}}"));
        assertThrows(IllegalArgumentException.class, () -> HtmlTemplate.parse("x{{a"));
        assertThrows(IllegalArgumentException.class,
                () -> HtmlTemplate.parse("{{#a}}x{{/a}}").render(Map.of("a", List.of("not a map"))));
    }

    @Test
    void aMissingResourceIsReportedByName() {
        assertThrows(IllegalStateException.class, () -> HtmlTemplate.fromResource(HtmlTemplateTest.class, "none.html"));
    }

    private static Map<String, Object> nullValue(String name) {
        Map<String, Object> values = new HashMap<>();
        values.put(name, null);
        return values;
    }
}
