/** Launching and observing Jakarta Batch jobs. */
package org.custodian.application.job;
