package org.custodian.domain.model.mail;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The message ids of {@code In-Reply-To} and {@code References} headers (RFC 5322 msg-id lists). */
public final class MessageIds {

    private static final Pattern ID = Pattern.compile("<[^<>\\s]{1,900}>");
    /** How many references a mail we send carries (RFC 5322 allows trimming the middle of a long thread). */
    public static final int KEPT = 10;

    private MessageIds() {
    }

    public static List<String> parse(String header) {
        List<String> ids = new ArrayList<>();
        if (header != null) {
            Matcher matcher = ID.matcher(header);
            while (matcher.find()) {
                ids.add(matcher.group());
            }
        }
        return ids;
    }

    /** The references of a reply: the parent's references and the parent itself, the first and the last few kept. */
    public static String referencesAfter(String parentReferences, String parentId) {
        List<String> ids = parse(parentReferences);
        if (parentId != null) {
            ids.add(parentId);
        }
        if (ids.size() > KEPT) {
            List<String> kept = new ArrayList<>();
            kept.add(ids.get(0));
            kept.addAll(ids.subList(ids.size() - (KEPT - 1), ids.size()));
            ids = kept;
        }
        return ids.isEmpty() ? null : String.join(" ", ids);
    }
}
