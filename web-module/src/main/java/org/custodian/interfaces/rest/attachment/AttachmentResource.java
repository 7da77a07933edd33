package org.custodian.interfaces.rest.attachment;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.custodian.application.attachment.AttachmentContent;
import org.custodian.application.attachment.AttachmentService;
import org.custodian.application.attachment.AttachmentView;
import org.custodian.domain.shared.RuleCheck;
import org.custodian.interfaces.rest.shared.BodyLimit;
import org.custodian.interfaces.rest.shared.Created;
import org.custodian.interfaces.rest.shared.CurrentCaller;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * Attachments of a ticket (#24). Uploads are multipart/form-data with one part {@code file}; the content is read as
 * a stream and encrypted as it arrives. Downloads stream the decrypted content with the sniffed type, as an
 * attachment (never rendered inline) and {@code nosniff}.
 */
@Path("tickets/{id}/attachments")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
public class AttachmentResource {

    @EJB
    AttachmentService attachments;

    @Inject
    CurrentCaller caller;

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @BodyLimit(kib = 65536) // the container's own limit; the configured per-file limit is checked while streaming
    @Operation(summary = "Attach a file (multipart/form-data, part 'file') to a ticket; 413 over the limits, 415 for"
            + " a type not accepted or bytes that are not of the declared type")
    public Response upload(@PathParam("id") long ticketId, @FormParam("file") EntityPart file, @Context UriInfo uri) {
        if (file == null) {
            new RuleCheck().require(false, "file", "send the file as the multipart/form-data part named 'file'")
                    .throwIfAny();
        }
        String type = file.getMediaType() == null ? MediaType.APPLICATION_OCTET_STREAM
                : file.getMediaType().toString();
        String name = file.getFileName().map(AttachmentResource::utf8Name).orElse(null);
        try (InputStream content = file.getContent()) {
            AttachmentView view = attachments.upload(caller.get(), ticketId,
                    new org.custodian.application.attachment.NewAttachment(name, type, content));
            return Created.at(uri, view.id(), view.body()).build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GET
    @Operation(summary = "The ticket's attachments: name, type, size, SHA-256, source, PII findings, whether you may"
            + " download it")
    public Map<String, Object> list(@PathParam("id") long ticketId) {
        List<Map<String, Object>> items = attachments.list(caller.get(), ticketId).stream().map(AttachmentView::body)
                .toList();
        return Map.of("items", items, "total", items.size());
    }

    @GET
    @Path("{aid}")
    @Produces(MediaType.WILDCARD)
    @Operation(summary = "Download an attachment (streamed); 403 for those who see customer data masked (a reveal of"
            + " attachment.content allows it), 410 once the customer was erased")
    public Response download(@PathParam("id") long ticketId, @PathParam("aid") long attachmentId) {
        AttachmentContent content = attachments.download(caller.get(), ticketId, attachmentId);
        StreamingOutput body = out -> content.writer().writeTo(out);
        AttachmentView view = content.view();
        return Response.ok(body, view.contentType()).header("Content-Disposition", disposition(view.filename()))
                .header("X-Content-Type-Options", "nosniff").header("Content-Length", view.size())
                .header("Cache-Control", "no-store").build();
    }

    /**
     * Browsers and curl send a file name's UTF-8 bytes as they are (RFC 7578 §4.2); a multipart reader that decodes
     * header bytes as ISO-8859-1 turns "März" into "MÃ¤rz". Such a name is decoded again as UTF-8 when its bytes are
     * valid UTF-8 (a real Latin-1 name almost never is).
     */
    public static String utf8Name(String name) {
        if (name.chars().allMatch(c -> c < 0x100) && name.chars().anyMatch(c -> c >= 0x80)) {
            try {
                return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(
                        name.getBytes(StandardCharsets.ISO_8859_1))).toString();
            } catch (java.nio.charset.CharacterCodingException notUtf8) {
                return name;
            }
        }
        return name;
    }

    /** RFC 6266: an ASCII fallback and the UTF-8 name ({@code filename*}, RFC 8187). */
    static String disposition(String filename) {
        String ascii = filename.replaceAll("[^\\x20-\\x7E]", "_").replace("\\", "_").replace("\"", "_");
        String encoded = URLEncoder.encode(filename, StandardCharsets.UTF_8).replace("+", "%20");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }
}
