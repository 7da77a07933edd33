/**
 * Backup sets: the catalog of encrypted exports, their chains (full base plus incrementals) and the tiered
 * retention that decides which sets are kept.
 */
package org.custodian.domain.model.backup;
