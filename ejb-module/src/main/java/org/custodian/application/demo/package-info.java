/**
 * The demo data set (like Cargo Tracker's sample data): on a first start with {@code custodian.demo.seed} on, one
 * user per role, a few customers, tickets and grants, written through the domain repositories with one audit event,
 * then a log line saying how to sign in. The one-command run and the integration tests turn it on; production
 * leaves it off.
 */
package org.custodian.application.demo;
