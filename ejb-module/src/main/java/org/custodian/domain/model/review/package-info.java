/**
 * Access reviews: campaigns that snapshot who holds which access (roles, regions, contractor grants, backup
 * privileges) and ask a reviewer other than the holder to keep or revoke each item before a deadline.
 */
package org.custodian.domain.model.review;
