package org.custodian.application.policy;

import java.util.Locale;
import org.custodian.application.shared.Caller;

/**
 * Why a user other than the caller (someone the caller wants to assign work to) may not do something with a record,
 * in words about them. The decision itself is {@link AccessContext#decide}, the one every request gets; only the
 * wording is this class's.
 */
final class SubjectRefusal {

    private SubjectRefusal() {
    }

    /** Null when the user of {@code context} may do it, else why not. */
    static String of(AccessContext context, Permission permission, ResourceScope scope) {
        AccessContext.Outcome outcome = context.decide(permission, scope);
        if (outcome.allowed()) {
            return null;
        }
        Caller subject = context.caller();
        String kind = scope.type().toLowerCase(Locale.ROOT) + "s";
        String work = permission == Permission.TICKET_WRITE ? "work " + kind : "have " + permission + " on " + kind;
        if (!context.rolesAllow(permission) && !context.onlyAsContractor(permission)) {
            return "cannot " + work + ": their roles (" + (subject.roles().isEmpty() ? "none" : subject.rolesText())
                    + ") do not allow " + permission;
        }
        if (outcome.concealed() || Reserved.isReservedCategory(scope.category())) {
            return "cannot " + work + " of category " + scope.category() + " in region " + scope.region()
                    + " (only supervisors of that region may)";
        }
        if (context.onlyAsContractor(permission)) {
            return "cannot " + work + " in region " + scope.region() + (scope.category() == null ? ""
                    : " of category " + scope.category()) + ": no active access grant of theirs covers it";
        }
        if (!subject.regions().contains(scope.region())) {
            return "cannot " + work + " in region " + scope.region();
        }
        // what remains: the customer's processing is restricted (GDPR Art. 18), or a rule added after this one
        return "cannot " + work + " here: " + outcome.refusal().replace("your ", "their ").replace("you ", "they ");
    }
}
