/** Start-up work: Flyway migrations and the optional demo data set. */
package org.custodian.infrastructure.migration;
