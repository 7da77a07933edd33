package org.custodian.interfaces.rest.shared;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;
import org.custodian.application.audit.SequenceAfterCommit;

/**
 * A response leaves only once the audit events its transactions committed are chained into the trail, so a client
 * (or an auditor right behind it) never sees an operation whose event is not verifiable yet. The waiting happens
 * here, after the transactions ended and gave their connections back, not inside their commit.
 */
@Provider
public class AuditChainedFilter implements ContainerResponseFilter {

    @Inject
    SequenceAfterCommit afterCommit;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        afterCommit.awaitOwnEvents();
    }
}
