package org.custodian.domain.model.monitoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.custodian.domain.model.monitoring.AlertSubject.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AlertSubjectTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            ** PROBLEM Service Alert: web01/HTTP is CRITICAL **          | PROBLEM  | web01     | http
            ** RECOVERY Service Alert: web01/HTTP is OK **               | RECOVERY | web01     | http
            ** PROBLEM Host Alert: db02.example.org is DOWN **           | PROBLEM  | db02.example.org | host
            ** RECOVERY Host Alert: db02.example.org is UP **            | RECOVERY | db02.example.org | host
            ** ACKNOWLEDGEMENT Service Alert: web01/HTTP is CRITICAL **  | OTHER    | web01     | http
            ** FLAPPINGSTART Service Alert: web01/Disk /var is WARNING **| OTHER    | web01     | disk /var
            [PROBLEM] HTTP on web01 is CRITICAL!                         | PROBLEM  | web01     | http
            [RECOVERY] HTTP on web01 is OK!                              | RECOVERY | web01     | http
            [PROBLEM] Host web01 is DOWN!                                | PROBLEM  | web01     | host
            [RECOVERY] Host web01 is UP!                                 | RECOVERY | web01     | host
            Problem: High CPU utilization on web01                       | PROBLEM  | web01     | high cpu utilization
            Resolved in 5m 2s: High CPU utilization on web01             | RECOVERY | web01     | high cpu utilization
            Resolved: web01: Disk space is low (used > 90%)              | RECOVERY | web01     | disk space is low (used > #%)
            Problem: web01: Disk space is low (used > 95%)               | PROBLEM  | web01     | disk space is low (used > #%)
            [FIRING:1] InstanceDown (node01:9100 node critical)          | PROBLEM  | node01:9100 | instancedown
            [FIRING:3] InstanceDown (node01:9100 node critical)          | PROBLEM  | node01:9100 | instancedown
            [RESOLVED] InstanceDown (node01:9100 node critical)          | RECOVERY | node01:9100 | instancedown
            [FIRING:2] HighLatency                                       | PROBLEM  |           | highlatency
            RE: ** PROBLEM Service Alert: web01/HTTP is CRITICAL **      | PROBLEM  | web01     | http
            """)
    void parsesTheCommonForms(String subject, Kind kind, String host, String check) {
        AlertSubject parsed = AlertSubject.parse(subject);
        assertEquals(kind, parsed.kind(), "kind of " + subject);
        assertEquals(host == null ? "" : host, parsed.host(), "host of " + subject);
        assertEquals(check, parsed.check(), "check of " + subject);
    }

    @Test
    void aRecoveryHasTheFingerprintOfItsProblem() {
        assertEquals(AlertSubject.parse("** PROBLEM Service Alert: web01/HTTP is CRITICAL **").fingerprint("nagios"),
                AlertSubject.parse("** RECOVERY Service Alert: web01/HTTP is OK **").fingerprint("nagios"));
        assertEquals(AlertSubject.parse("Problem: High CPU utilization on web01").fingerprint("zabbix"),
                AlertSubject.parse("Resolved in 1h 3m: High CPU utilization on web01").fingerprint("zabbix"));
        assertEquals(AlertSubject.parse("[FIRING:1] InstanceDown (node01:9100 node critical)").fingerprint("am"),
                AlertSubject.parse("[RESOLVED] InstanceDown (node01:9100 node critical)").fingerprint("am"));
    }

    @Test
    void hostsChecksAndSourcesTellAlertsApart() {
        String web01 = AlertSubject.parse("** PROBLEM Service Alert: web01/HTTP is CRITICAL **").fingerprint("n");
        assertNotEquals(web01, AlertSubject.parse("** PROBLEM Service Alert: web02/HTTP is CRITICAL **")
                .fingerprint("n"));
        assertNotEquals(web01, AlertSubject.parse("** PROBLEM Service Alert: web01/SSH is CRITICAL **")
                .fingerprint("n"));
        assertNotEquals(web01, AlertSubject.parse("** PROBLEM Service Alert: web01/HTTP is CRITICAL **")
                .fingerprint("other"));
        assertEquals(web01, AlertSubject.parse("**  PROBLEM Service Alert:   WEB01/HTTP is WARNING **")
                .fingerprint("N"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Backup job 4711 failed at 2026-12-07T02:00:01Z           | backup job # failed at <time>
            Backup job 4712 failed at 2026-12-08 03:15:59            | backup job # failed at <time>
            Job   deadbeef01 failed on   07.12.2026                  | job <id> failed on <time>
            Run 3f2a1c9e-1b2c-4d5e-8f90-0a1b2c3d4e5f aborted at 23:59:01 | run <id> aborted at <time>
            Pointer 0x7ffe12 null, load 0.93                         | pointer <id> null, load #
            ABBA faced a decade                                      | abba faced a decade
            """)
    void normalizesNumbersTimestampsIdsAndWhitespace(String text, String normalized) {
        assertEquals(normalized, AlertSubject.normalize(text));
    }

    @Test
    void anyOtherSubjectIsNormalizedAsAWholeWithoutItsStateWords() {
        AlertSubject first = AlertSubject.parse("ALERT: disk /dev/sda1 at 91% on 2026-12-07 02:00");
        AlertSubject again = AlertSubject.parse("Alert:  disk /dev/sda1 at 97% on 2026-12-08 04:10");
        assertEquals(first.fingerprint("x"), again.fingerprint("x"));
        assertEquals(Kind.PROBLEM, first.kind());
        AlertSubject over = AlertSubject.parse("RESOLVED disk /dev/sda1 at 12% on 2026-12-08 05:00");
        assertEquals(Kind.RECOVERY, over.kind());
        assertEquals(first.fingerprint("x"), over.fingerprint("x"));
    }
}
