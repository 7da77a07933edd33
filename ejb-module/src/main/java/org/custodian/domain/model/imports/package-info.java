/**
 * Legacy import (#24): the staged uploads, each row's outcome and the lineage of imported records (which external
 * id of which source became which record). Kept in plain tables behind {@link ImportRepository}.
 */
package org.custodian.domain.model.imports;
