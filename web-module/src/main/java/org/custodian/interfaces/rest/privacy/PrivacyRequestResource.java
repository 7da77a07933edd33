package org.custodian.interfaces.rest.privacy;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.custodian.application.job.JobService;
import org.custodian.application.privacy.PrivacyRequestService;
import org.custodian.application.privacy.PrivacyRequestService.NewRequest;
import org.custodian.application.privacy.PrivacyRequestService.RequestView;
import org.custodian.application.privacy.SubjectPackageService;
import org.custodian.domain.shared.RuleCheck;
import org.custodian.interfaces.rest.shared.Created;
import org.custodian.interfaces.rest.shared.CurrentCaller;
import org.custodian.interfaces.rest.shared.JsonBody;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

@Path("privacy/requests")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
public class PrivacyRequestResource {

    private static final Set<String> REQUEST_FIELDS =
            Set.of("type", "customerId", "email", "phone", "receivedAt", "assignee", "purposes");

    private static final Set<String> RECTIFY_FIELDS = Set.of("customerId", "name", "email", "phone", "nationalId");

    @EJB
    PrivacyRequestService requests;

    @EJB
    SubjectPackageService subjectPackages;

    @EJB
    JobService jobs;

    /** Where subjects reach this server, e.g. https://help.example.com (links are built from it when set). */
    @Inject
    @ConfigProperty(name = "custodian.public-url")
    Optional<String> publicUrl;

    @Inject
    CurrentCaller caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Register a data subject request (privacy officer): {type ACCESS|PORTABILITY|RECTIFICATION|"
            + "ERASURE|RESTRICTION|OBJECTION, customerId? email? phone? (every record with them is found),"
            + " receivedAt?, assignee?, purposes? (OBJECTION: the consent purposes objected to)}; due 30 days after"
            + " receipt")
    public Response register(byte[] body, @Context UriInfo uri) {
        NewRequest input = JsonBody.read(body, REQUEST_FIELDS,
                json -> new NewRequest(json.text("type"), json.wholeNumber("customerId"), json.text("email"),
                        json.text("phone"), json.text("receivedAt"), json.text("assignee"),
                        json.textList("purposes")));
        RequestView created = requests.register(caller.get(), input);
        return Created.at(uri, created.id(), created).build();
    }

    @GET
    @Operation(summary = "The register, soonest due first; overdue=true for the overdue list, dueWithinDays=N for"
            + " open requests due within N days")
    public List<RequestView> list(@QueryParam("overdue") String overdue,
            @QueryParam("dueWithinDays") String dueWithinDays) {
        // read as text: a malformed value is a 422 naming the parameter, not the container's bare 404
        RuleCheck check = new RuleCheck();
        check.require(overdue == null || overdue.matches("true|false"), "overdue", "must be true or false");
        check.require(dueWithinDays == null || dueWithinDays.matches("[0-9]{1,3}"), "dueWithinDays",
                "must be a whole number of days from 0 to 365");
        check.throwIfAny();
        return requests.list(caller.get(), Boolean.parseBoolean(overdue),
                dueWithinDays == null ? null : Integer.valueOf(dueWithinDays));
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One request")
    public RequestView get(@PathParam("id") long id) {
        return requests.get(caller.get(), id);
    }

    @POST
    @Path("{id}/verify")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record how the subject's identity was verified: {method}")
    public RequestView verify(@PathParam("id") long id, byte[] body) {
        return requests.verifyIdentity(caller.get(), id, JsonBody.textField(body, "method"));
    }

    @POST
    @Path("{id}/start")
    @Operation(summary = "Start the work; an erasure a legal hold covers becomes BLOCKED_BY_HOLD naming the hold")
    public RequestView start(@PathParam("id") long id) {
        return requests.start(caller.get(), id);
    }

    @POST
    @Path("{id}/complete")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Complete: {outcome}")
    public RequestView complete(@PathParam("id") long id, byte[] body) {
        return requests.complete(caller.get(), id, JsonBody.textField(body, "outcome"));
    }

    @POST
    @Path("{id}/erase")
    @Operation(summary = "Carry out an ERASURE request that is IN_PROGRESS: the subject's records are anonymized,"
            + " the erasure is recorded in the ledger (re-applied after every restore) and the request completed;"
            + " a legal hold placed since the start blocks it instead (BLOCKED_BY_HOLD)")
    public RequestView erase(@PathParam("id") long id) {
        return requests.erase(caller.get(), id);
    }

    @POST
    @Path("{id}/object")
    @Operation(summary = "Carry out an OBJECTION request that is IN_PROGRESS (Art. 21): {purposes?} (default: those"
            + " named at registration) become refused for every record of the subject, as a withdrawn consent is,"
            + " and stay refused (a later consent to them is a 409)")
    public RequestView object(@PathParam("id") long id, byte[] body) {
        RuleCheck check = new RuleCheck();
        List<String> purposes = JsonBody.optional(body, Set.of("purposes"), check).textList("purposes");
        check.throwIfAny();
        return requests.object(caller.get(), id, purposes);
    }

    @POST
    @Path("{id}/restrict")
    @Operation(summary = "Carry out a RESTRICTION request that is IN_PROGRESS: the subject's records stay stored but"
            + " only privacy officers see them; searches and retention leave them out until lifted")
    public RequestView restrict(@PathParam("id") long id) {
        return requests.restrict(caller.get(), id);
    }

    @POST
    @Path("{id}/lift")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Lift the restrictions this request made: {reason} (tell the subject first, Art. 18(3))")
    public List<PrivacyRequestService.RestrictionView> lift(@PathParam("id") long id, byte[] body) {
        return requests.liftRestriction(caller.get(), id, JsonBody.textField(body, "reason"));
    }

    @GET
    @Path("{id}/restrictions")
    @Operation(summary = "The restrictions this request made, active or lifted")
    public List<PrivacyRequestService.RestrictionView> restrictions(@PathParam("id") long id) {
        return requests.restrictions(caller.get(), id);
    }

    @POST
    @Path("{id}/package")
    @Operation(summary = "Build the access / portability package of an ACCESS or PORTABILITY request that is"
            + " IN_PROGRESS (the subject-package job): 202 with the package and its expiring download link, shown"
            + " only here; give the link to the subject")
    public Response buildPackage(@PathParam("id") long id, @Context UriInfo uri) {
        SubjectPackageService.Prepared prepared = jobs.startSubjectPackage(caller.get(), id);
        // the configured public address when there is one: never trust a Host header with a secret link
        String link = publicUrl.map(base -> base.replaceAll("/+$", "") + prepared.downloadPath())
                .orElseGet(() -> uri.getBaseUriBuilder().path(prepared.downloadPath().replaceFirst("^/api/v1/", ""))
                        .build().toString());
        return Response.accepted(Map.of("package", prepared.view(), "downloadUrl", link))
                .location(uri.getBaseUriBuilder().path("privacy/requests/{id}/packages").build(id)).build();
    }

    @POST
    @Path("{id}/packages/{packageId}/revoke")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Revoke a package's link and delete its file: {reason}")
    public SubjectPackageService.PackageView revokePackage(@PathParam("id") long id,
            @PathParam("packageId") long packageId, byte[] body) {
        return subjectPackages.revoke(caller.get(), id, packageId, JsonBody.textField(body, "reason"));
    }

    @GET
    @Path("{id}/packages")
    @Operation(summary = "The request's packages, newest first: status, expiry, size, SHA-256, downloads")
    public List<SubjectPackageService.PackageView> packages(@PathParam("id") long id) {
        return subjectPackages.packages(caller.get(), id);
    }

    @POST
    @Path("{id}/rectify")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Rectify a subject record for a RECTIFICATION request that is IN_PROGRESS: {customerId,"
            + " name?, email?, phone?, nationalId?} (an empty string clears); before and after go into the trail as"
            + " keyed hashes")
    public PrivacyRequestService.Rectified rectify(@PathParam("id") long id, byte[] body) {
        PrivacyRequestService.Rectification input = JsonBody.read(body, RECTIFY_FIELDS,
                json -> new PrivacyRequestService.Rectification(
                        json.wholeNumber("customerId"), json.text("name"), json.text("email"), json.text("phone"),
                        json.text("nationalId")));
        return requests.rectify(caller.get(), id, input);
    }

    @GET
    @Path("{id}/receipt")
    @Operation(summary = "The receipt of a carried-out erasure: what was erased, when, what was kept and on which"
            + " legal basis (no personal value)")
    public Response receipt(@PathParam("id") long id) {
        return Response.ok(requests.erasureReceipt(caller.get(), id), MediaType.APPLICATION_JSON_TYPE).build();
    }

    @POST
    @Path("{id}/reject")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Reject: {reason}")
    public RequestView reject(@PathParam("id") long id, byte[] body) {
        return requests.reject(caller.get(), id, JsonBody.textField(body, "reason"));
    }

    @POST
    @Path("{id}/extend")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Extend the deadline once by 60 days: {reason}")
    public RequestView extend(@PathParam("id") long id, byte[] body) {
        return requests.extend(caller.get(), id, JsonBody.textField(body, "reason"));
    }

    @POST
    @Path("{id}/assign")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Assign: {assignee}")
    public RequestView assign(@PathParam("id") long id, byte[] body) {
        return requests.assign(caller.get(), id, JsonBody.textField(body, "assignee"));
    }

}
