/** The transcript-removal job's artifacts: chat transcripts whose customer withdrew consent are removed. */
package org.custodian.infrastructure.batch.consent;
