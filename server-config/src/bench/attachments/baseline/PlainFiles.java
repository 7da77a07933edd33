package bench.baseline;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Application;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The attachment benchmark's baseline (#24): the plainest upload and download a JAX-RS application on the same
 * Payara Micro can do. The multipart part {@code file} is read the way Custodian reads it (an {@link EntityPart}),
 * copied to a file as it is, and streamed back from it: no policy, no audit, no database, no encryption, no hashing.
 * Not part of Custodian; the benchmark script compiles it into bench-baseline.war.
 */
@ApplicationPath("/")
public class PlainFiles extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(Store.class);
    }

    /** POST /files (multipart, part "file") stores the upload; GET /files/{id} streams it back. */
    @Path("files")
    public static class Store {

        private static final AtomicLong IDS = new AtomicLong();
        private static final java.nio.file.Path DIR = java.nio.file.Path.of(System.getProperty("java.io.tmpdir"),
                "bench-baseline-files");

        @POST
        @Consumes(MediaType.MULTIPART_FORM_DATA)
        @Produces(MediaType.APPLICATION_JSON)
        public Response upload(@FormParam("file") EntityPart file) throws IOException {
            Files.createDirectories(DIR);
            long id = IDS.incrementAndGet();
            long size;
            try (InputStream in = file.getContent()) {
                size = Files.copy(in, DIR.resolve(Long.toString(id)), StandardCopyOption.REPLACE_EXISTING);
            }
            return Response.status(201).entity("{\"id\":" + id + ",\"size\":" + size + "}").build();
        }

        @GET
        @Path("{id}")
        @Produces(MediaType.APPLICATION_OCTET_STREAM)
        public Response download(@PathParam("id") long id) {
            java.nio.file.Path file = DIR.resolve(Long.toString(id));
            StreamingOutput body = out -> Files.copy(file, out);
            try {
                return Response.ok(body).header("Content-Length", Files.size(file))
                        .header("Content-Disposition", "attachment; filename=\"" + id + "\"").build();
            } catch (IOException e) {
                return Response.status(404).build();
            }
        }
    }
}
