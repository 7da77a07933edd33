package org.custodian.application.attachment;

import java.io.InputStream;

/** An upload as it arrives: the name and type the client gave, and the content as a stream (never read whole). */
public record NewAttachment(String filename, String declaredType, InputStream content) {
}
