/** Finished batch job runs and their statistics per job and day, for the operators' dashboard (#25). */
package org.custodian.application.jobstats;
