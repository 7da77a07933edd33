package org.custodian.application.audit.siem;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.custodian.application.audit.AuditEventJson;
import org.custodian.domain.model.audit.AuditEvent;
import org.custodian.domain.model.audit.AuditEventRepository;
import org.custodian.domain.model.audit.SiemDelivery;
import org.custodian.domain.model.audit.SiemDeliveryRepository;
import org.custodian.domain.model.audit.SyslogFormat;
import org.eclipse.microprofile.config.inject.ConfigProperty;

@Stateless
public class DefaultSiemDeliveryService implements SiemDeliveryService {

    static final String SINK = "syslog";

    @Inject
    private AuditEventRepository events;

    @Inject
    private SiemDeliveryRepository deliveries;

    @Inject
    private SiemTransport sender;

    @Inject
    @ConfigProperty(name = "custodian.siem.format", defaultValue = "RFC5424")
    String format;

    @Inject
    @ConfigProperty(name = "custodian.siem.batch-size", defaultValue = "500")
    int batchSize;

    private final Clock clock = Clock.systemUTC();

    /** Its own transaction: the position row stays locked while the batch is on the wire, then moves or not. */
    @Override
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int deliverNext() {
        if (!sender.isConfigured()) {
            return 0;
        }
        SiemDelivery delivery = deliveries.lock(SINK);
        long head = events.readHead().getLastSequence();
        List<AuditEvent> batch = new ArrayList<>();
        for (AuditEvent event : events.findAfter(delivery.getDeliveredSequence(), Math.max(1, batchSize))) {
            if (event.getSequence() > head) {
                break;
            }
            if (event.getSequence() != delivery.getDeliveredSequence() + batch.size() + 1) {
                // a gap means the trail was tampered with: stop rather than skip (verification will say where)
                delivery.failed("sequence " + (delivery.getDeliveredSequence() + batch.size() + 1)
                        + " is missing from the trail; delivery holds there", clock.instant());
                break;
            }
            batch.add(event);
        }
        if (batch.isEmpty()) {
            return 0;
        }
        SyslogFormat syslog = syslogFormat();
        String hostname = hostname();
        List<String> messages = new ArrayList<>(batch.size());
        for (AuditEvent event : batch) {
            messages.add(syslog.format(event, hostname, AuditEventJson.line(event)));
        }
        try {
            sender.send(messages);
        } catch (Exception e) {
            delivery.failed(e.getClass().getSimpleName() + ": " + e.getMessage(), clock.instant());
            return 0;
        }
        delivery.delivered(batch.get(batch.size() - 1).getSequence(), clock.instant());
        return batch.size();
    }

    @Override
    public Status status() {
        long head = events.readHead().getLastSequence();
        SiemDelivery delivery = deliveries.find(SINK).orElse(null);
        long delivered = delivery == null ? 0 : delivery.getDeliveredSequence();
        return new Status(sender.isConfigured(), sender.target(), syslogFormat().name(), delivered,
                sender.isConfigured() ? head - delivered : 0, delivery == null ? null : delivery.getLastError(),
                delivery == null ? 0 : delivery.getFailures());
    }

    private SyslogFormat syslogFormat() {
        try {
            return SyslogFormat.valueOf(format.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("custodian.siem.format must be RFC5424 or CEF, not " + format, e);
        }
    }

    private static String hostname() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "custodian";
        }
    }
}
