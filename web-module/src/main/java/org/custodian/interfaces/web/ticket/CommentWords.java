package org.custodian.interfaces.web.ticket;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.util.Map;
import org.custodian.interfaces.web.Flow;

/**
 * A comment's meta line in words: "Staff only" or "Customer and staff" for its visibility, "by e-mail", "by phone"
 * for its channel; nothing for a part the policy did not show (instead of a dangling separator).
 */
@Named
@ApplicationScoped
public class CommentWords {

    public String visibility(Map<String, Object> comment) {
        Object visibility = comment == null ? null : comment.get("visibility");
        return visibility == null ? "" : Flow.text("comment.visibility." + visibility);
    }

    public String channel(Map<String, Object> comment) {
        Object channel = comment == null ? null : comment.get("channel");
        return channel == null ? "" : Flow.text("comment.channel." + channel);
    }

    public boolean internal(Map<String, Object> comment) {
        return comment != null && "INTERNAL".equals(comment.get("visibility"));
    }
}
