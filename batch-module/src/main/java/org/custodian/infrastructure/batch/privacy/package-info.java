/** Data subject rights jobs: transcript-removal (chat transcripts after a consent withdrawal) and subject-package. */
package org.custodian.infrastructure.batch.privacy;
