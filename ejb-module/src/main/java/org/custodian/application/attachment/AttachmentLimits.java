package org.custodian.application.attachment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.custodian.domain.model.attachment.ContentSniffer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What an installation accepts as attachments (CUSTODIAN_ATTACHMENTS_*): bytes per file, bytes per ticket, and the
 * media types, checked against the declared type and against what the bytes are.
 */
@ApplicationScoped
public class AttachmentLimits {

    @Inject
    @ConfigProperty(name = "custodian.attachments.max-file-bytes", defaultValue = "52428800")
    long maxFileBytes;

    @Inject
    @ConfigProperty(name = "custodian.attachments.max-ticket-bytes", defaultValue = "209715200")
    long maxTicketBytes;

    @Inject
    @ConfigProperty(name = "custodian.attachments.allowed-types", defaultValue = "text/plain,text/csv,text/x-log,"
            + "application/json,message/rfc822,application/pdf,image/png,image/jpeg,image/gif,application/zip,"
            + "application/vnd.openxmlformats-officedocument.wordprocessingml.document,"
            + "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    String allowedTypes;

    public long maxFileBytes() {
        return maxFileBytes;
    }

    public long maxTicketBytes() {
        return maxTicketBytes;
    }

    public List<String> allowedTypes() {
        return Arrays.stream(allowedTypes.split(",")).map(type -> type.trim().toLowerCase(Locale.ROOT))
                .filter(type -> !type.isEmpty()).toList();
    }

    /** A declared type must be allowed; content declared as octet-stream is judged by what its bytes are. */
    boolean allows(String declared, String sniffed) {
        String type = ContentSniffer.baseType(declared);
        return allowedTypes().contains(type.equals(ContentSniffer.BINARY) ? sniffed : type);
    }
}
