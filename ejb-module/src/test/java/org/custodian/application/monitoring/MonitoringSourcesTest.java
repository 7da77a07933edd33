package org.custodian.application.monitoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class MonitoringSourcesTest {

    @Test
    void addressesDomainsAndMailboxesWithOrWithoutAName() {
        List<MonitoringSources.Source> sources = MonitoringSources.parse(
                " nagios=@Nagios.Example.org , alertmanager@example.org,, zabbix = mailbox:alerts ");
        assertEquals(3, sources.size());
        assertEquals("nagios", sources.get(0).name());
        assertTrue(sources.get(0).matches("mon1@nagios.example.org", "support"));
        assertFalse(sources.get(0).matches("mon1@example.org", "support"));
        assertEquals("alertmanager@example.org", sources.get(1).name());
        assertTrue(sources.get(1).matches("alertmanager@example.org", "support"));
        assertFalse(sources.get(1).matches("other@example.org", "support"));
        assertEquals("zabbix", sources.get(2).name());
        assertTrue(sources.get(2).matches("anyone@example.org", "ALERTS"));
        assertFalse(sources.get(2).matches("anyone@example.org", "support"));
        assertTrue(MonitoringSources.parse("").isEmpty());
    }
}
