package org.custodian.domain.model.ticket;

import java.util.regex.Pattern;
import org.custodian.domain.shared.RuleCheck;

/**
 * The editable, descriptive part of a ticket, validated as a whole so that every bad field is
 * reported at once.
 *
 * <p>Formats: product SKU {@code ABC-1234} (2-5 capitals, dash, 3-6 digits, optional
 * {@code -XX} variant of 1-3 capitals or digits); site code {@code FRA-01} (3 capitals, dash,
 * 2 digits); category an upper-case word such as {@code HARDWARE} or {@code BACKUP}.
 */
public record TicketDetails(String subject, String description, TicketPriority priority, String category,
        String productSku, String siteCode, String assignee) {

    public static final Pattern PRODUCT_SKU = Pattern.compile("^[A-Z]{2,5}-[0-9]{3,6}(-[A-Z0-9]{1,3})?$");
    public static final Pattern SITE_CODE = Pattern.compile("^[A-Z]{3}-[0-9]{2}$");
    public static final Pattern CATEGORY = Pattern.compile("^[A-Z][A-Z_]{1,39}$");
    /** As {@code UserRules}: '@' too, since an IdP's user names are often e-mail addresses (#22). */
    public static final Pattern USERNAME = Pattern.compile("^[a-z0-9][a-z0-9._@-]{1,63}$");

    public static final int SUBJECT_MAX = 200;
    public static final int DESCRIPTION_MAX = 20_000;

    public void validate() {
        RuleCheck check = new RuleCheck();
        check(check);
        check.throwIfAny();
    }

    /** Adds every broken rule of these details to {@code check}, so callers can report them with their own. */
    public void check(RuleCheck check) {
        check.requireText(subject, "subject", SUBJECT_MAX)
                .requireMultilineText(description, "description", DESCRIPTION_MAX)
                .require(priority != null, "priority", "is required; one of LOW, NORMAL, HIGH, URGENT")
                .require(category != null && CATEGORY.matcher(category).matches(), "category",
                        "is required: an upper-case word of 2-40 letters or underscores, e.g. HARDWARE");
        if (productSku != null) {
            check.require(PRODUCT_SKU.matcher(productSku).matches(), "productSku",
                    "must look like ABC-1234 or ABC-1234-X1 (2-5 capitals, dash, 3-6 digits, optional variant)");
        }
        if (siteCode != null) {
            check.require(SITE_CODE.matcher(siteCode).matches(), "siteCode",
                    "must look like FRA-01 (3 capitals, dash, 2 digits)");
        }
        if (assignee != null) {
            check.require(USERNAME.matcher(assignee).matches(), "assignee",
                    "must be a username (2-64 lower-case letters, digits, '.', '_', '-' or '@')");
        }
    }
}
