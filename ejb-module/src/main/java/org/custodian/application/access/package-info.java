/**
 * Managing access beyond the defaults: transfer rules between regions (privacy officer), contractor grants
 * (supervisor), break-glass overrides and the notifications they raise. Decisions themselves stay in
 * {@link org.custodian.application.policy.PolicyService}.
 */
package org.custodian.application.access;
