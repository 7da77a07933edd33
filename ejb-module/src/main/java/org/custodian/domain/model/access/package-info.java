/**
 * Access beyond the defaults, each time-bound or revocable and always explained in the trail: region transfer
 * rules, contractor grants, break-glass overrides, and the notifications they raise.
 */
package org.custodian.domain.model.access;
