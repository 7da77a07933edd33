package org.custodian.application.macro;

import java.util.List;

/**
 * A macro filled for one ticket: the text to edit before sending, and a note per placeholder left out because
 * the user may not see its value (a masked value is filled in masked).
 */
public record FilledMacro(long macroId, long ticketId, String text, List<String> notes) {
}
