/** JDBC-level persistence of the legacy import's bookkeeping (uploads, row outcomes, lineage). */
package org.custodian.infrastructure.imports;
