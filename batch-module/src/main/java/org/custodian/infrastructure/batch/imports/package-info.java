/**
 * The legacy-import job (#24): a reader over a staged upload's rows (checkpoint: the next row), a writer that imports
 * a chunk idempotently ({@code ImportRows}), and a listener that keeps the upload's state with the execution's.
 */
package org.custodian.infrastructure.batch.imports;
