/** Start-up schema work: Flyway brings PostgreSQL to the current version before anything else touches it. */
package org.custodian.infrastructure.migration;
