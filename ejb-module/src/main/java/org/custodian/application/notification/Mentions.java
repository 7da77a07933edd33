package org.custodian.application.notification;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The usernames a comment mentions as {@code @username}. An {@code @} inside a word (an address such as
 * jane@example.com) is no mention; a full stop, comma or other punctuation after the name ends it.
 */
public final class Mentions {

    /** Usernames are lower case letters, digits and {@code . _ @ -} (UserRules); a mention ends on a letter or digit. */
    private static final Pattern MENTION = Pattern.compile(
            "(?<![\\p{Alnum}._@-])@([A-Za-z0-9](?:[A-Za-z0-9._@-]{0,62}[A-Za-z0-9])?)");
    private static final int MAX = 20;

    private Mentions() {
    }

    /** In the order written, each once, lower case; at most 20 (a comment is not a mailing list). */
    public static Set<String> in(String text) {
        Set<String> names = new LinkedHashSet<>();
        if (text == null || text.indexOf('@') < 0) {
            return names;
        }
        Matcher matcher = MENTION.matcher(text);
        while (matcher.find() && names.size() < MAX) {
            names.add(matcher.group(1).toLowerCase(Locale.ROOT));
        }
        return names;
    }
}
