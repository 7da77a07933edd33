package org.custodian.interfaces.rest.pii;

import java.util.List;

/** {"findings":[{"type","start","end"}],"masked":"..."} */
public record ScanReply(List<Finding> findings, String masked) {

    public record Finding(String type, int start, int end) {
    }
}
