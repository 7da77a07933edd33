/** /api/v1/jobs: launch batch jobs and watch their executions. */
package org.custodian.interfaces.rest.job;
