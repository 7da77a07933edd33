package org.custodian.interfaces.web;

import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** A dashboard's numbers as a CSV file download, in place of the page (one way to send it, one set of headers). */
public final class CsvDownload {

    private CsvDownload() {
    }

    /** Sends {@code csv} (built with neutralised cells) as {@code file} and ends the Faces response. */
    public static void send(String file, String csv) throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        external.responseReset();
        // the reset cleared the guard's headers: the numbers are not to be cached or sniffed either
        external.setResponseHeader("Cache-Control", "no-store");
        external.setResponseHeader("X-Content-Type-Options", "nosniff");
        external.setResponseContentType("text/csv; charset=UTF-8");
        external.setResponseHeader("Content-Disposition", "attachment; filename=\"" + file + "\"");
        external.getResponseOutputStream().write(csv.getBytes(StandardCharsets.UTF_8));
        faces.responseComplete();
    }
}
