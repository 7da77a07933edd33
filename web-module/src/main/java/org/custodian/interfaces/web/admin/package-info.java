/**
 * The admin console: batch jobs for operators (launch with parameters, live progress, stop, restart, history) and
 * legal holds for privacy officers. Like the agent portal, it only calls the EJB services; the policy decides.
 */
package org.custodian.interfaces.web.admin;
