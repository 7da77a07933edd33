package org.custodian.interfaces.web;

import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A file sent from a portal action instead of the page (an audit export, a CSV report, an attachment): the response
 * is reset, so the guard's headers are set again (not cached, no sniffing), and JSF renders nothing after it.
 */
public final class Download {

    /** Writes the file's bytes. */
    @FunctionalInterface
    public interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    private Download() {
    }

    /** {@code Content-Disposition} for a file name of plain ASCII (ours: exports and reports). */
    public static String attachment(String fileName) {
        return "attachment; filename=\"" + fileName + "\"";
    }

    /** Sends a text file in UTF-8 of this type. */
    public static void text(String contentType, String fileName, String text) throws IOException {
        send(contentType, true, attachment(fileName), out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** Sends a file; {@code utf8}: also say the response's character encoding (text types). */
    public static void send(String contentType, boolean utf8, String disposition, Body body) throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        external.responseReset();
        // the reset cleared the guard's headers: a download is not to be cached either
        external.setResponseHeader("Cache-Control", "no-store");
        external.setResponseHeader("X-Content-Type-Options", "nosniff");
        external.setResponseContentType(contentType);
        if (utf8) {
            external.setResponseCharacterEncoding(StandardCharsets.UTF_8.name());
        }
        external.setResponseHeader("Content-Disposition", disposition);
        body.writeTo(external.getResponseOutputStream());
        faces.responseComplete();
    }
}
