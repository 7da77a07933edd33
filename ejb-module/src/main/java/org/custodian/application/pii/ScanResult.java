package org.custodian.application.pii;

import java.util.List;
import org.custodian.domain.model.pii.PiiFinding;

/** What a scan found (offsets in UTF-16 chars, end exclusive) and the text with every finding masked. */
public record ScanResult(List<PiiFinding> findings, String masked) {
}
