/**
 * The Jakarta Batch job repository as the container keeps it in the Custodian database: what the standard
 * JobOperator cannot do with it (recover executions a killed server left running) is done here.
 */
package org.custodian.infrastructure.batch.repository;
