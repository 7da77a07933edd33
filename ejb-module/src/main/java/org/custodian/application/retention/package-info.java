/** Retention policies, legal holds, the preview and the per-chunk work of the retention-purge job. */
package org.custodian.application.retention;
