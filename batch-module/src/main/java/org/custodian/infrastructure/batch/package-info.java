/** Batch artifacts shared by several jobs. */
package org.custodian.infrastructure.batch;
